package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** WeChat Pay switches signing keys while calls are in flight; no verification fails. */
class KeyRotationTest {
  static final String OLD_ID = "PUB_KEY_ID_0000000000000000000000000000000001";
  static final String NEW_ID = "PUB_KEY_ID_0000000000000000000000000000000002";
  static final String ANSWER = "{\"appid\":\"wx\",\"mchid\":\"1900000109\",\"out_order_no\":\"o\",\"service_id\":\"s\",\"order_id\":\"x\"}";

  @Test
  void replacingTheKeysUnderLoadFailsNoVerification() throws Exception {
    KeyPair oldKey = TestKeys.wechatPay();
    KeyPair newKey = TestKeys.other();
    AtomicBoolean signWithNew = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        answered.incrementAndGet();
        boolean fresh = signWithNew.get();
        return WechatPayResponses.signed(200, ANSWER, System.currentTimeMillis() / 1000,
            fresh ? NEW_ID : OLD_ID, (fresh ? newKey : oldKey).getPrivate());
      }
    });
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    PayScoreClient client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(OLD_ID, oldKey.getPublic())
        .baseUrl(server.url("/").toString()).build();
    CompletePayafterOrderRequest request = CompletePayafterOrderRequest.builder().appid("wx").serviceId("s")
        .finishType(FinishType.SERVICE_USED).totalAmount(1L).build();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        results.add(callers.submit(() -> {
          int calls = 0;
          while (!stop.get() && calls < 400) {
            client.payafterOrders().completePayafterOrder("o", request).execute();
            calls++;
          }
          return calls;
        }));
      }
      waitFor(answered, 100);
      // 1. Add the new key beside the old one; 2. WeChat Pay switches; 3. drop the old key.
      client.replaceVerifier(client.verifier().newBuilder().publicKey(NEW_ID, newKey.getPublic()).build());
      int before = answered.get();
      signWithNew.set(true);
      waitFor(answered, before + 100);
      // Answers signed with the old key may still be on the wire: wait for them before dropping it.
      Thread.sleep(500);
      client.replaceVerifier(client.verifier().newBuilder().removeKey(OLD_ID).build());
      int after = answered.get();
      waitFor(answered, after + 100);
      stop.set(true);
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(60, TimeUnit.SECONDS); // rethrows any failed verification
      }
      assertTrue(total >= 300, "calls made: " + total);
      assertEquals(NEW_ID, client.verifier().keys().preferredId());
      assertEquals(1, client.verifier().keys().ids().size());
    } finally {
      stop.set(true);
      callers.shutdownNow();
      server.shutdown();
    }
  }

  private static void waitFor(AtomicInteger counter, int target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (counter.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
