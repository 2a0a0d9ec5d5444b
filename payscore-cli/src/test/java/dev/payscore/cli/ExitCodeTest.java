package dev.payscore.cli;

import static dev.payscore.cli.PayScoreCliTest.assertOneLineNoStackTrace;
import static dev.payscore.cli.PayScoreCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.cli.PayScoreCliTest.Run;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every exit code of every command, against a live sandbox that counts what reaches it: usage and
 * input errors exit 2 and contract errors 3, each on one line without a stack trace and with nothing
 * sent; the others come from the answer (faults injected into the sandbox).
 */
class ExitCodeTest {
  static final String APPID = "wxd678efh567hg6787";
  static final String SERVICE = "500001";
  static final String USED = PayScoreCliTest.USED;
  static final String CANCEL = PayScoreCliTest.BASE.resolve("examples/cancel.json").toString();
  static final String SYNC = PayScoreCliTest.BASE.resolve("examples/sync.json").toString();
  static final String REFUND = PayScoreCliTest.BASE.resolve("examples/refund.json").toString();
  static final AtomicInteger ORDERS = new AtomicInteger();

  static PayScoreSandbox live;
  static Path dir;
  static List<String> notification;

  @BeforeAll
  static void start(@TempDir Path temp) throws Exception {
    dir = temp;
    live = PayScoreSandbox.start();
    Files.write(dir.resolve("apiclient_key.pem"),
        TestKeys.pkcs8Pem(live.merchantPrivateKey()).getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("pub_key.pem"),
        TestKeys.pem("PUBLIC KEY", live.wechatPayPublicKey().getEncoded()).getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("garbage.pem"), "not a key".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("a-file"), new byte[0]);
    notification = captureNotification();
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  /** A notification the sandbox sent, captured as files, and the notify-parse arguments that read it. */
  static List<String> captureNotification() throws Exception {
    live.createOrder("NOTIFIED", APPID, SERVICE);
    MockWebServer merchant = TestServers.mockWebServer();
    merchant.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      merchant.enqueue(new MockResponse().setResponseCode(204));
      live.sendNotification(merchant.url("/n").toString(), "PAYSCORE.USER_ACCEPTED", "NOTIFIED");
      RecordedRequest posted = merchant.takeRequest();
      Files.write(dir.resolve("body.json"), posted.getBody().readByteArray());
      StringBuilder headers = new StringBuilder();
      for (String name : posted.getHeaders().names()) {
        headers.append(name).append(": ").append(posted.getHeader(name)).append('\n');
      }
      Files.write(dir.resolve("headers.txt"), headers.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("apiv3.key"), live.apiV3Key().getBytes(StandardCharsets.UTF_8));
      Files.write(dir.resolve("wrong.key"), "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    } finally {
      merchant.shutdown();
    }
    return Arrays.asList("notify-parse", "--body", dir.resolve("body.json").toString(),
        "--headers", dir.resolve("headers.txt").toString(),
        "--wechatpay-public-key-id", live.wechatPayPublicKeyId(),
        "--wechatpay-public-key", dir.resolve("pub_key.pem").toString(),
        "--api-v3-key", dir.resolve("apiv3.key").toString());
  }

  static List<String> credentials() {
    return Arrays.asList("--endpoint", live.url(), "--mchid", live.merchantId(),
        "--serial", live.merchantSerialNumber(),
        "--private-key", dir.resolve("apiclient_key.pem").toString(),
        "--wechatpay-public-key-id", live.wechatPayPublicKeyId(),
        "--wechatpay-public-key", dir.resolve("pub_key.pem").toString());
  }

  static List<String> list(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(Arrays.asList(more));
    return all;
  }

  /** The arguments with the option's value replaced (or the option added). */
  static List<String> with(List<String> args, String option, String value) {
    List<String> changed = new ArrayList<>(args);
    int at = changed.indexOf(option);
    if (at < 0) {
      changed.add(option);
      changed.add(value);
    } else {
      changed.set(at + 1, value);
    }
    return changed;
  }

  static boolean hasBody(String command) {
    return !command.equals("query") && !command.equals("refund-query") && !command.equals("user-state");
  }

  /** A valid call of an API command for a fresh order (seeded as it needs), without credentials. */
  static List<String> valid(String command) throws Exception {
    String order = "EXIT" + ORDERS.incrementAndGet();
    switch (command) {
      case "create":
        Path body = dir.resolve(order + ".json");
        String json = new String(Files.readAllBytes(PayScoreCliTest.BASE.resolve("examples/create.json")),
            StandardCharsets.UTF_8);
        Files.write(body, json.replace("\"ORDER1\"", "\"" + order + "\"").getBytes(StandardCharsets.UTF_8));
        return Arrays.asList("create", "--request", body.toString());
      case "query":
        live.createOrder(order, APPID, SERVICE);
        return Arrays.asList("query", "--service-id", SERVICE, "--appid", APPID, "--out-order-no", order);
      case "complete":
        live.createOrder(order, APPID, SERVICE, PayScoreCliTest.TICKET);
        return Arrays.asList("complete", "--out-order-no", order, "--request", USED);
      case "cancel":
        live.createOrder(order, APPID, SERVICE);
        return Arrays.asList("cancel", "--out-order-no", order, "--request", CANCEL);
      case "sync":
        live.createOrder(order, APPID, SERVICE, PayScoreCliTest.TICKET);
        Run completed = run(list(Arrays.asList("complete", "--out-order-no", order, "--request", USED),
            credentials().toArray(new String[0])));
        assertEquals(0, completed.code, completed.err);
        return Arrays.asList("sync", "--out-order-no", order, "--request", SYNC);
      case "refund": {
        String transactionId = live.createPaidOrder(order, APPID, SERVICE, 39500L);
        String refund = new String(Files.readAllBytes(java.nio.file.Paths.get(REFUND)), StandardCharsets.UTF_8)
            .replace("4200000000201912021234567890", transactionId)
            .replace("1217752501201407033233368018", order + "-R");
        return Arrays.asList("refund", "--request", write(refund.getBytes(StandardCharsets.UTF_8)));
      }
      case "refund-query": {
        String transactionId = live.createPaidOrder(order, APPID, SERVICE, 39500L);
        Run refunded = run(list(Arrays.asList("refund", "--request", write(("{\"transaction_id\": \"" + transactionId
            + "\", \"out_refund_no\": \"" + order + "-R\", \"amount\": {\"refund\": 100, \"total\": 39500,"
            + " \"currency\": \"CNY\"}}").getBytes(StandardCharsets.UTF_8))), credentials().toArray(new String[0])));
        assertEquals(0, refunded.code, refunded.err);
        return Arrays.asList("refund-query", "--out-refund-no", order + "-R");
      }
      case "user-state":
        return Arrays.asList("user-state", "--service-id", SERVICE, "--appid", APPID, "--openid", "OPENID-" + order);
      default:
        throw new AssertionError(command);
    }
  }

  static Run run(List<String> args) {
    return PayScoreCliTest.run("", Collections.<String, String>emptyMap(), args.toArray(new String[0]));
  }

  /** Runs each case, expecting the exit code on one line, without a stack trace and nothing sent. */
  static void assertRefusedBeforeSending(int code, List<List<String>> cases, List<String> expected) {
    for (int i = 0; i < cases.size(); i++) {
      int before = live.requestCount();
      Run run = run(cases.get(i));
      assertEquals(code, run.code, cases.get(i) + " -> " + run.err);
      assertOneLineNoStackTrace(run);
      assertTrue(run.err.contains(expected.get(i)), cases.get(i) + " -> " + run.err + " should say " + expected.get(i));
      assertEquals(before, live.requestCount(), "sent: " + cases.get(i));
    }
  }

  static Run runWithFault(String command, Fault fault) throws Exception {
    List<String> args = list(valid(command), credentials().toArray(new String[0]));
    live.injectFaults(fault);
    Run run = run(args);
    assertOneLineNoStackTrace(run);
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void successExits0(String command) throws Exception {
    Run run = run(list(valid(command), credentials().toArray(new String[0])));
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.startsWith("{"), run.out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void usageAndInputErrorsExit2OnOneLineWithNothingSent(String command) throws Exception {
    List<String> valid = valid(command);
    List<String> full = list(valid, credentials().toArray(new String[0]));
    String missing = dir.resolve("missing.json").toString();
    List<List<String>> cases = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    cases.add(list(valid, "--endpoint", live.url()));
    expected.add("--endpoint (or PAYSCORE_ENDPOINT) needs the credentials");
    cases.add(list(valid, "--mchid", live.merchantId()));
    expected.add("credentials are incomplete: also give --serial");
    cases.add(with(full, "--private-key", missing));
    expected.add("--private-key " + missing + ": cannot read (no such file)");
    cases.add(with(full, "--wechatpay-public-key", dir.toString()));
    expected.add("--wechatpay-public-key " + dir + ": is a directory, not a file");
    cases.add(with(full, "--private-key", dir.resolve("garbage.pem").toString()));
    expected.add("private key");
    cases.add(with(full, "--scheme", "dsa"));
    expected.add("--scheme must be rsa or sm2, got dsa");
    cases.add(with(full, "--endpoint", "not a url"));
    expected.add("PayScoreClient cannot be built: - baseUrl is not an http(s) URL");
    if (hasBody(command)) {
      cases.add(with(full, "--request", missing));
      expected.add("--request " + missing + ": cannot read (no such file)");
      cases.add(with(full, "--request", dir.toString()));
      expected.add("--request " + dir + ": is a directory, not a file");
      cases.add(with(valid, "--request", missing));
      expected.add("--request " + missing + ": cannot read (no such file)");
    }
    assertRefusedBeforeSending(ExitCode.USAGE, cases, expected);

    Run unknownOption = run(list(full, "--no-such-option"));
    assertEquals(ExitCode.USAGE, unknownOption.code, unknownOption.err);
    assertTrue(unknownOption.err.startsWith("Unknown option: '--no-such-option'"), unknownOption.err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void endpointFromTheEnvironmentWithoutCredentialsExits2(String command) throws Exception {
    String[] args = valid(command).toArray(new String[0]);
    int before = live.requestCount();
    Run run = PayScoreCliTest.run("", Collections.singletonMap("PAYSCORE_ENDPOINT", live.url()), args);
    assertEquals(ExitCode.USAGE, run.code, run.err);
    assertOneLineNoStackTrace(run);
    assertTrue(run.err.contains("--endpoint (or PAYSCORE_ENDPOINT) needs the credentials"), run.err);
    assertEquals(before, live.requestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void contractBreachesExit3OnOneLineWithNothingSent(String command) throws Exception {
    List<String> full = list(valid(command), credentials().toArray(new String[0]));
    List<List<String>> cases = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    if (hasBody(command)) {
      byte[] body = Files.readAllBytes(java.nio.file.Paths.get(full.get(full.indexOf("--request") + 1)));
      String text = new String(body, StandardCharsets.UTF_8);
      // A string field at the top of the body: appid, or out_refund_no for a refund (which has no appid).
      String name = command.equals("refund") ? "out_refund_no" : "appid";
      java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(text);
      assertTrue(found.find(), text);
      String field = found.group();
      String value = found.group(1);
      String[][] changes = {
        {"\"" + name + "\": 123", "/" + name + ": must be a string, got a number"},
        {"\"" + name + "\": \"\\ud800\"", "/" + name + ": an unpaired surrogate (\\uD800) is not text"},
        {"\"" + name + "\": \"wx\u0001\"", "/" + name + ": a raw control character (U+0001) must be escaped"},
        {"\"" + name + "\": null", "/" + name + ": null is not allowed"},
        {field + ", \"unknown_field\": 1", "/unknown_field: unknown field"},
        {field + ", \"" + name + "\": \"" + value + "\"", "/" + name + ": the name is given twice"},
      };
      for (String[] change : changes) {
        cases.add(with(full, "--request", write(text.replace(field, change[0]).getBytes(StandardCharsets.UTF_8))));
        expected.add(change[1]);
      }
      byte[] notUtf8 = text.replace(field, "\"" + name + "\": \"wx#\"").getBytes(StandardCharsets.UTF_8);
      notUtf8[new String(notUtf8, StandardCharsets.ISO_8859_1).indexOf('#')] = (byte) 0xFF;
      cases.add(with(full, "--request", write(notUtf8)));
      expected.add("/" + name + ": not UTF-8, at byte ");
      String numeric = command.equals("create") ? "risk_amount" : command.equals("complete") ? "total_amount"
          : command.equals("refund") ? "refund" : null;
      if (numeric != null) {
        cases.add(with(full, "--request", write(text.replaceFirst("\"" + numeric + "\": (\\d+)", "\"" + numeric + "\": \"$1\"")
            .getBytes(StandardCharsets.UTF_8))));
        expected.add((numeric.equals("refund") ? "/amount/" : "/") + numeric + ": must be a number, got a string");
      }
      if (command.equals("refund")) {
        String order = "\"transaction_id\": \"";
        assertTrue(text.contains(order), text);
        String[][] refundRules = {
          {text.replace(order, "\"out_trade_no\": \"O1\", " + order),
              "transaction_id, out_trade_no: exactly one is required, got 2"},
          {text.replaceFirst("\"transaction_id\": \"[^\"]*\",", ""),
              "transaction_id, out_trade_no: exactly one is required, got 0"},
          {text.replaceFirst("\"refund\": \\d+", "\"refund\": 0"), "amount.refund: must be >= 1, got 0"},
          {text.replaceFirst("\"refund\": \\d+", "\"refund\": -1"), "amount.refund: must be >= 1, got -1"},
          {text.replace("\"CNY\"", "\"USD\""), "/amount/currency"},
        };
        for (String[] rule : refundRules) {
          cases.add(with(full, "--request", write(rule[0].getBytes(StandardCharsets.UTF_8))));
          expected.add(rule[1]);
        }
      }
      byte[] huge = Arrays.copyOf(body, Input.BODY_LIMIT + 1);
      Arrays.fill(huge, body.length, huge.length, (byte) ' ');
      cases.add(with(full, "--request", write(huge)));
      expected.add("over 1 MiB (1048576 bytes), refused");
    }
    String key = command.equals("refund-query") ? "out_refund_no" : command.equals("user-state") ? "openid"
        : command.equals("create") || command.equals("refund") ? null : "out_order_no";
    if (key != null) {
      for (String order : new String[] {"", ".", ".."}) {
        if ((command.equals("query") || command.equals("user-state")) && !order.isEmpty()) {
          continue; // in the query string "." and ".." are values like any other
        }
        cases.add(with(full, "--" + key.replace('_', '-'), order));
        expected.add(order.isEmpty() ? key + ": must not be empty"
            : key + ": must not be \".\" or \"..\" (it would change the path)");
      }
    }
    assertRefusedBeforeSending(ExitCode.INVALID_REQUEST, cases, expected);
  }

  static String write(byte[] body) throws Exception {
    Path file = dir.resolve("body" + ORDERS.incrementAndGet() + ".json");
    Files.write(file, body);
    return file.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void apiErrorExits4(String command) throws Exception {
    Run run = runWithFault(command, Fault.SYSTEM_ERROR);
    assertEquals(ExitCode.API_ERROR, run.code, run.err);
    assertTrue(run.err.contains("SYSTEM_ERROR"), run.err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void signatureFailureExits5(String command) throws Exception {
    Run run = runWithFault(command, Fault.WRONG_SIGNATURE);
    assertEquals(ExitCode.SIGNATURE_FAILURE, run.code, run.err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void networkFailureExits6(String command) throws Exception {
    Run run = runWithFault(command, Fault.DROP_CONNECTION);
    assertEquals(ExitCode.NETWORK_FAILURE, run.code, run.err);
    assertTrue(run.err.startsWith("payscore: network failure: "), run.err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"create", "query", "complete", "cancel", "sync", "refund", "refund-query", "user-state"})
  void unreadableAnswerExits7(String command) throws Exception {
    Run run = runWithFault(command, Fault.EMPTY_BODY);
    assertEquals(ExitCode.UNREADABLE_RESPONSE, run.code, run.err);
  }

  @Test
  void notifyParseExits0ForAVerifiedNotification() {
    Run run = run(notification);
    assertEquals(ExitCode.OK, run.code, run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"NOTIFIED\""), run.out);
  }

  @Test
  void notifyParseUsageAndInputErrorsExit2() {
    String missing = dir.resolve("missing").toString();
    List<List<String>> cases = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    cases.add(with(notification, "--body", missing));
    expected.add("--body " + missing + ": cannot read (no such file)");
    cases.add(with(notification, "--body", dir.toString()));
    expected.add("--body " + dir + ": is a directory, not a file");
    cases.add(with(notification, "--headers", missing));
    expected.add("--headers " + missing + ": cannot read (no such file)");
    cases.add(with(notification, "--api-v3-key", missing));
    expected.add("--api-v3-key " + missing + ": cannot read (no such file)");
    cases.add(with(notification, "--wechatpay-public-key", dir.resolve("garbage.pem").toString()));
    expected.add("public key");
    cases.add(new ArrayList<>(notification.subList(0, notification.size() - 2)));
    expected.add("give --wechatpay-public-key-id, --wechatpay-public-key and --api-v3-key");
    for (String option : new String[] {"--endpoint", "--mchid", "--serial", "--private-key"}) {
      cases.add(list(notification, option, "x"));
      expected.add("notify-parse sends nothing: " + option + " does not apply");
    }
    assertRefusedBeforeSending(ExitCode.USAGE, cases, expected);
  }

  @Test
  void notifyParseExits5ForAStaleNotification() {
    Run run = run(list(notification, "--at", Long.toString(System.currentTimeMillis() / 1000 + 3600)));
    assertEquals(ExitCode.SIGNATURE_FAILURE, run.code, run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void notifyParseExits7WhenTheResourceCannotBeDecrypted() {
    Run run = run(with(notification, "--api-v3-key", dir.resolve("wrong.key").toString()));
    assertEquals(ExitCode.UNREADABLE_RESPONSE, run.code, run.err);
    assertOneLineNoStackTrace(run);
  }

  @Test
  void sandboxExits0WhenItStops() {
    Run run = run(Arrays.asList("sandbox", "--keys-dir", dir.resolve("keys0").toString(), "--duration", "1"));
    assertEquals(ExitCode.OK, run.code, run.err);
    assertTrue(run.out.startsWith("PayScore sandbox listening on http://127.0.0.1:"), run.out);
  }

  @Test
  void sandboxUsageErrorsExit2OnOneLine() throws Exception {
    String garbage = dir.resolve("garbage.pem").toString();
    String aFile = dir.resolve("a-file").toString();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());
      String[][] cases = {
        {"--port 99999", "--port must be 0 to 65535, got 99999"},
        {"--port -1", "--port must be 0 to 65535, got -1"},
        {"--port " + port, "cannot listen on 127.0.0.1 port " + port},
        {"--mchid abc", "--mchid must be digits"},
        {"--mchid ", "--mchid must be digits"},
        {"--merchant-public-key " + dir.resolve("missing.pem") + " --serial 1A",
          "--merchant-public-key " + dir.resolve("missing.pem") + ": cannot read (no such file)"},
        {"--merchant-public-key " + dir + " --serial 1A", "--merchant-public-key " + dir + ": is a directory"},
        {"--merchant-public-key " + garbage + " --serial 1A",
          "--merchant-public-key " + garbage + ": not a PEM certificate (BEGIN CERTIFICATE) or public key"},
        {"--merchant-public-key " + garbage, "--merchant-public-key and --serial go together"},
        {"--serial 1A", "--merchant-public-key and --serial go together"},
        {"--order A:wx:1 --order A:wx:2", "--order A:wx:2: order A is given twice"},
        {"--order ::", "--order must be OUT_ORDER_NO:APPID:SERVICE_ID, none of them empty, got ::"},
        {"--order A:wx", "--order must be OUT_ORDER_NO:APPID:SERVICE_ID, none of them empty, got A:wx"},
        {"--order .:wx:1", "--order .:wx:1: OUT_ORDER_NO must not be \".\" or \"..\""},
        {"--order ..:wx:1", "--order ..:wx:1: OUT_ORDER_NO must not be \".\" or \"..\""},
        {"--notify-url http://192.0.2.1/notify", "--notify-url must be an http://127.0.0.1 or http://localhost URL"},
        {"--notify-url nonsense", "--notify-url must be an http://127.0.0.1 or http://localhost URL"},
        {"--scheme dsa", "--scheme must be rsa or sm2, got dsa"},
        {"--api-v3-key " + garbage, "--api-v3-key " + garbage + ": must hold 32 letters and digits"},
        {"--api-v3-key " + dir.resolve("missing.key"), "--api-v3-key " + dir.resolve("missing.key") + ": cannot read"},
        {"--keys-dir " + aFile, "--keys-dir " + aFile + ": cannot create the directory (exists and is not a directory)"},
        {"--keys-dir " + aFile + "/keys", "--keys-dir " + aFile + "/keys: cannot create the directory"},
      };
      for (String[] c : cases) {
        List<String> args = new ArrayList<>(Collections.singletonList("sandbox"));
        args.addAll(Arrays.asList(c[0].split(" ", -1)));
        args.addAll(Arrays.asList("--duration", "1"));
        Run run = run(args);
        assertEquals(ExitCode.USAGE, run.code, c[0] + " -> " + run.err);
        assertOneLineNoStackTrace(run);
        assertTrue(run.err.startsWith("payscore: " + c[1]), c[0] + " -> " + run.err);
        assertEquals("", run.out, c[0]);
      }
    }
  }

  @Test
  void helpListsTheExitCodesAsTheyAreUsed() {
    Run run = run(Collections.singletonList("--help"));
    assertEquals(ExitCode.OK, run.code);
    String help = run.out.replaceAll("\\s+", " ");
    assertTrue(help.contains("2 usage or input error (options; a file that is missing, a directory, unreadable,"
        + " not UTF-8 text or too large); nothing was sent"), help);
    assertTrue(help.contains("3 the request body breaks the contract (not strict UTF-8 JSON, over 1 MiB, an"
        + " unknown field, a null, a string for a number, ...) or a parameter does; nothing was sent"), help);
  }
}
