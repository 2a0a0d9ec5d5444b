package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Map;

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
}
