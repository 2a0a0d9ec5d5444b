package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPaySignatureException.Reason;
import dev.payscore.auth.RequestSigner;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.ErrorResponse;
import dev.payscore.model.FinishType;
import dev.payscore.testing.TestKeys;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

class PayScoreSandboxTest {
  static final String APPID = "wxd678efh567hg6787";
  static final String SERVICE_ID = "500001";
  static PayScoreSandbox sandbox;
  static PayScoreClient client;
  static final OkHttpClient RAW = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static int orders;

  String order;
  String ticket;

  @BeforeAll
  static void startSandbox() {
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().readTimeout(5, TimeUnit.SECONDS).build();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newOrder() {
    order = "ORDER" + (++orders);
    ticket = sandbox.createOrder(order, APPID, SERVICE_ID);
  }

  CompletePayafterOrderRequest.Builder used(long total) {
    return CompletePayafterOrderRequest.builder().appid(APPID).serviceId(SERVICE_ID)
        .finishType(FinishType.SERVICE_USED).totalAmount(total).finishTicket(ticket);
  }

  Call<CompletePayafterOrderResponse> complete(CompletePayafterOrderRequest request) {
    return client.payafterOrders().completePayafterOrder(order, request);
  }

  /** Sends a body as it is, signed by the sandbox's merchant key (or not at all), bypassing the client. */
  Response raw(String path, String body, boolean sign, long timestampSkew) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Request.Builder request = new Request.Builder().url(sandbox.url() + path.substring(1))
        .post(RequestBody.create(bytes, JSON))
        .header("Accept", "application/json")
        .header("User-Agent", "test");
    if (sign) {
      RequestSigner signer = new RequestSigner(sandbox.merchantId(), sandbox.merchantSerialNumber(),
          sandbox.merchantPrivateKey(), () -> System.currentTimeMillis() / 1000 + timestampSkew,
          dev.payscore.auth.NonceGenerator.SECURE);
      request.header("Authorization", signer.authorization("POST", path, bytes));
    }
    return RAW.newCall(request.build()).execute();
  }

  static ErrorResponse error(Response response) throws IOException {
    return new Moshi.Builder().build().adapter(ErrorResponse.class).fromJson(response.body().string());
  }

  String path() {
    return "/v3/payscore/payafter-orders/" + order + "/complete";
  }

  @Test
  void completesAnAcceptedOrderAndMovesItToFinished() throws Exception {
    CompletePayafterOrderResponse response = complete(used(100).build()).execute().body();
    assertEquals(order, response.getOutOrderNo());
    assertEquals(sandbox.merchantId(), response.getMchid());
    assertEquals(APPID, response.getAppid());
    assertTrue(response.getOrderId().matches("3000\\d{16}"), response.getOrderId());
    assertEquals("FINISHED", sandbox.orderState(order));
    SandboxRequest recorded = sandbox.requests().get(sandbox.requestCount() - 1);
    assertEquals("/v3/payscore/payafter-orders/" + order + "/complete", recorded.target());
    assertTrue(recorded.bodyUtf8().contains("\"total_amount\":100"));
  }

