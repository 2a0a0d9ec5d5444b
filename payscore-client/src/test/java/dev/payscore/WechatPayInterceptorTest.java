package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPayException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** What the interceptor hands on, and what it refuses, of validly signed answers. */
class WechatPayInterceptorTest {
  static final String ORDER = "ORDER1";
  static final String REQUEST_ID = "08F78BB5AF0610D302839A9E0328DCDB1004";
  static final String ANSWER = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000109\",\"out_order_no\":\"ORDER1\","
      + "\"service_id\":\"500001\",\"order_id\":\"15646546545165651651\"}";

  private final MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
  private PayScoreClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  static CompletePayafterOrderRequest request() {
    return CompletePayafterOrderRequest.builder().appid("wxd678efh567hg6787").serviceId("500001")
        .finishType(FinishType.SERVICE_USED).totalAmount(39500L).build();
  }

  Call<CompletePayafterOrderResponse> complete(String orderNo) {
    return client.payafterOrders().completePayafterOrder(orderNo, request());
  }

  @Test
  void handsOnAVerifiedAnswerAboutTheOrderAsked() throws IOException {
    server.enqueue(WechatPayResponses.signed(200, ANSWER));
    assertEquals("15646546545165651651", complete(ORDER).execute().body().getOrderId());
  }

  @Test
  void refusesSignedAnswersWithoutABody() {
    for (int status : new int[] {200, 201, 202, 204, 205}) {
      MockResponse empty = WechatPayResponses.signed(status, "");
      server.enqueue(empty);
      WechatPayResponseException e = assertThrows(WechatPayResponseException.class, () -> complete(ORDER).execute(),
          "HTTP " + status);
      assertEquals(status, e.getHttpStatus());
      assertEquals(REQUEST_ID, e.getRequestId());
      assertTrue(e.getMessage().contains("outcome is unknown"), e.getMessage());
    }
  }

  @Test
  void unreadableVerifiedAnswersKeepStatusAndRequestId() {
    for (String body : new String[] {"{\"appid\":", "[1]", "null", "{\"order_id\":1}", "{} {}"}) {
      server.enqueue(WechatPayResponses.signed(200, body));
      WechatPayResponseException e = assertThrows(WechatPayResponseException.class, () -> complete(ORDER).execute(),
          body);
      assertEquals(200, e.getHttpStatus(), body);
      assertEquals(REQUEST_ID, e.getRequestId(), body);
    }
  }

  @Test
  void unreadableVerifiedAnswersKeepStatusAndRequestIdInAsyncCalls() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, "{\"appid\":"));
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    complete(ORDER).enqueue(new Callback<CompletePayafterOrderResponse>() {
      @Override
      public void onResponse(Call<CompletePayafterOrderResponse> call, Response<CompletePayafterOrderResponse> r) {
        failure.complete(null);
      }

      @Override
      public void onFailure(Call<CompletePayafterOrderResponse> call, Throwable t) {
        failure.complete(t);
      }
    });
    Throwable t = failure.get(10, TimeUnit.SECONDS);
    assertTrue(t instanceof WechatPayResponseException, String.valueOf(t));
    assertEquals(REQUEST_ID, ((WechatPayException) t).getRequestId());
    assertEquals(200, ((WechatPayException) t).getHttpStatus());
  }

  @Test
  void refusesAValidlySignedAnswerAboutAnotherOrder() {
    server.enqueue(WechatPayResponses.signed(200, ANSWER.replace("ORDER1", "ORDER2")));
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class, () -> complete(ORDER).execute());
    assertEquals(WechatPaySignatureException.Reason.ANSWER_MISMATCH, e.getReason());
    assertTrue(e.getMessage().contains("out_order_no"), e.getMessage());
  }

  @Test
  void refusesAValidlySignedAnswerForAnotherAppidServiceOrMerchant() {
    String[][] changes = {{"wxd678efh567hg6787", "wx0000000000000000"}, {"\"500001\"", "\"500002\""},
        {"1900000109", "1900000110"}};
    for (String[] change : changes) {
      server.enqueue(WechatPayResponses.signed(200, ANSWER.replace(change[0], change[1])));
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
          () -> complete(ORDER).execute(), change[1]);
      assertEquals(WechatPaySignatureException.Reason.ANSWER_MISMATCH, e.getReason());
    }
  }

  @Test
  void refusesAnOrderStatusAnswerAsTheAnswerToComplete() {
    server.enqueue(WechatPayResponses.signed(200, ANSWER.replace("}", ",\"state\":\"USER_ACCEPTED\"}")));
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class, () -> complete(ORDER).execute());
    assertEquals(WechatPaySignatureException.Reason.ANSWER_MISMATCH, e.getReason());
    assertTrue(e.getMessage().contains("state"), e.getMessage());
  }

  @Test
  void readsHeaderValuesAsOkHttpDoes() {
    okhttp3.Headers headers = new okhttp3.Headers.Builder().add("Wechatpay-Nonce", "a")
        .add("wechatpay-serial", "s1").add("WECHATPAY-SERIAL", "s2").add("Wechatpay-Serial", "s3").build();
    for (String name : new String[] {"Wechatpay-Nonce", "wechatpay-nonce", "Wechatpay-Serial", "Request-ID"}) {
      assertEquals(headers.values(name), WechatPayInterceptor.values(headers, name), name);
    }
  }
}
