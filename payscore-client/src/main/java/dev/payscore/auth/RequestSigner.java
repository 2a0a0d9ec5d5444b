package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import dev.payscore.internal.crypto.SignedMessage;
import dev.payscore.internal.crypto.Signatures;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Signs WeChat Pay APIv3 requests with {@code WECHATPAY2-SHA256-RSA2048} (or, for merchants WeChat
 * Pay enabled for it, {@code WECHATPAY2-SM2-WITH-SM3}: see {@link SignatureScheme}).
 *
 * <p>The signed message is {@code METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n}, where
 * CANONICAL_URL is the encoded path (plus {@code ?} and the encoded query, if any) exactly as sent,
 * and BODY the exact body bytes sent (empty for GET). The signature is SHA256withRSA (PKCS#1 v1.5)
 * by the merchant API private key, in standard Base64. Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestSigner signer = new RequestSigner("1900000109", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", key);
 * String authorization = signer.authorization("POST",
 *     "/v3/payscore/payafter-orders/1234323JKHDFE1243252/complete", bodyBytes);
 * }</pre>
 */
public final class RequestSigner {
  /** The Authorization scheme. */
  public static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";

  private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{1,32}");
  private static final Pattern SERIAL = Pattern.compile("[0-9A-Fa-f]{1,64}");

  private final String merchantId;
  private final String merchantSerialNumber;
  private final Clock clock;
  private final NonceGenerator nonces;
  private final @Nullable Provider provider;
  private final SignatureScheme scheme;
  private final Signatures.Signer signer;

  /**
   * Creates a signer with the system clock and secure 32-character nonces.
   *
   * @param merchantId the merchant id (商户号), digits only
   * @param merchantSerialNumber the serial number of the merchant API certificate, hex
   * @param privateKey the merchant API private key ({@code apiclient_key.pem}), RSA
   */
  public RequestSigner(String merchantId, String merchantSerialNumber, PrivateKey privateKey) {
    this(merchantId, merchantSerialNumber, privateKey, Clock.SYSTEM, NonceGenerator.SECURE);
  }

  /**
   * Creates a signer with the given clock and nonces, for tests that need fixed values.
   *
   * @param merchantId the merchant id (商户号), digits only
   * @param merchantSerialNumber the serial number of the merchant API certificate, hex
   * @param privateKey the merchant API private key, RSA
   * @param clock the source of timestamps
   * @param nonces the source of nonces
   */
  public RequestSigner(
      String merchantId,
      String merchantSerialNumber,
      PrivateKey privateKey,
      Clock clock,
      NonceGenerator nonces) {
    this(merchantId, merchantSerialNumber, privateKey, clock, nonces, null);
  }

  /**
   * Creates a signer that signs with a given JCA provider instance (e.g. a native-backed one from
   * {@link CryptoProviders#nativeProvider()}), used explicitly and never registered globally.
   *
   * @param merchantId the merchant id (商户号), digits only
   * @param merchantSerialNumber the serial number of the merchant API certificate, hex
   * @param privateKey the merchant API private key, RSA
   * @param clock the source of timestamps
   * @param nonces the source of nonces
   * @param provider the provider of {@code SHA256withRSA}, or {@code null} for the JDK's default
   */
  public RequestSigner(
      String merchantId,
      String merchantSerialNumber,
      PrivateKey privateKey,
      Clock clock,
      NonceGenerator nonces,
      @Nullable Provider provider) {
    this(merchantId, merchantSerialNumber, privateKey, clock, nonces, provider, SignatureScheme.RSA);
  }

  /**
   * Creates a signer for a scheme: {@link SignatureScheme#RSA} with an RSA key, or {@link
   * SignatureScheme#SM2} with an SM2 key (from {@link PemKeys#privateKey}, or any provider's key
   * whose PKCS#8 encoding is an SM2 key).
   *
   * @param merchantId the merchant id (商户号), digits only
   * @param merchantSerialNumber the serial number of the merchant API certificate, hex
   * @param privateKey the merchant API private key of the scheme
   * @param clock the source of timestamps
   * @param nonces the source of nonces
   * @param provider the JCA provider of {@code SHA256withRSA} (RSA only), or {@code null}
   * @param scheme the signature scheme
   */
  public RequestSigner(
      String merchantId,
      String merchantSerialNumber,
      PrivateKey privateKey,
      Clock clock,
      NonceGenerator nonces,
      @Nullable Provider provider,
      SignatureScheme scheme) {
    requireNonNull(merchantId, "merchantId == null");
    requireNonNull(merchantSerialNumber, "merchantSerialNumber == null");
    if (!MERCHANT_ID.matcher(merchantId).matches()) {
      throw new IllegalArgumentException("merchantId: must be 1 to 32 digits, e.g. 1900000109");
    }
    if (!SERIAL.matcher(merchantSerialNumber).matches()) {
      throw new IllegalArgumentException(
          "merchantSerialNumber: must be the certificate serial in hex, e.g."
              + " 1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C (openssl x509 -noout -serial)");
    }
    requireNonNull(privateKey, "privateKey == null");
    this.scheme = requireNonNull(scheme, "scheme == null");
    scheme.requireFits(privateKey, "privateKey");
    this.merchantId = merchantId;
    this.merchantSerialNumber = merchantSerialNumber.toUpperCase(java.util.Locale.ROOT);
    this.clock = requireNonNull(clock, "clock == null");
    this.nonces = requireNonNull(nonces, "nonces == null");
    this.provider = provider;
    this.signer = Signatures.signer(privateKey, provider);
  }

  /**
   * Returns the Authorization header value for one request, with a fresh timestamp and nonce.
   *
   * @param method the HTTP method as sent, e.g. {@code POST}
   * @param canonicalUrl the encoded path and query as sent, e.g. {@code /v3/certificates?a=1}
   * @param body the exact body bytes sent; empty when there is none
   * @return {@code WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"}
   */
  public String authorization(String method, String canonicalUrl, byte[] body) {
    long timestamp = clock.epochSeconds();
    String nonce = nonces.nextNonce();
    if (!isNonce(nonce)) {
      throw new IllegalStateException("NonceGenerator returned a nonce outside [0-9A-Za-z]{1,64}");
    }
    byte[] head = SignedMessage.requestHead(method, canonicalUrl, timestamp, nonce);
    byte[] signature = signer.sign(head, body, SignedMessage.END);
    // One pre-sized builder, the signature's Base64 written straight into it: no regrowth and no
    // intermediate copies on the per-call path.
    StringBuilder authorization = new StringBuilder(scheme.authorizationScheme().length() + merchantId.length()
            + nonce.length() + merchantSerialNumber.length() + (signature.length + 2) / 3 * 4 + 80)
        .append(scheme.authorizationScheme())
        .append(" mchid=\"").append(merchantId)
        .append("\",nonce_str=\"").append(nonce)
        .append("\",timestamp=\"").append(timestamp)
        .append("\",serial_no=\"").append(merchantSerialNumber)
        .append("\",signature=\"");
    return appendBase64(authorization, signature).append('"').toString();
  }

  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /** Appends standard Base64 (RFC 4648 section 4, with padding), as {@code ByteString.base64()} writes it. */
  static StringBuilder appendBase64(StringBuilder out, byte[] bytes) {
    int i = 0;
    for (int end = bytes.length - bytes.length % 3; i < end; i += 3) {
      int bits = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
      out.append(BASE64[bits >>> 18]).append(BASE64[bits >>> 12 & 0x3f])
          .append(BASE64[bits >>> 6 & 0x3f]).append(BASE64[bits & 0x3f]);
    }
    if (bytes.length - i == 1) {
      int bits = (bytes[i] & 0xff) << 16;
      out.append(BASE64[bits >>> 18]).append(BASE64[bits >>> 12 & 0x3f]).append("==");
    } else if (bytes.length - i == 2) {
      int bits = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8;
      out.append(BASE64[bits >>> 18]).append(BASE64[bits >>> 12 & 0x3f]).append(BASE64[bits >>> 6 & 0x3f])
          .append('=');
    }
    return out;
  }

  /** {@code [0-9A-Za-z]{1,64}}, checked without a regex on the per-call path. */
  private static boolean isNonce(@Nullable String nonce) {
    if (nonce == null || nonce.isEmpty() || nonce.length() > 64) {
      return false;
    }
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the merchant id.
   *
   * @return the merchant id this signer signs for
   */
  public String merchantId() {
    return merchantId;
  }

  /**
   * Returns the merchant certificate serial, in upper case.
   *
   * @return the {@code serial_no} this signer sends
   */
  public String merchantSerialNumber() {
    return merchantSerialNumber;
  }

  /**
   * Returns the provider that signs.
   *
   * @return the provider's name, e.g. {@code SunRsaSign} or {@code Conscrypt}
   */
  public String providerName() {
    if (scheme == SignatureScheme.SM2) {
      return "Bouncy Castle (SM2, lightweight API)";
    }
    return provider != null ? provider.getName() : "JDK default";
  }

  @Override
  public String toString() {
    return "RequestSigner{mchid=" + merchantId + ", serial_no=" + merchantSerialNumber + "}";
  }
}
