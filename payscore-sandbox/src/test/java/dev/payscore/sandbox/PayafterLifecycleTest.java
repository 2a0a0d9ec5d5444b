package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.model.ValidationException;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.auth.HeaderSource;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderResponse;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.SyncDetail;
import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.model.SyncType;
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

/** The whole pay-after lifecycle through PayScoreClient and the sandbox, notifications included. */
class PayafterLifecycleTest {
  static final String APPID = "wxd678efh567hg6787";
  static final String SERVICE_ID = "500001";

  PayScoreSandbox sandbox;
  PayScoreClient client;
  MockWebServer merchant;

  @BeforeEach
  void start() throws Exception {
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().build();
    merchant = dev.payscore.testing.TestServers.mockWebServer();
    merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    sandbox.close();
    merchant.shutdown();
  }

  static CreatePayafterOrderRequest create(String outOrderNo) {
    return CreatePayafterOrderRequest.builder()
        .appid(APPID).outOrderNo(outOrderNo).serviceId(SERVICE_ID)
        .serviceStartTime("OnAccept").serviceIntroduction("停车服务")
        .fees(Collections.singletonList(Fee.builder().feeName("停车费").feeDesc("每小时2元").build()))
        .riskAmount(50000L).needUserConfirm(true)
        .name("张三").phone("13800138000").userid("110101199003077777").address("广东省深圳市南山区")
        .build();
  }

  PayafterOrder query(String outOrderNo) throws Exception {
    return client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute().body();
  }

  PayScoreNotification receive(NotificationParser parser) throws Exception {
    RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(posted, "no notification arrived");
    return parser.parse(name -> posted.getHeaders().values(name), posted.getBody().readByteArray());
  }

  @Test
  void createQueryCompleteAndReceiveThePaymentNotification() throws Exception {
    sandbox.notifyTo(merchant.url("/payscore/notify").toString());
    merchant.enqueue(new MockResponse().setResponseCode(204));
    merchant.enqueue(new MockResponse().setResponseCode(204));
    NotificationParser parser = new NotificationParser(client.verifier(), sandbox.apiV3Key());

    CreatePayafterOrderResponse created = client.payafterOrders().createPayafterOrder(create("LIFE1")).execute().body();
    assertEquals("LIFE1", created.getOutOrderNo());
    assertNotNull(created.getPackageValue());

    // Personal fields went out encrypted, under the key named in Wechatpay-Serial, and decrypt back.
    SandboxRequest wire = sandbox.requests().get(0);
    assertEquals(sandbox.wechatPayPublicKeyId(), wire.header("Wechatpay-Serial"));
    for (String plain : new String[] {"张三", "13800138000", "110101199003077777", "广东省深圳市南山区"}) {
      assertFalse(wire.bodyUtf8().contains(plain), plain);
    }
    SandboxOrder stored = sandbox.order("LIFE1");
    assertEquals("张三", stored.name());
    assertEquals("13800138000", stored.phone());
    assertEquals("110101199003077777", stored.userid());
    assertEquals("广东省深圳市南山区", stored.address());
    assertEquals(PayafterOrderState.CREATED, query("LIFE1").getState());

    String ticket = sandbox.acceptOrder("LIFE1");
    PayScoreNotification accepted = receive(parser);
    assertTrue(accepted instanceof PayScoreNotification.UserAccepted, accepted.toString());
    assertEquals("LIFE1", ((PayScoreNotification.UserAccepted) accepted).getOrder().getOutOrderNo());

    PayafterOrder order = query("LIFE1");
    assertEquals(PayafterOrderState.USER_ACCEPTED, order.getState());
    assertEquals(ticket, order.getFinishTicket());

    client.payafterOrders().completePayafterOrder("LIFE1", CompletePayafterOrderRequest.builder()
        .appid(APPID).serviceId(SERVICE_ID).finishType(FinishType.SERVICE_USED).totalAmount(400L)
        .finishTicket(order.getFinishTicket()).build()).execute();
    assertEquals(PayafterOrderState.FINISHED, query("LIFE1").getState());
    assertEquals(400L, query("LIFE1").getTotalAmount());

    sandbox.userPays("LIFE1");
    PayScoreNotification paid = receive(parser);
    assertTrue(paid instanceof PayScoreNotification.UserPaid, paid.toString());
    assertEquals(PayafterOrderState.USER_PAID, ((PayScoreNotification.UserPaid) paid).getOrder().getState());
    assertEquals(PayafterOrderState.USER_PAID, query("LIFE1").getState());

    // Every answer the client took was signed; every request carried a valid signature.
    for (SandboxRequest request : sandbox.requests()) {
      assertTrue(request.header("Authorization").startsWith("WECHATPAY2-SHA256-RSA2048 "), request.toString());
    }
  }

