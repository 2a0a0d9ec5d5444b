package dev.payscore;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * When and how a call is retried. Off by default: set one with {@link
 * PayScoreClient.Builder#retryPolicy(RetryPolicy)}.
 *
 * <p>Only failures that are safe to retry are: a connection that could not be made (refused,
 * unknown host, no route, connect timeout), so nothing was sent; and answers where WeChat Pay asks
 * to retry with the same parameters (5xx, 429, {@code SYSTEM_ERROR}). A 4xx other than 429, a read
 * timeout, a connection lost after the request was sent, and a signature failure are never retried:
 * the outcome is unknown, so query the order first. Each attempt is signed afresh (new timestamp and
 * nonce) over the identical body. Waits grow exponentially with jitter, bounded in attempts and in
 * total time (default 3 attempts within 10 s, well inside the 5-minute signature window).
 *
 * <pre>{@code
 * PayScoreClient.builder()
 *     ...
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(3).failoverToBackupHost(true).build())
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  final int maxAttempts;
  final long initialBackoffMillis;
  final long maxBackoffMillis;
  final long maxTotalMillis;
  final @Nullable HttpUrl backupBaseUrl;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoffMillis = builder.initialBackoffMillis;
    this.maxBackoffMillis = builder.maxBackoffMillis;
    this.maxTotalMillis = builder.maxTotalMillis;
    this.backupBaseUrl = builder.failover ? builder.backupBaseUrl : null;
  }

  /**
   * Returns a builder with the defaults: 3 attempts, 200 ms first wait, 2 s largest wait, 10 s in
   * all, no failover.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + initialBackoffMillis + ".."
        + maxBackoffMillis + "ms, total<=" + maxTotalMillis + "ms, failover=" + backupBaseUrl + "}";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private long initialBackoffMillis = 200;
    private long maxBackoffMillis = 2_000;
    private long maxTotalMillis = 10_000;
    private boolean failover;
    private HttpUrl backupBaseUrl = HttpUrl.get(PayScoreClient.BACKUP_BASE_URL);

    Builder() {
    }

    /**
     * Sets how many attempts a call may make in all, the first included (default 3).
     *
     * @param attempts 1 to 10
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("maxAttempts: must be 1 to 10, got " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Sets the first wait; each next one doubles, up to {@code max} (defaults 200 ms and 2 s). A wait
     * is drawn uniformly between half and all of its value (jitter).
     *
     * @param initial the first wait
     * @param max the largest wait
     * @param unit their unit
     * @return this builder
     */
    public Builder backoff(long initial, long max, TimeUnit unit) {
      requireNonNull(unit, "unit == null");
      if (initial < 0 || max < initial) {
        throw new IllegalArgumentException("backoff: need 0 <= initial <= max");
      }
      this.initialBackoffMillis = unit.toMillis(initial);
      this.maxBackoffMillis = unit.toMillis(max);
      return this;
    }

    /**
     * Sets the time budget of a call's retries (default 10 s): no attempt starts after it. At most 2
     * minutes, to stay well inside the 5-minute signature window.
     *
     * @param total the budget
     * @param unit its unit
     * @return this builder
     */
    public Builder maxTotalTime(long total, TimeUnit unit) {
      long millis = requireNonNull(unit, "unit == null").toMillis(total);
      if (millis < 0 || millis > 120_000) {
        throw new IllegalArgumentException("maxTotalTime: must be 0 to 2 minutes, got " + millis + " ms");
      }
      this.maxTotalMillis = millis;
      return this;
    }

    /**
     * Sends retries to the backup host (备域名, an access point in another city) instead of the
     * primary one (default off).
     *
     * @param failover true to retry on the backup host
     * @return this builder
     */
    public Builder failoverToBackupHost(boolean failover) {
      this.failover = failover;
      return this;
    }

    /**
     * Sets the backup base URL (default {@link PayScoreClient#BACKUP_BASE_URL}); for tests.
     *
     * @param baseUrl the URL retries go to when failover is on
     * @return this builder
     */
    public Builder backupBaseUrl(String baseUrl) {
      this.backupBaseUrl = HttpUrl.get(requireNonNull(baseUrl, "baseUrl == null").endsWith("/")
          ? baseUrl : baseUrl + "/");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return an immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
