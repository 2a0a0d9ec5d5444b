package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.testing.TestKeys;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

class PemKeysTest {
  @Test
  void loadsPkcs8PrivateKey() {
    PrivateKey key = PemKeys.privateKey(TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()));
    assertEquals(TestKeys.merchant().getPrivate(), key);
  }

  @Test
  void loadsPkcs1PrivateKey() throws Exception {
    byte[] pkcs1 = PrivateKeyInfo.getInstance(TestKeys.merchant().getPrivate().getEncoded())
        .parsePrivateKey().toASN1Primitive().getEncoded();
    PrivateKey key = PemKeys.privateKey(TestKeys.pem("RSA PRIVATE KEY", pkcs1));
    assertEquals(((RSAPrivateCrtKey) TestKeys.merchant().getPrivate()).getPrivateExponent(),
        ((RSAPrivateCrtKey) key).getPrivateExponent());
    assertEquals(((RSAPrivateCrtKey) TestKeys.merchant().getPrivate()).getModulus(),
        ((RSAPrivateCrtKey) key).getModulus());
  }

  @Test
  void loadsKeyWithWindowsLineEndingsAndSurroundingText() {
    String pem = "apiclient_key.pem\r\n"
        + TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()).replace("\n", "\r\n");
    assertEquals(TestKeys.merchant().getPrivate(), PemKeys.privateKey(pem));
  }

  @Test
  void loadsSpkiPublicKey() {
    String pem = TestKeys.pem("PUBLIC KEY", TestKeys.wechatPay().getPublic().getEncoded());
    assertEquals(TestKeys.wechatPay().getPublic(), PemKeys.publicKey(pem));
  }

  @Test
  void loadsCertificateAndReadsSerialAsUpperHex() throws Exception {
    X509Certificate certificate = TestKeys.certificate(TestKeys.wechatPay(),
        new BigInteger("0ABCDEF0123456789abcdef0123456789ABCDEF0", 16));
    X509Certificate loaded = PemKeys.certificate(TestKeys.pem("CERTIFICATE", certificate.getEncoded()));
    assertEquals(certificate, loaded);
    assertEquals("ABCDEF0123456789ABCDEF0123456789ABCDEF0", PemKeys.serialNumber(loaded));
  }

  @Test
  void rejectsEncryptedAndForeignPemWithClearMessage() {
    IllegalArgumentException encrypted = assertThrows(IllegalArgumentException.class,
        () -> PemKeys.privateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"));
    assertTrue(encrypted.getMessage().contains("encrypted"));
    IllegalArgumentException certificate = assertThrows(IllegalArgumentException.class,
        () -> PemKeys.privateKey("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    assertTrue(certificate.getMessage().contains("BEGIN PRIVATE KEY"));
    assertThrows(IllegalArgumentException.class, () -> PemKeys.publicKey("not a pem"));
    assertThrows(IllegalArgumentException.class, () -> PemKeys.certificate("not a pem"));
  }

  @Test
  void corruptKeyMessageQuotesNoKeyMaterial() {
    String pem = TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate());
    String body = pem.split("\n")[1];
    String corrupt = pem.replace(body, "AAAA" + body.substring(4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(corrupt));
    assertFalse(e.getMessage().contains(body.substring(4, 30)), e.getMessage());
    IllegalArgumentException pkcs1 = assertThrows(IllegalArgumentException.class,
        () -> PemKeys.privateKey(TestKeys.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3})));
    assertTrue(pkcs1.getMessage().startsWith("private key"), pkcs1.getMessage());
  }

  @Test
  void pemWithoutItsEndLineIsRefused() {
    String pem = TestKeys.pem("PUBLIC KEY", TestKeys.wechatPay().getPublic().getEncoded());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PemKeys.publicKey(pem.replace("-----END PUBLIC KEY-----", "")));
    assertEquals("public key: the PEM has no -----END PUBLIC KEY----- line", e.getMessage());
    // An END line before the BEGIN line does not count.
    IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
        () -> PemKeys.publicKey("-----END PUBLIC KEY-----\n" + pem.replace("-----END PUBLIC KEY-----", "")));
    assertTrue(early.getMessage().contains("no -----END PUBLIC KEY----- line"), early.getMessage());
  }
}
