package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target: {@link PemKeys}, which reads users' key and certificate files: RSA (and SM2) private
 * keys, public keys, X.509 certificates, SM2 certificates. Input: the first byte picks the reader
 * (mod 4: private key, public key, certificate, SM2 certificate), the rest is the text (UTF-8).
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>the only exception is the documented {@link IllegalArgumentException}, with a message;
 *   <li>round trip: a key or certificate that is read, written again as PEM ({@code PRIVATE KEY}
 *       PKCS#8, {@code PUBLIC KEY} SPKI, {@code CERTIFICATE}), reads back equal (same encoding);
 *   <li>bounded: per-input time is libFuzzer's {@code -timeout} in the {@code fuzz} profile (no
 *       length or count taken from the DER is trusted for an allocation), memory the fork's {@code -Xmx}.
 * </ul>
 *
 * <p>No private key is committed, nor a private-key PEM block: the private-key reader has no
 * committed seed (when fuzzing, Jazzer learns the labels from the reader's own string comparisons);
 * keys made at run time go through the oracle in {@link #privateKeysMadeAtRunTimeMeetTheOracle()}.
 */
class PemKeysFuzzTest {

  @FuzzTest
  void loadsOrRefusesAnyText(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    int reader = (input[0] & 0xff) % 4;
    String pem = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    try {
      switch (reader) {
        case 0:
          PrivateKey key = PemKeys.privateKey(pem);
          assertArrayEquals(key.getEncoded(), PemKeys.privateKey(TestKeys.pkcs8Pem(key)).getEncoded());
          break;
        case 1:
          PublicKey publicKey = PemKeys.publicKey(pem);
          assertEquals(publicKey, PemKeys.publicKey(TestKeys.pem("PUBLIC KEY", publicKey.getEncoded())));
          break;
        case 2:
          X509Certificate certificate = PemKeys.certificate(pem);
          assertEquals(certificate, PemKeys.certificate(TestKeys.pem("CERTIFICATE", certificate.getEncoded())));
          assertNotNull(PemKeys.serialNumber(certificate));
          break;
        default:
          Map.Entry<String, PublicKey> sm2 = PemKeys.sm2Certificate(pem);
          assertNotNull(sm2.getKey());
          assertNotNull(sm2.getValue());
          break;
      }
    } catch (IllegalArgumentException refused) {
      assertNotNull(refused.getMessage());
    }
  }

  /** RSA in PKCS#8 and PKCS#1 and an EC key under its SEC1 label, made now, through the oracle. */
  @Test
  void privateKeysMadeAtRunTimeMeetTheOracle() throws Exception {
    java.security.PrivateKey rsa = TestKeys.merchant().getPrivate();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    String pkcs8 = TestKeys.pkcs8Pem(rsa);
    String pkcs1 = TestKeys.pem("RSA PRIVATE KEY", sequence(rsa));
    String sec1 = TestKeys.pem("EC PRIVATE KEY", sequence(ec.generateKeyPair().getPrivate()));
    for (String pem : new String[] {pkcs8, pkcs1, sec1}) {
      byte[] text = pem.getBytes(StandardCharsets.UTF_8);
      byte[] input = new byte[text.length + 1]; // byte 0 = 0: the private-key reader
      System.arraycopy(text, 0, input, 1, text.length);
      loadsOrRefusesAnyText(input);
    }
    // The RSA keys are read (so the round trip above ran), not refused.
    assertTrue(PemKeys.privateKey(pkcs8).getEncoded().length > 0);
    assertTrue(PemKeys.privateKey(pkcs1).getEncoded().length > 0);
  }

  /** The key's own structure inside its PKCS#8 wrapper (PKCS#1 for RSA, SEC1 for EC). */
  private static byte[] sequence(java.security.PrivateKey key) throws Exception {
    return PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
  }
}
