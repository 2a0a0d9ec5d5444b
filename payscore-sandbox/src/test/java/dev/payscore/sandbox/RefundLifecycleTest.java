package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.Refund;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundRequestAmount;
import dev.payscore.model.RefundStatus;
import dev.payscore.model.ServiceUseState;
import dev.payscore.model.ValidationException;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paid pay-after order refunded in parts, its notifications, and the user service state, all through the client. */
class RefundLifecycleTest {
  static final String APPID = "wxd678efh567hg6787";
  static final String SERVICE_ID = "500001";

  PayScoreSandbox sandbox;
  PayScoreClient client;
  MockWebServer merchant;
  NotificationParser parser;

  @BeforeEach
  void start() throws Exception {
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().build();
    merchant = dev.payscore.testing.TestServers.mockWebServer();
    merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    parser = new NotificationParser(client.verifier(), sandbox.apiV3Key());
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
    merchant.shutdown();
  }

  static CreateRefundRequest refund(String transactionId, String outRefundNo, long amount, long total) {
    return CreateRefundRequest.builder().transactionId(transactionId).outRefundNo(outRefundNo)
        .reason("用户未使用全部服务")
        .amount(RefundRequestAmount.builder().refund(amount).total(total).currency(RefundCurrency.CNY).build())
        .build();
  }

  PayScoreNotification receive() throws Exception {
    RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(posted, "no notification arrived");
    return parser.parse(name -> posted.getHeaders().values(name), posted.getBody().readByteArray());
  }

