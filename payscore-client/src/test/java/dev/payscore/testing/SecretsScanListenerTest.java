package dev.payscore.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;

class SecretsScanListenerTest {
  static final String PLANTED = "s3cr3t-s1gnature-planted";
  static final List<String> SECRETS = Arrays.asList(PLANTED, "not-there-at-all");

  final ScannedOutput output = new ScannedOutput();
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  SecretsScanListener listener(Path report) {
    return new SecretsScanListener(output, () -> SECRETS, report,
        new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  String verdict() {
    return new String(console.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void findsAPlantedSecretWithoutQuotingIt() {
    List<String> leaks = SecretsScanListener.scan("line one\n--> POST x Authorization: WECHATPAY2 signature=\"" + PLANTED + "\"",
        SECRETS);
    assertEquals(1, leaks.size());
    assertTrue(leaks.get(0).contains("on line 2"), leaks.get(0));
    assertFalse(leaks.get(0).contains(PLANTED), leaks.get(0));
    assertEquals(Collections.emptyList(), SecretsScanListener.scan("clean", SECRETS));
  }

  @Test
  void aSecretInALoggedLineIsReportedForTheEnforcer(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("target/secrets-leak.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, "left over from an earlier run".getBytes(StandardCharsets.UTF_8));
    SecretsScanListener listener = listener(report);
    listener.testPlanExecutionStarted(null);
    assertFalse(Files.exists(report), "an earlier report must not survive a new run");
    output.append("--> POST /v3/payscore/payafter-orders/X/complete Authorization: " + PLANTED);
    listener.testPlanExecutionFinished(null);
    assertTrue(Files.exists(report), verdict());
    String written = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
    assertTrue(written.contains("appears on line 1"), written);
    assertFalse(written.contains(PLANTED), written);
    assertTrue(verdict().contains(": 1 found"), verdict());
    assertFalse(verdict().contains(PLANTED), verdict());
  }

  @Test
  void aSecretInAFailureMessageIsReported(@TempDir Path dir) {
    Path report = dir.resolve("secrets-leak.txt");
    SecretsScanListener listener = listener(report);
    listener.testPlanExecutionStarted(null);
    listener.executionFinished(null, TestExecutionResult.failed(
        new AssertionError("expected <ok>", new IllegalStateException("key " + PLANTED))));
    listener.testPlanExecutionFinished(null);
    assertTrue(Files.exists(report), verdict());
  }

  @Test
  void cleanOutputLeavesNoReport(@TempDir Path dir) {
    Path report = dir.resolve("secrets-leak.txt");
    SecretsScanListener listener = listener(report);
    listener.testPlanExecutionStarted(null);
    output.append("<-- 200 POST /v3/payscore/payafter-orders/X/complete (5 ms, signature verified)");
    listener.executionFinished(null, TestExecutionResult.successful());
    listener.testPlanExecutionFinished(null);
    assertFalse(Files.exists(report), verdict());
    assertTrue(verdict().contains(": 0 found"), verdict());
  }

  @Test
  void theSuitesLoggerAndRecordFeedTheSuitesScan() {
    String logged = "--> POST /scan-probe/" + System.identityHashCode(this);
    String printed = "payscore: scan probe " + System.identityHashCode(this);
    ScannedOutput.logger().log(logged);
    ScannedOutput.record(printed);
    assertTrue(ScannedOutput.suite().text().contains(logged + "\n"));
    assertTrue(ScannedOutput.suite().text().contains(printed + "\n"));
  }

  @Test
  void theSuiteScanIsRegisteredWithTheJUnitPlatform() {
    boolean registered = false;
    for (TestExecutionListener loaded : ServiceLoader.load(TestExecutionListener.class)) {
      registered |= loaded instanceof SecretsScanListener;
    }
    assertTrue(registered, "META-INF/services must name SecretsScanListener");
  }

  @Test
  void theSuiteRegistersItsKeys() {
    TestKeys.merchant();
    assertTrue(Secrets.known().size() >= 3 * 30, "keys registered: " + Secrets.known().size());
  }
}
