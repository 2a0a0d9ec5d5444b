package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.spring.boot.app.NotificationRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The notification endpoint of a real application on a random port, fed by the sandbox: typed
 * events exactly once, duplicates acknowledged without a second event, tampered bodies refused, a
 * failing listener answered 500 until a delivery succeeds, the raw bytes verified whatever the
 * application's filters do to bodies.
 */
class PayScoreNotificationFilterTest extends SandboxApplicationTest {
  private static final AtomicInteger ORDERS = new AtomicInteger();

  @Autowired
  PayafterOrdersApi orders;

  @Autowired
  NotificationRecorder recorder;

  @Autowired
  MeterRegistry meters;

  static String newOrderNo(String prefix) {
    return prefix + System.nanoTime() % 1_000_000_000L + "N" + ORDERS.incrementAndGet();
  }

  static String newAcceptedOrder(String prefix) {
    String outOrderNo = newOrderNo(prefix);
    sandbox().createOrder(outOrderNo, APPID, SERVICE_ID);
    return outOrderNo;
  }

  double notifications(String type, NotificationOutcome outcome) {
    var counter = meters.find(MicrometerPayScoreMetrics.NOTIFICATIONS).tag("type", type)
        .tag("outcome", outcome.name()).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void theSandboxsNotificationsReachTheListenerAsTypedEventsOnceEach() throws Exception {
    String outOrderNo = newOrderNo("LIFE");
    sandbox().notifyTo(notifyUrl());
    try {
      orders.createPayafterOrder(CreatePayafterOrderRequest.builder()
          .appid(APPID).outOrderNo(outOrderNo).serviceId(SERVICE_ID).serviceStartTime("OnAccept")
          .serviceIntroduction("停车服务").riskAmount(50000L).needUserConfirm(true).build()).execute();
      sandbox().acceptOrder(outOrderNo); // posts PAYSCORE.USER_ACCEPTED to the endpoint, and waits for the answer

      PayafterOrder order = orders.queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute().body();
      orders.completePayafterOrder(outOrderNo, CompletePayafterOrderRequest.builder()
          .appid(APPID).serviceId(SERVICE_ID).finishType(FinishType.SERVICE_USED).totalAmount(400L)
          .finishTicket(order.getFinishTicket()).build()).execute();
      sandbox().userPays(outOrderNo); // posts PAYSCORE.USER_PAID
    } finally {
      sandbox().notifyTo(null);
    }

    assertThat(recorder.accepted(outOrderNo)).hasSize(1);
    assertThat(recorder.accepted(outOrderNo).get(0).getOrder().getState()).isEqualTo(PayafterOrderState.USER_ACCEPTED);
    assertThat(recorder.paid(outOrderNo)).hasSize(1);
    PayScoreNotification.UserPaid paid = recorder.paid(outOrderNo).get(0);
    assertThat(paid.getOrder().getState()).isEqualTo(PayafterOrderState.USER_PAID);
    assertThat(paid.getOrder().getTotalAmount()).isEqualTo(400L);
    assertThat(paid.getEventType()).isEqualTo(PayScoreNotification.USER_PAID);
  }

  @Test
  void aNotificationDeliveredTwiceIsHandledOnceAndAcknowledgedBothTimes() throws Exception {
    String outOrderNo = newAcceptedOrder("TWICE");
    TestSandbox.Notification notification = TestSandbox.capture(PayScoreNotification.USER_ACCEPTED, outOrderNo);
    double handled = notifications(PayScoreNotification.USER_ACCEPTED, NotificationOutcome.HANDLED);
    double duplicates = notifications(PayScoreNotification.USER_ACCEPTED, NotificationOutcome.DUPLICATE);

    HttpResponse<String> first = deliver(notification);
    HttpResponse<String> second = deliver(notification);

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(204);
    assertThat(recorder.accepted(outOrderNo)).hasSize(1);
    assertThat(recorder.calls(recorder.accepted(outOrderNo).get(0).getId())).isEqualTo(1);
    assertThat(notifications(PayScoreNotification.USER_ACCEPTED, NotificationOutcome.HANDLED)).isEqualTo(handled + 1);
    assertThat(notifications(PayScoreNotification.USER_ACCEPTED, NotificationOutcome.DUPLICATE)).isEqualTo(duplicates + 1);
  }

  @Test
  void aTamperedNotificationIsRefusedWith401AndNoEvent() throws Exception {
    String outOrderNo = newAcceptedOrder("TAMPER");
    TestSandbox.Notification notification = TestSandbox.capture(PayScoreNotification.USER_PAID, outOrderNo);
    byte[] tampered = new String(notification.body(), StandardCharsets.UTF_8)
        .replace("支付分通知", "支付分通知!").getBytes(StandardCharsets.UTF_8);
    assertThat(tampered).isNotEqualTo(notification.body());
    double refused = notifications(NotificationProcessor.UNVERIFIED, NotificationOutcome.SIGNATURE_FAILURE);

    HttpResponse<String> answer = deliver(notification.withBody(tampered));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"signature verification failed\"}");
    assertThat(recorder.paid(outOrderNo)).isEmpty();
    assertThat(notifications(NotificationProcessor.UNVERIFIED, NotificationOutcome.SIGNATURE_FAILURE)).isEqualTo(refused + 1);
    // The refused copy did not claim the id: the genuine notification is still handled.
    assertThat(deliver(notification).statusCode()).isEqualTo(204);
    assertThat(recorder.paid(outOrderNo)).hasSize(1);
  }

