package dev.payscore.auth;

import dev.payscore.internal.crypto.Sm2;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Locale;
import okio.ByteString;

/**
 * Loads the keys WeChat Pay hands out, from PEM text.
 *
 * <ul>
 *   <li>{@link #privateKey(String)}: the merchant API private key {@code apiclient_key.pem}, PKCS#8
 *       ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); an SM2 key as PKCS#8
 *       or SEC1 ({@code BEGIN EC PRIVATE KEY}, curve sm2p256v1 only) becomes an SM2 key (algorithm {@code SM2});
 *   <li>{@link #publicKey(String)}: the WeChat Pay public key, SPKI ({@code BEGIN PUBLIC KEY}), RSA or
 *       SM2;
 *   <li>{@link #sm2Certificate(String)}: an SM2 platform certificate;
 *   <li>{@link #certificate(String)}: an X.509 certificate, and {@link #serialNumber} its serial.
 * </ul>
 *
 * <p>The JDK does the work; Bouncy Castle's ASN.1 classes only parse PKCS#1, which the JDK cannot
 * (no provider is registered). Bouncy Castle is an optional dependency: add {@code
 * org.bouncycastle:bcprov-jdk18on} for PKCS#1 keys, or convert them to PKCS#8. Error messages never
 * quote key material.
 */
public final class PemKeys {
  private PemKeys() {
  }

