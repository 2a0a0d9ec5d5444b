package dev.payscore;

import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.model.ValidationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPaySignatureException.Reason;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.Discount;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.ScannedOutput;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.math.BigInteger;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

class PayScoreClientTest {
  static final String OUT_ORDER_NO = "1234323JKHDFE1243252";
  static final String SUCCESS =
      "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000109\",\"out_order_no\":\"1234323JKHDFE1243252\","
          + "\"service_id\":\"500001\",\"order_id\":\"15646546545165651651\"}";
  static final String EXPECTED_BODY =
      "{\"appid\":\"wxd678efh567hg6787\",\"service_id\":\"500001\",\"finish_type\":2,"
          + "\"fees\":[{\"fee_name\":\"停车费\",\"fee_count\":1,\"fee_desc\":\"停车2小时\",\"fee_amount\":40000}],"
          + "\"discounts\":[{\"discount_name\":\"新用户立减\",\"discount_desc\":\"首单立减5元\",\"discount_amount\":500}],"
          + "\"total_amount\":39500,\"finish_ticket\":\"Ad4k6Jb_hTWyZWtE\",\"profit_sharing\":false}";

  private final MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static CompletePayafterOrderRequest request() {
    return CompletePayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787")
        .serviceId("500001")
        .finishType(FinishType.SERVICE_USED)
        .fees(Collections.singletonList(
            Fee.builder().feeName("停车费").feeCount(1).feeDesc("停车2小时").feeAmount(40000L).build()))
        .discounts(Collections.singletonList(
            Discount.builder().discountName("新用户立减").discountDesc("首单立减5元").discountAmount(500L).build()))
        .totalAmount(39500L)
        .finishTicket("Ad4k6Jb_hTWyZWtE")
        .profitSharing(false)
        .build();
  }

