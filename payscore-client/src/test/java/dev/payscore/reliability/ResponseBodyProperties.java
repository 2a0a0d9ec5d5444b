package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.util.Base64;
import dev.payscore.testing.Seeded;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;

/** Any byte string as a (signed) answer body: a parsed object or a typed exception, nothing else. */
class ResponseBodyProperties {
  static MockWebServer server;
  static PayScoreClient client;

  @BeforeAll
  static void start() throws Exception {
    server = dev.payscore.testing.TestServers.mockWebServer();
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  /** Random bytes, or text made of JSON punctuation and the answer's field names. */
  static byte[] body(Random random) {
    if (random.nextBoolean()) {
      return Seeded.bytes(random, 300);
    }
    return Seeded.string(random, "{}[]\":,0123456789-.eEtruefalsn appid order_id mchid service_id out_order_no \\u",
        0, 200).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void anyBodyIsParsedOrATypedFailure() {
    Seeded.forAll("anyBodyIsParsedOrATypedFailure", 150, random -> oneBody(body(random), random.nextBoolean()));
  }

  void oneBody(byte[] body, boolean signed) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String nonce = "n1";
    MockResponse response = new MockResponse().setResponseCode(200).setBody(new Buffer().write(body))
        .setHeader("Request-ID", "R");
    if (signed) {
      response.setHeader("Wechatpay-Timestamp", Long.toString(now)).setHeader("Wechatpay-Nonce", nonce)
          .setHeader("Wechatpay-Serial", TestKeys.PUBLIC_KEY_ID)
          .setHeader("Wechatpay-Signature", IndependentRsa.sign(TestKeys.wechatPay().getPrivate(),
              WechatPayResponses.message(Long.toString(now), nonce, body)));
    }
    server.enqueue(response);
    try {
      CompletePayafterOrderResponse parsed = client.payafterOrders().completePayafterOrder("O",
          CompletePayafterOrderRequest.builder().appid("wx").serviceId("1").finishType(FinishType.SERVICE_USED)
              .totalAmount(1L).build()).execute().body();
      assertTrue(signed, "an unsigned body was returned");
      assertNotNull(parsed.getOrderId());
    } catch (WechatPayException expected) {
      // typed: fine
    } catch (IOException | RuntimeException other) {
      throw new AssertionError("untyped failure for body " + Base64.getEncoder().encodeToString(body), other);
    }
  }
}
