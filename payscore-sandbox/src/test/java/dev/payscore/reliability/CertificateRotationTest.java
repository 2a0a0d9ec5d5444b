package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.model.PayafterOrder;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.sandbox.SandboxRequest;
import dev.payscore.testing.VerifiedAnswers;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestServers;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * WeChat Pay rotates its platform certificate while calls are in flight: a client with automatic
 * platform certificates verifies every answer, downloading the list exactly once more.
 */
class CertificateRotationTest {
  static int downloads(PayScoreSandbox sandbox) {
    int count = 0;
    for (SandboxRequest request : sandbox.requests()) {
      if (request.target().startsWith("/v3/certificates")) {
        count++;
      }
    }
    return count;
  }

  @Test
  void eightThreadsCallThroughARotationWithExactlyOneExtraDownload() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      sandbox.createOrder("ROT1", "wxd678efh567hg6787", "500001");
      String oldSerial = sandbox.platformCertificates().keySet().iterator().next();
      PayScoreClient client = sandbox.clientBuilder().build();
      VerifiedAnswers tally = new VerifiedAnswers();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<Integer>> results = new ArrayList<>();
      try {
        for (int t = 0; t < 8; t++) {
          results.add(callers.submit(() -> {
            int calls = 0;
            try {
              // At most 100 calls each: the sandbox keeps the last 1,000 requests, downloads included.
              while (!stop.get() && calls < 100) {
                Response<PayafterOrder> answer = client.payafterOrders()
                    .queryPayafterOrder("500001", "wxd678efh567hg6787", "ROT1", null).execute();
                assertEquals("ROT1", answer.body().getOutOrderNo());
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
        tally.await("40 answers verified with the first certificate", () -> tally.verified(oldSerial) >= 40);
        String newSerial = sandbox.rotatePlatformCertificate();
        tally.await("80 answers verified with the new certificate", () -> tally.verified(newSerial) >= 80);
        stop.set(true);
        for (Future<Integer> result : results) {
          result.get(60, TimeUnit.SECONDS); // rethrows any failed call
        }
        assertNull(tally.failure());
        assertEquals(2, downloads(sandbox), "the first download, and exactly one for the rotation");
        assertEquals(2, client.verifier().keys().ids().size());
      } finally {
        stop.set(true);
        callers.shutdownNow();
      }
    }
  }

  @Test
  void twoMerchantsInOneJvmRefreshIndependently() throws Exception {
    try (PayScoreSandbox first = PayScoreSandbox.builder().merchantId("1900000109").platformCertificates().start();
        PayScoreSandbox second = PayScoreSandbox.builder().merchantId("1900000110").platformCertificates().start()) {
      Secrets.register(first.apiV3Key());
      Secrets.register(second.apiV3Key());
      first.createOrder("A1", "wx", "500001");
      second.createOrder("B1", "wx", "500001");
      PayScoreClient a = first.clientBuilder().build();
      PayScoreClient b = second.clientBuilder().build();
      a.payafterOrders().queryPayafterOrder("500001", "wx", "A1", null).execute();
      b.payafterOrders().queryPayafterOrder("500001", "wx", "B1", null).execute();

      String rotated = first.rotatePlatformCertificate();
      a.payafterOrders().queryPayafterOrder("500001", "wx", "A1", null).execute();
      b.payafterOrders().queryPayafterOrder("500001", "wx", "B1", null).execute();

      assertEquals(2, downloads(first));
      assertEquals(1, downloads(second), "the other merchant's client did not download again");
      assertEquals(true, a.verifier().keys().contains(rotated));
      assertEquals(second.platformCertificates().keySet(), b.verifier().keys().ids());
    }
  }

  /** The next notification the sandbox posts to {@code merchant}, answered 204. */
  static RecordedRequest nextNotification(MockWebServer merchant) throws InterruptedException {
    RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
    if (posted == null) {
      fail("no notification within 10 s");
    }
    return posted;
  }

  @Test
  void aNotificationUnderTheNewCertificateIsAcceptedAfterOneDownloadWithNoCallSinceTheRotation()
      throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      MockWebServer merchant = TestServers.mockWebServer();
      merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      try {
        sandbox.createOrder("NR1", "wx", "500001");
        PayScoreClient client = sandbox.clientBuilder().build();
        NotificationParser parser = client.notificationParser();
        client.payafterOrders().queryPayafterOrder("500001", "wx", "NR1", null).execute();
        assertEquals(1, downloads(sandbox));

        String newSerial = sandbox.rotatePlatformCertificate();
        merchant.enqueue(new MockResponse().setResponseCode(204));
        sandbox.sendNotification(merchant.url("/notify").toString(), "PAYSCORE.USER_ACCEPTED", "NR1");
        RecordedRequest posted = nextNotification(merchant);
        assertEquals(newSerial, posted.getHeader("Wechatpay-Serial"));
        PayScoreNotification n = parser.parse(name -> posted.getHeaders().values(name),
            posted.getBody().readByteArray());

        assertTrue(n instanceof PayScoreNotification.UserAccepted, n.toString());
        assertEquals("NR1", ((PayScoreNotification.UserAccepted) n).getOrder().getOutOrderNo());
        assertEquals(2, downloads(sandbox), "exactly one download for the rotation, no call made since");
        assertTrue(client.verifier().keys().contains(newSerial));
      } finally {
        merchant.shutdown();
      }
    }
  }

  @Test
  void aNotificationUnderASerialStillUnknownIsRefusedAndASecondOneWithinTheMinuteDownloadsNothing()
      throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      MockWebServer merchant = TestServers.mockWebServer();
      merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      try {
        sandbox.createOrder("NR2", "wx", "500001");
        PayScoreClient client = sandbox.clientBuilder().build();
        client.payafterOrders().queryPayafterOrder("500001", "wx", "NR2", null).execute();
        merchant.enqueue(new MockResponse().setResponseCode(204));
        sandbox.sendNotification(merchant.url("/notify").toString(), "PAYSCORE.USER_ACCEPTED", "NR2");
        RecordedRequest posted = nextNotification(merchant);
        byte[] body = posted.getBody().readByteArray();
        // The same notification under a serial the sandbox never listed.
        dev.payscore.auth.HeaderSource forged = name -> name.equalsIgnoreCase("Wechatpay-Serial")
            ? Collections.singletonList("0BADC0DE") : posted.getHeaders().values(name);

        for (int i = 0; i < 2; i++) {
          WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
              () -> client.notificationParser().parse(forged, body));
          assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
        }
        assertEquals(2, downloads(sandbox), "the first download, one for the unknown serial, none for the second");
        client.notificationParser().parse(name -> posted.getHeaders().values(name), body); // the real one passes
      } finally {
        merchant.shutdown();
      }
    }
  }
}
