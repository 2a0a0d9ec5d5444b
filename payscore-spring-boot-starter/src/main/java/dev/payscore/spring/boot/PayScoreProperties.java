package dev.payscore.spring.boot;

import dev.payscore.PayScoreClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * The {@code payscore.*} properties. They are checked when the context starts: a missing or
 * malformed setting fails the start-up with a {@link PayScoreConfigurationException} naming the
 * property.
 *
 * <pre>{@code
 * payscore:
 *   merchant-id: "1900000109"
 *   merchant-serial-number: 1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C
 *   private-key: file:/etc/payscore/apiclient_key.pem
 *   wechat-pay-public-key-id: PUB_KEY_ID_0114232134912410000000000000
 *   wechat-pay-public-key: file:/etc/payscore/pub_key.pem
 *   api-v3-key: ${PAYSCORE_API_V3_KEY}
 * }</pre>
 */
@ConfigurationProperties("payscore")
public class PayScoreProperties {
  /** Whether to auto-configure payscore-client at all; false switches the whole starter off. */
  private boolean enabled = true;

  /** Merchant id (商户号): digits, e.g. 1900000109. */
  private @Nullable String merchantId;

  /**
   * Serial number of the merchant API certificate (商户API证书序列号), in hex: what {@code openssl
   * x509 -in apiclient_cert.pem -noout -serial} prints.
   */
  private @Nullable String merchantSerialNumber;

  /**
   * Merchant API private key apiclient_key.pem (商户API私钥), PKCS#8 or PKCS#1 PEM: a location such
   * as file:/etc/payscore/apiclient_key.pem or classpath:apiclient_key.pem.
   */
  private @Nullable Resource privateKey;

  /** Id of the WeChat Pay public key (微信支付公钥ID), PUB_KEY_ID_ and digits. */
  private @Nullable String wechatPayPublicKeyId;

  /**
   * WeChat Pay public key pub_key.pem (微信支付公钥), which verifies answers and notifications: a
   * location such as file:/etc/payscore/pub_key.pem.
   */
  private @Nullable Resource wechatPayPublicKey;

  /**
   * WeChat Pay platform certificates (平台证书), PEM locations; beside the public key during a
   * switch-over, or instead of it for merchants not yet on the public key.
   */
  private List<Resource> platformCertificates = new ArrayList<>();

  /**
   * APIv3 key (APIv3密钥), the 32 characters set in the merchant platform, which decrypts
   * notifications: the key itself, or the location of a file holding it (file:..., classpath:...).
   * Setting it switches the notification endpoint on. Masked in /actuator/env and configprops.
   */
  private @Nullable String apiV3Key;

  /**
   * Whether the client downloads the WeChat Pay platform certificates (平台证书) itself and follows
   * their rotation, for answers and notifications alike: before the first call or notification, and
   * again when one arrives under a serial it does not know (at most once a minute). Needs
   * payscore.api-v3-key, which decrypts them; replaces payscore.wechat-pay-public-key for a merchant
   * that verifies with platform certificates.
   */
  private boolean autoPlatformCertificates;

  /** Where requests go: the primary host, or https://api2.mch.weixin.qq.com/ (the backup host). */
  private String baseUrl = PayScoreClient.PRIMARY_BASE_URL;

  /** Connect timeout. */
  private Duration connectTimeout = Duration.ofSeconds(5);

  /** Read timeout. */
  private Duration readTimeout = Duration.ofSeconds(10);

  /** Write timeout. */
  private Duration writeTimeout = Duration.ofSeconds(10);

  /** Timeout of a whole call, retries included. */
  private Duration callTimeout = Duration.ofSeconds(30);

  /** How far an answer's or notification's Wechatpay-Timestamp may be from the clock (0 to 1 hour). */
  private Duration verificationWindow = Duration.ofSeconds(300);

  /** Largest answer body read; a larger one is refused unread. At least 1KB. */
  private DataSize maxResponseSize = DataSize.ofMegabytes(1);

