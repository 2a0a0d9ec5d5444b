package dev.payscore.spring.boot;

import dev.payscore.PayScoreClient;
import dev.payscore.PayScoreLogger;
import dev.payscore.RetryPolicy;
import dev.payscore.auth.PemKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.unit.DataSize;

/**
 * Reads and checks the {@code payscore.*} properties. Every problem is collected and named by its
 * property, then reported at once as a {@link PayScoreConfigurationException}; no message quotes a
 * key or the APIv3 key, only where they were looked for.
 */
final class PayScoreSettings {
  /** Key, certificate and APIv3 key files are small; a larger file is the wrong file. */
  static final int MAX_FILE_BYTES = 64 * 1024;
  static final long MIN_NOTIFICATION_BYTES = 1024;
  static final long MAX_NOTIFICATION_BYTES = 16 * 1024 * 1024;

  private final PayScoreProperties properties;
  private final ResourceLoader resourceLoader;
  private final List<String> problems = new ArrayList<>();

  PayScoreSettings(PayScoreProperties properties, ResourceLoader resourceLoader) {
    this.properties = properties;
    this.resourceLoader = resourceLoader;
  }

  /**
   * Returns a client builder set from the properties; the notification properties are checked too
   * when the APIv3 key is set, so that one start-up reports every problem.
   */
  PayScoreClient.Builder clientBuilder(PayScoreLogger logger) {
    PayScoreClient.Builder builder = PayScoreClient.builder().logger(logger)
        .logBodies(properties.isLogBodies());
    merchant(builder);
    wechatPayKeys(builder);
    connection(builder);
    retry(builder);
    if (properties.getApiV3Key() != null || Boolean.TRUE.equals(properties.getNotify().getEnabled())) {
      String key = readApiV3Key();
      if (key != null) {
        builder.apiV3Key(key);
      }
      notifyEndpoint();
    }
    if (properties.isAutoPlatformCertificates()) {
      if (properties.getApiV3Key() == null) {
        problems.add("payscore.auto-platform-certificates: needs payscore.api-v3-key, the APIv3 key that decrypts"
            + " the platform certificates");
      }
      builder.autoPlatformCertificates();
    }
    throwIfProblems();
    return builder;
  }

  /** Returns the APIv3 key, checked with the notification properties. */
  String apiV3Key() {
    String key = readApiV3Key();
    notifyEndpoint();
    throwIfProblems();
    return key;
  }

  /** Returns the notification body limit, checked. */
  int maxNotificationBytes() {
    notifyEndpoint();
    throwIfProblems();
    return (int) properties.getNotify().getMaxBodySize().toBytes();
  }

