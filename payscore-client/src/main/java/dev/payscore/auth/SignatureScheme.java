package dev.payscore.auth;

/**
 * The APIv3 signature scheme a client signs with, chosen when it is built.
 *
 * <p>{@link #RSA} is what every merchant has. {@link #SM2} is the national-cryptography (国密) variant
 * WeChat Pay enables per merchant on request; whether Pay Score accepts it is not published. SM2
 * needs {@code org.bouncycastle:bcprov-jdk18on} on the class path; RSA does not load it.
 */
public enum SignatureScheme {
  /** {@code WECHATPAY2-SHA256-RSA2048}: SHA256withRSA, PKCS#1 v1.5. */
  RSA("WECHATPAY2-SHA256-RSA2048"),
  /** {@code WECHATPAY2-SM2-WITH-SM3}: SM2 with SM3, user id {@code 1234567812345678}, DER signatures. */
  SM2("WECHATPAY2-SM2-WITH-SM3");

  private final String authorizationScheme;

  SignatureScheme(String authorizationScheme) {
    this.authorizationScheme = authorizationScheme;
  }

  /**
   * Returns the name WeChat Pay uses in {@code Authorization} and {@code Wechatpay-Signature-Type}.
   *
   * @return e.g. {@code WECHATPAY2-SM2-WITH-SM3}
   */
  public String authorizationScheme() {
    return authorizationScheme;
  }

  /**
   * Returns the scheme a {@code Wechatpay-Signature-Type} value names.
   *
   * @param type the header value, or {@code null} (WeChat Pay's default, RSA)
   * @return the scheme, or {@code null} for a value no scheme has
   */
  public static SignatureScheme forSignatureType(String type) {
    if (type == null || type.isEmpty()) {
      return RSA;
    }
    for (SignatureScheme scheme : values()) {
      if (scheme.authorizationScheme.equals(type)) {
        return scheme;
      }
    }
    return null;
  }
}
