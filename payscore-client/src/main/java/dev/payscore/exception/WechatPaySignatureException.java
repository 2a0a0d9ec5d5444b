package dev.payscore.exception;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * An answer or notification failed signature verification; its content was discarded and is never
 * returned.
 *
 * <p>{@link #getReason()} says which check failed. A {@link Reason#PROBE_SIGNATURE} is WeChat Pay
 * testing that you verify: treat it like any other failure (for a notification, answer 4xx/5xx and
 * WeChat Pay sends it again correctly signed).
 */
public final class WechatPaySignatureException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** A {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Signature} or {@code -Serial} header is absent. */
    MISSING_HEADER,
    /** One of those headers appears more than once with different values. */
    DUPLICATE_HEADER,
    /** {@code Wechatpay-Timestamp} is not a number of seconds. */
    MALFORMED_TIMESTAMP,
    /** {@code Wechatpay-Timestamp} is outside the window around the clock (default ±300 s). */
    STALE_TIMESTAMP,
    /** The signature starts with {@code WECHATPAY/SIGNTEST/}: a probe by WeChat Pay. */
    PROBE_SIGNATURE,
    /** The signature is not Base64. */
    MALFORMED_SIGNATURE,
    /** No key is registered for {@code Wechatpay-Serial}. */
    UNKNOWN_SERIAL,
    /** The signature does not verify: the body, timestamp or nonce was altered, or the key is wrong. */
    SIGNATURE_MISMATCH,
    /**
     * The signature verifies, but the answer is not about what the request asked: another order,
     * appid, service or merchant, or another operation's answer (a replayed answer).
     */
    ANSWER_MISMATCH
  }

  /** Which check failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param detail what was seen, without any signature value
   * @param requestId the {@code Request-ID}, or {@code null}
   * @param httpStatus the HTTP status, or 0 for a notification
   */
  public WechatPaySignatureException(
      Reason reason, String detail, @Nullable String requestId, int httpStatus) {
    super(
        "Signature verification failed, "
            + requireNonNull(reason, "reason == null")
            + ": "
            + requireNonNull(detail, "detail == null"),
        httpStatus,
        requestId);
    this.reason = reason;
  }

  /**
   * Returns which check failed.
   *
   * @return the reason
   */
  public Reason getReason() {
    return reason;
  }
}
