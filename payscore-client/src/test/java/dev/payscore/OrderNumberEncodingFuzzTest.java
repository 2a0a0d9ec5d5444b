package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.payscore.exception.WechatPayException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.model.ValidationException;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the path and query encoding of order numbers, for any string. The client sends a
 * call naming the order ({@code complete}: in the path; {@code query}: in the query) to a {@link
 * MockWebServer} on 127.0.0.1, which records what it received. Input: the first byte picks the
 * call (even: complete, odd: query), the rest is the order number (UTF-8).
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>either the client refuses the order number before sending (a {@link ValidationException}
 *       naming the field, and nothing reaches the server), or
 *   <li>what is signed is what is sent: the {@code Authorization} signature verifies (independent
 *       RSA) over the request line's raw target the server received, and
 *   <li>round trip: that target decodes back to the exact order number (the path segment, or the
 *       {@code out_order_no} query parameter);
 *   <li>the answer is then verified or refused with a {@link WechatPayException} only;
 *   <li>bounded: 10 s call timeout, and the server is polled with a bound.
 * </ul>
 */
class OrderNumberEncodingFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static MockWebServer server;
  private static PayScoreClient client;
  private static final CompletePayafterOrderRequest COMPLETE = CompletePayafterOrderRequest.builder()
      .appid("wxd678efh567hg6787").serviceId("500001").finishType(FinishType.SERVICE_USED)
      .totalAmount(39500L).build();

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.mockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return WechatPayResponses.signed(200, "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000109\","
            + "\"service_id\":\"500001\",\"order_id\":\"1\"}", NOW, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPrivate());
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .clock(() -> NOW).callTimeout(10, TimeUnit.SECONDS)
        .baseUrl(server.url("/").toString()).build();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @FuzzTest
  void signsWhatItSendsForAnyOrderNumber(byte[] input) throws Exception {
    // Jazzer's SSRF detector: the one server this target talks to is the local MockWebServer.
    try (SilentCloseable local = BugDetectors.allowNetworkConnections(
        (host, port) -> (host.equals("localhost") || host.equals("127.0.0.1")) && port == server.getPort())) {
      check(input);
    }
  }

  private static void check(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    boolean inPath = (input[0] & 1) == 0;
    String orderNo = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    try {
      if (inPath) {
        client.payafterOrders().completePayafterOrder(orderNo, COMPLETE).execute();
      } else {
        client.payafterOrders().queryPayafterOrder("500001", "wxd678efh567hg6787", orderNo, null).execute();
      }
    } catch (ValidationException refused) {
      assertNotNull(refused.getMessage());
      assertNull(server.takeRequest(0, TimeUnit.SECONDS), "refused, yet sent");
      return;
    } catch (WechatPayException answerRefused) {
      assertNotNull(answerRefused.getMessage());
    }
    RecordedRequest received = server.takeRequest(10, TimeUnit.SECONDS);
    assertNotNull(received, "nothing reached the server");
    assertTrue(WechatPayResponses.requestSignatureValid(received, TestKeys.merchant().getPublic()),
        "the signed target is not the target sent: " + received.getPath());
    HttpUrl url = HttpUrl.get("http://127.0.0.1" + received.getPath());
    if (inPath) {
      assertEquals(orderNo, url.pathSegments().get(3));
    } else {
      assertEquals(orderNo, url.queryParameter("out_order_no"));
    }
    assertNull(server.takeRequest(0, TimeUnit.SECONDS), "more than one request");
  }
}
