package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.testing.VerifiedAnswers;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** WeChat Pay switches signing keys while calls are in flight; no verification fails. */
class KeyRotationTest {
  static final String OLD_ID = "PUB_KEY_ID_0000000000000000000000000000000001";
  static final String NEW_ID = "PUB_KEY_ID_0000000000000000000000000000000002";
  static final String ANSWER = "{\"appid\":\"wx\",\"mchid\":\"1900000109\",\"out_order_no\":\"o\",\"service_id\":\"s\",\"order_id\":\"x\"}";

  /**
   * Answers per key id, counted where they happen: signed by the server, verified by the client. The
   * test waits on these counts, each wait bounded.
   */
  static final class Tally extends VerifiedAnswers {
    private final Map<String, Integer> signed = new HashMap<>();
    private String signer = OLD_ID;

    /** The key id the next answer is signed with, counted as signed with it. */
    synchronized String nextSigner() {
      signed.merge(signer, 1, Integer::sum);
      return signer;
    }

    /** WeChat Pay switches keys: from now on every answer is signed with {@code id}. */
    synchronized void switchSigner(String id) {
      signer = id;
    }

    synchronized int signed(String id) {
      return signed.getOrDefault(id, 0);
    }

    @Override
    public synchronized String toString() {
      return "signed " + signed + ", " + super.toString();
    }
  }

  @Test
  void replacingTheKeysUnderLoadFailsNoVerification() throws Exception {
    KeyPair oldKey = TestKeys.wechatPay();
    KeyPair newKey = TestKeys.other();
    Tally tally = new Tally();
    MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String id = tally.nextSigner();
        PrivateKey key = id.equals(NEW_ID) ? newKey.getPrivate() : oldKey.getPrivate();
        return WechatPayResponses.signed(200, ANSWER, System.currentTimeMillis() / 1000, id, key);
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
          try {
            while (!stop.get() && calls < 1000) {
              Response<CompletePayafterOrderResponse> answer =
                  client.payafterOrders().completePayafterOrder("o", request).execute();
              assertEquals(200, answer.code());
              tally.verifiedWith(answer.headers().get("Wechatpay-Serial"));
              calls++;
            }
          } catch (Throwable e) {
            tally.failed(e);
            throw e;
          }
          return calls;
        }));
      }
      tally.await("100 answers verified with the old key", () -> tally.verified(OLD_ID) >= 100);
      // 1. Add the new key beside the old one; 2. WeChat Pay switches; 3. drop the old key.
      client.replaceVerifier(client.verifier().newBuilder().publicKey(NEW_ID, newKey.getPublic()).build());
      tally.switchSigner(NEW_ID);
      int signedWithOld = tally.signed(OLD_ID); // final: no answer is signed with it from here on
      // Answers signed with the old key may still be on the wire: drop it only once all are verified.
      tally.await("all " + signedWithOld + " answers signed with the old key verified, and 100 with the new",
          () -> tally.verified(OLD_ID) == signedWithOld && tally.verified(NEW_ID) >= 100);
      client.replaceVerifier(client.verifier().newBuilder().removeKey(OLD_ID).build());
      int newBeforeDrop = tally.verified(NEW_ID);
      tally.await("100 more answers verified after the old key was dropped",
          () -> tally.verified(NEW_ID) >= newBeforeDrop + 100);
      stop.set(true);
      for (Future<Integer> result : results) {
        result.get(60, TimeUnit.SECONDS); // rethrows any failed verification
      }
      assertNull(tally.failure());
      assertEquals(signedWithOld, tally.signed(OLD_ID), tally.toString());
      assertEquals(tally.signed(OLD_ID), tally.verified(OLD_ID), "every answer signed with the old key verified: " + tally);
      assertEquals(tally.signed(NEW_ID), tally.verified(NEW_ID), "every answer signed with the new key verified: " + tally);
      assertTrue(tally.verified(NEW_ID) >= 200, tally.toString());
      assertEquals(NEW_ID, client.verifier().keys().preferredId());
      assertEquals(1, client.verifier().keys().ids().size());
    } finally {
      stop.set(true);
      callers.shutdownNow();
      server.shutdown();
    }
  }
}
