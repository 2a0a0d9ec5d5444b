package dev.payscore.notify;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPayNotificationException.Reason;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.NotificationVerifier;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.internal.crypto.Aead;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.RefundNotification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Verifies, decrypts and types a WeChat Pay notification (Pay Score order events and refund events)
 * from the raw body bytes and headers an HTTP framework hands over.
 *
 * <p>The signature is verified exactly like an answer's (same keys, same ±300 s window: a probe, a
 * stale timestamp or a wrong signature is a {@link WechatPaySignatureException}); the resource is
 * decrypted with {@code AEAD_AES_256_GCM} under the 32-byte APIv3 key (a tampered ciphertext or the
 * wrong key is a {@link WechatPayNotificationException}). Reply 2xx only after a successful parse
 * and your own processing; reply 4xx/5xx otherwise, and WeChat Pay sends the notification again.
 * Immutable and thread-safe.
 *
 * <p>A parser from {@code client.notificationParser()} verifies with the client's keys in force
 * when each notification arrives, so it follows certificate refreshes and rotations; one made here
 * from a {@link ResponseVerifier} keeps that verifier's keys.
 *
 * <pre>{@code
 * NotificationParser parser = client.notificationParser(); // once, shared
 * PayScoreNotification n = parser.parse(name -> Collections.list(request.getHeaders(name)), bodyBytes);
 * if (n instanceof PayScoreNotification.UserAccepted) { ... }
 * }</pre>
 */
public final class NotificationParser {
  /** The algorithm of APIv3 notifications. */
  public static final String AEAD_AES_256_GCM = Aead.AEAD_AES_256_GCM;

  /** The national-cryptography algorithm: SM4-GCM under the first 16 bytes of SM3(APIv3 key). */
  public static final String AEAD_SM4_GCM = Aead.AEAD_SM4_GCM;