  /** Builds the client; a problem only {@code build()} finds is reported like the others. */
  static PayScoreClient build(PayScoreClient.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      List<String> problems = new ArrayList<>();
      for (String line : e.getMessage().split("\n")) {
        if (line.startsWith(" - ")) {
          problems.add(property(line.substring(3)));
        }
      }
      throw new PayScoreConfigurationException(problems.isEmpty() ? List.of(e.getMessage()) : problems);
    }
  }

  /** Names the property behind one of {@code PayScoreClient.Builder.build()}'s problems. */
  private static String property(String problem) {
    String[][] names = {
        {"merchantId", "payscore.merchant-id"},
        {"merchantSerialNumber", "payscore.merchant-serial-number"},
        {"merchantPrivateKey", "payscore.private-key"},
        {"baseUrl", "payscore.base-url"},
        {"no WeChat Pay key", "payscore.wechat-pay-public-key"},
        {"the merchant's own certificate serial", "payscore.merchant-serial-number"},
        {"autoPlatformCertificates", "payscore.auto-platform-certificates"},
    };
    for (String[] name : names) {
      if (problem.startsWith(name[0])) {
        return name[1] + ": " + problem;
      }
    }
    return "payscore: " + problem;
  }

  private void merchant(PayScoreClient.Builder builder) {
    String merchantId = properties.getMerchantId();
    if (isBlank(merchantId)) {
      problems.add("payscore.merchant-id: not set (商户号, digits, e.g. 1900000109)");
    } else if (!merchantId.matches("[0-9]{1,32}")) {
      problems.add("payscore.merchant-id: must be digits, e.g. 1900000109");
    } else {
      builder.merchantId(merchantId);
    }
    String serial = properties.getMerchantSerialNumber();
    if (isBlank(serial)) {
      problems.add("payscore.merchant-serial-number: not set (openssl x509 -in apiclient_cert.pem -noout -serial)");
    } else if (!serial.matches("[0-9A-Fa-f]{1,64}")) {
      problems.add("payscore.merchant-serial-number: must be the certificate serial in hex");
    } else {
      builder.merchantSerialNumber(serial);
    }
    String pem = read(properties.getPrivateKey(), "payscore.private-key",
        "the merchant API private key apiclient_key.pem, e.g. file:/etc/payscore/apiclient_key.pem");
    if (pem != null) {
      try {
        PrivateKey key = PemKeys.privateKey(pem);
        builder.merchantPrivateKey(key);
      } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
        problems.add("payscore.private-key: " + describe(properties.getPrivateKey()) + " is not a private key: "
            + e.getMessage());
      }
    }
  }

  private void wechatPayKeys(PayScoreClient.Builder builder) {
    String id = properties.getWechatPayPublicKeyId();
    Resource location = properties.getWechatPayPublicKey();
    List<Resource> certificates = properties.getPlatformCertificates();
    if (isBlank(id) && location == null && certificates.isEmpty() && !properties.isAutoPlatformCertificates()) {
      problems.add("payscore.wechat-pay-public-key: not set, and no payscore.platform-certificates either: set"
          + " the WeChat Pay public key pub_key.pem and its id payscore.wechat-pay-public-key-id, or"
          + " payscore.auto-platform-certificates=true with payscore.api-v3-key");
    }
    if (!isBlank(id) || location != null) {
      boolean validId = false;
      if (isBlank(id)) {
        problems.add("payscore.wechat-pay-public-key-id: not set (PUB_KEY_ID_…, shown beside the public key in the"
            + " merchant platform)");
      } else if (!id.matches("PUB_KEY_ID_[0-9A-Za-z_]+")) {
        problems.add("payscore.wechat-pay-public-key-id: must be PUB_KEY_ID_ followed by digits");
      } else {
        validId = true;
      }
      String pem = read(location, "payscore.wechat-pay-public-key",
          "the WeChat Pay public key pub_key.pem, e.g. file:/etc/payscore/pub_key.pem");
      PublicKey key = null;
      if (pem != null) {
        try {
          key = PemKeys.publicKey(pem);
        } catch (IllegalArgumentException | IllegalStateException | LinkageError e) {
          problems.add("payscore.wechat-pay-public-key: " + describe(location) + " is not a public key: "
              + e.getMessage());
        }
      }
      if (validId && key != null) {
        builder.wechatPayPublicKey(id, key);
      }
    }
    for (int i = 0; i < certificates.size(); i++) {
      String name = "payscore.platform-certificates[" + i + "]";
      String pem = read(certificates.get(i), name, "a WeChat Pay platform certificate");
      if (pem != null) {
        try {
          X509Certificate certificate = PemKeys.certificate(pem);
          builder.platformCertificate(certificate);
        } catch (IllegalArgumentException e) {
          problems.add(name + ": " + describe(certificates.get(i)) + " is not a certificate: " + e.getMessage());
        }
      }
    }
  }

  private void connection(PayScoreClient.Builder builder) {
    if (isBlank(properties.getBaseUrl())) {
      problems.add("payscore.base-url: must not be empty");
    } else {
      builder.baseUrl(properties.getBaseUrl());
    }
    timeout("payscore.connect-timeout", properties.getConnectTimeout(),
        millis -> builder.connectTimeout(millis, TimeUnit.MILLISECONDS));
    timeout("payscore.read-timeout", properties.getReadTimeout(),
        millis -> builder.readTimeout(millis, TimeUnit.MILLISECONDS));
    timeout("payscore.write-timeout", properties.getWriteTimeout(),
        millis -> builder.writeTimeout(millis, TimeUnit.MILLISECONDS));
    timeout("payscore.call-timeout", properties.getCallTimeout(),
        millis -> builder.callTimeout(millis, TimeUnit.MILLISECONDS));
    Duration window = properties.getVerificationWindow();
    if (window == null || window.isNegative() || window.compareTo(Duration.ofHours(1)) > 0) {
      problems.add("payscore.verification-window: must be 0 to 1 hour, got " + window);
    } else {
      builder.verificationWindowSeconds(window.getSeconds());
    }
    long maxResponse = properties.getMaxResponseSize() == null ? -1 : properties.getMaxResponseSize().toBytes();
    if (maxResponse < 1024) {
      problems.add("payscore.max-response-size: must be at least 1KB, got " + size(properties.getMaxResponseSize()));
    } else {
      builder.maxResponseBytes(maxResponse);
    }
  }

  private void timeout(String property, @Nullable Duration timeout, Consumer<Long> setter) {
    if (timeout == null || timeout.isNegative()) {
      problems.add(property + ": must be 0 (none) or more, got " + timeout);
    } else {
      setter.accept(timeout.toMillis());
    }
  }

  private void retry(PayScoreClient.Builder builder) {
    PayScoreProperties.Retry retry = properties.getRetry();
    if (!retry.isEnabled()) {
      return;
    }
    int problemsBefore = problems.size();
    RetryPolicy.Builder policy = RetryPolicy.builder().failoverToBackupHost(retry.isFailoverToBackupHost());
    if (retry.getMaxAttempts() < 1 || retry.getMaxAttempts() > 10) {
      problems.add("payscore.retry.max-attempts: must be 1 to 10, got " + retry.getMaxAttempts());
    } else {
      policy.maxAttempts(retry.getMaxAttempts());
    }
    Duration initial = retry.getInitialBackoff();
    Duration max = retry.getMaxBackoff();
    if (initial == null || initial.isNegative()) {
      problems.add("payscore.retry.initial-backoff: must be 0 or more, got " + initial);
    } else if (max == null || max.compareTo(initial) < 0) {
      problems.add("payscore.retry.max-backoff: must be at least payscore.retry.initial-backoff (" + initial
          + "), got " + max);
    } else {
      policy.backoff(initial.toMillis(), max.toMillis(), TimeUnit.MILLISECONDS);
    }
    Duration total = retry.getMaxTotalTime();
    if (total == null || total.isNegative() || total.compareTo(Duration.ofMinutes(2)) > 0) {
      problems.add("payscore.retry.max-total-time: must be 0 to 2 minutes, got " + total);
    } else {
      policy.maxTotalTime(total.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (problems.size() == problemsBefore) {
      builder.retryPolicy(policy.build());
    }
  }

  private @Nullable String readApiV3Key() {
    String value = properties.getApiV3Key();
    if (value == null || value.isEmpty()) {
      problems.add("payscore.api-v3-key: not set (APIv3密钥, the 32 characters set in the merchant platform;"
          + " needed to decrypt notifications)");
      return null;
    }
    String key = value;
    String from = "";
    if (value.startsWith("file:") || value.startsWith("classpath:")) {
      Resource resource = resourceLoader.getResource(value);
      key = read(resource, "payscore.api-v3-key", "a file holding the APIv3 key");
      if (key == null) {
        return null;
      }
      key = key.strip();
      from = describe(resource) + " holds ";
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes != 32) {
      problems.add("payscore.api-v3-key: " + from + bytes + " bytes, but the APIv3 key is 32 characters");
      return null;
    }
    return key;
  }

  private void notifyEndpoint() {
    PayScoreProperties.Notify notify = properties.getNotify();
    String path = notify.getPath();
    if (path == null || !path.matches("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")) {
      problems.add("payscore.notify.path: must be a path starting with /, without spaces, ? or #, got " + path);
    }
    long max = notify.getMaxBodySize() == null ? -1 : notify.getMaxBodySize().toBytes();
    if (max < MIN_NOTIFICATION_BYTES || max > MAX_NOTIFICATION_BYTES) {
      problems.add("payscore.notify.max-body-size: must be 1KB to 16MB, got " + size(notify.getMaxBodySize()));
    }
    PayScoreProperties.Deduplication deduplication = notify.getDeduplication();
    if (deduplication.getMaxEntries() < 1) {
      problems.add("payscore.notify.deduplication.max-entries: must be at least 1, got "
          + deduplication.getMaxEntries());
    }
    Duration ttl = deduplication.getTtl();
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      problems.add("payscore.notify.deduplication.ttl: must be more than 0, got " + ttl);
    }
  }

  /** The text of a small file, or {@code null} with the problem recorded. */
  private @Nullable String read(@Nullable Resource resource, String property, String what) {
    if (resource == null) {
      problems.add(property + ": not set (" + what + ")");
      return null;
    }
    if (!resource.exists()) {
      problems.add(property + ": " + (isFile(resource) ? "file" : "resource") + " not found: "
          + describe(resource) + (isFile(resource) ? "" : " (for a file on disk write file:/path/to/it)"));
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        problems.add(property + ": " + describe(resource) + " is larger than 64 KiB: not " + what);
        return null;
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(property + ": " + describe(resource) + " cannot be read (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  /** A size as it would be written in the properties: 64KB, 1MB, 100B. */
  private static String size(@Nullable DataSize size) {
    if (size == null) {
      return "null";
    }
    long bytes = size.toBytes();
    if (bytes != 0 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + "MB";
    }
    return bytes != 0 && bytes % 1024 == 0 ? bytes / 1024 + "KB" : bytes + "B";
  }

  /** Where a resource is: a file's path, or the resource's own description. */
  static String describe(@Nullable Resource resource) {
    if (resource == null) {
      return "(not set)";
    }
    if (isFile(resource)) {
      try {
        return resource.getFile().getPath();
      } catch (IOException | RuntimeException e) {
        return resource.getDescription();
      }
    }
    return resource.getDescription();
  }

  private static boolean isFile(Resource resource) {
    try {
      URI uri = resource.getURI();
      return "file".equals(uri.getScheme());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new PayScoreConfigurationException(problems);
    }
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