  @Test
  void queryByQueryIdAndTheQueryRules() throws Exception {
    client.payafterOrders().createPayafterOrder(create("Q1")).execute();
    String orderId = sandbox.order("Q1").orderId();
    assertEquals("Q1", client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, null, orderId)
        .execute().body().getOutOrderNo());
    int before = sandbox.requestCount();
    ValidationException both = assertThrows(ValidationException.class,
        () -> client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, "Q1", orderId).execute());
    assertEquals(Collections.singletonList("out_order_no, query_id: exactly one is required, got 2"), both.getViolations());
    assertThrows(ValidationException.class,
        () -> client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, null, null).execute());
    ValidationException appid = assertThrows(ValidationException.class,
        () -> client.payafterOrders().queryPayafterOrder(SERVICE_ID, null, "Q1", null).execute());
    assertEquals(Collections.singletonList("appid: required"), appid.getViolations());
    assertThrows(ValidationException.class,
        () -> client.payafterOrders().queryPayafterOrder(SERVICE_ID, APPID, "", null).execute());
    assertEquals(before, sandbox.requestCount());
  }

  @Test
  void queryStringIsSignedAsSent() throws Exception {
    client.payafterOrders().createPayafterOrder(create("Q|2 x")).execute();
    assertEquals("Q|2 x", query("Q|2 x").getOutOrderNo());
    String target = sandbox.requests().get(sandbox.requestCount() - 1).target();
    assertTrue(target.startsWith("/v3/payscore/payafter-orders?service_id=500001&appid=" + APPID + "&out_order_no=Q"), target);
  }

  @Test
  void cancelRevokesAnOpenOrderOnceAndIsReentrant() throws Exception {
    client.payafterOrders().createPayafterOrder(create("C1")).execute();
    CancelPayafterOrderRequest cancel = CancelPayafterOrderRequest.builder()
        .appid(APPID).serviceId(SERVICE_ID).reason("用户取消订单").build();
    String orderId = client.payafterOrders().cancelPayafterOrder("C1", cancel).execute().body().getOrderId();
    assertEquals(PayafterOrderState.REVOKED, query("C1").getState());
    assertEquals(orderId, client.payafterOrders().cancelPayafterOrder("C1", cancel).execute().body().getOrderId());
    WechatPayApiException other = assertThrows(WechatPayApiException.class, () -> client.payafterOrders()
        .cancelPayafterOrder("C1", cancel.newBuilder().reason("别的原因").build()).execute());
    assertEquals("PARAM_ERROR", other.getCode());
  }

  @Test
  void cancelAfterCompleteAndSyncBeforeCompleteAreRefused() throws Exception {
    String ticket = sandbox.createOrder("S1", APPID, SERVICE_ID);
    SyncPayafterOrderRequest sync = SyncPayafterOrderRequest.builder().appid(APPID).serviceId(SERVICE_ID)
        .type(SyncType.ORDER_PAID).detail(SyncDetail.builder().paidTime("20091225091010").build()).build();
    WechatPayApiException early = assertThrows(WechatPayApiException.class,
        () -> client.payafterOrders().syncPayafterOrder("S1", sync).execute());
    assertEquals("INVALID_REQUEST", early.getCode());

    client.payafterOrders().completePayafterOrder("S1", CompletePayafterOrderRequest.builder()
        .appid(APPID).serviceId(SERVICE_ID).finishType(FinishType.SERVICE_USED).totalAmount(1L)
        .finishTicket(ticket).build()).execute();
    WechatPayApiException late = assertThrows(WechatPayApiException.class, () -> client.payafterOrders()
        .cancelPayafterOrder("S1", CancelPayafterOrderRequest.builder().appid(APPID).serviceId(SERVICE_ID)
            .reason("r").build()).execute());
    assertEquals("INVALID_REQUEST", late.getCode());

    assertEquals("S1", client.payafterOrders().syncPayafterOrder("S1", sync).execute().body().getOutOrderNo());
    assertEquals(PayafterOrderState.USER_PAID, query("S1").getState());
  }

  @Test
  void completeChecksTheFinishTicketAndTheState() throws Exception {
    client.payafterOrders().createPayafterOrder(create("T1")).execute();
    CompletePayafterOrderRequest.Builder complete = CompletePayafterOrderRequest.builder()
        .appid(APPID).serviceId(SERVICE_ID).finishType(FinishType.SERVICE_USED).totalAmount(1L);
    WechatPayApiException notAccepted = assertThrows(WechatPayApiException.class,
        () -> client.payafterOrders().completePayafterOrder("T1", complete.finishTicket("x").build()).execute());
    assertEquals("INVALID_REQUEST", notAccepted.getCode());
    String first = sandbox.acceptOrder("T1");
    WechatPayApiException wrongTicket = assertThrows(WechatPayApiException.class,
        () -> client.payafterOrders().completePayafterOrder("T1", complete.finishTicket("forged").build()).execute());
    assertEquals("/finish_ticket", wrongTicket.getDetail().getField());
    assertEquals(200, client.payafterOrders().completePayafterOrder("T1", complete.finishTicket(first).build())
        .execute().code());
  }

  @Test
  void createRefusesATakenOrderNumberWithOtherParameters() throws Exception {
    client.payafterOrders().createPayafterOrder(create("D1")).execute();
    assertEquals(200, client.payafterOrders().createPayafterOrder(create("D1")).execute().code());
    WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> client.payafterOrders()
        .createPayafterOrder(create("D1").newBuilder().riskAmount(1L).build()).execute());
    assertEquals("INVALID_REQUEST", e.getCode());
  }

  @Test
  void personalFieldsAreMaskedInToString() {
    String text = create("M1").toString();
    assertTrue(text.contains("name=***") && text.contains("phone=***"), text);
    assertFalse(text.contains("13800138000") || text.contains("张三"), text);
  }

  @Test
  void notificationsGoToLoopbackOnly() {
    assertThrows(IllegalArgumentException.class, () -> sandbox.notifyTo("http://10.0.0.1/notify"));
    assertThrows(IllegalArgumentException.class, () -> sandbox.notifyTo("https://example.com/notify"));
  }

  @Test
  void notificationParserRejectsAnotherSandboxsNotifications() throws Exception {
    sandbox.createOrder("N1", APPID, SERVICE_ID);
    merchant.enqueue(new MockResponse().setResponseCode(204));
    assertEquals(204, sandbox.sendNotification(merchant.url("/n").toString(), "PAYSCORE.USER_ACCEPTED", "N1"));
    try (PayScoreSandbox other = PayScoreSandbox.start()) {
      NotificationParser foreign = new NotificationParser(other.clientBuilder().build().verifier(), other.apiV3Key());
      RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
      assertThrows(dev.payscore.exception.WechatPaySignatureException.class,
          () -> foreign.parse(HeaderSource.of(posted.getHeaders().toMultimap()), posted.getBody().readByteArray()));
    }
  }
}
