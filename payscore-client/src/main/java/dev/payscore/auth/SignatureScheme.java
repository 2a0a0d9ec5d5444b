package dev.payscore.auth;

import dev.payscore.internal.crypto.Signatures;

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
   * Returns whether a key is of this scheme: an RSA key for {@link #RSA}; for {@link #SM2}, a key
   * whose standard encoding (PKCS#8 or X.509 SubjectPublicKeyInfo) is an SM2 key, whichever provider
   * made it.
   *
   * @param key a private or public key
   * @return true when this scheme signs or verifies with it
   */
  public boolean fits(java.security.Key key) {
    return this == RSA ? Signatures.isRsa(key) : Signatures.isSm2(key);
  }

  /** Throws naming both the scheme and the key when the key does not fit. */
  void requireFits(java.security.Key key, String name) {
    if (!fits(key)) {
      throw new IllegalArgumentException(name + ": expected an " + name() + " key for "
          + authorizationScheme + ", got " + describeKey(key));
    }
  }

  /**
   * Describes a key's kind for messages: RSA, SM2, or its algorithm and format (never key material).
   *
   * @param key a key
   * @return e.g. {@code an RSA key}
   */
  public static String describeKey(java.security.Key key) {
    if (Signatures.isRsa(key)) {
      return "an RSA key";
    }
    if (Signatures.isSm2(key)) {
      return "an SM2 key";
    }
    return "a " + key.getAlgorithm() + " key (" + key.getFormat() + ") that is neither RSA nor SM2";
  }

  /**
   * Returns the scheme a {@code Wechatpay-Signature-Type} value names.
   *
   * @param type the header value, or {@code null} (WeChat Pay's default, RSA)
   * @return the scheme, or {@code null} for a value no scheme has
   */
  public static @org.jspecify.annotations.Nullable SignatureScheme forSignatureType(
      @org.jspecify.annotations.Nullable String type) {
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