  /**
   * Whether the request and verified answer bodies are logged (at DEBUG, under
   * dev.payscore.PayScoreClient, with the request lines). Bodies may hold personal data.
   */
  private boolean logBodies;

  /** Retries of failures that are safe to retry. */
  private final Retry retry = new Retry();

  /** The notification endpoint. */
  private final Notify notify = new Notify();

  /**
   * Returns whether the starter is on.
   *
   * @return true unless {@code payscore.enabled=false}
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the starter is on.
   *
   * @param enabled false to switch it off
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the merchant id.
   *
   * @return digits, or {@code null} when not set
   */
  public @Nullable String getMerchantId() {
    return merchantId;
  }

  /**
   * Sets the merchant id.
   *
   * @param merchantId digits
   */
  public void setMerchantId(@Nullable String merchantId) {
    this.merchantId = merchantId;
  }

  /**
   * Returns the merchant certificate serial.
   *
   * @return hex, or {@code null} when not set
   */
  public @Nullable String getMerchantSerialNumber() {
    return merchantSerialNumber;
  }

  /**
   * Sets the merchant certificate serial.
   *
   * @param merchantSerialNumber hex
   */
  public void setMerchantSerialNumber(@Nullable String merchantSerialNumber) {
    this.merchantSerialNumber = merchantSerialNumber;
  }

  /**
   * Returns where the merchant private key is.
   *
   * @return the location, or {@code null} when not set
   */
  public @Nullable Resource getPrivateKey() {
    return privateKey;
  }

  /**
   * Sets where the merchant private key is.
   *
   * @param privateKey a PEM file
   */
  public void setPrivateKey(@Nullable Resource privateKey) {
    this.privateKey = privateKey;
  }

  /**
   * Returns the WeChat Pay public key id.
   *
   * @return {@code PUB_KEY_ID_…}, or {@code null} when not set
   */
  public @Nullable String getWechatPayPublicKeyId() {
    return wechatPayPublicKeyId;
  }

  /**
   * Sets the WeChat Pay public key id.
   *
   * @param wechatPayPublicKeyId {@code PUB_KEY_ID_…}
   */
  public void setWechatPayPublicKeyId(@Nullable String wechatPayPublicKeyId) {
    this.wechatPayPublicKeyId = wechatPayPublicKeyId;
  }

  /**
   * Returns where the WeChat Pay public key is.
   *
   * @return the location, or {@code null} when not set
   */
  public @Nullable Resource getWechatPayPublicKey() {
    return wechatPayPublicKey;
  }

  /**
   * Sets where the WeChat Pay public key is.
   *
   * @param wechatPayPublicKey a PEM file
   */
  public void setWechatPayPublicKey(@Nullable Resource wechatPayPublicKey) {
    this.wechatPayPublicKey = wechatPayPublicKey;
  }

  /**
   * Returns where the platform certificates are.
   *
   * @return the locations, empty when none
   */
  public List<Resource> getPlatformCertificates() {
    return platformCertificates;
  }

  /**
   * Sets where the platform certificates are.
   *
   * @param platformCertificates PEM files
   */
  public void setPlatformCertificates(List<Resource> platformCertificates) {
    this.platformCertificates = platformCertificates;
  }

  /**
   * Returns the APIv3 key or the location of its file.
   *
   * @return the value as set, or {@code null} when not set
   */
  public @Nullable String getApiV3Key() {
    return apiV3Key;
  }

  /**
   * Sets the APIv3 key, or the location of a file holding it.
   *
   * @param apiV3Key 32 characters, or {@code file:…} / {@code classpath:…}
   */
  public void setApiV3Key(@Nullable String apiV3Key) {
    this.apiV3Key = apiV3Key;
  }

  /**
   * Returns whether the platform certificates are downloaded and kept current.
   *
   * @return {@code true} when they are
   */
  public boolean isAutoPlatformCertificates() {
    return autoPlatformCertificates;
  }