  @Test
  void payThenRefundInPartsUpToTheTotalAndNeverBeyond() throws Exception {
    String notifyUrl = merchant.url("/wechatpay/refunds").toString();
    for (int i = 0; i < 2; i++) {
      merchant.enqueue(new MockResponse().setResponseCode(204));
    }
    // create → accept → complete → pay, all as the merchant and the user would.
    client.payafterOrders().createPayafterOrder(CreatePayafterOrderRequest.builder()
        .appid(APPID).outOrderNo("RF1").serviceId(SERVICE_ID).serviceStartTime("OnAccept").riskAmount(50000L)
        .build()).execute();
    sandbox.acceptOrder("RF1");
    PayafterOrder accepted = client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, "RF1", null)
        .execute().body();
    client.payafterOrders().completePayafterOrder("RF1", CompletePayafterOrderRequest.builder()
        .appid(APPID).serviceId(SERVICE_ID).finishType(FinishType.SERVICE_USED).totalAmount(39500L)
        .finishTicket(accepted.getFinishTicket()).build()).execute();
    sandbox.userPays("RF1");
    PayafterOrder paid = client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, "RF1", null)
        .execute().body();
    assertEquals(PayafterOrderState.USER_PAID, paid.getState());
    String transactionId = paid.getFinishTransactionId();
    assertNotNull(transactionId, "a paid order has a finish_transaction_id");

    // Two partial refunds, then one that would exceed the total.
    Refund first = client.refunds().createRefund(refund(transactionId, "RF1-R1", 10000, 39500)
        .newBuilder().notifyUrl(notifyUrl).build()).execute().body();
    assertEquals(RefundStatus.PROCESSING, first.getStatus());
    assertEquals(transactionId, first.getTransactionId());
    assertEquals(Long.valueOf(10000), first.getAmount().getRefund());
    Refund second = client.refunds().createRefund(refund(transactionId, "RF1-R2", 29500, 39500)
        .newBuilder().notifyUrl(notifyUrl).build()).execute().body();
    assertEquals(RefundStatus.PROCESSING, second.getStatus());
    WechatPayApiException exceeds = assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "RF1-R3", 1, 39500)).execute());
    assertEquals(400, exceeds.getHttpStatus());
    assertEquals("INVALID_REQUEST", exceeds.getCode());
    assertNull(sandbox.refundStatus("RF1-R3"), "the refused refund was not recorded");

    // WeChat Pay completes both refunds and posts REFUND.SUCCESS to notify_url.
    sandbox.settleRefund("RF1-R1");
    PayScoreNotification n1 = receive();
    sandbox.settleRefund("RF1-R2");
    PayScoreNotification n2 = receive();
    assertTrue(n1 instanceof PayScoreNotification.RefundSucceeded, n1.toString());
    assertTrue(n2 instanceof PayScoreNotification.RefundSucceeded, n2.toString());
    PayScoreNotification.RefundSucceeded s1 = (PayScoreNotification.RefundSucceeded) n1;
    assertEquals("RF1-R1", s1.getRefund().getOutRefundNo());
    assertEquals(first.getRefundId(), s1.getRefund().getRefundId());
    assertEquals(RefundStatus.SUCCESS, s1.getRefund().getRefundStatus());
    assertEquals(transactionId, s1.getRefund().getTransactionId());
    assertEquals(Long.valueOf(10000), s1.getRefund().getAmount().getRefund());
    assertEquals("RF1-R2", ((PayScoreNotification.RefundSucceeded) n2).getRefund().getOutRefundNo());

    Refund queried = client.refunds().queryRefund("RF1-R1").execute().body();
    assertEquals(RefundStatus.SUCCESS, queried.getStatus());
    assertNotNull(queried.getSuccessTime());
    assertEquals(RefundStatus.SUCCESS, client.refunds().queryRefund("RF1-R2").execute().body().getStatus());
  }

  @Test
  void aRefundNumberIsIdempotentAndBindsItsParameters() throws Exception {
    String transactionId = sandbox.createPaidOrder("ID1", APPID, SERVICE_ID, 1000);
    Refund first = client.refunds().createRefund(refund(transactionId, "ID1-R1", 600, 1000)).execute().body();
    Refund again = client.refunds().createRefund(refund(transactionId, "ID1-R1", 600, 1000)).execute().body();
    assertEquals(first, again, "an identical repeat gets the same refund, and refunds only once");
    // 600 refunded once only: 400 are left.
    client.refunds().createRefund(refund(transactionId, "ID1-R2", 400, 1000)).execute();
    WechatPayApiException other = assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "ID1-R1", 500, 1000)).execute());
    assertEquals("INVALID_REQUEST", other.getCode());
  }

  @Test
  void theRefundMustNameAPaidOrderAndItsTotal() throws Exception {
    String transactionId = sandbox.createPaidOrder("T1", APPID, SERVICE_ID, 1000);
    WechatPayApiException total = assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "T1-R1", 100, 999)).execute());
    assertEquals("PARAM_ERROR", total.getCode());
    assertEquals("/amount/total", total.getDetail().getField());
    WechatPayApiException unknown = assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund("4200999", "T1-R2", 100, 1000)).execute());
    assertEquals(404, unknown.getHttpStatus());
    assertEquals("RESOURCE_NOT_EXISTS", unknown.getCode());
    WechatPayApiException byTradeNo = assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "T1-R3", 100, 1000).newBuilder()
            .transactionId(null).outTradeNo("T1").build()).execute());
    assertEquals("RESOURCE_NOT_EXISTS", byTradeNo.getCode());
    WechatPayApiException query = assertThrows(WechatPayApiException.class,
        () -> client.refunds().queryRefund("NO-SUCH-REFUND").execute());
    assertEquals("RESOURCE_NOT_EXISTS", query.getCode());
    // A completed order not yet paid has no transaction to refund.
    sandbox.createOrder("T2", APPID, SERVICE_ID);
    assertNull(client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, "T2", null).execute().body()
        .getFinishTransactionId());
  }

  @Test
  void refundsThatFailOrCloseAreNotifiedAndAClosedOneFreesItsAmount() throws Exception {
    sandbox.notifyTo(merchant.url("/notify").toString());
    merchant.enqueue(new MockResponse().setResponseCode(204));
    merchant.enqueue(new MockResponse().setResponseCode(204));
    String transactionId = sandbox.createPaidOrder("F1", APPID, SERVICE_ID, 1000);
    // notify_url outside this machine: the sandbox posts to notifyTo instead.
    client.refunds().createRefund(refund(transactionId, "F1-R1", 300, 1000).newBuilder()
        .notifyUrl("https://merchant.example.com/refunds").build()).execute();
    client.refunds().createRefund(refund(transactionId, "F1-R2", 700, 1000)).execute();

    sandbox.failRefund("F1-R1");
    PayScoreNotification abnormal = receive();
    assertTrue(abnormal instanceof PayScoreNotification.RefundAbnormal, abnormal.toString());
    assertEquals(RefundStatus.ABNORMAL, client.refunds().queryRefund("F1-R1").execute().body().getStatus());

    sandbox.closeRefund("F1-R2");
    PayScoreNotification closed = receive();
    assertTrue(closed instanceof PayScoreNotification.RefundClosed, closed.toString());
    assertEquals("CLOSED", sandbox.refundStatus("F1-R2"));
    // The closed 700 may be refunded again; the abnormal 300 stays taken.
    client.refunds().createRefund(refund(transactionId, "F1-R3", 700, 1000)).execute();
    assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "F1-R4", 1, 1000)).execute());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> sandbox.settleRefund("F1-R2"));
    assertTrue(twice.getMessage().contains("CLOSED"), twice.getMessage());
  }

  @Test
  void refundBodiesThatBreakTheContractAreRefusedBeforeSending() throws Exception {
    String transactionId = sandbox.createPaidOrder("V1", APPID, SERVICE_ID, 1000);
    sandbox.clearRequests();
    ValidationException both = assertThrows(ValidationException.class,
        () -> refund(transactionId, "V1-R1", 100, 1000).newBuilder().outTradeNo("V1").build());
    assertEquals(Collections.singletonList("transaction_id, out_trade_no: exactly one is required, got 2"),
        both.getViolations());
    assertThrows(ValidationException.class,
        () -> RefundRequestAmount.builder().refund(0L).total(1000L).currency(RefundCurrency.CNY).build());
    assertEquals(0, sandbox.requestCount());
  }

  @Test
  void resetForgetsRefundsPaidTransactionsAndUserStates() throws Exception {
    String transactionId = sandbox.createPaidOrder("Z1", APPID, SERVICE_ID, 1000);
    client.refunds().createRefund(refund(transactionId, "Z1-R1", 100, 1000)).execute();
    sandbox.setUserServiceState("OPENID-Z", ServiceUseState.UNAVAILABLE);
    sandbox.reset();
    assertNull(sandbox.refundStatus("Z1-R1"));
    assertEquals("RESOURCE_NOT_EXISTS", assertThrows(WechatPayApiException.class,
        () -> client.refunds().queryRefund("Z1-R1").execute()).getCode());
    assertEquals("RESOURCE_NOT_EXISTS", assertThrows(WechatPayApiException.class,
        () -> client.refunds().createRefund(refund(transactionId, "Z1-R2", 100, 1000)).execute()).getCode());
    assertEquals(ServiceUseState.AVAILABLE, client.userServiceState()
        .queryUserServiceState(SERVICE_ID, APPID, "OPENID-Z").execute().body().getUseServiceState());
    // The same order number and transaction id can be used again, and refunded.
    sandbox.createPaidOrder("Z1", APPID, SERVICE_ID, 1000, transactionId);
    assertEquals(RefundStatus.PROCESSING, client.refunds()
        .createRefund(refund(transactionId, "Z1-R1", 100, 1000)).execute().body().getStatus());
  }

  @Test
  void theUserServiceStateIsAvailableUnlessToldOtherwise() throws Exception {
    assertEquals(ServiceUseState.AVAILABLE, client.userServiceState()
        .queryUserServiceState(SERVICE_ID, APPID, "OPENID-1").execute().body().getUseServiceState());
    sandbox.setUserServiceState("OPENID-2", ServiceUseState.UNAVAILABLE);
    assertEquals(ServiceUseState.UNAVAILABLE, client.userServiceState()
        .queryUserServiceState(SERVICE_ID, APPID, "OPENID-2").execute().body().getUseServiceState());
    assertEquals("OPENID-2", client.userServiceState()
        .queryUserServiceState(SERVICE_ID, APPID, "OPENID-2").execute().body().getOpenid());
    assertThrows(IllegalArgumentException.class,
        () -> sandbox.setUserServiceState("OPENID-3", ServiceUseState.UNKNOWN));
  }
}