  private static final Moshi MOSHI = new Moshi.Builder().add(dev.payscore.model.ModelAdapters.FACTORY).build();
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);
  private static final JsonAdapter<PayafterOrder> ORDER = MOSHI.adapter(PayafterOrder.class);
  private static final JsonAdapter<RefundNotification> REFUND = MOSHI.adapter(RefundNotification.class);

  /** The default limit of a notification body: 1 MiB (WeChat Pay's are a few KB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  private final NotificationVerifier verifier;
  private final byte[] apiV3Key;
  private final int maxBodyBytes;

  /**
   * Creates a parser.
   *
   * @param verifier the WeChat Pay keys and window, e.g. {@code client.verifier()}
   * @param apiV3Key the APIv3 key (APIv3密钥) set in the merchant platform: 32 bytes of UTF-8
   */
  public NotificationParser(ResponseVerifier verifier, String apiV3Key) {
    this(verifier, apiV3Key, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Creates a parser with a limit on the body size (default {@link #DEFAULT_MAX_BODY_BYTES}).
   *
   * @param verifier the WeChat Pay keys and window, e.g. {@code client.verifier()}
   * @param apiV3Key the APIv3 key (APIv3密钥) set in the merchant platform: 32 bytes of UTF-8
   * @param maxBodyBytes the largest body parsed, at least 1024; a larger one is refused unread
   */
  public NotificationParser(ResponseVerifier verifier, String apiV3Key, int maxBodyBytes) {
    this((NotificationVerifier) verifier, apiV3Key, maxBodyBytes);
  }

  /**
   * Creates a parser that verifies signatures with any {@link NotificationVerifier}, such as the
   * one behind {@code PayScoreClient.notificationParser()}, which follows the client's keys.
   *
   * @param verifier verifies each notification's signature before anything is decrypted
   * @param apiV3Key the APIv3 key (APIv3密钥) set in the merchant platform: 32 bytes of UTF-8
   * @param maxBodyBytes the largest body parsed, at least 1024; a larger one is refused unread
   */
  public NotificationParser(NotificationVerifier verifier, String apiV3Key, int maxBodyBytes) {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes: at least 1024, got " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.verifier = requireNonNull(verifier, "verifier == null");
    byte[] key = requireNonNull(apiV3Key, "apiV3Key == null").getBytes(StandardCharsets.UTF_8);
    if (key.length != 32) {
      throw new IllegalArgumentException("apiV3Key: must be 32 bytes, got " + key.length);
    }
    this.apiV3Key = key;
  }

  /**
   * Verifies, decrypts and types a notification.
   *
   * @param headers its headers (names matched case-insensitively)
   * @param body its exact body bytes
   * @return the typed notification
   * @throws WechatPaySignatureException when the signature does not verify (probe, stale, tampered)
   * @throws WechatPayNotificationException when the body is over the limit, or the verified
   *     notification cannot be opened
   */
  public PayScoreNotification parse(HeaderSource headers, byte[] body)
      throws WechatPaySignatureException, WechatPayNotificationException {
    requireNonNull(headers, "headers == null");
    requireNonNull(body, "body == null");
    if (body.length > maxBodyBytes) {
      throw new WechatPayNotificationException(Reason.TOO_LARGE,
          "the body is " + body.length + " bytes, more than the limit of " + maxBodyBytes, null, null);
    }
    verifier.verify(headers, body);
    List<String> requestIds = headers.values("Request-ID");
    String requestId = requestIds.isEmpty() ? null : requestIds.get(0);

    Map<?, ?> envelope = object(parseJson(new String(body, StandardCharsets.UTF_8), requestId), "body", requestId);
    Map<?, ?> resource = object(envelope.get("resource"), "resource", requestId);
    String id = string(envelope, "id", requestId, true);
    String eventType = string(envelope, "event_type", requestId, true);
    String algorithm = string(resource, "algorithm", requestId, true);
    if (!Aead.isKnown(algorithm)) {
      throw new WechatPayNotificationException(Reason.UNSUPPORTED_ALGORITHM,
          "resource.algorithm is " + algorithm + ", expected " + AEAD_AES_256_GCM + " or " + AEAD_SM4_GCM,
          requestId, null);
    }
    String associatedData = string(resource, "associated_data", requestId, false);
    String plaintext = decrypt(
        algorithm,
        string(resource, "ciphertext", requestId, true),
        string(resource, "nonce", requestId, true),
        associatedData == null ? "" : associatedData,
        requestId);

    String createTime = string(envelope, "create_time", requestId, false);
    String resourceType = string(envelope, "resource_type", requestId, false);
    String summary = string(envelope, "summary", requestId, false);
    if (PayScoreNotification.USER_ACCEPTED.equals(eventType)) {
      return new PayScoreNotification.UserAccepted(id, createTime, resourceType, summary, plaintext,
          order(plaintext, requestId));
    }
    if (PayScoreNotification.USER_PAID.equals(eventType)) {
      return new PayScoreNotification.UserPaid(id, createTime, resourceType, summary, plaintext,
          order(plaintext, requestId));
    }
    if (PayScoreNotification.REFUND_SUCCESS.equals(eventType)) {
      return new PayScoreNotification.RefundSucceeded(id, createTime, resourceType, summary, plaintext,
          resource(REFUND, "a refund", plaintext, requestId));
    }
    if (PayScoreNotification.REFUND_ABNORMAL.equals(eventType)) {
      return new PayScoreNotification.RefundAbnormal(id, createTime, resourceType, summary, plaintext,
          resource(REFUND, "a refund", plaintext, requestId));
    }
    if (PayScoreNotification.REFUND_CLOSED.equals(eventType)) {
      return new PayScoreNotification.RefundClosed(id, createTime, resourceType, summary, plaintext,
          resource(REFUND, "a refund", plaintext, requestId));
    }
    object(parseJson(plaintext, requestId), "resource plaintext", requestId);
    return new PayScoreNotification.Unknown(id, createTime, eventType, resourceType, summary, plaintext);
  }

  private String decrypt(String algorithm, String ciphertext, String nonce, String associatedData,
      @Nullable String requestId) throws WechatPayNotificationException {
    ByteString encrypted = ByteString.decodeBase64(ciphertext);
    if (encrypted == null || encrypted.size() < 16) {
      throw new WechatPayNotificationException(Reason.MALFORMED,
          "resource.ciphertext is not Base64 of at least 16 bytes", requestId, null);
    }
    try {
      return new String(Aead.open(algorithm, apiV3Key, nonce, associatedData, encrypted.toByteArray()),
          StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new WechatPayNotificationException(Reason.DECRYPTION_FAILED,
          algorithm + " authentication failed: the resource was altered or the APIv3 key is wrong",
          requestId, null);
    } catch (LinkageError e) {
      throw new WechatPayNotificationException(Reason.UNSUPPORTED_ALGORITHM,
          algorithm + " needs org.bouncycastle:bcprov-jdk18on on the class path", requestId, null);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new WechatPayNotificationException(Reason.DECRYPTION_FAILED,
          algorithm + " decryption failed (" + e.getClass().getSimpleName() + ")", requestId, null);
    }
  }

  private static PayafterOrder order(String plaintext, @Nullable String requestId)
      throws WechatPayNotificationException {
    return resource(ORDER, "an order", plaintext, requestId);
  }

  private static <T> T resource(JsonAdapter<T> adapter, String what, String plaintext,
      @Nullable String requestId) throws WechatPayNotificationException {
    try {
      T resource = adapter.fromJson(plaintext);
      if (resource == null) {
        throw new JsonDataException("null resource");
      }
      return resource;
    } catch (IOException | JsonDataException e) {
      throw new WechatPayNotificationException(Reason.MALFORMED_RESOURCE,
          "the decrypted resource is not " + what + ": " + e.getMessage(), requestId, e);
    }
  }

  private static @Nullable Object parseJson(String json, @Nullable String requestId)
      throws WechatPayNotificationException {
    try {
      return ANY.fromJson(json);
    } catch (IOException | JsonDataException e) {
      throw new WechatPayNotificationException(Reason.MALFORMED, "not JSON", requestId, null);
    }
  }

  private static Map<?, ?> object(@Nullable Object value, String what, @Nullable String requestId)
      throws WechatPayNotificationException {
    if (!(value instanceof Map)) {
      throw new WechatPayNotificationException(Reason.MALFORMED, what + " is not a JSON object",
          requestId, null);
    }
    return (Map<?, ?>) value;
  }

  private static @Nullable String string(Map<?, ?> object, String name, @Nullable String requestId,
      boolean required) throws WechatPayNotificationException {
    Object value = object.get(name);
    if (value instanceof String) {
      return (String) value;
    }
    if (value == null && !required) {
      return null;
    }
    throw new WechatPayNotificationException(Reason.MALFORMED,
        name + (value == null ? " is missing" : " is not a string"), requestId, null);
  }
}