  /**
   * Sets whether the platform certificates are downloaded and kept current.
   *
   * @param autoPlatformCertificates {@code true} to download them; needs the APIv3 key
   */
  public void setAutoPlatformCertificates(boolean autoPlatformCertificates) {
    this.autoPlatformCertificates = autoPlatformCertificates;
  }

  /**
   * Returns where requests go.
   *
   * @return the base URL
   */
  public String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets where requests go.
   *
   * @param baseUrl an https URL ({@code http://} only for loopback addresses)
   */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout, 0 for none
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout the timeout, 0 for none
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Returns the read timeout.
   *
   * @return the timeout, 0 for none
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets the read timeout.
   *
   * @param readTimeout the timeout, 0 for none
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * Returns the write timeout.
   *
   * @return the timeout, 0 for none
   */
  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  /**
   * Sets the write timeout.
   *
   * @param writeTimeout the timeout, 0 for none
   */
  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  /**
   * Returns the timeout of a whole call.
   *
   * @return the timeout, 0 for none
   */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets the timeout of a whole call.
   *
   * @param callTimeout the timeout, 0 for none
   */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * Returns the signature timestamp window.
   *
   * @return the window
   */
  public Duration getVerificationWindow() {
    return verificationWindow;
  }

  /**
   * Sets the signature timestamp window.
   *
   * @param verificationWindow 0 to 1 hour
   */
  public void setVerificationWindow(Duration verificationWindow) {
    this.verificationWindow = verificationWindow;
  }

  /**
   * Returns the largest answer body read.
   *
   * @return the size
   */
  public DataSize getMaxResponseSize() {
    return maxResponseSize;
  }

  /**
   * Sets the largest answer body read.
   *
   * @param maxResponseSize at least 1KB
   */
  public void setMaxResponseSize(DataSize maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
  }

  /**
   * Returns whether bodies are logged.
   *
   * @return true when they are
   */
  public boolean isLogBodies() {
    return logBodies;
  }

  /**
   * Sets whether bodies are logged.
   *
   * @param logBodies true to log them (they may hold personal data)
   */
  public void setLogBodies(boolean logBodies) {
    this.logBodies = logBodies;
  }

  /**
   * Returns the retry settings.
   *
   * @return the {@code payscore.retry.*} settings
   */
  public Retry getRetry() {
    return retry;
  }

  /**
   * Returns the notification endpoint settings.
   *
   * @return the {@code payscore.notify.*} settings
   */
  public Notify getNotify() {
    return notify;
  }

  /** The {@code payscore.retry.*} properties: see {@link dev.payscore.RetryPolicy}. */
  public static class Retry {
    /** Whether failures that are safe to retry are retried (connection not made, 5xx, 429, SYSTEM_ERROR). */
    private boolean enabled;

    /** Attempts in all, the first included (1 to 10). */
    private int maxAttempts = 3;

    /** The first wait; each next one doubles, up to max-backoff. */
    private Duration initialBackoff = Duration.ofMillis(200);

    /** The largest wait between attempts. */
    private Duration maxBackoff = Duration.ofSeconds(2);

    /** Time budget of a call's retries: no attempt starts after it (at most 2 minutes). */
    private Duration maxTotalTime = Duration.ofSeconds(10);

    /** Whether retries go to the backup host (api2.mch.weixin.qq.com). */
    private boolean failoverToBackupHost;

    /**
     * Returns whether retries are on.
     *
     * @return true when they are
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether retries are on.
     *
     * @param enabled true to retry
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the number of attempts.
     *
     * @return 1 to 10
     */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the number of attempts.
     *
     * @param maxAttempts 1 to 10
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the first wait.
     *
     * @return the wait
     */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /**
     * Sets the first wait.
     *
     * @param initialBackoff the wait
     */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /**
     * Returns the largest wait.
     *
     * @return the wait
     */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the largest wait.
     *
     * @param maxBackoff the wait
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /**
     * Returns the time budget of a call's retries.
     *
     * @return the budget
     */
    public Duration getMaxTotalTime() {
      return maxTotalTime;
    }

    /**
     * Sets the time budget of a call's retries.
     *
     * @param maxTotalTime at most 2 minutes
     */
    public void setMaxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = maxTotalTime;
    }

    /**
     * Returns whether retries go to the backup host.
     *
     * @return true when they do
     */
    public boolean isFailoverToBackupHost() {
      return failoverToBackupHost;
    }

    /**
     * Sets whether retries go to the backup host.
     *
     * @param failoverToBackupHost true to fail over
     */
    public void setFailoverToBackupHost(boolean failoverToBackupHost) {
      this.failoverToBackupHost = failoverToBackupHost;
    }
  }

  /** The {@code payscore.notify.*} properties: the endpoint WeChat Pay posts notifications to. */
  public static class Notify {
    /**
     * Whether to serve the notification endpoint (servlet web applications). Default: on when
     * payscore.api-v3-key is set; true without the key fails the start-up.
     */
    private @Nullable Boolean enabled;

    /** Path of the endpoint, within the application's context path: the notify_url's path. */
    private String path = "/payscore/notify";

    /** Largest notification body read (1KB to 16MB); a larger one is answered 413 unread. */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    /**
     * Order of the endpoint's servlet filter. It runs before the filters after it (Spring Security's
     * included, at -100), so none of them can consume, re-serialise or refuse the body first.
     */
    private int filterOrder = Ordered.HIGHEST_PRECEDENCE + 10;

    /** The in-memory deduplication of notification ids (when no NotificationDeduplicator bean is defined). */
    private final Deduplication deduplication = new Deduplication();

    /**
     * Returns whether the endpoint is on.
     *
     * @return {@code null} for the default (on when the APIv3 key is set)
     */
    public @Nullable Boolean getEnabled() {
      return enabled;
    }

    /**
     * Sets whether the endpoint is on.
     *
     * @param enabled false to switch it off
     */
    public void setEnabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * Returns the endpoint's path.
     *
     * @return e.g. {@code /payscore/notify}
     */
    public String getPath() {
      return path;
    }

    /**
     * Sets the endpoint's path.
     *
     * @param path starting with {@code /}
     */
    public void setPath(String path) {
      this.path = path;
    }

    /**
     * Returns the largest body read.
     *
     * @return the size
     */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /**
     * Sets the largest body read.
     *
     * @param maxBodySize 1KB to 16MB
     */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /**
     * Returns the filter's order.
     *
     * @return the order
     */
    public int getFilterOrder() {
      return filterOrder;
    }

    /**
     * Sets the filter's order.
     *
     * @param filterOrder the order
     */
    public void setFilterOrder(int filterOrder) {
      this.filterOrder = filterOrder;
    }

    /**
     * Returns the in-memory deduplication settings.
     *
     * @return the {@code payscore.notify.deduplication.*} settings
     */
    public Deduplication getDeduplication() {
      return deduplication;
    }
  }

  /** The {@code payscore.notify.deduplication.*} properties of the in-memory deduplicator. */
  public static class Deduplication {
    /**
     * Most notification ids remembered; beyond it the oldest are forgotten. Size it for your
     * notifications over the ttl, or define a persistent NotificationDeduplicator bean.
     */
    private int maxEntries = 10_000;

    /** How long a handled notification id is remembered (WeChat Pay retries for about 24 hours). */
    private Duration ttl = Duration.ofHours(25);

    /**
     * Returns the most ids remembered.
     *
     * @return at least 1
     */
    public int getMaxEntries() {
      return maxEntries;
    }

    /**
     * Sets the most ids remembered.
     *
     * @param maxEntries at least 1
     */
    public void setMaxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
    }

    /**
     * Returns how long an id is remembered.
     *
     * @return the time to live
     */
    public Duration getTtl() {
      return ttl;
    }

    /**
     * Sets how long an id is remembered.
     *
     * @param ttl more than 0
     */
    public void setTtl(Duration ttl) {
      this.ttl = ttl;
    }
  }
}
