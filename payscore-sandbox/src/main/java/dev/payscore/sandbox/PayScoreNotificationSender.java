package dev.payscore.sandbox;

import dev.payscore.auth.Clock;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.Aead;
import dev.payscore.internal.crypto.SignedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Posts notifications as WeChat Pay does: the resource encrypted with AEAD_AES_256_GCM under the
 * APIv3 key, the envelope signed with the platform key in force, to a URL on this machine only. Pay
 * Score events carry {@code original_type} {@code payscore}, refund events ({@code REFUND.*}) {@code
 * refund}.
 */
final class PayScoreNotificationSender {
  static final String USER_ACCEPTED = "PAYSCORE.USER_ACCEPTED";
  static final String USER_PAID = "PAYSCORE.USER_PAID";
  static final String REFUND_SUCCESS = "REFUND.SUCCESS";
  static final String REFUND_ABNORMAL = "REFUND.ABNORMAL";
  static final String REFUND_CLOSED = "REFUND.CLOSED";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final PlatformKey.Source keys;
  private final Clock clock;
  private final SignatureScheme scheme;
  private final String apiV3Key;

  PayScoreNotificationSender(PlatformKey.Source keys, String apiV3Key, Clock clock, SignatureScheme scheme) {
    this.keys = keys;
    this.apiV3Key = apiV3Key;
    this.clock = clock;
    this.scheme = scheme;
  }

  String apiV3Key() {
    return apiV3Key;
  }

  static void requireLoopback(String url) {
    if (!isLoopback(url)) {
      throw new IllegalArgumentException("url: the sandbox only notifies http://127.0.0.1 or localhost, got " + url);
    }
  }

  /** Whether the sandbox may post to {@code url}: {@code http://127.0.0.1} or {@code localhost} only. */
  static boolean isLoopback(String url) {
    String host;
    try {
      host = new URL(url).getHost();
    } catch (IOException e) {
      return false;
    }
    return url.startsWith("http://") && (host.equals("127.0.0.1") || host.equals("localhost"));
  }

  int send(String url, String eventType, String resourceJson) throws IOException {
    requireLoopback(url);
    String nonce = random(12);
    boolean refund = eventType.startsWith("REFUND.");
    String originalType = refund ? "refund" : "payscore";
    String associatedData = originalType;
    String summary = !refund ? "支付分通知" : eventType.equals(REFUND_SUCCESS) ? "退款成功"
        : eventType.equals(REFUND_ABNORMAL) ? "退款异常" : "退款关闭";
    String ciphertext = encrypt(resourceJson, nonce, associatedData);
    long now = clock.epochSeconds();
    SimpleDateFormat rfc3339 = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);
    rfc3339.setTimeZone(TimeZone.getTimeZone("GMT+08:00"));
    String body = "{\"id\":\"EV-" + random(20) + "\",\"create_time\":\"" + rfc3339.format(new Date(now * 1000L))
        + "\",\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType
        + "\",\"summary\":\"" + summary + "\",\"resource\":{\"original_type\":\"" + originalType + "\",\"algorithm\":\""
        + algorithm() + "\","
        + "\"ciphertext\":\"" + ciphertext + "\",\"nonce\":\"" + nonce + "\",\"associated_data\":\"" + associatedData + "\"}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signatureNonce = random(32);
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    try {
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setDoOutput(true);
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Request-ID", random(32));
      connection.setRequestProperty("Wechatpay-Timestamp", Long.toString(now));
      connection.setRequestProperty("Wechatpay-Nonce", signatureNonce);
      PlatformKey key = keys.current();
      connection.setRequestProperty("Wechatpay-Serial", key.id);
      connection.setRequestProperty("Wechatpay-Signature-Type", scheme.authorizationScheme());
      connection.setRequestProperty("Wechatpay-Signature",
          sign(key, Long.toString(now), signatureNonce, bytes));
      try (OutputStream out = connection.getOutputStream()) {
        out.write(bytes);
      }
      int status = connection.getResponseCode();
      try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (in != null) {
          while (in.read() != -1) {
            // drain
          }
        }
      }
      return status;
    } finally {
      connection.disconnect();
    }
  }

  private String encrypt(String plaintext, String nonce, String associatedData) {
    return Base64.getEncoder().encodeToString(Aead.seal(algorithm(), apiV3Key.getBytes(StandardCharsets.UTF_8),
        nonce, associatedData, plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  private String algorithm() {
    return scheme == SignatureScheme.SM2 ? Aead.AEAD_SM4_GCM : Aead.AEAD_AES_256_GCM;
  }

  private static String sign(PlatformKey key, String timestamp, String nonce, byte[] body) {
    return Base64.getEncoder().encodeToString(
        key.signer.sign(SignedMessage.answerHead(timestamp, nonce), body, SignedMessage.END));
  }

  private static String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length()));
    }
    return new String(out);
  }
}
