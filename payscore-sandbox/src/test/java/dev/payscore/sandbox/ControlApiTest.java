package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API under /_sandbox/api/: its guard, its calls, and that it stays apart from WeChat Pay's paths. */
class ControlApiTest {
  static final MediaType JSON = MediaType.get("application/json");

  PayScoreSandbox sandbox;
  PayScoreClient client;
  OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    sandbox = PayScoreSandbox.start();
    client = sandbox.clientBuilder().build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static final class Reply {
    final int code;
    final String body;
    final okhttp3.Headers headers;

    Reply(int code, String body, okhttp3.Headers headers) {
      this.code = code;
      this.body = body;
      this.headers = headers;
    }
  }

  Reply call(Request.Builder request) throws IOException {
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(response.code(), response.body().string(), response.headers());
    }
  }

  Request.Builder api(String path) {
    return new Request.Builder().url(sandbox.url() + "_sandbox/api/" + path)
        .header("X-Sandbox-Token", sandbox.controlToken());
  }

  Reply post(String path, String json) throws IOException {
    return call(api(path).post(RequestBody.create(json, JSON)));
  }

  @Test
  void refusesACallWithoutTheTokenAndTakesItWithTheToken() throws IOException {
    Request.Builder seed = new Request.Builder().url(sandbox.url() + "_sandbox/api/orders")
        .post(RequestBody.create("{\"out_order_no\":\"T1\",\"appid\":\"wx1\",\"service_id\":\"5\"}", JSON));
    Reply without = call(seed);
    assertEquals(403, without.code);
    assertTrue(without.body.contains("X-Sandbox-Token"), without.body);
    assertEquals(403, call(seed.header("X-Sandbox-Token", "00000000000000000000000000000000")).code);
    assertNull(sandbox.order("T1"));

    Reply with = call(seed.header("X-Sandbox-Token", sandbox.controlToken()));
    assertEquals(200, with.code, with.body);
    assertEquals("USER_ACCEPTED", sandbox.orderState("T1"));
    assertTrue(with.body.contains(sandbox.order("T1").finishTicket()), with.body);
    assertEquals(403, call(new Request.Builder().url(sandbox.url() + "_sandbox/api/orders")).code);
  }

  @Test
  void refusesAnotherHostAPostWithoutJsonAndOtherMethods() throws IOException {
    assertEquals(403, call(api("orders").header("Host", "evil.example:80")).code);
    assertEquals(415, call(api("reset").post(RequestBody.create("{}", MediaType.get("text/plain")))).code);
    assertEquals(415, call(api("reset").post(RequestBody.create("a=b",
        MediaType.get("application/x-www-form-urlencoded")))).code);
    assertEquals(405, call(api("orders").method("OPTIONS", null)).code);
    assertEquals(405, call(api("orders").delete()).code);
    assertEquals(400, post("faults", "[1]").code);
    assertEquals(400, post("faults", "{\"fault\":\"NO_SUCH\"}").code);
    assertEquals(404, post("nothing", "{}").code);
    assertEquals(404, post("orders/NONE/accept", "{}").code);
    Reply options = call(api("orders").method("OPTIONS", null).header("Origin", "http://evil.example"));
    assertNull(options.headers.get("Access-Control-Allow-Origin"));
  }

  @Test
  void playsTheUserAndSendsBothNotifications() throws Exception {
    MockWebServer merchant = dev.payscore.testing.TestServers.mockWebServer();
    merchant.start(InetAddress.getByName("127.0.0.1"), 0);
    try {
      sandbox.notifyTo(merchant.url("/notify").toString());
      for (int i = 0; i < 3; i++) {
        merchant.enqueue(new MockResponse().setResponseCode(204));
      }
      NotificationParser parser = new NotificationParser(client.verifier(), sandbox.apiV3Key());
      client.payafterOrders().createPayafterOrder(PayafterLifecycleTest.create("P1")).execute();

      Reply listed = call(api("orders"));
      assertTrue(listed.body.contains("\"out_order_no\":\"P1\"") && listed.body.contains("\"state\":\"CREATED\""),
          listed.body);
      assertEquals(409, post("orders/P1/pay", "{}").code);
      Reply accepted = post("orders/P1/accept", "");
      assertEquals(200, accepted.code, accepted.body);
      assertTrue(accepted.body.contains("\"state\":\"USER_ACCEPTED\""), accepted.body);
      assertTrue(receive(merchant, parser) instanceof PayScoreNotification.UserAccepted);

      client.payafterOrders().completePayafterOrder("P1", CompletePayafterOrderRequest.builder()
          .appid(PayafterLifecycleTest.APPID).serviceId(PayafterLifecycleTest.SERVICE_ID)
          .finishType(FinishType.SERVICE_USED).totalAmount(400L).build()).execute();
      assertEquals(200, post("orders/P1/pay", "{}").code);
      assertEquals("USER_PAID", sandbox.orderState("P1"));
      assertTrue(receive(merchant, parser) instanceof PayScoreNotification.UserPaid);

      Reply resent = post("orders/P1/notify", "{}");
      assertEquals("{\"event_type\":\"PAYSCORE.USER_PAID\",\"receiver_status\":204}", resent.body);
      assertTrue(receive(merchant, parser) instanceof PayScoreNotification.UserPaid);
    } finally {
      merchant.shutdown();
    }
  }

  static PayScoreNotification receive(MockWebServer merchant, NotificationParser parser) throws Exception {
    RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(posted, "no notification arrived");
    return parser.parse(name -> posted.getHeaders().values(name), posted.getBody().readByteArray());
  }

  @Test
  void letsACreatedOrderExpire() throws Exception {
    client.payafterOrders().createPayafterOrder(PayafterLifecycleTest.create("E1")).execute();
    assertEquals(200, post("orders/E1/expire", "{}").code);
    assertEquals("REVOKED", sandbox.orderState("E1"));
    assertEquals(409, post("orders/E1/expire", "{}").code);
  }

  @Test
  void controlTrafficTakesNoFaultAndStaysOutOfTheLog() throws Exception {
    assertEquals(200, post("faults", "{\"fault\":\"SYSTEM_ERROR\"}").code);
    assertEquals(200, call(api("orders")).code);
    assertEquals(200, call(api("requests")).code);
    assertEquals(0, sandbox.requestCount());
    assertThrows(WechatPayApiException.class, () ->
        client.payafterOrders().createPayafterOrder(PayafterLifecycleTest.create("F1")).execute());
    assertNull(sandbox.order("F1"));
    client.payafterOrders().createPayafterOrder(PayafterLifecycleTest.create("F1")).execute();

    Reply log = call(api("requests"));
    assertTrue(log.body.startsWith("{\"count\":2,"), log.body);
    assertTrue(log.body.contains("\"status\":500,"), log.body);
    assertTrue(log.body.contains("\"status\":200,"), log.body);
    assertTrue(log.body.contains("\"signature_verified\":true"), log.body);
    assertFalse(log.body.contains("_sandbox"), log.body);
    assertFalse(log.body.contains("Authorization"), log.body);
    Reply after = call(api("requests?after=1"));
    assertTrue(after.body.contains("\"sequence\":2,") && !after.body.contains("\"sequence\":1,"), after.body);
  }

  @Test
  void anUnsignedRequestToAWechatPayPathIsStillRefused() throws IOException {
    Reply unsigned = call(new Request.Builder().url(sandbox.url() + "v3/payscore/payafter-orders")
        .header("Accept", "application/json").header("User-Agent", "t")
        .header("X-Sandbox-Token", sandbox.controlToken()).post(RequestBody.create("{}", JSON)));
    assertEquals(401, unsigned.code);
    assertEquals(404, call(new Request.Builder().url(sandbox.url() + "_sandboxapi/orders")
        .header("Accept", "application/json").header("User-Agent", "t")).code);
    assertEquals(2, sandbox.requestCount());
  }

  @Test
  void resetForgetsOrdersFaultsAndRequests() throws Exception {
    sandbox.createOrder("R1", "wx1", "5");
    client.payafterOrders().queryPayafterOrder("5", "wx1", "R1", null).execute();
    sandbox.injectFaults(Fault.SYSTEM_ERROR);
    assertEquals(200, post("reset", "").code);
    assertNull(sandbox.order("R1"));
    assertEquals(0, sandbox.requestCount());
    sandbox.createOrder("R1", "wx1", "5");
    client.payafterOrders().queryPayafterOrder("5", "wx1", "R1", null).execute(); // no fault left
  }

  @Test
  void servesTheConsoleWithoutTheTokenAndWithAStrictPolicy() throws IOException {
    Reply page = call(new Request.Builder().url(sandbox.url() + "_sandbox/"));
    assertEquals(200, page.code);
    assertTrue(page.body.contains("Sandbox console"), page.body);
    assertTrue(page.headers.get("Content-Security-Policy").contains("script-src 'self'"));
    assertEquals("DENY", page.headers.get("X-Frame-Options"));
    assertEquals(200, call(new Request.Builder().url(sandbox.url() + "_sandbox/console.js")).code);
    assertEquals(404, call(new Request.Builder().url(sandbox.url() + "_sandbox/../pom.xml")).code);
    assertTrue(sandbox.consoleUrl().endsWith("/_sandbox/#token=" + sandbox.controlToken()));
    Reply info = call(api("info"));
    assertTrue(info.body.contains("\"notify_url\":null") && info.body.contains("SYSTEM_ERROR"), info.body);
  }
}