  PayScoreClient.Builder builder() {
    return PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString())
        .logger(line -> {
          logLines.add(line);
          ScannedOutput.logger().log(line);
        })
        .logBodies(true);
  }

  Call<CompletePayafterOrderResponse> complete(PayScoreClient client) {
    return client.payafterOrders().completePayafterOrder(OUT_ORDER_NO, request());
  }

  /** Answers as WeChat Pay would: 401 SIGN_ERROR unless the request signature verifies. */
  final class CheckingDispatcher extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!WechatPayResponses.requestSignatureValid(request, TestKeys.merchant().getPublic())) {
        return WechatPayResponses.signed(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}");
      }
      // The answer names the order the request named, as WeChat Pay's does.
      List<String> segments = request.getRequestUrl().pathSegments();
      String orderNo = segments.get(segments.indexOf("payafter-orders") + 1);
      return WechatPayResponses.signed(200, SUCCESS.replace(OUT_ORDER_NO, orderNo));
    }
  }

  @Test
  void completesAgainstAServerThatChecksTheSignatureIndependently() throws Exception {
    server.setDispatcher(new CheckingDispatcher());
    Response<CompletePayafterOrderResponse> response = complete(builder().build()).execute();

    assertEquals(200, response.code());
    assertEquals("15646546545165651651", response.body().getOrderId());
    assertEquals("1900000109", response.body().getMchid());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST /v3/payscore/payafter-orders/1234323JKHDFE1243252/complete HTTP/1.1",
        recorded.getRequestLine());
    assertEquals(EXPECTED_BODY, recorded.getBody().readString(StandardCharsets.UTF_8));
    assertEquals("application/json; charset=utf-8", recorded.getHeader("Content-Type"));
    assertEquals("application/json", recorded.getHeader("Accept"));
    assertEquals(TestKeys.PUBLIC_KEY_ID, recorded.getHeader("Wechatpay-Serial"));
    assertTrue(recorded.getHeader("User-Agent").startsWith("payscore-client/"), recorded.getHeader("User-Agent"));
    assertTrue(recorded.getHeader("User-Agent").contains("OkHttp/"));
    assertEquals(1, recorded.getHeaders().values("Authorization").size());
  }

  @Test
  void signatureEqualsTheIndependentOneOverTheBytesReceived() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    long now = System.currentTimeMillis() / 1000;
    PayScoreClient client = builder().clock(() -> now).nonceGenerator(() -> "593BEC0C930BF1AFEB40B4A08C8FB242").build();
    complete(client).execute();
    RecordedRequest recorded = server.takeRequest();
    byte[] body = recorded.getBody().readByteArray();
    String expected = IndependentRsa.sign(TestKeys.merchant().getPrivate(),
        ("POST\n/v3/payscore/payafter-orders/1234323JKHDFE1243252/complete\n" + now
            + "\n593BEC0C930BF1AFEB40B4A08C8FB242\n" + new String(body, StandardCharsets.UTF_8) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    assertEquals("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
        + "timestamp=\"" + now + "\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\",signature=\""
        + expected + "\"", recorded.getHeader("Authorization"));
  }

  @Test
  void pathParametersWithPipeAndStarAreSignedAsSent() throws Exception {
    server.setDispatcher(new CheckingDispatcher());
    Response<CompletePayafterOrderResponse> response =
        builder().build().payafterOrders().completePayafterOrder("A|B*C-1_2", request()).execute();
    assertEquals(200, response.code());
    assertEquals("/v3/payscore/payafter-orders/A%7CB*C-1_2/complete", server.takeRequest().getPath());
  }

  @Test
  void baseUrlPathPrefixIsKeptAndSigned() throws Exception {
    server.setDispatcher(new CheckingDispatcher());
    PayScoreClient client = builder().baseUrl(server.url("/gateway/wechat").toString()).build();
    assertEquals(200, complete(client).execute().code());
    assertEquals("/gateway/wechat/v3/payscore/payafter-orders/1234323JKHDFE1243252/complete",
        server.takeRequest().getPath());
  }

  @Test
  void invalidRequestNeverReachesTheServer() throws Exception {
    CompletePayafterOrderRequest sixDiscounts = PayScoreClient.MOSHI.adapter(CompletePayafterOrderRequest.class)
        .fromJson("{\"appid\":\"wx\",\"service_id\":\"1\",\"discounts\":[{},{},{},{},{},{}]}");
    PayScoreClient client = builder().build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> client.payafterOrders().completePayafterOrder(OUT_ORDER_NO, sixDiscounts).execute());
    assertEquals(Collections.singletonList("discounts: at most 5 items, got 6"), e.getViolations());
    ValidationException path = assertThrows(ValidationException.class,
        () -> client.payafterOrders().completePayafterOrder("", request()).execute());
    assertEquals(Collections.singletonList("out_order_no: must not be empty"), path.getViolations());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void dotSegmentsAsOrderNumberAreRefusedLikeAnEmptyOneBeforeSending() {
    PayScoreClient client = builder().build();
    for (String dots : new String[] {".", ".."}) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> client.payafterOrders().completePayafterOrder(dots, request()).execute(), dots);
      assertEquals(Collections.singletonList(
          "out_order_no: must not be \".\" or \"..\" (it would change the path)"), e.getViolations());
      assertThrows(ValidationException.class, () -> client.payafterOrders().cancelPayafterOrder(dots,
          CancelPayafterOrderRequest.builder().appid("wx").serviceId("1").reason("r").build()).execute());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void tamperedBodyIsRejectedAndNeverReturned() {
    server.enqueue(WechatPayResponses.signed(200, SUCCESS).setBody(SUCCESS.replace("1651\"}", "1652\"}")));
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> complete(builder().build()).execute());
    assertEquals(Reason.SIGNATURE_MISMATCH, e.getReason());
    assertEquals("08F78BB5AF0610D302839A9E0328DCDB1004", e.getRequestId());
    assertEquals(200, e.getHttpStatus());
  }

  @Test
  void eachVerificationFailureSurfacesWithItsReason() {
    long now = System.currentTimeMillis() / 1000;
    Map<Reason, MockResponse> cases = new java.util.LinkedHashMap<>();
    cases.put(Reason.STALE_TIMESTAMP, WechatPayResponses.signed(200, SUCCESS, now - 301,
        TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPrivate()));
    MockResponse probe = WechatPayResponses.signed(200, SUCCESS);
    probe.setHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + probe.getHeaders().get("Wechatpay-Signature"));
    cases.put(Reason.PROBE_SIGNATURE, probe);
    cases.put(Reason.UNKNOWN_SERIAL, WechatPayResponses.signed(200, SUCCESS, now, "PUB_KEY_ID_0000000000000024101100397200000006",
        TestKeys.wechatPay().getPrivate()));
    cases.put(Reason.MISSING_HEADER, new MockResponse().setBody(SUCCESS).setHeader("Request-ID", "R"));
    cases.put(Reason.MALFORMED_SIGNATURE, WechatPayResponses.signed(200, SUCCESS).setHeader("Wechatpay-Signature", "***"));
    cases.put(Reason.SIGNATURE_MISMATCH, WechatPayResponses.signed(200, SUCCESS, now, TestKeys.PUBLIC_KEY_ID,
        TestKeys.other().getPrivate()));
    PayScoreClient client = builder().build();
    for (Map.Entry<Reason, MockResponse> entry : cases.entrySet()) {
      server.enqueue(entry.getValue());
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
          () -> complete(client).execute(), entry.getKey().name());
      assertEquals(entry.getKey(), e.getReason());
    }
  }

  @Test
  void oneSecondInsideTheWindowVerifies() throws Exception {
    long now = 1_700_000_000L;
    server.enqueue(WechatPayResponses.signed(200, SUCCESS, now - 300, TestKeys.PUBLIC_KEY_ID,
        TestKeys.wechatPay().getPrivate()));
    server.enqueue(WechatPayResponses.signed(200, SUCCESS, now - 301, TestKeys.PUBLIC_KEY_ID,
        TestKeys.wechatPay().getPrivate()));
    PayScoreClient client = builder().clock(() -> now).build();
    assertEquals(200, complete(client).execute().code());
    assertEquals(Reason.STALE_TIMESTAMP,
        assertThrows(WechatPaySignatureException.class, () -> complete(client).execute()).getReason());
  }

  @Test
  void lowerCaseHeaderNamesFromAProxyStillVerify() throws Exception {
    MockResponse signed = WechatPayResponses.signed(200, SUCCESS);
    MockResponse lower = new MockResponse().setBody(SUCCESS);
    for (String name : signed.getHeaders().names()) {
      lower.addHeader(name.toLowerCase(java.util.Locale.ROOT), signed.getHeaders().get(name));
    }
    server.enqueue(lower);
    assertEquals("15646546545165651651", complete(builder().build()).execute().body().getOrderId());
  }

  @Test
  void platformCertificateVerifiesBesideThePublicKey() throws Exception {
    java.security.KeyPair platform = TestKeys.generate();
    PayScoreClient client = builder()
        .platformCertificate(TestKeys.certificate(platform, new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16)))
        .build();
    server.enqueue(WechatPayResponses.signed(200, SUCCESS, System.currentTimeMillis() / 1000,
        "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", platform.getPrivate()));
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    assertEquals(200, complete(client).execute().code());
    assertEquals(200, complete(client).execute().code());
  }

  @Test
  void errorAnswersBecomeTypedExceptions() {
    Object[][] cases = {
      {400, "PARAM_ERROR", false}, {401, "SIGN_ERROR", false}, {403, "NO_AUTH", false},
      {404, "ORDER_NOT_EXIST", false}, {429, "FREQUENCY_LIMITED", true}, {500, "SYSTEM_ERROR", true},
      {502, "SERVICE_UNAVAILABLE", true},
    };
    PayScoreClient client = builder().build();
    for (Object[] c : cases) {
      int status = (Integer) c[0];
      server.enqueue(WechatPayResponses.signed(status, "{\"code\":\"" + c[1] + "\",\"message\":\"消息\","
          + "\"detail\":{\"field\":\"/total_amount\",\"value\":-1,\"issue\":\"bad\",\"location\":\"body\"}}"));
      WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(client).execute());
      assertEquals(status, e.getHttpStatus());
      assertEquals(c[1], e.getCode());
      assertEquals("消息", e.getErrorMessage());
      assertEquals("/total_amount", e.getDetail().getField());
      assertEquals(-1.0, ((Number) e.getDetail().getValue()).doubleValue());
      assertEquals("08F78BB5AF0610D302839A9E0328DCDB1004", e.getRequestId());
      assertEquals(c[2], e.isRetryable(), "retryable " + status);
      assertTrue(e.isSignatureVerified());
      assertTrue(e.getMessage().contains(status + "") && e.getMessage().contains((String) c[1])
          && e.getMessage().contains("08F78BB5AF0610D302839A9E0328DCDB1004"), e.getMessage());
    }
  }

  @Test
  void htmlErrorPageFromAProxyStillYieldsAnApiException() {
    PayScoreClient client = builder().build();
    for (int status : new int[] {400, 401, 404, 429, 500, 502}) {
      server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/html")
          .setBody("<html><body>" + status + " Bad Gateway</body></html>"));
      WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(client).execute());
      assertEquals(status, e.getHttpStatus());
      assertNull(e.getCode());
      assertNull(e.getRequestId());
      assertFalse(e.isSignatureVerified());
      assertTrue(e.getRawBody().contains("Bad Gateway"));
      assertEquals(status >= 429, e.isRetryable());
      assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    }
  }

  @Test
  void signedErrorWithBadSignatureIsReportedAsUnverified() {
    server.enqueue(WechatPayResponses.signed(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"m\"}",
        System.currentTimeMillis() / 1000, TestKeys.PUBLIC_KEY_ID, TestKeys.other().getPrivate()));
    WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(builder().build()).execute());
    assertEquals("PARAM_ERROR", e.getCode());
    assertFalse(e.isSignatureVerified());
    assertTrue(e.getMessage().contains("not signed"), e.getMessage());
  }

  @Test
  void malformedVerifiedAnswersBecomeResponseExceptions() {
    PayScoreClient client = builder().build();
    for (String body : new String[] {"", "{\"appid\":\"wx\"", "[1,2]", "{\"appid\":\"wxd678efh567hg6787\"}", "{} {}",
        "null"}) {
      server.enqueue(WechatPayResponses.signed(200, body));
      WechatPayResponseException e = assertThrows(WechatPayResponseException.class,
          () -> complete(client).execute(), body);
      assertNotNull(e.getMessage());
    }
  }

  @Test
  void oversizedAnswerIsRefusedUnread() {
    StringBuilder big = new StringBuilder("{\"appid\":\"");
    for (int i = 0; i < 3000; i++) {
      big.append("0123456789");
    }
    server.enqueue(WechatPayResponses.signed(200, big.append("\"}").toString()));
    WechatPayResponseException e = assertThrows(WechatPayResponseException.class,
        () -> complete(builder().maxResponseBytes(16 * 1024).build()).execute());
    assertTrue(e.getMessage().contains("larger than 16384 bytes"), e.getMessage());
  }

  @Test
  void asyncCallsReportFailuresToOnFailure() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, SUCCESS).setHeader("Wechatpay-Signature", "WECHATPAY/SIGNTEST/x"));
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    PayScoreClient client = builder().build();
    AtomicReference<Object> outcome = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Callback<CompletePayafterOrderResponse> callback = new Callback<CompletePayafterOrderResponse>() {
      @Override
      public void onResponse(Call<CompletePayafterOrderResponse> call, Response<CompletePayafterOrderResponse> r) {
        outcome.set(r.body());
        done.countDown();
      }

      @Override
      public void onFailure(Call<CompletePayafterOrderResponse> call, Throwable t) {
        outcome.set(t);
        done.countDown();
      }
    };
    complete(client).enqueue(callback);
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(Reason.PROBE_SIGNATURE, ((WechatPaySignatureException) outcome.get()).getReason());

    CountDownLatch second = new CountDownLatch(1);
    complete(client).enqueue(new Callback<CompletePayafterOrderResponse>() {
      @Override
      public void onResponse(Call<CompletePayafterOrderResponse> call, Response<CompletePayafterOrderResponse> r) {
        outcome.set(r.body());
        second.countDown();
      }

      @Override
      public void onFailure(Call<CompletePayafterOrderResponse> call, Throwable t) {
        outcome.set(t);
        second.countDown();
      }
    });
    assertTrue(second.await(10, TimeUnit.SECONDS));
    assertEquals("15646546545165651651", ((CompletePayafterOrderResponse) outcome.get()).getOrderId());
  }

  @Test
  void oneClientServesManyThreads() throws Exception {
    Set<String> nonces = ConcurrentHashMap.newKeySet();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        nonces.add(WechatPayResponses.authorization(request.getHeader("Authorization")).get("nonce_str"));
        return new CheckingDispatcher().dispatch(request);
      }
    });
    PayScoreClient client = builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        final String orderNo = "ORDER" + i;
        results.add(pool.submit(() -> client.payafterOrders()
            .completePayafterOrder(orderNo, request()).execute().body().getOrderId()));
      }
      for (Future<String> result : results) {
        assertEquals("15646546545165651651", result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, server.getRequestCount());
    assertEquals(200, nonces.size());
  }

  @Test
  void noSecretReachesLogsExceptionsOrToString() throws Exception {
    server.setDispatcher(new CheckingDispatcher());
    PayScoreClient client = builder().build();
    complete(client).execute();
    RecordedRequest recorded = server.takeRequest();
    String authorization = recorded.getHeader("Authorization");
    String signature = WechatPayResponses.authorization(authorization).get("signature");

    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return WechatPayResponses.signed(200, SUCCESS, 1, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPrivate());
      }
    });
    WechatPaySignatureException stale = assertThrows(WechatPaySignatureException.class, () -> complete(client).execute());

    List<String> texts = new ArrayList<>(logLines);
    texts.add(stale.getMessage());
    texts.add(stale.toString());
    texts.add(client.toString());
    String privateKey = TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()).split("\n")[5];
    for (String text : texts) {
      assertFalse(text.contains(signature.substring(0, 24)), text);
      assertFalse(text.contains("WECHATPAY2-SHA256-RSA2048 mchid"), text);
      assertFalse(text.contains("Authorization"), text);
      assertFalse(text.contains(privateKey), text);
    }
    assertTrue(logLines.stream().anyMatch(l -> l.startsWith("--> POST /v3/payscore/payafter-orders/")), logLines.toString());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("<-- 200") && l.contains("Request-ID=08F78BB5AF0610D302839A9E0328DCDB1004")
        && l.contains("signature verified")), logLines.toString());
  }

  @Test
  void timeoutsAreConfigurable() {
    server.enqueue(WechatPayResponses.signed(200, SUCCESS).setHeadersDelay(2, TimeUnit.SECONDS));
    PayScoreClient client = builder().readTimeout(200, TimeUnit.MILLISECONDS).build();
    assertThrows(SocketTimeoutException.class, () -> complete(client).execute());
  }

  @Test
  void sharedOkHttpClientKeepsItsConnectionPool() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    PayScoreClient client = builder().okHttpClient(shared).build();
    assertSame(shared.connectionPool(), client.okHttpClient().connectionPool());
    assertSame(shared.dispatcher(), client.okHttpClient().dispatcher());
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    assertEquals(200, complete(client).execute().code());
    assertTrue(shared.interceptors().isEmpty(), "the shared client itself is not changed");
  }

  @Test
  void builderRejectsConfigurationsThatCannotWork() {
    IllegalStateException nothing = assertThrows(IllegalStateException.class, () -> PayScoreClient.builder().build());
    assertTrue(nothing.getMessage().contains("merchantId is not set"), nothing.getMessage());
    assertTrue(nothing.getMessage().contains("merchantPrivateKey is not set"));
    assertTrue(nothing.getMessage().contains("no WeChat Pay key"));

    IllegalStateException mchid = assertThrows(IllegalStateException.class, () -> builder().merchantId("mch-1").build());
    assertTrue(mchid.getMessage().contains("merchantId must be digits"), mchid.getMessage());

    java.security.cert.X509Certificate own = TestKeys.certificate(TestKeys.merchant(),
        new BigInteger(TestKeys.MERCHANT_SERIAL, 16));
    IllegalStateException ownSerial = assertThrows(IllegalStateException.class,
        () -> builder().platformCertificate(own).build());
    assertTrue(ownSerial.getMessage().contains("merchant's own certificate serial"), ownSerial.getMessage());

    IllegalStateException http = assertThrows(IllegalStateException.class,
        () -> builder().baseUrl("http://api.mch.weixin.qq.com/").build());
    assertTrue(http.getMessage().contains("https://"), http.getMessage());
  }

  @Test
  void acceptsPemStringsForKeys() throws Exception {
    server.setDispatcher(new CheckingDispatcher());
    PayScoreClient client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()))
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID,
            TestKeys.pem("PUBLIC KEY", TestKeys.wechatPay().getPublic().getEncoded()))
        .baseUrl(server.url("/").toString())
        .build();
    assertEquals(200, complete(client).execute().code());
  }

  @Test
  void defaultsToThePrimaryHost() {
    PayScoreClient client = builder().baseUrl(PayScoreClient.PRIMARY_BASE_URL).build();
    assertEquals("https://api.mch.weixin.qq.com/", client.baseUrl());
    assertEquals("https://api2.mch.weixin.qq.com/", PayScoreClient.BACKUP_BASE_URL);
  }

  @Test
  void answersOfExactlyTheLimitAreReadAndOneByteMoreIsNot() throws Exception {
    String prefix = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000109\",\"out_order_no\":\"" + OUT_ORDER_NO
        + "\",\"service_id\":\"500001\",\"order_id\":\"";
    StringBuilder body = new StringBuilder(prefix);
    while (body.length() < 4096 - 2) {
      body.append('9');
    }
    body.append("\"}");
    assertEquals(4096, body.length());
    PayScoreClient client = builder().maxResponseBytes(4096).build();
    server.enqueue(WechatPayResponses.signed(200, body.toString()));
    assertEquals(200, complete(client).execute().code());
    server.enqueue(WechatPayResponses.signed(200, body.toString().replace("\"}", "9\"}")));
    assertThrows(WechatPayResponseException.class, () -> complete(client).execute());
  }

  @Test
  void emptyErrorBodyIsAnApiExceptionWithoutCode() {
    server.enqueue(new MockResponse().setResponseCode(500));
    WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> complete(builder().build()).execute());
    assertNull(e.getCode());
    assertEquals("", e.getRawBody());
    assertTrue(e.isRetryable());
  }

  @Test
  void logLinesTellSignedUnsignedAndFailedAnswersAndTimings() throws Exception {
    PayScoreClient quiet = builder().logBodies(false).build();
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>bad</html>"));
    server.enqueue(WechatPayResponses.signed(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"m\"}",
        System.currentTimeMillis() / 1000, TestKeys.PUBLIC_KEY_ID, TestKeys.other().getPrivate()));
    complete(quiet).execute();
    assertThrows(WechatPayApiException.class, () -> complete(quiet).execute());
    assertThrows(WechatPayApiException.class, () -> complete(quiet).execute());
    List<String> answers = new ArrayList<>();
    for (String line : logLines) {
      assertFalse(line.contains("\n"), "no body is logged without logBodies: " + line);
      if (line.startsWith("<-- ")) {
        answers.add(line);
        long ms = Long.parseLong(line.replaceAll(".*\\((\\d+) ms.*", "$1"));
        assertTrue(ms >= 0 && ms < 30_000, line);
      }
    }
    assertEquals(3, answers.size(), logLines.toString());
    assertTrue(answers.get(0).contains("signature verified"), answers.get(0));
    assertTrue(answers.get(1).contains("unsigned"), answers.get(1));
    assertTrue(answers.get(2).contains("signature SIGNATURE_MISMATCH"), answers.get(2));
    assertTrue(logLines.get(0).startsWith("--> POST /v3/payscore/payafter-orders/1234323JKHDFE1243252/complete ("), logLines.get(0));
  }

  @Test
  void signsTheQueryStringAsSent() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return WechatPayResponses.requestSignatureValid(request, TestKeys.merchant().getPublic())
            ? WechatPayResponses.signed(200, "{\"state\":\"CREATED\"}")
            : WechatPayResponses.signed(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"x\"}");
      }
    });
    assertEquals(200, builder().build().payafterOrders().queryPayafterOrder("500001", "wx", "A|B", null).execute().code());
    assertTrue(server.takeRequest().getPath().contains("?service_id=500001&appid=wx&out_order_no=A"));
  }

  @Test
  void aSharedClientKeepsItsOwnTimeoutsUnlessTheBuilderSetsThem() {
    OkHttpClient shared = new OkHttpClient.Builder().connectTimeout(1234, TimeUnit.MILLISECONDS)
        .readTimeout(2345, TimeUnit.MILLISECONDS).writeTimeout(3456, TimeUnit.MILLISECONDS)
        .callTimeout(4567, TimeUnit.MILLISECONDS).build();
    OkHttpClient kept = builder().okHttpClient(shared).build().okHttpClient();
    assertEquals(1234, kept.connectTimeoutMillis());
    assertEquals(2345, kept.readTimeoutMillis());
    assertEquals(3456, kept.writeTimeoutMillis());
    assertEquals(4567, kept.callTimeoutMillis());
    OkHttpClient overridden = builder().okHttpClient(shared).readTimeout(7, TimeUnit.SECONDS).build().okHttpClient();
    assertEquals(7000, overridden.readTimeoutMillis());
    assertEquals(1234, overridden.connectTimeoutMillis());
    OkHttpClient fresh = builder().build().okHttpClient();
    assertEquals(5000, fresh.connectTimeoutMillis());
    assertEquals(10000, fresh.readTimeoutMillis());
    assertEquals(10000, fresh.writeTimeoutMillis());
    assertEquals(30000, fresh.callTimeoutMillis());
  }

  @Test
  void aLoopbackHttpClientSetsUpNoTls() {
    OkHttpClient loopback = builder().build().okHttpClient();
    assertEquals(java.util.Collections.singletonList(okhttp3.ConnectionSpec.CLEARTEXT), loopback.connectionSpecs());
    assertThrows(IllegalStateException.class, loopback::sslSocketFactory, "no TLS socket factory was made");
    OkHttpClient production = builder().baseUrl(PayScoreClient.PRIMARY_BASE_URL).build().okHttpClient();
    assertTrue(production.connectionSpecs().contains(okhttp3.ConnectionSpec.MODERN_TLS));
    OkHttpClient shared = new OkHttpClient();
    assertEquals(shared.connectionSpecs(), builder().okHttpClient(shared).build().okHttpClient().connectionSpecs(),
        "a shared client keeps its own");
  }

  @Test
  void everyCallAfterCloseFailsBeforeAnythingIsSent() throws Exception {
    for (boolean shared : new boolean[] {false, true}) {
      PayScoreClient client = shared ? builder().okHttpClient(new OkHttpClient()).build() : builder().build();
      client.close();
      client.close();
      IOException sync = assertThrows(IOException.class, () -> complete(client).execute());
      assertTrue(sync.getMessage().contains("closed"), sync.getMessage());
      java.util.concurrent.CompletableFuture<Throwable> async = new java.util.concurrent.CompletableFuture<>();
      complete(client).enqueue(new Callback<CompletePayafterOrderResponse>() {
        @Override
        public void onResponse(Call<CompletePayafterOrderResponse> call, Response<CompletePayafterOrderResponse> r) {
          async.complete(null);
        }

        @Override
        public void onFailure(Call<CompletePayafterOrderResponse> call, Throwable t) {
          async.complete(t);
        }
      });
      assertTrue(async.get(10, TimeUnit.SECONDS) instanceof IOException);
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void replaceVerifierRefusesTheMerchantsOwnSerialAndKeysOfAnotherScheme() {
    PayScoreClient client = builder().build();
    dev.payscore.auth.ResponseVerifier before = client.verifier();
    java.security.cert.X509Certificate own = TestKeys.certificate(TestKeys.wechatPay(),
        new BigInteger(TestKeys.MERCHANT_SERIAL, 16));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.replaceVerifier(client.verifier().newBuilder().certificate(own).build()));
    assertTrue(e.getMessage().contains("merchant's own certificate serial"), e.getMessage());
    IllegalArgumentException sm2 = assertThrows(IllegalArgumentException.class,
        () -> client.replaceVerifier(client.verifier().newBuilder()
            .publicKey("PUB_KEY_ID_2", dev.payscore.internal.crypto.KeyPairs.generate(true).getPublic()).build()));
    assertTrue(sm2.getMessage().contains("PUB_KEY_ID_2 is an SM2 key"), sm2.getMessage());
    assertTrue(before == client.verifier(), "a refused verifier is not installed");
  }

  @Test
  void buildRefusesAWechatPayKeyOfTheOtherScheme() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder()
        .wechatPayPublicKey("PUB_KEY_ID_2", dev.payscore.internal.crypto.KeyPairs.generate(true).getPublic()).build());
    assertTrue(e.getMessage().contains(
        "the WeChat Pay key PUB_KEY_ID_2 is an SM2 key but the scheme WECHATPAY2-SHA256-RSA2048 needs an RSA key"),
        e.getMessage());
  }

  @Test
  void baseUrlWithCredentialsQueryOrFragmentIsRefused() {
    for (String url : new String[] {"https://user:secret@api.mch.weixin.qq.com/", "https://user@api.mch.weixin.qq.com/",
        "https://api.mch.weixin.qq.com/?a=1", "https://api.mch.weixin.qq.com/#f"}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder().baseUrl(url).build(), url);
      assertTrue(!e.getMessage().contains("secret"), e.getMessage());
    }
  }

  @Test
  void aSharedClientThatRetriesOnConnectionFailureDoesNotResendAPost() throws Exception {
    OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    PayScoreClient client = builder().okHttpClient(shared).build();
    server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(WechatPayResponses.signed(200, SUCCESS));
    assertThrows(IOException.class, () -> complete(client).execute());
    assertEquals(1, server.getRequestCount(), "the POST was sent once");
  }
}
