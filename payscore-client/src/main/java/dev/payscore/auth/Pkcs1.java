package dev.payscore.auth;

import java.security.spec.KeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/**
 * Parses a PKCS#1 RSAPrivateKey with Bouncy Castle's ASN.1 classes (no provider). Kept apart so that
 * Bouncy Castle, an optional dependency, is loaded only when a PKCS#1 key is actually read.
 */
final class Pkcs1 {
  private Pkcs1() {
  }

  static KeySpec keySpec(byte[] der) {
    RSAPrivateKey pkcs1;
    try {
      pkcs1 = RSAPrivateKey.getInstance(der);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "private key: not a valid PKCS#1 RSA private key (" + e.getClass().getSimpleName() + ")");
    }
    return new RSAPrivateCrtKeySpec(
        pkcs1.getModulus(),
        pkcs1.getPublicExponent(),
        pkcs1.getPrivateExponent(),
        pkcs1.getPrime1(),
        pkcs1.getPrime2(),
        pkcs1.getExponent1(),
        pkcs1.getExponent2(),
        pkcs1.getCoefficient());
  }
}
