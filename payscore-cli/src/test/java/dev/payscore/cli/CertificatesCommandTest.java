package dev.payscore.cli;

import static dev.payscore.cli.PayScoreCliTest.assertOneLineNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.PemKeys;
import dev.payscore.cli.PayScoreCliTest.Run;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code payscore certificates}: downloads, checks and writes, or exits 8 having written nothing. */
class CertificatesCommandTest {
  static PayScoreSandbox certificateMode;
  static PayScoreSandbox publicKeyMode;
  static Path keys;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    certificateMode = PayScoreSandbox.builder().platformCertificates().start();
    publicKeyMode = PayScoreSandbox.start();
    Secrets.register(certificateMode.apiV3Key());
    Secrets.register(publicKeyMode.apiV3Key());
    keys = dir;
    write("cert_mode_key.pem", TestKeys.pkcs8Pem(certificateMode.merchantPrivateKey()));
    write("public_mode_key.pem", TestKeys.pkcs8Pem(publicKeyMode.merchantPrivateKey()));
    write("apiv3.key", certificateMode.apiV3Key() + "\n");
    write("public_mode_apiv3.key", publicKeyMode.apiV3Key());
    write("wrong.key", "0123456789abcdef0123456789abcdef");
    write("short.key", "0123456789");
  }

  @AfterAll
  static void stop() {
    certificateMode.close();
    publicKeyMode.close();
  }

  static void write(String name, String text) throws IOException {
    Files.write(keys.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> credentials(PayScoreSandbox sandbox, String privateKey, String apiV3Key) {
    return new ArrayList<>(Arrays.asList("certificates", "--endpoint", sandbox.url(), "--mchid", sandbox.merchantId(),
        "--serial", sandbox.merchantSerialNumber(), "--private-key", keys.resolve(privateKey).toString(),
        "--api-v3-key", keys.resolve(apiV3Key).toString()));
  }

  static Run run(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(Arrays.asList(more));
    return PayScoreCliTest.run("", Collections.<String, String>emptyMap(), all.toArray(new String[0]));
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return Collections.emptyList();
    }
    try (Stream<Path> listed = Files.list(dir)) {
      return listed.sorted().collect(Collectors.toList());
    }
  }

  @Test
  void withoutCredentialsWritesTheSandboxCertificateAndExits0(@TempDir Path out) throws Exception {
    Run run = run(Collections.singletonList("certificates"), "--output", out.toString());
    assertEquals(ExitCode.OK, run.code, run.err);
    assertTrue(run.err.contains("no credentials given: using the embedded sandbox"), run.err);
    List<Path> written = files(out);
    assertEquals(1, written.size(), written.toString());
    String name = written.get(0).getFileName().toString();
    X509Certificate certificate = PemKeys.certificate(new String(Files.readAllBytes(written.get(0)), StandardCharsets.UTF_8));
    assertEquals("wechatpay_" + PemKeys.serialNumber(certificate) + ".pem", name);
    assertTrue(run.out.matches(PemKeys.serialNumber(certificate) + "  RSA  effective \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"
        + "  expires \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00  " + java.util.regex.Pattern.quote(written.get(0).toString())
        + "\\R"), run.out);
  }

  @Test
  void withCredentialsWritesEveryListedCertificate(@TempDir Path out) throws Exception {
    String second = certificateMode.rotatePlatformCertificate();
    Run run = run(credentials(certificateMode, "cert_mode_key.pem", "apiv3.key"), "--output", out.resolve("new").toString(),
        "--algorithm", "ALL");
    assertEquals(ExitCode.OK, run.code, run.err);
    Map<String, String> listed = certificateMode.platformCertificates();
    assertTrue(listed.containsKey(second));
    List<Path> written = files(out.resolve("new"));
    assertEquals(listed.size(), written.size());
    for (Map.Entry<String, String> certificate : listed.entrySet()) {
      Path file = out.resolve("new").resolve("wechatpay_" + certificate.getKey() + ".pem");
      assertEquals(certificate.getValue(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      assertTrue(run.out.contains(certificate.getKey() + "  RSA  effective "), run.out);
    }
  }

  @Test
  void aWrongApiV3KeyExits8OnOneLineAndWritesNothing(@TempDir Path out) throws Exception {
    Path target = out.resolve("certs");
    int before = certificateMode.requestCount();
    Run run = run(credentials(certificateMode, "cert_mode_key.pem", "wrong.key"), "--output", target.toString());
    assertEquals(ExitCode.CERTIFICATES_REFUSED, run.code, run.err);
    assertOneLineNoStackTrace(run);
    assertTrue(run.err.startsWith("payscore: Platform certificates refused, DECRYPTION_FAILED: certificate "), run.err);
    assertTrue(run.err.contains("the APIv3 key is wrong, or the certificate was altered"), run.err);
    assertFalse(Files.exists(target), "nothing written, not even the directory");
    assertEquals(before + 1, certificateMode.requestCount(), "one download");
    assertEquals("", run.out);
  }

  @Test
  void aWrongApiV3KeyAgainstTheEmbeddedSandboxExits8Too(@TempDir Path out) throws Exception {
    Run run = run(Collections.singletonList("certificates"), "--output", out.toString(),
        "--api-v3-key", keys.resolve("wrong.key").toString());
    assertEquals(ExitCode.CERTIFICATES_REFUSED, run.code, run.err);
    assertTrue(run.err.contains("DECRYPTION_FAILED"), run.err);
    assertEquals(Collections.emptyList(), files(out));
  }

  @Test
  void aMerchantWithoutCertificatesExits8SayingToUseThePublicKey(@TempDir Path out) throws Exception {
    Run run = run(credentials(publicKeyMode, "public_mode_key.pem", "public_mode_apiv3.key"), "--output", out.toString());
    assertEquals(ExitCode.CERTIFICATES_REFUSED, run.code, run.err);
    assertOneLineNoStackTrace(run);
    assertTrue(run.err.contains("NO_CERTIFICATES: WeChat Pay has no platform certificates for this merchant"
        + " (RESOURCE_NOT_EXISTS): it verifies with the WeChat Pay public key"), run.err);
  }

  @Test
  void usageErrorsExit2OnOneLineWithNothingSent(@TempDir Path out) throws Exception {
    Path aFile = out.resolve("a-file");
    Files.write(aFile, new byte[0]);
    List<String> full = credentials(certificateMode, "cert_mode_key.pem", "apiv3.key");
    full.addAll(Arrays.asList("--output", out.resolve("x").toString()));
    String[][] cases = {
      {"--algorithm", "DSA", "--algorithm must be RSA, SM2 or ALL, got DSA"},
      {"--api-v3-key", keys.resolve("short.key").toString(), "the APIv3 key must be 32 bytes, got 10"},
      {"--api-v3-key", keys.resolve("missing.key").toString(), "cannot read (no such file)"},
      {"--output", aFile.toString(), "--output " + aFile + ": exists and is not a directory"},
    };
    for (String[] change : cases) {
      List<String> args = ExitCodeTest.with(full, change[0], change[1]);
      int before = certificateMode.requestCount();
      Run run = run(args);
      assertEquals(ExitCode.USAGE, run.code, args + " -> " + run.err);
      assertOneLineNoStackTrace(run);
      assertTrue(run.err.contains(change[2]), run.err + " should say " + change[2]);
      assertEquals(before, certificateMode.requestCount(), "sent: " + args);
    }
    List<String> incomplete = new ArrayList<>(full.subList(0, full.indexOf("--private-key")));
    incomplete.addAll(Arrays.asList("--output", out.toString()));
    Run run = run(incomplete);
    assertEquals(ExitCode.USAGE, run.code, run.err);
    assertTrue(run.err.contains("credentials are incomplete: give --mchid, --serial, --private-key and --api-v3-key"),
        run.err);
    Run endpointAlone = run(Arrays.asList("certificates", "--endpoint", certificateMode.url(), "--output", out.toString()));
    assertEquals(ExitCode.USAGE, endpointAlone.code, endpointAlone.err);
    Run noOutput = run(Collections.singletonList("certificates"));
    assertEquals(ExitCode.USAGE, noOutput.code, noOutput.err);
    assertTrue(noOutput.err.contains("Missing required option: '--output=DIR'"), noOutput.err);
  }

  @Test
  void theSandboxCommandRunsInCertificateMode(@TempDir Path dir) throws Exception {
    Run run = PayScoreCliTest.run("sandbox", "--platform-certificates", "--keys-dir", dir.toString(), "--duration", "1");
    assertEquals(ExitCode.OK, run.code, run.err);
    assertFalse(run.out.contains("PUB_KEY_ID_"), run.out);
    assertFalse(Files.exists(dir.resolve("pub_key.pem")));
    Path certificate = single(dir);
    X509Certificate x509 = PemKeys.certificate(new String(Files.readAllBytes(certificate), StandardCharsets.UTF_8));
    assertTrue(run.out.contains("  platform certificate serial:           " + PemKeys.serialNumber(x509) + "\n"), run.out);
    assertTrue(run.out.contains("  platform certificate:                  " + certificate + "\n"), run.out);
    // The sandbox's throwaway APIv3 key is printed on purpose (payscore sandbox shows it): not a secret here.
    String apiV3Key = new String(Files.readAllBytes(dir.resolve("apiv3_key.txt")), StandardCharsets.US_ASCII);
    assertEquals(32, apiV3Key.length());
  }

  @Test
  void theSandboxCommandsJsonListsTheCertificatesAndNoPublicKey(@TempDir Path dir) throws Exception {
    Run run = PayScoreCliTest.run("sandbox", "--platform-certificates", "--json", "--keys-dir", dir.toString(),
        "--duration", "1");
    assertEquals(ExitCode.OK, run.code, run.err);
    Map<?, ?> facts = (Map<?, ?>) new com.squareup.moshi.Moshi.Builder().build().adapter(Object.class).fromJson(run.out);
    assertTrue(facts.containsKey("wechatpay_public_key_id"));
    assertEquals(null, facts.get("wechatpay_public_key_id"));
    assertEquals(null, facts.get("wechatpay_public_key_file"));
    List<?> certificates = (List<?>) facts.get("platform_certificates");
    assertEquals(1, certificates.size());
    Path certificate = single(dir);
    X509Certificate x509 = PemKeys.certificate(new String(Files.readAllBytes(certificate), StandardCharsets.UTF_8));
    assertEquals(PemKeys.serialNumber(x509), ((Map<?, ?>) certificates.get(0)).get("serial"));
    assertEquals(certificate.toString(), ((Map<?, ?>) certificates.get(0)).get("file"));
  }

  /** The one wechatpay_*.pem in a directory. */
  static Path single(Path dir) throws IOException {
    List<Path> certificates = new ArrayList<>();
    for (Path file : files(dir)) {
      if (file.getFileName().toString().startsWith("wechatpay_")) {
        certificates.add(file);
      }
    }
    assertEquals(1, certificates.size(), files(dir).toString());
    return certificates.get(0);
  }

  @Test
  void helpListsExitCode8() {
    Run run = PayScoreCliTest.run("--help");
    assertTrue(run.out.contains("8   the platform certificates were refused"), run.out);
    assertTrue(run.out.contains("certificates"), run.out);
  }
}
