package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPaySignatureException.Reason;
import dev.payscore.internal.crypto.SignedMessage;
import dev.payscore.internal.crypto.Signatures;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the {@code Wechatpay-Signature} of a WeChat Pay response or notification over the exact
 * bytes received.
 *
 * <p>The checks, in order: the four {@code Wechatpay-*} headers are present once each (names
 * matched case-insensitively); the timestamp is within the window of the clock (default ±300 s);
 * the signature is not a {@code WECHATPAY/SIGNTEST/} probe and decodes as Base64; {@code
 * Wechatpay-Serial} names a registered key; and the SHA256withRSA signature of {@code
 * TIMESTAMP\nNONCE\nBODY\n} verifies with it. Any failure throws {@link
 * WechatPaySignatureException} with a {@link Reason}.
 *
 * <p>The keys it trusts are a {@link WechatPayKeys} (this instance's only: no JVM-wide registry): a
 * WeChat Pay public key ({@code PUB_KEY_ID_…}) and platform certificates can be registered side by
 * side for the switch-over period. Immutable and thread-safe.
 *
 * <pre>{@code
 * ResponseVerifier verifier = ResponseVerifier.builder()
 *     .publicKey("PUB_KEY_ID_0114232134912410000000000000", wechatPayPublicKey)
 *     .build();
 * verifier.verify(headers, bodyBytes);
 * }</pre>
 */
public final class ResponseVerifier implements NotificationVerifier {
  /** The probe prefix WeChat Pay uses to test that merchants really verify. */
  public static final String PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

  /** The default window: a signature may be at most 300 seconds older or newer than the clock. */
  public static final long DEFAULT_WINDOW_SECONDS = 300;

  private final WechatPayKeys keys;
  private final long windowSeconds;
  private final Clock clock;
  private final @Nullable Provider provider;
  /** One verifier per key id, built once (each keeps an initialised Signature per thread). */
  private final Map<String, Signatures.Verifier> verifiers;

  private ResponseVerifier(Builder builder) {
    this.keys = builder.keys.build();
    this.windowSeconds = builder.windowSeconds;
    this.clock = builder.clock;
    this.provider = builder.provider;
    Map<String, Signatures.Verifier> byId = new java.util.HashMap<>();
    for (String id : keys.ids()) {
      byId.put(id, Signatures.verifier(keys.get(id), provider));
    }
    this.verifiers = byId;
  }

  /**
   * Returns a builder holding this verifier's keys, window, clock and provider, to derive a copy
   * with a key added ({@link Builder#publicKey}, {@link Builder#certificate}) or removed ({@link
   * Builder#removeKey}).
   *
   * @return a builder
   */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.keys = keys.newBuilder();
    builder.windowSeconds = windowSeconds;
    builder.clock = clock;
    builder.provider = provider;
    return builder;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with no key, the system clock and a 300-second window
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a response or notification.
   *
   * @param headers its headers
   * @param body its exact body bytes as received (empty for none)
   * @throws WechatPaySignatureException when any check fails; its reason says which
   */
  @Override
  public void verify(HeaderSource headers, byte[] body) throws WechatPaySignatureException {
    verify(headers, body, 0);
  }

  /**
   * Verifies a response, recording its HTTP status in any failure.
   *
   * @param headers its headers
   * @param body its exact body bytes as received
   * @param httpStatus the HTTP status, or 0 when there is none (a notification)
   * @throws WechatPaySignatureException when any check fails; its reason says which
   */
  public void verify(HeaderSource headers, byte[] body, int httpStatus)
      throws WechatPaySignatureException {
    requireNonNull(headers, "headers == null");
    requireNonNull(body, "body == null");
    String requestId = first(headers, "Request-ID");
    String timestamp = single(headers, "Wechatpay-Timestamp", requestId, httpStatus);
    String nonce = single(headers, "Wechatpay-Nonce", requestId, httpStatus);
    String signature = single(headers, "Wechatpay-Signature", requestId, httpStatus);
    String serial = single(headers, "Wechatpay-Serial", requestId, httpStatus);

    long seconds;
    try {
      if (timestamp.isEmpty() || timestamp.length() > 18) {
        throw new NumberFormatException();
      }
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WechatPaySignatureException(
          Reason.MALFORMED_TIMESTAMP,
          "Wechatpay-Timestamp is not a number of seconds",
          requestId,
          httpStatus);
    }
    long skew = seconds - clock.epochSeconds();
    if (Math.abs(skew) > windowSeconds) {
      throw new WechatPaySignatureException(
          Reason.STALE_TIMESTAMP,
          "Wechatpay-Timestamp is "
              + Math.abs(skew)
              + " s "
              + (skew < 0 ? "behind" : "ahead of")
              + " the clock; the window is "
              + windowSeconds
              + " s",
          requestId,
          httpStatus);
    }
    if (signature.startsWith(PROBE_PREFIX)) {
      throw new WechatPaySignatureException(
          Reason.PROBE_SIGNATURE,
          "a WECHATPAY/SIGNTEST/ probe signature, sent by WeChat Pay to test verification",
          requestId,
          httpStatus);
    }
    ByteString decoded = ByteString.decodeBase64(signature);
    if (decoded == null || decoded.size() == 0) {
      throw new WechatPaySignatureException(
          Reason.MALFORMED_SIGNATURE, "Wechatpay-Signature is not Base64", requestId, httpStatus);
    }
    SignatureScheme scheme = SignatureScheme.forSignatureType(first(headers, "Wechatpay-Signature-Type"));
    if (scheme == null) {
      throw new WechatPaySignatureException(
          Reason.SIGNATURE_MISMATCH, "Wechatpay-Signature-Type names no known scheme", requestId, httpStatus);
    }
    PublicKey key = keys.get(serial);
    if (key == null) {
      throw new WechatPaySignatureException(
          Reason.UNKNOWN_SERIAL,
          "no key registered for Wechatpay-Serial " + printable(serial) + "; registered: " + keys.ids(),
          requestId,
          httpStatus);
    }
    if (!scheme.fits(key)) {
      throw new WechatPaySignatureException(Reason.SIGNATURE_MISMATCH,
          "the signature is " + scheme.authorizationScheme() + " but the key of " + serial + " is "
              + SignatureScheme.describeKey(key),
          requestId, httpStatus);
    }
    // The message TIMESTAMP\nNONCE\nBODY\n, fed in parts: the body is not copied.
    boolean valid = verifiers.get(serial).verify(decoded.toByteArray(),
        SignedMessage.answerHead(timestamp, nonce), body, SignedMessage.END);
    if (!valid) {
      throw new WechatPaySignatureException(
          Reason.SIGNATURE_MISMATCH,
          "the signature does not match the body with the key of " + serial,
          requestId,
          httpStatus);
    }
  }

  /**
   * Returns the keys this verifier trusts.
   *
   * @return the key registry, which also picks the {@code Wechatpay-Serial} requests send
   */
  public WechatPayKeys keys() {
    return keys;
  }

  /**
   * Returns the window.
   *
   * @return the largest accepted difference between a signature's timestamp and the clock, seconds
   */
  public long windowSeconds() {
    return windowSeconds;
  }

  @Override
  public String toString() {
    return "ResponseVerifier{keys=" + keys.ids() + ", window=" + windowSeconds + "s}";
  }

  private static @Nullable String first(HeaderSource headers, String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  private static String single(
      HeaderSource headers, String name, @Nullable String requestId, int httpStatus)
      throws WechatPaySignatureException {
    List<String> values = headers.values(name);
    if (values.isEmpty() || values.get(0).trim().isEmpty()) {
      throw new WechatPaySignatureException(
          Reason.MISSING_HEADER, name + " is missing", requestId, httpStatus);
    }
    String value = values.get(0).trim();
    for (int i = 1; i < values.size(); i++) {
      if (!values.get(i).trim().equals(value)) {
        throw new WechatPaySignatureException(
            Reason.DUPLICATE_HEADER, name + " appears more than once", requestId, httpStatus);
      }
    }
    return value;
  }

  private static String printable(String value) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    StringBuilder out = new StringBuilder(shown.length());
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  /** Builds a {@link ResponseVerifier}. */
  public static final class Builder {
    private WechatPayKeys.Builder keys = WechatPayKeys.builder();
    private long windowSeconds = DEFAULT_WINDOW_SECONDS;
    private Clock clock = Clock.SYSTEM;
    private @Nullable Provider provider;

    Builder() {
    }

    /**
     * Trusts these keys (replacing any registered so far).
     *
     * @param keys the WeChat Pay keys
     * @return this builder
     */
    public Builder keys(WechatPayKeys keys) {
      this.keys = requireNonNull(keys, "keys == null").newBuilder();
      return this;
    }

    /**
     * Registers the WeChat Pay public key (微信支付公钥) and its id: see {@link
     * WechatPayKeys.Builder#publicKey}.
     *
     * @param publicKeyId the id shown in the merchant platform, {@code PUB_KEY_ID_…}
     * @param publicKey the RSA (or SM2) public key
     * @return this builder
     */
    public Builder publicKey(String publicKeyId, PublicKey publicKey) {
      keys.publicKey(publicKeyId, publicKey);
      return this;
    }

    /**
     * Registers a WeChat Pay platform certificate (平台证书) under its serial number: see {@link
     * WechatPayKeys.Builder#certificate}.
     *
     * @param certificate the platform certificate
     * @return this builder
     */
    public Builder certificate(X509Certificate certificate) {
      keys.certificate(certificate);
      return this;
    }

    /**
     * Registers an SM2 platform certificate (国密平台证书) under its serial.
     *
     * @param pem the certificate PEM
     * @return this builder
     */
    public Builder sm2Certificate(String pem) {
      keys.sm2Certificate(pem);
      return this;
    }

    /**
     * Removes a key, e.g. a platform certificate WeChat Pay no longer signs with.
     *
     * @param id the public key id or certificate serial
     * @return this builder
     */
    public Builder removeKey(String id) {
      keys.removeKey(id);
      return this;
    }

    /**
     * Sets the window (default 300 s).
     *
     * @param seconds the largest accepted difference between a signature's timestamp and the clock
     * @return this builder
     */
    public Builder windowSeconds(long seconds) {
      if (seconds < 0 || seconds > 3600) {
        throw new IllegalArgumentException("windowSeconds: must be 0 to 3600, got " + seconds);
      }
      this.windowSeconds = seconds;
      return this;
    }

    /**
     * Sets the clock (default {@link Clock#SYSTEM}).
     *
     * @param clock the clock the timestamps are compared with
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Verifies with a given JCA provider instance, used explicitly and never registered globally.
     *
     * @param provider the provider of {@code SHA256withRSA}, or {@code null} for the JDK's default
     * @return this builder
     */
    public Builder provider(@Nullable Provider provider) {
      this.provider = provider;
      return this;
    }

    /**
     * Returns the verifier.
     *
     * @return an immutable verifier
     * @throws IllegalStateException when no key is registered
     */
    public ResponseVerifier build() {
      return new ResponseVerifier(this);
    }
  }
}