  /**
   * Loads an RSA private key.
   *
   * <pre>{@code
   * PrivateKey key = PemKeys.privateKey(new String(Files.readAllBytes(path), UTF_8));
   * }</pre>
   *
   * @param pem the PEM text, PKCS#8 or PKCS#1
   * @return the key
   * @throws IllegalArgumentException when the text is not an unencrypted RSA private key
   */
  public static PrivateKey privateKey(String pem) {
    requireNonNull(pem, "pem == null");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (hasBlock(pem, "PRIVATE KEY")) {
        byte[] der = decode(pem, "PRIVATE KEY", "private key");
        try {
          return rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
          PrivateKey sm2 = sm2Private(der, false);
          if (sm2 != null) {
            return sm2;
          }
          throw notRsa;
        }
      }
      if (hasBlock(pem, "EC PRIVATE KEY")) {
        PrivateKey sm2 = sm2Private(decode(pem, "EC PRIVATE KEY", "private key"), true);
        if (sm2 == null) {
          throw new IllegalArgumentException("private key: an EC PRIVATE KEY must be on the SM2 curve sm2p256v1");
        }
        return sm2;
      }
      if (hasBlock(pem, "RSA PRIVATE KEY")) {
        if (pem.contains("ENCRYPTED")) {
          throw new IllegalArgumentException(
              "private key: an encrypted PEM is not supported; decrypt it first"
                  + " (openssl pkcs8 -topk8 -nocrypt)");
        }
        byte[] der = decode(pem, "RSA PRIVATE KEY", "private key");
        KeySpec spec;
        try {
          spec = Pkcs1.keySpec(der);
        } catch (NoClassDefFoundError e) {
          throw new IllegalArgumentException(
              "private key: a PKCS#1 key (BEGIN RSA PRIVATE KEY) needs org.bouncycastle:bcprov-jdk18on"
                  + " on the class path; or convert it: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        return rsa.generatePrivate(spec);
      }
      if (hasBlock(pem, "ENCRYPTED PRIVATE KEY")) {
        throw new IllegalArgumentException(
            "private key: an encrypted PEM is not supported; decrypt it first"
                + " (openssl pkcs8 -topk8 -nocrypt)");
      }
      throw new IllegalArgumentException(
          "private key: expected PEM with BEGIN PRIVATE KEY (PKCS#8) or BEGIN RSA PRIVATE KEY"
              + " (PKCS#1), as in apiclient_key.pem");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "private key: not a valid RSA private key (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Loads an RSA public key, such as the WeChat Pay public key ({@code pub_key.pem}).
   *
   * @param pem the PEM text, {@code BEGIN PUBLIC KEY} (SPKI)
   * @return the key
   * @throws IllegalArgumentException when the text is not an RSA public key
   */
  public static PublicKey publicKey(String pem) {
    requireNonNull(pem, "pem == null");
    if (!hasBlock(pem, "PUBLIC KEY")) {
      throw new IllegalArgumentException(
          "public key: expected PEM with BEGIN PUBLIC KEY (the WeChat Pay public key file)");
    }
    byte[] der = decode(pem, "PUBLIC KEY", "public key");
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      PublicKey sm2 = sm2Public(der);
      if (sm2 != null) {
        return sm2;
      }
      throw new IllegalArgumentException(
          "public key: not a valid RSA public key (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Loads an X.509 certificate, such as a WeChat Pay platform certificate.
   *
   * @param pem the PEM text, {@code BEGIN CERTIFICATE}
   * @return the certificate
   * @throws IllegalArgumentException when the text is not a certificate
   */
  public static X509Certificate certificate(String pem) {
    requireNonNull(pem, "pem == null");
    if (!hasBlock(pem, "CERTIFICATE")) {
      throw new IllegalArgumentException("certificate: expected PEM with BEGIN CERTIFICATE");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(decode(pem, "CERTIFICATE", "certificate")));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "certificate: not a valid X.509 certificate (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Returns a certificate's serial number as WeChat Pay writes it: upper-case hex, no separators
   * (what {@code openssl x509 -noout -serial} prints).
   *
   * @param certificate an X.509 certificate
   * @return e.g. {@code 1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C}
   */
  public static String serialNumber(X509Certificate certificate) {
    BigInteger serial = requireNonNull(certificate, "certificate == null").getSerialNumber();
    return serial.toString(16).toUpperCase(Locale.ROOT);
  }

  /**
   * Loads an SM2 certificate (国密平台证书): its serial number (upper-case hex) and public key.
   *
   * @param pem the PEM text, {@code BEGIN CERTIFICATE}
   * @return {serial, key} as a map entry
   * @throws IllegalArgumentException when the text is not an SM2 certificate
   */
  public static java.util.Map.Entry<String, PublicKey> sm2Certificate(String pem) {
    requireNonNull(pem, "pem == null");
    Object[] certificate;
    try {
      certificate = Sm2.certificateFromDer(decode(pem, "CERTIFICATE", "certificate"));
    } catch (NoClassDefFoundError e) {
      throw new IllegalArgumentException(BC_NEEDED);
    }
    if (certificate == null) {
      throw new IllegalArgumentException("certificate: not an SM2 (sm2p256v1) certificate");
    }
    return new java.util.AbstractMap.SimpleImmutableEntry<>((String) certificate[0], (PublicKey) certificate[1]);
  }

  private static final String BC_NEEDED =
      "SM2 keys need org.bouncycastle:bcprov-jdk18on on the class path";

  private static @org.jspecify.annotations.Nullable PrivateKey sm2Private(byte[] der, boolean sec1) {
    try {
      return Sm2.privateKeyFromDer(der, sec1);
    } catch (NoClassDefFoundError e) {
      return null;
    }
  }

  private static @org.jspecify.annotations.Nullable PublicKey sm2Public(byte[] der) {
    try {
      return Sm2.publicKeyFromDer(der);
    } catch (NoClassDefFoundError e) {
      return null;
    }
  }

  /** Whether the text holds a {@code -----BEGIN label-----} line. */
  private static boolean hasBlock(String pem, String label) {
    return pem.contains("-----BEGIN " + label + "-----");
  }

  /** The DER bytes of the first {@code label} block; throws naming {@code what}, never quoting the text. */
  static byte[] decode(String pem, String label, String what) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = pem.indexOf(begin);
    int stop = pem.indexOf(end, start + begin.length());
    if (start < 0 || stop < 0) {
      throw new IllegalArgumentException(what + ": the PEM has no " + end + " line");
    }
    StringBuilder base64 = new StringBuilder();
    for (String line : pem.substring(start + begin.length(), stop).split("\r?\n")) {
      line = line.trim();
      if (line.contains(":")) {
        throw new IllegalArgumentException(
            what + ": PEM headers (e.g. Proc-Type) mean an encrypted key, which is not supported");
      }
      base64.append(line);
    }
    ByteString der = ByteString.decodeBase64(base64.toString());
    if (der == null || der.size() == 0) {
      throw new IllegalArgumentException(what + ": the PEM body is not Base64");
    }
    return der.toByteArray();
  }
}
