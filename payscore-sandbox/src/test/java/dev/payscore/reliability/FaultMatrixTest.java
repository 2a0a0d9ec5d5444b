package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * The fault matrix: each fault, the typed exception the caller gets, and proof that no unverified
 * data was returned. The table in docs/reliability.md is {@link #CASES}, row for row, and is checked here.
 */
class FaultMatrixTest {
  /** One row: what goes wrong, how it is injected, what the caller gets. */
  static final class Case {
    final String fault;
    final Fault injected; // null: set up by the test itself
    final Class<? extends IOException> expected;
    final String detail;

    Case(String fault, Fault injected, Class<? extends IOException> expected, String detail) {
      this.fault = fault;
      this.injected = injected;
      this.expected = expected;
      this.detail = detail;
    }

    /** This case's row in the table of docs/reliability.md. */
    String docRow() {
      String gets = expected == null ? "(none)" : "`" + expected.getSimpleName() + "`";
      return "| " + fault + " | " + gets + " | " + detail + " |";
    }
  }

  static final List<Case> CASES = new ArrayList<>();

  static {
    CASES.add(new Case("connection refused", null, java.net.ConnectException.class, "nothing sent; retryable"));
    CASES.add(new Case("connection dropped before the answer", Fault.DROP_CONNECTION, IOException.class, "outcome unknown: query first"));
    CASES.add(new Case("connection reset mid-body", Fault.RESET_MID_BODY, IOException.class, "outcome unknown: query first"));
    CASES.add(new Case("read timeout", Fault.delay(5000), SocketTimeoutException.class, "outcome unknown: query first"));
    CASES.add(new Case("500 SYSTEM_ERROR", Fault.SYSTEM_ERROR, WechatPayApiException.class, "`isRetryable()`, code `SYSTEM_ERROR`"));
    CASES.add(new Case("429", Fault.TOO_MANY_REQUESTS, WechatPayApiException.class, "`isRetryable()`"));
    CASES.add(new Case("502 HTML page from a proxy", Fault.BAD_GATEWAY_HTML, WechatPayApiException.class, "`isRetryable()`, code null, `getRawBody()`, unsigned"));
    CASES.add(new Case("truncated JSON (signed)", Fault.TRUNCATED_BODY, WechatPayResponseException.class, "nothing half-parsed"));
    CASES.add(new Case("JSON of the wrong shape (signed)", Fault.WRONG_SHAPE, WechatPayResponseException.class, "nothing half-parsed"));
    CASES.add(new Case("empty 200 body (signed)", Fault.EMPTY_BODY, WechatPayResponseException.class, "nothing returned"));
    CASES.add(new Case("10 MB body", Fault.HUGE_BODY, WechatPayResponseException.class, "refused unread past 1 MiB"));
    CASES.add(new Case("200 without signature headers", Fault.UNSIGNED, WechatPaySignatureException.class, "`MISSING_HEADER`"));
    CASES.add(new Case("wrong signature", Fault.WRONG_SIGNATURE, WechatPaySignatureException.class, "`SIGNATURE_MISMATCH`"));
    CASES.add(new Case("unknown serial", Fault.UNKNOWN_SERIAL, WechatPaySignatureException.class, "`UNKNOWN_SERIAL`"));
    CASES.add(new Case("stale timestamp (-10 min)", Fault.STALE_TIMESTAMP, WechatPaySignatureException.class, "`STALE_TIMESTAMP`"));
    CASES.add(new Case("future timestamp (+10 min)", Fault.FUTURE_TIMESTAMP, WechatPaySignatureException.class, "`STALE_TIMESTAMP`"));
    CASES.add(new Case("`WECHATPAY/SIGNTEST/` probe", Fault.PROBE_SIGNATURE, WechatPaySignatureException.class, "`PROBE_SIGNATURE`"));
    CASES.add(new Case("duplicated signature headers", Fault.DUPLICATE_HEADERS, WechatPaySignatureException.class, "`DUPLICATE_HEADER`"));
    CASES.add(new Case("lower-case header names", Fault.LOWER_CASE_HEADERS, null, "verified and returned (names are case-insensitive)"));
  }

  static PayScoreSandbox sandbox;
  static PayScoreClient client;
  static int orders;

  @BeforeAll
  static void start() {
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().readTimeout(2500, TimeUnit.MILLISECONDS).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  static Response<CompletePayafterOrderResponse> call(PayScoreClient client) throws IOException {
    String order = "FM" + (++orders);
    String ticket = sandbox.createOrder(order, "wx", "500001");
    return client.payafterOrders().completePayafterOrder(order, CompletePayafterOrderRequest.builder()
        .appid("wx").serviceId("500001").finishType(FinishType.SERVICE_USED).totalAmount(1L)
        .finishTicket(ticket).build()).execute();
  }

  @Test
  void everyFaultEndsInItsTypedExceptionAndNothingUnverifiedIsReturned() throws Exception {
    for (Case c : CASES) {
      PayScoreClient target = client;
      if (c.injected == null && c.expected != null) {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
          port = socket.getLocalPort();
        }
        target = sandbox.clientBuilder().baseUrl("http://127.0.0.1:" + port + "/").build();
      } else if (c.injected != null) {
        sandbox.injectFaults(c.injected);
      }
      Response<CompletePayafterOrderResponse> response = null;
      IOException thrown = null;
      try {
        response = call(target);
      } catch (IOException e) {
        thrown = e;
      }
      if (c.expected == null) {
        assertNotNull(response, c.fault);
        assertEquals(200, response.code(), c.fault);
        assertNotNull(response.body().getOrderId(), c.fault);
        continue;
      }
      assertNotNull(thrown, c.fault + ": expected " + c.expected.getSimpleName() + " but data was returned: " + response);
      assertTrue(c.expected.isInstance(thrown), c.fault + ": got " + thrown);
      if (c.expected == IOException.class || c.expected == SocketTimeoutException.class
          || c.expected == java.net.ConnectException.class) {
        assertFalse(thrown instanceof WechatPayException, c.fault + ": transport failures stay plain IOExceptions");
      }
      if (c.detail.startsWith("`") && thrown instanceof WechatPaySignatureException) {
        assertEquals(c.detail.replace("`", ""), ((WechatPaySignatureException) thrown).getReason().name(), c.fault);
      }
      if (thrown instanceof WechatPayApiException) {
        assertEquals(c.detail.contains("isRetryable"), ((WechatPayApiException) thrown).isRetryable(), c.fault);
      }
    }
  }

  /** The header of the fault-matrix table in docs/reliability.md. */
  static final String TABLE_HEADER = "| fault | the caller gets | notes |";

  @Test
  void reliabilityDocTableIsTheMatrix() throws Exception {
    List<String> lines = Files.readAllLines(
        Paths.get(System.getProperty("payscore.basedir", ".")).resolve("docs/reliability.md"), StandardCharsets.UTF_8);
    int header = lines.indexOf(TABLE_HEADER);
    assertTrue(header >= 0, "docs/reliability.md has no table headed " + TABLE_HEADER);
    List<String> documented = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      documented.add(lines.get(i));
    }
    List<String> expected = new ArrayList<>();
    for (Case c : CASES) {
      expected.add(c.docRow());
    }
    assertEquals(String.join("\n", expected), String.join("\n", documented),
        "the fault-matrix table in docs/reliability.md must list exactly the tested cases, in order");
  }
}