  @Test
  void repeatWithIdenticalParametersGetsTheSameAnswerAndDifferentOnesAreRefused() throws Exception {
    CompletePayafterOrderResponse first = complete(used(100).build()).execute().body();
    CompletePayafterOrderResponse again = complete(used(100).build()).execute().body();
    assertEquals(first, again);
    WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(used(101).build()).execute());
    assertEquals(400, e.getHttpStatus());
    assertEquals("PARAM_ERROR", e.getCode());
    assertTrue(e.isSignatureVerified());
  }

  @Test
  void unknownOrderIs404OrderNotExist() {
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> client.payafterOrders().completePayafterOrder("NO-SUCH-ORDER", used(1).build()).execute());
    assertEquals(404, e.getHttpStatus());
    assertEquals("ORDER_NOT_EXIST", e.getCode());
    assertNotNull(e.getRequestId());
  }

  @Test
  void serviceNotUsedNeedsTotalZero() throws Exception {
    WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(
        used(100).finishType(FinishType.SERVICE_NOT_USED).cancelReason("未使用").build()).execute());
    assertEquals("PARAM_ERROR", e.getCode());
    assertEquals("/total_amount", e.getDetail().getField());
    assertEquals(200, complete(used(0).finishType(FinishType.SERVICE_NOT_USED).cancelReason("未使用").build())
        .execute().code());
  }

  @Test
  void wrongAppidIsRefused() {
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> complete(used(1).appid("wx-other").build()).execute());
    assertEquals("/appid", e.getDetail().getField());
  }

  @Test
  void clientWithTheWrongMerchantKeyIsRefusedWith401() {
    PayScoreClient wrong = sandbox.clientBuilder().merchantPrivateKey(TestKeys.other().getPrivate()).build();
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> wrong.payafterOrders().completePayafterOrder(order, used(1).build()).execute());
    assertEquals(401, e.getHttpStatus());
    assertEquals("SIGN_ERROR", e.getCode());
    assertEquals("USER_ACCEPTED", sandbox.orderState(order));
  }

  @Test
  void rejectsUnsignedTamperedAndStaleRequests() throws Exception {
    String body = "{\"appid\":\"" + APPID + "\",\"service_id\":\"" + SERVICE_ID + "\",\"finish_type\":2,\"total_amount\":1}";
    try (Response unsigned = raw(path(), body, false, 0)) {
      assertEquals(401, unsigned.code());
      assertEquals("SIGN_ERROR", error(unsigned).getCode());
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    RequestSigner signer = new RequestSigner(sandbox.merchantId(), sandbox.merchantSerialNumber(),
        sandbox.merchantPrivateKey());
    Request tampered = new Request.Builder().url(sandbox.url() + path().substring(1))
        .post(RequestBody.create(body.replace("\"total_amount\":1", "\"total_amount\":9").getBytes(StandardCharsets.UTF_8), JSON))
        .header("Accept", "application/json").header("User-Agent", "t")
        .header("Authorization", signer.authorization("POST", path(), bytes)).build();
    try (Response response = RAW.newCall(tampered).execute()) {
      assertEquals(401, response.code());
    }
    try (Response stale = raw(path(), body, true, -301)) {
      assertEquals(401, stale.code());
    }
    assertEquals("USER_ACCEPTED", sandbox.orderState(order));
    try (Response good = raw(path(), body, true, 0)) {
      assertEquals(200, good.code());
    }
  }

  @Test
  void requiresAcceptAndUserAgent() throws Exception {
    Request noAccept = new Request.Builder().url(sandbox.url() + path().substring(1))
        .post(RequestBody.create("{}", JSON)).build();
    try (Response response = RAW.newCall(noAccept).execute()) {
      assertEquals(400, response.code());
      assertEquals("INVALID_REQUEST", error(response).getCode());
    }
    Request blankUserAgent = noAccept.newBuilder().header("Accept", "application/json").header("User-Agent", "").build();
    try (Response response = RAW.newCall(blankUserAgent).execute()) {
      assertEquals(400, response.code());
      assertEquals("INVALID_REQUEST", error(response).getCode());
    }
  }

  @Test
  void checksTheBodyAgainstTheContract() throws Exception {
    String base = "\"appid\":\"" + APPID + "\",\"service_id\":\"" + SERVICE_ID + "\",\"finish_type\":2,\"total_amount\":1";
    String[][] cases = {
      {"{" + base + ",\"out_order_no\":\"" + order + "\"}", "/out_order_no"},
      {"{" + base + ",\"cancel_reason\":null}", "/cancel_reason"},
      {"{" + base + ",\"discounts\":[{},{},{},{},{},{}]}", "/discounts"},
      {"{" + base + ",\"fees\":[{\"fee_amount\":-1}]}", "/fees/0/fee_amount"},
      {"{\"service_id\":\"" + SERVICE_ID + "\",\"finish_type\":2,\"total_amount\":1}", "/appid"},
      {"{" + base.replace("\"total_amount\":1", "\"total_amount\":\"x\"") + "}", "/total_amount"},
      {"{\"appid\":\"" + APPID + "\",\"service_id\":\"" + SERVICE_ID + "\",\"total_amount\":1}", "/finish_type"},
      {"not json", "/"},
      // The CLI's strict reading, shared: a number as a string, a name twice, a raw control character.
      {"{" + base.replace("\"total_amount\":1", "\"total_amount\":\"39500\"") + "}", "/total_amount"},
      {"{" + base + ",\"total_amount\":2}", "/total_amount"},
      {"{" + base.replace(APPID, APPID + "\u0001") + "}", "/appid"},
    };
    for (String[] c : cases) {
      try (Response response = raw(path(), c[0], true, 0)) {
        assertEquals(400, response.code(), c[0]);
        ErrorResponse error = error(response);
        assertEquals("PARAM_ERROR", error.getCode(), c[0]);
        assertEquals(c[1], error.getDetail().getField(), c[0]);
      }
    }
    assertEquals("USER_ACCEPTED", sandbox.orderState(order));
  }

  @Test
  void signsErrorAnswersToo() {
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> client.payafterOrders().completePayafterOrder("NO-SUCH", used(1).build()).execute());
    assertTrue(e.isSignatureVerified());
  }

  @Test
  void pathParameterIsDecodedAndRecordedRaw() throws Exception {
    ticket = sandbox.createOrder("A|B*C", APPID, SERVICE_ID);
    assertEquals(200, client.payafterOrders().completePayafterOrder("A|B*C", used(5).build()).execute().code());
    assertEquals("/v3/payscore/payafter-orders/A%7CB*C/complete",
        sandbox.requests().get(sandbox.requestCount() - 1).target());
    assertEquals("FINISHED", sandbox.orderState("A|B*C"));
  }

  @Test
  void faultsThatReplaceTheAnswerLeaveTheOrderUntouched() {
    sandbox.injectFaults(Fault.SYSTEM_ERROR);
    WechatPayApiException system = assertThrows(WechatPayApiException.class, () -> complete(used(1).build()).execute());
    assertEquals(500, system.getHttpStatus());
    assertEquals("SYSTEM_ERROR", system.getCode());
    assertTrue(system.isRetryable());

    sandbox.injectFaults(Fault.TOO_MANY_REQUESTS);
    WechatPayApiException limited = assertThrows(WechatPayApiException.class, () -> complete(used(1).build()).execute());
    assertEquals(429, limited.getHttpStatus());
    assertTrue(limited.isRetryable());

    sandbox.injectFaults(Fault.BAD_GATEWAY_HTML);
    WechatPayApiException html = assertThrows(WechatPayApiException.class, () -> complete(used(1).build()).execute());
    assertEquals(502, html.getHttpStatus());
    assertNull(html.getCode());
    assertFalse(html.isSignatureVerified());

    sandbox.injectFaults(Fault.DROP_CONNECTION);
    IOException dropped = assertThrows(IOException.class, () -> complete(used(1).build()).execute());
    assertFalse(dropped instanceof WechatPayException, dropped.toString());
    assertEquals("USER_ACCEPTED", sandbox.orderState(order));
  }

  @Test
  void signatureFaultsRaiseTheMatchingReason() {
    Object[][] cases = {
      {Fault.WRONG_SIGNATURE, Reason.SIGNATURE_MISMATCH},
      {Fault.PROBE_SIGNATURE, Reason.PROBE_SIGNATURE},
      {Fault.STALE_TIMESTAMP, Reason.STALE_TIMESTAMP},
      {Fault.FUTURE_TIMESTAMP, Reason.STALE_TIMESTAMP},
      {Fault.UNKNOWN_SERIAL, Reason.UNKNOWN_SERIAL},
      {Fault.UNSIGNED, Reason.MISSING_HEADER},
      {Fault.DUPLICATE_HEADERS, Reason.DUPLICATE_HEADER},
    };
    for (Object[] c : cases) {
      sandbox.injectFaults((Fault) c[0]);
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
          () -> complete(used(1).build()).execute(), c[0].toString());
      assertEquals(c[1], e.getReason(), c[0].toString());
      assertNotNull(e.getRequestId());
    }
    // The request was processed each time; only the answers were spoiled.
    assertEquals("FINISHED", sandbox.orderState(order));
  }

  @Test
  void lowerCaseHeaderNamesStillVerify() throws Exception {
    sandbox.injectFaults(Fault.LOWER_CASE_HEADERS);
    assertEquals(200, complete(used(1).build()).execute().code());
  }

  @Test
  void bodyFaultsRaiseResponseExceptions() {
    for (Fault fault : new Fault[] {Fault.TRUNCATED_BODY, Fault.EMPTY_BODY, Fault.WRONG_SHAPE, Fault.HUGE_BODY}) {
      sandbox.injectFaults(fault);
      assertThrows(WechatPayResponseException.class, () -> complete(used(1).build()).execute(), fault.toString());
    }
  }

  @Test
  void resetMidBodyIsATransportFailure() {
    sandbox.injectFaults(Fault.RESET_MID_BODY);
    IOException e = assertThrows(IOException.class, () -> complete(used(1).build()).execute());
    assertFalse(e instanceof WechatPayException, e.toString());
  }

  @Test
  void delayIsBoundByTheReadTimeout() throws Exception {
    PayScoreClient impatient = sandbox.clientBuilder().readTimeout(100, TimeUnit.MILLISECONDS).build();
    sandbox.injectFaults(Fault.delay(1000));
    assertThrows(SocketTimeoutException.class,
        () -> impatient.payafterOrders().completePayafterOrder(order, used(1).build()).execute());
    sandbox.injectFaults(Fault.delay(50));
    assertEquals(200, complete(used(1).build()).execute().code());
  }

  @Test
  void acceptsTheMerchantsOwnKey() throws Exception {
    try (PayScoreSandbox own = PayScoreSandbox.builder()
        .merchantKey(TestKeys.MERCHANT_SERIAL, TestKeys.merchant().getPublic()).start()) {
      ticket = own.createOrder("MINE", APPID, SERVICE_ID);
      assertThrows(IllegalStateException.class, own::merchantPrivateKey);
      PayScoreClient mine = own.clientBuilder().merchantPrivateKey(TestKeys.merchant().getPrivate()).build();
      assertEquals("MINE", mine.payafterOrders().completePayafterOrder("MINE", used(1).build())
          .execute().body().getOutOrderNo());
    }
  }

  @Test
  void builderRefusesAMerchantIdThatIsNot1To32Digits() {
    for (String bad : new String[] {"", "abc", "19000001O9", " 1900000109", "123456789012345678901234567890123"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PayScoreSandbox.builder().merchantId(bad), bad);
      assertTrue(e.getMessage().startsWith("merchantId: must be 1 to 32 digits"), e.getMessage());
    }
    PayScoreSandbox.builder().merchantId("1").merchantId("12345678901234567890123456789012");
  }

  @Test
  void createOrderRefusesEmptyFieldsNamingThem() {
    String[][] cases = {{"", APPID, SERVICE_ID, "outOrderNo"}, {"E1", "", SERVICE_ID, "appid"},
        {"E1", APPID, "", "serviceId"}};
    for (String[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sandbox.createOrder(c[0], c[1], c[2]));
      assertEquals(c[3] + ": must not be empty", e.getMessage());
    }
    IllegalArgumentException ticket = assertThrows(IllegalArgumentException.class,
        () -> sandbox.createOrder("E1", APPID, SERVICE_ID, ""));
    assertEquals("finishTicket: must not be empty", ticket.getMessage());
    assertNull(sandbox.order("E1"));
    assertNull(sandbox.order(""));
  }
}
