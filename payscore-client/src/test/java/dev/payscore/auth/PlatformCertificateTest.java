package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.internal.crypto.Sm2;
import dev.payscore.testing.CertificateLists;
import dev.payscore.testing.TestKeys;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.junit.jupiter.api.Test;

class PlatformCertificateTest {
  static final BigInteger SERIAL = new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16);

  @Test
  void readsAnRsaCertificateWithTheJdk() {
    Date notBefore = new Date(1_600_000_000_000L);
    Date notAfter = new Date(1_900_000_000_000L);
    X509Certificate x509 = TestKeys.certificate(TestKeys.other(), SERIAL, notBefore, notAfter);
    PlatformCertificate certificate = PlatformCertificate.parse(CertificateLists.pem(x509));
    assertEquals("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", certificate.serialNumber());
    assertEquals(x509, certificate.certificate());
    assertEquals(TestKeys.other().getPublic(), certificate.publicKey());
    assertEquals(SignatureScheme.RSA, certificate.scheme());
    assertEquals(notBefore, certificate.notBefore());
    assertEquals(notAfter, certificate.notAfter());
    certificate.notAfter().setTime(0);
    assertEquals(notAfter, certificate.notAfter(), "a copy each time");
    assertNotSame(certificate.notBefore(), certificate.notBefore());
    assertEquals("PlatformCertificate{serial=5157F09EFDC096DE15EBE81A47057A7232F1B8E1, RSA, notBefore=1600000000,"
        + " notAfter=1900000000}", certificate.toString());
  }

  @Test
  void isValidFromNotBeforeToNotAfterInclusive() {
    PlatformCertificate certificate = PlatformCertificate.parse(CertificateLists.pem(
        TestKeys.certificate(TestKeys.other(), SERIAL, new Date(1_600_000_000_000L), new Date(1_900_000_000_000L))));
    assertFalse(certificate.isValidAt(1_599_999_999L));
    assertTrue(certificate.isValidAt(1_600_000_000L));
    assertTrue(certificate.isValidAt(1_900_000_000L));
    assertFalse(certificate.isValidAt(1_900_000_001L));
  }

  @Test
  void readsAnSm2CertificateWithBouncyCastle() {
    KeyPair sm2 = Sm2.generateKeyPair();
    String pem = CertificateLists.sm2CertificatePem(sm2, SERIAL, new Date(1_600_000_000_000L),
        new Date(1_900_000_000_000L));
    PlatformCertificate certificate = PlatformCertificate.parse(pem);
    assertEquals("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", certificate.serialNumber());
    assertNull(certificate.certificate(), "the JDK cannot read an SM2 certificate");
    assertEquals(SignatureScheme.SM2, certificate.scheme());
    assertEquals(sm2.getPublic(), certificate.publicKey());
    assertEquals(new Date(1_600_000_000_000L), certificate.notBefore());
    assertEquals(new Date(1_900_000_000_000L), certificate.notAfter());
    assertEquals(pem, certificate.pem());
  }

  @Test
  void refusesWhatIsNotAnRsaOrSm2Certificate() throws Exception {
    IllegalArgumentException notPem = assertThrows(IllegalArgumentException.class,
        () -> PlatformCertificate.parse("hello"));
    assertEquals("certificate: expected PEM with BEGIN CERTIFICATE", notPem.getMessage());
    IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
        () -> PlatformCertificate.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    assertEquals("certificate: not an RSA or SM2 X.509 certificate", garbage.getMessage());

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair p256 = generator.generateKeyPair();
    X509Certificate ec = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            new org.bouncycastle.asn1.x500.X500Name("CN=p256"), SERIAL, new Date(0), new Date(1_900_000_000_000L),
            new org.bouncycastle.asn1.x500.X500Name("CN=p256"), p256.getPublic())
            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(p256.getPrivate())));
    IllegalArgumentException wrongKey = assertThrows(IllegalArgumentException.class,
        () -> PlatformCertificate.parse(CertificateLists.pem(ec)));
    assertTrue(wrongKey.getMessage().startsWith("certificate: holds a EC key"), wrongKey.getMessage());
  }
}