  @Test
  void aFailingListenerAnswers500AndWechatPaysNextDeliveryIsHandled() throws Exception {
    String outOrderNo = newAcceptedOrder("FAIL");
    TestSandbox.Notification notification = TestSandbox.capture(PayScoreNotification.USER_ACCEPTED, outOrderNo);
    recorder.failOnceFor(outOrderNo);
    int logs = CapturedLogs.mark();

    HttpResponse<String> failed = deliver(notification);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("\"code\":\"FAIL\"");
    assertThat(recorder.accepted(outOrderNo)).isEmpty();
    assertThat(CapturedLogs.since(logs)).contains("failed in its handler (500)")
        .contains("injected failure of the listener for " + outOrderNo);

    HttpResponse<String> retried = deliver(notification);

    assertThat(retried.statusCode()).isEqualTo(204);
    assertThat(recorder.accepted(outOrderNo)).hasSize(1);
    assertThat(recorder.calls(recorder.accepted(outOrderNo).get(0).getId())).isEqualTo(2);
    assertThat(deliver(notification).statusCode()).isEqualTo(204);
    assertThat(recorder.accepted(outOrderNo)).hasSize(1);
  }

  @Test
  void theRawBytesAreVerifiedThoughTheApplicationsFilterReSerialisesBodies() throws Exception {
    byte[] compact = "{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> echo = post(url("/echo"), Map.of("Content-Type", "application/json"), compact);
    assertThat(echo.body()).isNotEqualTo(new String(compact, StandardCharsets.UTF_8)).contains("1.0");

    String outOrderNo = newAcceptedOrder("RAW");
    HttpResponse<String> answer = deliver(TestSandbox.capture(PayScoreNotification.USER_ACCEPTED, outOrderNo));

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(recorder.accepted(outOrderNo)).hasSize(1);
  }

  @Test
  void onlyPostIsAnswered() throws Exception {
    HttpResponse<String> answer = get(notifyUrl());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void aBodyOverTheLimitIsRefusedUnread() throws Exception {
    byte[] large = new byte[64 * 1024 + 1];
    Arrays.fill(large, (byte) ' ');
    double tooLarge = notifications(NotificationProcessor.UNVERIFIED, NotificationOutcome.TOO_LARGE);

    HttpResponse<String> answer = post(notifyUrl(), Map.of("Content-Type", "application/json"), large);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(notifications(NotificationProcessor.UNVERIFIED, NotificationOutcome.TOO_LARGE)).isEqualTo(tooLarge + 1);
  }

  /** The same application with the endpoint ordered after its body-rewriting filter. */
  @Nested
  @TestPropertySource(properties = "payscore.notify.filter-order=1000")
  class AfterABodyRewritingFilter {
    @Autowired
    org.springframework.core.env.Environment lateEnvironment;

    @Autowired
    NotificationRecorder lateRecorder;

    @Test
    void verificationFailsOnTheRewrittenBytes() throws Exception {
      String outOrderNo = newAcceptedOrder("LATE");
      TestSandbox.Notification notification = TestSandbox.capture(PayScoreNotification.USER_ACCEPTED, outOrderNo);

      HttpResponse<String> answer = post("http://127.0.0.1:" + lateEnvironment.getProperty("local.server.port")
          + "/payscore/notify", notification.headers(), notification.body());

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(lateRecorder.accepted(outOrderNo)).isEmpty();
    }
  }
}
