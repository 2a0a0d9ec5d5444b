package dev.payscore.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** RSA-2048 keys generated once per JVM; no key is ever committed. */
public final class TestKeys {
  private TestKeys() {}

  public static final String MERCHANT_ID = "1900000109";
  public static final String MERCHANT_SERIAL = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";
  public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0114232134912410000000000000";

  private static final KeyPair MERCHANT = generate();
  private static final KeyPair WECHATPAY = generate();
  private static final KeyPair OTHER = generate();

  static {
    Secrets.registerKey(MERCHANT.getPrivate().getEncoded());
    Secrets.registerKey(WECHATPAY.getPrivate().getEncoded());
    Secrets.registerKey(OTHER.getPrivate().getEncoded());
  }

  /** The merchant's API key pair (apiclient_key.pem). */
  public static KeyPair merchant() {
    return MERCHANT;
  }

  /** The WeChat Pay public-key pair (PUB_KEY_ID_…). */
  public static KeyPair wechatPay() {
    return WECHATPAY;
  }

  /** An unrelated key pair. */
  public static KeyPair other() {
    return OTHER;
  }

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A self-signed certificate for a key pair, with the given serial. */
  public static X509Certificate certificate(KeyPair pair, BigInteger serial) {
    long now = System.currentTimeMillis();
    return certificate(pair, serial, new Date(now - 86_400_000L), new Date(now + 86_400_000L * 365));
  }

  /** A self-signed certificate for a key pair, with the given serial and validity period. */
  public static X509Certificate certificate(KeyPair pair, BigInteger serial, Date notBefore, Date notAfter) {
    try {
      X500Name name = new X500Name("CN=Tenpay.com Root CA test");
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              serial,
              notBefore,
              notAfter,
              name,
              pair.getPublic());
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  public static String pkcs8Pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }
}
