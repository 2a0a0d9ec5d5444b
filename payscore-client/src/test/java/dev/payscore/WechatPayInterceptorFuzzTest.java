package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.Moshi;
import dev.payscore.exception.WechatPayException;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.ModelAdapters;
import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Fuzz target: the answer path, {@link WechatPayInterceptor} (read, verify, map) with {@code
 * AnswerMatcher} and the generated Moshi adapters of every response model ({@link
 * ContractConverterFactory}), over what the server answers: status, {@code Wechatpay-*} headers and
 * body. The answer comes from a {@link MockWebServer} on 127.0.0.1 and is signed by the target with
 * the WeChat Pay test key, so the fuzzer gets past verification into the parsing; one input in
 * four instead has one {@code Wechatpay-*} header replaced by fuzzed text (the fuzzer meets the
 * verification). Input: byte 0 picks the call (mod 9: 0 create, 1 complete, 2 cancel, 3 sync, 4 query
 * the order, 5 create a refund, 6 query a refund, 7 the user service state, 8 list the platform
 * certificates: so the response model; the first five kept their numbers when the last four were
 * added), byte 1 the status (200 to 599), byte 2 whether and which header is replaced (with the text
 * up to the first newline of the rest), the rest is the body (UTF-8).
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>{@code execute()} either returns a successful response with a non-null body (never a
 *       half-parsed object, never a null for a 2xx) or throws a documented {@link WechatPayException}
 *       (signature, response or API exception), whose message prints; the one plain {@link
 *       IOException} allowed is OkHttp's {@link java.net.ProtocolException}, thrown by the transport
 *       before the library reads the answer (a transport failure, documented to stay a plain {@link
 *       IOException}), for a 204 or 205 with a body (broken framing) and for a 407 (a proxy's
 *       challenge while the client uses no proxy); both first found by this target;
 *   <li>bounded: each call has a 10 s call timeout, the client's own answer-size limit caps the
 *       body; per-input time is libFuzzer's {@code -timeout} in the {@code fuzz} profile, memory the
 *       fork's {@code -Xmx}.
 * </ul>
 */
class WechatPayInterceptorFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static final String[] HEADERS = {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature",
      "Wechatpay-Serial", "Wechatpay-Signature-Type", "Request-ID", "Content-Type"};
  private static final int[] STATUSES = {200, 200, 200, 201, 204, 400, 401, 403, 404, 429, 500, 503};

  private static MockWebServer server;
  private static PayScoreClient client;
  private static volatile MockResponse answer;
  private static CreatePayafterOrderRequest create;
  private static CompletePayafterOrderRequest complete;
  private static CancelPayafterOrderRequest cancel;
  private static SyncPayafterOrderRequest sync;
  private static CreateRefundRequest refund;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.answering(() -> answer);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .clock(() -> NOW).callTimeout(10, TimeUnit.SECONDS)
        .baseUrl(server.url("/").toString()).build();
    Moshi moshi = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
    create = moshi.adapter(CreatePayafterOrderRequest.class).fromJson(example("create.json"));
    complete = moshi.adapter(CompletePayafterOrderRequest.class).fromJson(example("complete-service-used.json"));
    cancel = moshi.adapter(CancelPayafterOrderRequest.class).fromJson(example("cancel.json"));
    sync = moshi.adapter(SyncPayafterOrderRequest.class).fromJson(example("sync.json"));
    refund = moshi.adapter(CreateRefundRequest.class).fromJson(example("refund.json"));
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private static String example(String name) throws IOException {
    return new String(Files.readAllBytes(Paths.get(System.getProperty("payscore.basedir"), "examples", name)),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @FuzzTest
  void verifiesAndTypesOrRefusesAnyAnswer(byte[] input) {
    // Jazzer's SSRF detector: the one server this target talks to is the local MockWebServer.
    try (SilentCloseable local = BugDetectors.allowNetworkConnections(
        (host, port) -> (host.equals("localhost") || host.equals("127.0.0.1")) && port == server.getPort())) {
      check(input);
    }
  }

  private static void check(byte[] input) {
    if (input.length < 3) {
      return;
    }
    int call = (input[0] & 0xff) % 9;
    int s = input[1] & 0xff;
    int status = s < 128 ? STATUSES[s % STATUSES.length] : 200 + (s - 128) * 3;
    boolean tamper = (input[2] & 3) == 0;
    String header = HEADERS[((input[2] & 0xff) >> 2) % HEADERS.length];
    String rest = new String(Arrays.copyOfRange(input, 3, input.length), java.nio.charset.StandardCharsets.UTF_8);
    String value = "";
    String body = rest;
    if (tamper) {
      int newline = rest.indexOf('\n');
      value = ascii(newline < 0 ? rest : rest.substring(0, newline));
      body = newline < 0 ? "" : rest.substring(newline + 1);
    }
    MockResponse response = WechatPayResponses.signed(status, body, NOW, TestKeys.PUBLIC_KEY_ID,
        TestKeys.wechatPay().getPrivate());
    if (tamper) {
      response.setHeader(header, value);
    }
    answer = response;
    Call<?> request;
    switch (call) {
      case 0:
        request = client.payafterOrders().createPayafterOrder(create);
        break;
      case 1:
        request = client.payafterOrders().completePayafterOrder("ORDER1", complete);
        break;
      case 2:
        request = client.payafterOrders().cancelPayafterOrder("ORDER1", cancel);
        break;
      case 3:
        request = client.payafterOrders().syncPayafterOrder("ORDER1", sync);
        break;
      case 4:
        request = client.payafterOrders().queryPayafterOrder("500001", "wxd678efh567hg6787", "ORDER1", null);
        break;
      case 5:
        request = client.refunds().createRefund(refund);
        break;
      case 6:
        request = client.refunds().queryRefund("1217752501201407033233368018");
        break;
      case 7:
        request = client.userServiceState().queryUserServiceState("500001", "wxd678efh567hg6787",
            "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        break;
      default:
        request = client.certificates().listCertificates("RSA");
        break;
    }
    try {
      check(request, status);
    } finally {
      TestServers.forgetRecordedRequests(server);
    }
  }

  private static void check(Call<?> request, int status) {
    try {
      Response<?> result = request.execute();
      assertTrue(result.isSuccessful(), "a non-2xx answer came back as a value: " + result.code());
      assertNotNull(result.body(), "a 2xx answer without a typed body");
      assertNotNull(result.body().toString());
    } catch (WechatPayException expected) {
      assertNotNull(expected.getMessage());
    } catch (java.net.ProtocolException transport) {
      // OkHttp refuses broken HTTP framing (a 204 or 205 with a body), and a 407 when no proxy is in
      // use, before the library sees the answer: a transport failure, which stays a plain IOException
      // (WechatPayException's Javadoc).
      assertTrue(status == 204 || status == 205 || status == 407,
          "refused by the transport for status " + status + ": " + transport);
    } catch (IOException other) {
      throw new AssertionError("not a documented exception", other);
    }
  }

  /** Header values MockWebServer can send: printable ASCII. */
  private static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '_');
    }
    return out.toString();
  }
}
