package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.exception.WechatPayException;
import dev.payscore.testing.CertificateLists;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the platform certificate download, {@link CertificateDownloader} through {@link
 * PayScoreClient#refreshPlatformCertificates()} with {@link PlatformCertificates} putting the result
 * in force: the {@code CertificateList} adapter and its validation, the APIv3 decryption, PEM and
 * X.509 reading ({@link PlatformCertificate#parse}), the serial and validity checks, the list's
 * signature. The client trusts the WeChat Pay test public key (pinning) and holds the APIv3 key;
 * the answer comes from a {@link MockWebServer} on 127.0.0.1 and is signed validly by the target
 * with the WeChat Pay test key, so the fuzzer gets past the signature, and in modes 0 and 1 the
 * target encrypts the certificate correctly (AES-256-GCM with the JDK's cipher, not the library's),
 * so the fuzzer gets past the AEAD into the parsing and the checks. Input: byte 0 picks the mode
 * (mod 3), then:
 *
 * <ul>
 *   <li>0, fuzzed certificate: the bytes up to the first newline are the listed {@code serial_no}
 *       (UTF-8), the bytes after it the plaintext of {@code encrypt_certificate} (a PEM, or not),
 *       encrypted as WeChat Pay does (nonce {@code 61f9c719728a}, associated data {@code
 *       certificate}); the other fields as in the contract's example;
 *   <li>1, fuzzed metadata: the rest (UTF-8) split at newlines gives, in order, {@code serial_no},
 *       {@code effective_time}, {@code expire_time}, {@code algorithm}, {@code associated_data} and
 *       {@code nonce} (a missing one keeps its valid value) for a fixed valid certificate (serial
 *       {@value #SERIAL}, made at start from a throwaway key), encrypted under that nonce and
 *       associated data (under the valid ones where the JDK refuses the nonce);
 *   <li>2, fuzzed answer: byte 1 picks the status (mostly 200; 404, 400, 500), the rest is the body
 *       as is.
 * </ul>
 *
 * <p>The seeds' certificates were made once, when the seeds were written, from throwaway RSA keys
 * that were not kept (a certificate is public; no private key is committed): valid at the target's
 * clock ({@code NOW}, 2023-11-14), expired before it, not yet valid, listed under another serial.
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>the refresh either throws a documented {@link WechatPayException} (in practice {@link
 *       dev.payscore.exception.WechatPayCertificateException}, or {@link
 *       dev.payscore.exception.WechatPayApiException} for an error answer), whose message prints and
 *       does not quote the APIv3 key, and the client keeps exactly the verifier it had; or it returns
 *       a non-empty list of certificates, each listed under its own serial (compared as numbers with
 *       the {@code serial_no} the answer listed in that place, read back from the body with Moshi's
 *       reader; a name given twice counts with its last value, as in the generated adapters: found
 *       by this target's seed {@code raw-duplicate-data}, see docs/reliability.md), valid at the clock (the JDK's {@code checkValidity} for X.509), and then
 *       in force beside the WeChat Pay public key; no other exception, no plain {@link IOException};
 *   <li>bounded: each call has a 10 s call timeout, the client's answer-size limit caps the body;
 *       per-input time is libFuzzer's {@code -timeout} in the {@code fuzz} profile, memory the
 *       fork's {@code -Xmx}.
 * </ul>
 */
class CertificateDownloaderFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static final String API_V3_KEY = "fuzzfuzzfuzzfuzzfuzzfuzzfuzz0123";
  static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  private static final String NONCE = "61f9c719728a";
  private static final String ASSOCIATED_DATA = "certificate";
  private static final int[] STATUSES = {200, 200, 200, 200, 404, 400, 500};

  static {
    Secrets.register(API_V3_KEY);
  }

  private static MockWebServer server;
  private static PayScoreClient client;
  private static ResponseVerifier initial;
  private static String validPem;
  private static volatile MockResponse answer;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.answering(() -> answer);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .apiV3Key(API_V3_KEY).autoPlatformCertificates()
        .clock(() -> NOW).callTimeout(10, TimeUnit.SECONDS)
        .baseUrl(server.url("/").toString()).build();
    initial = client.verifier();
    long year = 365L * 86_400_000L;
    validPem = CertificateLists.pem(TestKeys.certificate(TestKeys.other(), new BigInteger(SERIAL, 16),
        new Date(NOW * 1000L - year), new Date(NOW * 1000L + 5 * year)));
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @FuzzTest
  void putsInForceOnlyCheckedCertificates(byte[] input) {
    // Jazzer's SSRF detector: the one server this target talks to is the local MockWebServer.
    try (SilentCloseable local = BugDetectors.allowNetworkConnections(
        (host, port) -> (host.equals("localhost") || host.equals("127.0.0.1")) && port == server.getPort())) {
      check(input);
    } finally {
      TestServers.forgetRecordedRequests(server);
    }
  }

  private static void check(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int mode = (input[0] & 0xff) % 3;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    int status = 200;
    byte[] body;
    if (mode == 0) {
      int newline = indexOf(rest, (byte) '\n');
      String serial = new String(rest, 0, newline < 0 ? rest.length : newline, StandardCharsets.UTF_8);
      byte[] plaintext = newline < 0 ? new byte[0] : Arrays.copyOfRange(rest, newline + 1, rest.length);
      body = list(serial, "2018-06-08T10:34:56+08:00", "2030-06-07T10:34:56+08:00", "AEAD_AES_256_GCM",
          ASSOCIATED_DATA, NONCE, encrypt(NONCE, ASSOCIATED_DATA, plaintext));
    } else if (mode == 1) {
      String[] fields = {SERIAL, "2018-06-08T10:34:56+08:00", "2030-06-07T10:34:56+08:00", "AEAD_AES_256_GCM",
          ASSOCIATED_DATA, NONCE};
      String[] given = new String(rest, StandardCharsets.UTF_8).split("\n", -1);
      System.arraycopy(given, 0, fields, 0, Math.min(given.length, fields.length));
      byte[] pem = validPem.getBytes(StandardCharsets.UTF_8);
      String ciphertext = encrypt(fields[5], fields[4], pem);
      if (ciphertext == null) { // the JDK refuses the nonce (empty): sealed under the valid one instead
        ciphertext = encrypt(NONCE, fields[4], pem);
      }
      body = list(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], ciphertext);
    } else {
      status = STATUSES[(rest[0] & 0xff) % STATUSES.length];
      body = Arrays.copyOfRange(rest, 1, rest.length);
    }
    String sent = new String(body, StandardCharsets.UTF_8);
    answer = WechatPayResponses.signed(status, sent, NOW, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPrivate());
    List<PlatformCertificate> certificates;
    try {
      certificates = client.refreshPlatformCertificates();
    } catch (WechatPayException refused) {
      assertNotNull(refused.getMessage());
      // Outside text is quoted escaped (Printable): the escape of U+001F ends in "f", which before
      // "uzz…" from the input once spelt the key (a false positive, kept as a regression input); the
      // escapes are blanked before looking.
      String message = refused.getMessage().replaceAll("\\\\u[0-9a-f]{4}", "#");
      if (!new String(input, StandardCharsets.ISO_8859_1).contains(API_V3_KEY)) {
        assertFalse(message.contains(API_V3_KEY), "the APIv3 key in a message");
      }
      assertSame(initial, client.verifier(), "a refused download changed the keys in force");
      return;
    } catch (IOException other) {
      throw new AssertionError("not a documented exception", other);
    }
    try {
      checkAccepted(certificates, listedSerials(sent));
    } finally {
      client.replaceVerifier(initial);
    }
  }

  private static void checkAccepted(List<PlatformCertificate> certificates, List<String> listed) {
    assertFalse(certificates.isEmpty(), "an empty list came back as a success");
    assertEquals(listed.size(), certificates.size(), "listed " + listed + ", returned " + certificates);
    ResponseVerifier inForce = client.verifier();
    assertTrue(inForce.keys().contains(TestKeys.PUBLIC_KEY_ID), "the WeChat Pay public key was dropped");
    for (int i = 0; i < certificates.size(); i++) {
      PlatformCertificate certificate = certificates.get(i);
      assertEquals(new BigInteger(listed.get(i), 16), new BigInteger(certificate.serialNumber(), 16),
          "listed under another serial: " + certificate);
      assertTrue(certificate.isValidAt(NOW), "outside its validity: " + certificate);
      X509Certificate x509 = certificate.certificate();
      if (x509 != null) {
        assertEquals(new BigInteger(listed.get(i), 16), x509.getSerialNumber());
        try {
          x509.checkValidity(new Date(NOW * 1000L));
        } catch (CertificateException e) {
          throw new AssertionError("accepted outside its validity: " + certificate, e);
        }
      }
      assertTrue(inForce.keys().contains(certificate.serialNumber()), "not in force: " + certificate);
    }
  }

  /**
   * The {@code serial_no} of each entry of {@code data}, read with Moshi's plain reader; a name
   * given twice counts with its last value, as in the generated adapters.
   */
  private static List<String> listedSerials(String body) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      List<String> serials = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals("data")) {
          reader.skipValue();
          continue;
        }
        serials = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          String serial = null;
          reader.beginObject();
          while (reader.hasNext()) {
            if (reader.nextName().equals("serial_no")) {
              serial = reader.nextString();
            } else {
              reader.skipValue();
            }
          }
          reader.endObject();
          serials.add(serial);
        }
        reader.endArray();
      }
      reader.endObject();
      assertNotNull(serials, "accepted a list without data");
      return serials;
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("accepted a list Moshi's reader cannot read as one", e);
    }
  }

  /** The list's JSON, written by Moshi's writer (so any text is escaped), one entry. */
  private static byte[] list(String serial, String effective, String expire, String algorithm,
      String associatedData, String nonce, String ciphertext) {
    try {
      Buffer buffer = new Buffer();
      JsonWriter writer = JsonWriter.of(buffer);
      writer.beginObject().name("data").beginArray().beginObject()
          .name("serial_no").value(serial)
          .name("effective_time").value(effective)
          .name("expire_time").value(expire)
          .name("encrypt_certificate").beginObject()
          .name("algorithm").value(algorithm)
          .name("nonce").value(nonce)
          .name("associated_data").value(associatedData)
          .name("ciphertext").value(ciphertext)
          .endObject().endObject().endArray().endObject();
      writer.close();
      return buffer.readByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** AES-256-GCM with the JDK's cipher under the APIv3 key: Base64 of ciphertext and tag; null when refused. */
  private static String encrypt(String nonce, String associatedData, byte[] plaintext) {
    byte[] iv = nonce.getBytes(StandardCharsets.UTF_8);
    if (iv.length == 0) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
          new GCMParameterSpec(128, iv));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
