package dev.payscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.PemKeys;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.testing.ScannedOutput;
import dev.payscore.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayScoreCliTest {
  static final Path BASE = Paths.get(System.getProperty("payscore.basedir", "."));
  static final String USED = BASE.resolve("examples/complete-service-used.json").toString();
  static final String NOT_USED = BASE.resolve("examples/complete-service-not-used.json").toString();

  static final String TICKET = "Ad4k6Jb_hTWyZWtE_ejd5dvK9RsK1eRbKl1T7i6vvvGkBWgrRtpjRbjZPdAr2SDM";
  static PayScoreSandbox live;
  static Path keys;

  @BeforeAll
  static void startSandbox(@TempDir Path dir) throws Exception {
    live = PayScoreSandbox.builder().merchantKey(TestKeys.MERCHANT_SERIAL, TestKeys.merchant().getPublic()).start();
    keys = dir;
    Files.write(dir.resolve("apiclient_key.pem"),
        TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()).getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("pub_key.pem"),
        TestKeys.pem("PUBLIC KEY", live.wechatPayPublicKey().getEncoded()).getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stopSandbox() {
    live.close();
  }

  /** One in-process run of the CLI. */
  static final class Run {
    final int code;
    final String out;
    final String err;

    Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }
  }

  static Run run(String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int code = PayScoreCli.run(args, new PayScoreCli.Io(
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env));
      return new Run(code, new String(out.toByteArray(), StandardCharsets.UTF_8),
          new String(err.toByteArray(), StandardCharsets.UTF_8));
    } finally {
      // Handed to the suite-wide secrets scan instead of printed, even if the run threw.
      ScannedOutput.record(new String(out.toByteArray(), StandardCharsets.UTF_8));
      ScannedOutput.record(new String(err.toByteArray(), StandardCharsets.UTF_8));
    }
  }

  static Run run(String... args) {
    return run("", Collections.<String, String>emptyMap(), args);
  }

  static List<String> live(String orderNo, String... more) {
    List<String> args = new ArrayList<>(Arrays.asList("complete", "--out-order-no", orderNo,
        "--endpoint", live.url(), "--mchid", live.merchantId(), "--serial", TestKeys.MERCHANT_SERIAL,
        "--private-key", keys.resolve("apiclient_key.pem").toString(),
        "--wechatpay-public-key-id", live.wechatPayPublicKeyId(),
        "--wechatpay-public-key", keys.resolve("pub_key.pem").toString()));
    args.addAll(Arrays.asList(more));
    return args;
  }

  static void assertOneLineNoStackTrace(Run run) {
    assertEquals(1, run.err.trim().split("\n").length, run.err);
    assertFalse(run.err.contains("\tat "), run.err);
    assertTrue(run.err.startsWith("payscore: "), run.err);
  }

  @Test
  void completesAgainstTheEmbeddedSandboxWithoutCredentials() {
    Run run = run("complete", "--out-order-no", "ORDER1", "--request", USED);
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"ORDER1\""), run.out);
    assertTrue(run.out.contains("\"order_id\": \"3000"), run.out);
    assertTrue(run.err.contains("embedded sandbox"), run.err);
  }

  @Test
  void refundsQueriesARefundAndAsksTheUserStateAgainstTheEmbeddedSandboxWithoutCredentials() {
    Run refund = run("refund", "--request", BASE.resolve("examples/refund.json").toString());
    assertEquals(0, refund.code, refund.err);
    assertTrue(refund.out.contains("\"out_refund_no\": \"1217752501201407033233368018\""), refund.out);
    assertTrue(refund.out.contains("\"transaction_id\": \"4200000000201912021234567890\""), refund.out);
    assertTrue(refund.out.contains("\"status\": \"PROCESSING\""), refund.out);
    assertTrue(refund.err.contains("embedded sandbox"), refund.err);

    Run query = run("refund-query", "--out-refund-no", "R-1");
    assertEquals(0, query.code, query.err);
    assertTrue(query.out.contains("\"out_refund_no\": \"R-1\""), query.out);
    assertTrue(query.out.contains("\"status\": \"SUCCESS\""), query.out);

    Run state = run("user-state", "--service-id", "500001", "--appid", "wxd678efh567hg6787", "--openid", "U1");
    assertEquals(0, state.code, state.err);
    assertTrue(state.out.contains("\"use_service_state\": \"AVAILABLE\""), state.out);
  }

  @Test
  void refundsAgainstALiveSandboxUpToTheTotal() throws Exception {
    String transactionId = live.createPaidOrder("CLIREFUND", "wxd678efh567hg6787", "500001", 39500L);
    String body = new String(Files.readAllBytes(BASE.resolve("examples/refund.json")), StandardCharsets.UTF_8)
        .replace("4200000000201912021234567890", transactionId);
    List<String> credentials = Arrays.asList("--endpoint", live.url(), "--mchid", live.merchantId(),
        "--serial", live.merchantSerialNumber(), "--private-key", keys.resolve("apiclient_key.pem").toString(),
        "--wechatpay-public-key-id", live.wechatPayPublicKeyId(),
        "--wechatpay-public-key", keys.resolve("pub_key.pem").toString());
    for (int i = 1; i <= 4; i++) {
      List<String> args = new ArrayList<>(Arrays.asList("refund"));
      args.addAll(credentials);
      Run run = run(body.replace("1217752501201407033233368018", "CLIREFUND-" + i), Collections.<String, String>emptyMap(),
          args.toArray(new String[0]));
      if (i < 4) {
        assertEquals(0, run.code, run.err); // 3 × 100 yuan of 395
      } else {
        assertEquals(ExitCode.API_ERROR, run.code, run.err); // 400 more would exceed the total
        assertTrue(run.err.contains("INVALID_REQUEST"), run.err);
      }
    }
  }

  @Test
  void readsTheBodyFromStandardInput() throws Exception {
    String body = new String(Files.readAllBytes(Paths.get(NOT_USED)), StandardCharsets.UTF_8);
    Run run = run(body, Collections.<String, String>emptyMap(), "complete", "--out-order-no", "ORDER2");
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"ORDER2\""), run.out);
  }

  @Test
  void verboseShowsTheSignedRequestWithAuthorizationRedacted() {
    Run run = run("complete", "--out-order-no", "ORDER3", "--request", USED, "--verbose");
    assertEquals(0, run.code, run.err);
    assertTrue(run.err.contains("> Authorization: WECHATPAY2-SHA256-RSA2048 [redacted]"), run.err);
    assertTrue(run.err.contains("Request-ID"), run.err);
    assertFalse(run.err.contains("signature=\""), run.err);
    assertFalse(run.err.contains("nonce_str="), run.err);
  }

  @Test
  void invalidRequestExits3BeforeAnythingIsSent(@TempDir Path dir) throws Exception {
    int before = live.requestCount();
    String base = "\"appid\":\"wx\",\"service_id\":\"1\",\"finish_type\":2,\"total_amount\":1";
    String[][] cases = {
      {"{" + base + ",\"discounts\":[{},{},{},{},{},{}]}", "discounts: at most 5 items, got 6"},
      {"{" + base + ",\"out_order_no\":\"X\"}", "out_order_no"},
      {"{" + base + ",\"cancel_reason\":null}", "cancel_reason: null is not allowed"},
      {"{\"service_id\":\"1\"}", "appid"},
      {"not json", "not JSON"},
    };
    for (String[] c : cases) {
      Path file = dir.resolve("bad.json");
      Files.write(file, c[0].getBytes(StandardCharsets.UTF_8));
      List<String> args = live("LIVE-INVALID", "--request", file.toString());
      Run run = run("", Collections.<String, String>emptyMap(), args.toArray(new String[0]));
      assertEquals(3, run.code, c[0] + " -> " + run.err);
      assertTrue(run.err.contains(c[1]), run.err);
      assertOneLineNoStackTrace(run);
    }
    assertEquals(before, live.requestCount());
  }

  @Test
  void usageErrorsExit2() {
    assertEquals(2, run("complete", "--request", USED).code);
    Run partial = run("complete", "--out-order-no", "X", "--request", USED, "--mchid", "1900000109");
    assertEquals(2, partial.code);
    assertTrue(partial.err.contains("--serial"), partial.err);
    assertEquals(2, run("no-such-command").code);
  }

  @Test
  void realApiModeUsesTheGivenCredentialsAndEnvironment() {
    live.createOrder("LIVE-OK", "wxd678efh567hg6787", "500001", TICKET);
    Map<String, String> env = new HashMap<>();
    env.put("PAYSCORE_ENDPOINT", live.url());
    env.put("PAYSCORE_MCHID", live.merchantId());
    env.put("PAYSCORE_SERIAL", TestKeys.MERCHANT_SERIAL);
    env.put("PAYSCORE_PRIVATE_KEY", keys.resolve("apiclient_key.pem").toString());
    env.put("PAYSCORE_WECHATPAY_PUBLIC_KEY_ID", live.wechatPayPublicKeyId());
    env.put("PAYSCORE_WECHATPAY_PUBLIC_KEY", keys.resolve("pub_key.pem").toString());
    Run run = run("", env, "complete", "--out-order-no", "LIVE-OK", "--request", USED);
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"LIVE-OK\""), run.out);
    assertFalse(run.err.contains("sandbox"), run.err);
    assertEquals("FINISHED", live.orderState("LIVE-OK"));
  }

  @Test
  void apiErrorExits4WithCodeAndRequestId() {
    Run run = run("", Collections.<String, String>emptyMap(),
        live("LIVE-MISSING", "--request", USED).toArray(new String[0]));
    assertEquals(4, run.code, run.err);
    assertTrue(run.err.contains("ORDER_NOT_EXIST") && run.err.contains("Request-ID"), run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void signatureFailureExits5() {
    live.createOrder("LIVE-PROBE", "wxd678efh567hg6787", "500001", TICKET);
    live.injectFaults(Fault.PROBE_SIGNATURE);
    Run run = run("", Collections.<String, String>emptyMap(), live("LIVE-PROBE", "--request", USED).toArray(new String[0]));
    assertEquals(5, run.code, run.err);
    assertTrue(run.err.contains("PROBE_SIGNATURE"), run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void networkFailureExits6() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    List<String> args = live("LIVE-NET", "--request", USED);
    args.set(args.indexOf(live.url()), "http://127.0.0.1:" + closedPort + "/");
    Run run = run("", Collections.<String, String>emptyMap(), args.toArray(new String[0]));
    assertEquals(6, run.code, run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void unreadableAnswerExits7() {
    live.createOrder("LIVE-EMPTY", "wxd678efh567hg6787", "500001", TICKET);
    live.injectFaults(Fault.EMPTY_BODY);
    Run run = run("", Collections.<String, String>emptyMap(), live("LIVE-EMPTY", "--request", USED).toArray(new String[0]));
    assertEquals(7, run.code, run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void verboseAddsStackTraces() {
    List<String> args = live("LIVE-MISSING-2", "--request", USED, "--verbose");
    Run run = run("", Collections.<String, String>emptyMap(), args.toArray(new String[0]));
    assertEquals(4, run.code);
    assertTrue(run.err.contains("\tat "), run.err);
  }

  @Test
  void sandboxCommandPrintsUrlAndWritesUsableKeys(@TempDir Path dir) throws Exception {
    Run run = run("sandbox", "--keys-dir", dir.toString(), "--order", "O1:wx1:500001", "--duration", "1");
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("PayScore sandbox listening on http://127.0.0.1:"), run.out);
    assertTrue(run.out.contains("PUB_KEY_ID_"), run.out);
    PemKeys.privateKey(new String(Files.readAllBytes(dir.resolve("apiclient_key.pem")), StandardCharsets.UTF_8));
    PemKeys.publicKey(new String(Files.readAllBytes(dir.resolve("pub_key.pem")), StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void sandboxJsonCarriesEverythingAToolNeeds(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("my.key");
    Files.write(key, "0123456789abcdefghijABCDEFGHIJ01\n".getBytes(StandardCharsets.UTF_8));
    Run run = run("sandbox", "--json", "--keys-dir", dir.toString(), "--order", "O1:wx1:500001",
        "--notify-url", "http://127.0.0.1:9/notify", "--api-v3-key", key.toString(), "--duration", "1");
    assertEquals(0, run.code, run.err);
    assertEquals(1, run.out.trim().split("\n").length, run.out);
    Map<String, Object> facts = (Map<String, Object>) new com.squareup.moshi.Moshi.Builder().build()
        .adapter(Object.class).fromJson(run.out);
    assertTrue(((String) facts.get("url")).startsWith("http://127.0.0.1:"), run.out);
    assertEquals("1900000109", facts.get("mchid"));
    assertTrue(((String) facts.get("wechatpay_public_key_id")).startsWith("PUB_KEY_ID_"), run.out);
    assertEquals("0123456789abcdefghijABCDEFGHIJ01", facts.get("api_v3_key"));
    assertEquals(key.toString(), facts.get("api_v3_key_file"));
    assertEquals("http://127.0.0.1:9/notify", facts.get("notify_url"));
    assertEquals(facts.get("url") + "_sandbox/#token=" + facts.get("control_token"), facts.get("console_url"));
    assertEquals(facts.get("url") + "_sandbox/api/", facts.get("control_api"));
    PemKeys.privateKey(new String(Files.readAllBytes(Paths.get((String) facts.get("merchant_private_key_file"))),
        StandardCharsets.UTF_8));
    PemKeys.publicKey(new String(Files.readAllBytes(Paths.get((String) facts.get("wechatpay_public_key_file"))),
        StandardCharsets.UTF_8));
    Map<String, Object> order = ((List<Map<String, Object>>) facts.get("orders")).get(0);
    assertEquals("O1", order.get("out_order_no"));
    assertTrue(((String) order.get("finish_ticket")).startsWith("SBX"), run.out);
  }

  @Test
  void sandboxTextShowsTheApiV3KeyTheConsoleAndTheFinishTickets(@TempDir Path dir) throws Exception {
    Run run = run("sandbox", "--keys-dir", dir.toString(), "--order", "O1:wx1:500001", "--scheme", "sm2",
        "--duration", "1");
    assertEquals(0, run.code, run.err);
    String apiV3Key = new String(Files.readAllBytes(dir.resolve("apiv3_key.txt")), StandardCharsets.US_ASCII);
    assertTrue(apiV3Key.matches("[A-Za-z0-9]{32}"), apiV3Key);
    assertTrue(run.out.contains("APIv3 key:") && run.out.contains(apiV3Key), run.out);
    assertTrue(run.out.contains("/_sandbox/#token="), run.out);
    assertTrue(run.out.contains("O1  appid wx1  service_id 500001  finish_ticket SBX"), run.out);
  }

  static List<String> liveArgs(String command, String... more) {
    List<String> args = live("X", more);
    args.set(0, command);
    args.remove(1);
    args.remove(1);
    return args;
  }

  static Run run(List<String> args) {
    return run("", Collections.<String, String>emptyMap(), args.toArray(new String[0]));
  }

  @Test
  void createQueryCancelAndSyncAgainstALiveSandbox() throws Exception {
    Run created = run(liveArgs("create", "--request", BASE.resolve("examples/create.json").toString()));
    assertEquals(0, created.code, created.err);
    assertTrue(created.out.contains("\"out_order_no\": \"ORDER1\""), created.out);
    assertEquals("张三", live.order("ORDER1").name());
    assertEquals("13800138000", live.order("ORDER1").phone());

    Run query = run(liveArgs("query", "--service-id", "500001", "--appid", "wxd678efh567hg6787",
        "--out-order-no", "ORDER1"));
    assertEquals(0, query.code, query.err);
    assertTrue(query.out.contains("\"state\": \"CREATED\""), query.out);

    Run cancel = run(liveArgs("cancel", "--out-order-no", "ORDER1", "--request",
        BASE.resolve("examples/cancel.json").toString()));
    assertEquals(0, cancel.code, cancel.err);
    assertEquals("REVOKED", live.orderState("ORDER1"));

    live.createOrder("SYNC1", "wxd678efh567hg6787", "500001", TICKET);
    assertEquals(0, run(live("SYNC1", "--request", USED)).code);
    Run sync = run(liveArgs("sync", "--out-order-no", "SYNC1", "--request", BASE.resolve("examples/sync.json").toString()));
    assertEquals(0, sync.code, sync.err);
    assertEquals("USER_PAID", live.orderState("SYNC1"));
  }

  @Test
  void queryNeedsExactlyOneKey() {
    assertEquals(2, run("query", "--service-id", "1", "--appid", "wx").code);
    assertEquals(2, run("query", "--service-id", "1", "--appid", "wx", "--out-order-no", "A", "--query-id", "B").code);
  }

  @Test
  void notifyParseVerifiesAndDecryptsACapturedNotification(@TempDir Path dir) throws Exception {
    live.createOrder("N1", "wxd678efh567hg6787", "500001");
    okhttp3.mockwebserver.MockWebServer merchant = dev.payscore.testing.TestServers.mockWebServer();
    merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    try {
      merchant.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(204));
      live.sendNotification(merchant.url("/n").toString(), "PAYSCORE.USER_ACCEPTED", "N1");
      okhttp3.mockwebserver.RecordedRequest posted = merchant.takeRequest();
      Files.write(dir.resolve("body.json"), posted.getBody().readByteArray());
      StringBuilder headers = new StringBuilder();
      for (String name : posted.getHeaders().names()) {
        headers.append(name).append(": ").append(posted.getHeader(name)).append('\n');
      }
      Files.write(dir.resolve("headers.txt"), headers.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("apiv3.key"), live.apiV3Key().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("wrong.key"), "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
      List<String> args = new ArrayList<>(Arrays.asList("notify-parse", "--body", dir.resolve("body.json").toString(),
          "--headers", dir.resolve("headers.txt").toString(),
          "--wechatpay-public-key-id", live.wechatPayPublicKeyId(),
          "--wechatpay-public-key", keys.resolve("pub_key.pem").toString(),
          "--api-v3-key", dir.resolve("apiv3.key").toString()));
      Run ok = run(args);
      assertEquals(0, ok.code, ok.err);
      assertTrue(ok.out.contains("\"event_type\": \"PAYSCORE.USER_ACCEPTED\"") && ok.out.contains("\"out_order_no\": \"N1\""), ok.out);

      List<String> wrongKey = new ArrayList<>(args);
      wrongKey.set(wrongKey.size() - 1, dir.resolve("wrong.key").toString());
      Run undecryptable = run(wrongKey);
      assertEquals(7, undecryptable.code, undecryptable.err);
      assertTrue(undecryptable.err.contains("DECRYPTION_FAILED"), undecryptable.err);

      List<String> late = new ArrayList<>(args);
      late.addAll(Arrays.asList("--at", Long.toString(System.currentTimeMillis() / 1000 + 3600)));
      Run stale = run(late);
      assertEquals(5, stale.code, stale.err);
      assertTrue(stale.err.contains("STALE_TIMESTAMP"), stale.err);
    } finally {
      merchant.shutdown();
    }
  }

  @Test
  void completesInSmModeAgainstTheSandbox() {
    Run run = run("complete", "--out-order-no", "SMCLI", "--request", USED, "--scheme", "sm2", "--verbose");
    assertEquals(0, run.code, run.err);
    assertTrue(run.err.contains("> Authorization: WECHATPAY2-SM2-WITH-SM3 [redacted]"), run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"SMCLI\""), run.out);
    assertEquals(2, run("complete", "--out-order-no", "X", "--request", USED, "--scheme", "dsa").code);
  }

  @Test
  void printsTheVersionPicocliWould() {
    ByteArrayOutputStream picocli = new ByteArrayOutputStream();
    new picocli.CommandLine(new PayScoreCli()).printVersionHelp(new PrintStream(picocli, true, StandardCharsets.UTF_8));
    for (String option : new String[] {"--version", "-V"}) {
      Run run = run(option);
      assertEquals(0, run.code);
      assertEquals(new String(picocli.toByteArray(), StandardCharsets.UTF_8), run.out);
      assertTrue(run.out.matches("payscore [0-9]+\\.[0-9]+\\.[0-9]+.*\\R"), run.out);
    }
  }

  @Test
  void helpListsEveryCommandInOrderAndEachCommandHasItsOwn() {
    Run run = run("--help");
    int last = -1;
    for (String command : new String[] {"create", "query", "complete", "cancel", "sync", "notify-parse", "sandbox"}) {
      int at = run.out.indexOf("\n  " + command + " ");
      assertTrue(at > last, command + " listed in order:\n" + run.out);
      last = at;
      Run own = run(command, "--help");
      assertEquals(0, own.code, own.err);
      assertTrue(own.out.startsWith("Usage: payscore " + command), own.out);
    }
    assertTrue(run("no-such-command").err.contains("no-such-command"));
  }

  @Test
  void startsTheSandboxKeysEarlyOnlyWhenNoCredentialIsGiven() {
    Map<String, String> none = Collections.emptyMap();
    assertTrue(PayScoreCli.startsSandbox(new String[] {"complete", "--out-order-no", "A", "--request", USED}, none));
    assertTrue(PayScoreCli.startsSandbox(new String[] {"query", "--out-order-no", "A", "--scheme", "rsa"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"complete", "--mchid", "1900000109"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"complete", "--private-key=k.pem"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"complete", "--scheme", "SM2"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"complete", "--help"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"sandbox"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"notify-parse"}, none));
    assertFalse(PayScoreCli.startsSandbox(new String[0], none));
    assertFalse(PayScoreCli.startsSandbox(new String[] {"complete"},
        Collections.singletonMap("PAYSCORE_WECHATPAY_PUBLIC_KEY", "pub_key.pem")));
    assertTrue(PayScoreCli.startsSandbox(new String[] {"complete"}, Collections.singletonMap("PAYSCORE_MCHID", "")));
  }

  @Test
  void helpListsTheExitCodes() {
    Run run = run("--help");
    assertEquals(0, run.code);
    assertTrue(run.out.contains("5   the answer failed signature verification"), run.out);
  }
}
