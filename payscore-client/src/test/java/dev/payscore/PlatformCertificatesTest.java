package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.testing.CertificateLists;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keeping one client's certificates current: when it downloads, how often, and what it keeps. */
class PlatformCertificatesTest {
  static final String API_V3_KEY = CertificateDownloaderTest.API_V3_KEY;
  static final String OLD_SERIAL = CertificateDownloaderTest.SERIAL;
  static final String NEW_SERIAL = "6A0B9C1D2E3F40516273849506A7B8C9DAEBFC0D";
  static final KeyPair OLD_KEY = CertificateDownloaderTest.PLATFORM;
  static final KeyPair NEW_KEY = TestKeys.wechatPay();
  static final X509Certificate OLD = CertificateDownloaderTest.CERTIFICATE;
  static final X509Certificate NEW = TestKeys.certificate(NEW_KEY, new BigInteger(NEW_SERIAL, 16));
  static final String ANSWER = "{\"appid\":\"wx\",\"mchid\":\"" + TestKeys.MERCHANT_ID
      + "\",\"out_order_no\":\"o\",\"service_id\":\"s\",\"order_id\":\"x\"}";

  static {
    Secrets.register(API_V3_KEY);
  }

  /**
   * WeChat Pay in certificate mode: answers signed with the current certificate, the list of
   * certificates signed with the oldest one listed, every list request counted.
   */
  static final class FakeWechatPay extends Dispatcher {
    final AtomicInteger downloads = new AtomicInteger();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final String mchid;
    volatile List<X509Certificate> listed = Collections.singletonList(OLD);
    volatile String answerSerial = OLD_SERIAL;
    volatile KeyPair answerKey = OLD_KEY;
    /** When set, the next lists carry this body instead (a tampered one). */
    volatile String listBody;

    FakeWechatPay(String mchid) {
      this.mchid = mchid;
    }

    /** Lists the new certificate, then signs answers with it. */
    void rotate() {
      listed = Arrays.asList(OLD, NEW);
      answerSerial = NEW_SERIAL;
      answerKey = NEW_KEY;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      paths.add(request.getMethod() + " " + request.getPath());
      long now = System.currentTimeMillis() / 1000;
      if (request.getPath().startsWith("/v3/certificates")) {
        downloads.incrementAndGet();
        String body = listBody != null ? listBody
            : CertificateLists.list(API_V3_KEY, listed.toArray(new X509Certificate[0]));
        X509Certificate signer = listed.get(0);
        return WechatPayResponses.signed(200, body, now, signer.getSerialNumber().toString(16).toUpperCase(),
            signer == OLD ? OLD_KEY.getPrivate() : NEW_KEY.getPrivate());
      }
      return WechatPayResponses.signed(200, ANSWER.replace(TestKeys.MERCHANT_ID, mchid), now, answerSerial,
          answerKey.getPrivate());
    }
  }

  private final MockWebServer server = TestServers.mockWebServer();
  private final FakeWechatPay wechatPay = new FakeWechatPay(TestKeys.MERCHANT_ID);
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(wechatPay);
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  PayScoreClient.Builder builder() {
    return builder(server, TestKeys.MERCHANT_ID);
  }

  PayScoreClient.Builder builder(MockWebServer on, String mchid) {
    return PayScoreClient.builder()
        .merchantId(mchid)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .apiV3Key(API_V3_KEY)
        .autoPlatformCertificates()
        .logger(log::add)
        .baseUrl(on.url("/").toString());
  }

  static CompletePayafterOrderResponse complete(PayScoreClient client) throws IOException {
    return client.payafterOrders().completePayafterOrder("o", PayScoreClientTest.request().newBuilder()
        .appid("wx").serviceId("s").build()).execute().body();
  }

  @Test
  void firstDownloadHappensBeforeTheFirstCallIsSentNotInBuild() throws Exception {
    PayScoreClient client = builder().build();
    assertEquals(0, server.getRequestCount(), "build() stays offline");
    assertThrows(IllegalStateException.class, client::verifier);
    assertTrue(client.toString().contains("keys=[] (platform certificates not downloaded yet)"), client.toString());

    assertEquals("x", complete(client).getOrderId());
    assertEquals(Arrays.asList("GET /v3/certificates?algorithm_type=RSA", "POST /v3/payscore/payafter-orders/o/complete"),
        wechatPay.paths);
    assertEquals(Collections.singleton(OLD_SERIAL), client.verifier().keys().ids());
    complete(client);
    assertEquals(1, wechatPay.downloads.get(), "downloaded once");
  }

  @Test
  void aBodyWithPersonalFieldsIsEncryptedForTheDownloadedCertificate() throws Exception {
    PayScoreClient client = builder().build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/v3/certificates")) {
          return wechatPay.dispatch(request);
        }
        wechatPay.paths.add(request.getMethod() + " " + request.getPath() + " " + request.getHeader("Wechatpay-Serial"));
        return WechatPayResponses.signed(200, "{\"out_order_no\":\"o\"}", System.currentTimeMillis() / 1000,
            OLD_SERIAL, OLD_KEY.getPrivate());
      }
    });
    client.payafterOrders().createPayafterOrder(CreatePayafterOrderRequest.builder().appid("wx").outOrderNo("o")
        .serviceId("s").name("张三").build()).execute();
    assertEquals(Arrays.asList("GET /v3/certificates?algorithm_type=RSA",
        "POST /v3/payscore/payafter-orders " + OLD_SERIAL), wechatPay.paths);
  }

  @Test
  void anEnqueuedFirstCallDownloadsOnOkHttpsThreadNotTheCallers() throws Exception {
    List<String> downloadThreads = new CopyOnWriteArrayList<>();
    PayScoreClient client = builder().logger(line -> {
      if (line.startsWith("platform certificates: downloaded")) {
        downloadThreads.add(Thread.currentThread().getName());
      }
    }).build();
    CountDownLatch done = new CountDownLatch(1);
    List<Object> outcome = new CopyOnWriteArrayList<>();
    client.payafterOrders().createPayafterOrder(CreatePayafterOrderRequest.builder().appid("wx").outOrderNo("o")
        .serviceId("s").phone("13800138000").build()).enqueue(new retrofit2.Callback<dev.payscore.model.CreatePayafterOrderResponse>() {
          @Override
          public void onResponse(retrofit2.Call<dev.payscore.model.CreatePayafterOrderResponse> call,
              retrofit2.Response<dev.payscore.model.CreatePayafterOrderResponse> response) {
            outcome.add(response.code());
            done.countDown();
          }

          @Override
          public void onFailure(retrofit2.Call<dev.payscore.model.CreatePayafterOrderResponse> call, Throwable t) {
            outcome.add(t);
            done.countDown();
          }
        });
    assertTrue(done.await(30, TimeUnit.SECONDS));
    assertEquals(Collections.singletonList(200), outcome);
    assertEquals(1, downloadThreads.size());
    assertTrue(downloadThreads.get(0).startsWith("OkHttp "), downloadThreads.toString());
    assertEquals("GET /v3/certificates?algorithm_type=RSA", wechatPay.paths.get(0));
  }

  @Test
  void anAnswerUnderANewSerialCausesOneDownloadAndIsVerifiedAgain() throws Exception {
    PayScoreClient client = builder().build();
    complete(client);
    wechatPay.rotate();

    assertEquals("x", complete(client).getOrderId());
    assertEquals(2, wechatPay.downloads.get());
    assertEquals(new LinkedHashSet<>(Arrays.asList(OLD_SERIAL, NEW_SERIAL)), client.verifier().keys().ids());
    assertEquals(OLD_SERIAL, client.verifier().keys().preferredId(),
        "requests keep naming the certificate in use while it is listed");
    complete(client);
    assertEquals(2, wechatPay.downloads.get());
    assertTrue(log.contains("platform certificates: downloaded [" + OLD_SERIAL + ", " + NEW_SERIAL
        + "] (an answer arrived under the unknown serial " + NEW_SERIAL + ")"), log.toString());
  }

  @Test
  void eightThreadsMeetingARotationShareOneDownload() throws Exception {
    PayScoreClient client = builder().build();
    complete(client);
    wechatPay.rotate();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch ready = new CountDownLatch(8);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        results.add(threads.submit(() -> {
          ready.countDown();
          ready.await(10, TimeUnit.SECONDS);
          String last = null;
          for (int i = 0; i < 10; i++) {
            last = complete(client).getOrderId();
          }
          return last;
        }));
      }
      for (Future<String> result : results) {
        assertEquals("x", result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(2, wechatPay.downloads.get(), "the first download and exactly one for the rotation");
  }

  @Test
  void unknownSerialsCauseAtMostOneDownloadAMinute() throws Exception {
    AtomicLong nanos = new AtomicLong();
    PayScoreClient client = builder().certificateTicker(nanos::get).build();
    complete(client);
    wechatPay.answerSerial = "0BADC0DE"; // signed by a key nobody lists
    for (int i = 0; i < 3; i++) {
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class, () -> complete(client));
      assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
    }
    assertEquals(2, wechatPay.downloads.get(), "one download for the unknown serial, then none");
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
    assertThrows(WechatPaySignatureException.class, () -> complete(client));
    assertEquals(2, wechatPay.downloads.get());
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
    assertThrows(WechatPaySignatureException.class, () -> complete(client));
    assertEquals(3, wechatPay.downloads.get(), "a minute later, one more");
  }

  @Test
  void aRefusedRefreshKeepsTheCertificatesInForce() throws Exception {
    AtomicLong nanos = new AtomicLong();
    PayScoreClient client = builder().certificateTicker(nanos::get).build();
    complete(client);
    wechatPay.rotate();
    wechatPay.listBody = CertificateLists.list(CertificateLists.entry(OLD, API_V3_KEY),
        CertificateLists.entry(NEW, API_V3_KEY).tamperCiphertext(7));

    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class, () -> complete(client));
    assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
    WechatPayCertificateException refused = assertInstanceOf(WechatPayCertificateException.class, e.getSuppressed()[0]);
    assertEquals(WechatPayCertificateException.Reason.DECRYPTION_FAILED, refused.getReason());
    assertEquals(Collections.singleton(OLD_SERIAL), client.verifier().keys().ids(), "the certificates in force are kept");

    wechatPay.listBody = null;
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertEquals("x", complete(client).getOrderId(), "the next allowed download repairs it");
  }

  @Test
  void aListSignedByAnUnknownKeyIsRefusedOnRefresh() throws Exception {
    PayScoreClient client = builder().build();
    complete(client);
    wechatPay.rotate();
    wechatPay.listed = Arrays.asList(NEW, OLD); // the list is now signed with the certificate the client does not know

    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class, () -> complete(client));
    WechatPayCertificateException refused = assertInstanceOf(WechatPayCertificateException.class, e.getSuppressed()[0]);
    assertEquals(WechatPayCertificateException.Reason.UNTRUSTED_SIGNER, refused.getReason());
    assertEquals(Collections.singleton(OLD_SERIAL), client.verifier().keys().ids());
  }

  @Test
  void twoMerchantsInOneJvmRefreshIndependently() throws Exception {
    MockWebServer secondServer = TestServers.mockWebServer();
    FakeWechatPay second = new FakeWechatPay("1900000110");
    secondServer.setDispatcher(second);
    secondServer.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    try {
      PayScoreClient first = builder().build();
      PayScoreClient other = builder(secondServer, "1900000110").build();
      complete(first);
      complete(other);
      wechatPay.rotate();

      complete(first);
      assertEquals(2, wechatPay.downloads.get());
      assertEquals(1, second.downloads.get(), "the other merchant's client did not download");
      assertEquals(Collections.singleton(OLD_SERIAL), other.verifier().keys().ids(), "nor learn the new key");
      assertEquals(2, first.verifier().keys().ids().size());

      // The same merchant twice: two clients, two states.
      PayScoreClient again = builder().build();
      complete(again);
      assertEquals(3, wechatPay.downloads.get());
      second.rotate();
      complete(other);
      assertEquals(2, second.downloads.get());
      assertEquals(3, wechatPay.downloads.get());
    } finally {
      secondServer.shutdown();
    }
  }

  @Test
  void thePublicKeyStaysBesideDownloadedCertificates() throws Exception {
    PayScoreClient client = builder().wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.other().getPublic()).build();
    // The public key is trusted from the start: no download before the first call; the answer under the
    // certificate's serial causes one, and that list is signed by the certificate OLD, whose key is the
    // same key pair as the public key (TestKeys.other()), registered under another id.
    wechatPay.listBody = null;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/v3/certificates")) {
          wechatPay.downloads.incrementAndGet();
          return WechatPayResponses.signed(200, CertificateLists.list(API_V3_KEY, OLD), System.currentTimeMillis() / 1000,
              TestKeys.PUBLIC_KEY_ID, TestKeys.other().getPrivate());
        }
        return wechatPay.dispatch(request);
      }
    });
    complete(client);
    assertEquals(1, wechatPay.downloads.get());
    assertEquals(new LinkedHashSet<>(Arrays.asList(TestKeys.PUBLIC_KEY_ID, OLD_SERIAL)), client.verifier().keys().ids());
    assertEquals(TestKeys.PUBLIC_KEY_ID, client.verifier().keys().preferredId());
  }

  @Test
  void refreshesPeriodicallyOnTheGivenExecutorAndStopsOnClose() throws Exception {
    List<Runnable> tasks = new CopyOnWriteArrayList<>();
    List<Long> periods = new CopyOnWriteArrayList<>();
    AtomicInteger cancelled = new AtomicInteger();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1) {
      @Override
      public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        tasks.add(task);
        periods.add(initialDelay);
        periods.add(unit.toSeconds(delay));
        return new CancelCounter(cancelled);
      }
    };
    try {
      PayScoreClient client = builder().autoPlatformCertificates(executor, 1, TimeUnit.HOURS).build();
      assertEquals(1, tasks.size());
      assertEquals(Arrays.asList(0L, 3600L), periods, "at once, then hourly");
      assertEquals(0, server.getRequestCount(), "nothing runs but on the executor");
      tasks.get(0).run();
      assertEquals(1, wechatPay.downloads.get());
      assertEquals(Collections.singleton(OLD_SERIAL), client.verifier().keys().ids());

      wechatPay.listed = Arrays.asList(OLD, NEW); // listed before answers switch: learnt in the overlap
      tasks.get(0).run();
      assertEquals(2, client.verifier().keys().ids().size());
      wechatPay.answerSerial = NEW_SERIAL;
      wechatPay.answerKey = NEW_KEY;
      complete(client);
      assertEquals(2, wechatPay.downloads.get(), "no download needed when answers switch");

      wechatPay.listBody = "{\"data\":[]}";
      tasks.get(0).run(); // a failed refresh neither throws into the executor nor changes the keys
      assertEquals(2, client.verifier().keys().ids().size());
      assertTrue(log.stream().anyMatch(line -> line.startsWith(
          "platform certificates: the scheduled refresh failed, the certificates in force are kept")), log.toString());

      client.close();
      assertEquals(1, cancelled.get());
    } finally {
      executor.shutdownNow();
    }
    assertThrows(IllegalArgumentException.class,
        () -> builder().autoPlatformCertificates(executor, 59, TimeUnit.SECONDS));
  }

  @Test
  void builderSaysWhatIsMissing() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate()).autoPlatformCertificates().build());
    assertTrue(e.getMessage().contains("autoPlatformCertificates needs the APIv3 key: set apiV3Key(key)"), e.getMessage());
    IllegalStateException none = assertThrows(IllegalStateException.class, () -> PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate()).apiV3Key(API_V3_KEY).build());
    assertTrue(none.getMessage().contains("or apiV3Key(key).autoPlatformCertificates()"), none.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> PayScoreClient.builder().apiV3Key("short"));
    assertEquals("apiV3Key: must be 32 bytes, got 5", length.getMessage());
  }

  @Test
  void aFailedFirstDownloadSendsNothingAndIsTriedAgainByTheNextCall() throws Exception {
    PayScoreClient client = builder().build();
    wechatPay.listBody = "{\"data\":[]}";
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class, () -> complete(client));
    assertEquals(WechatPayCertificateException.Reason.NO_CERTIFICATES, e.getReason());
    assertEquals(Collections.singletonList("GET /v3/certificates?algorithm_type=RSA"), wechatPay.paths);
    wechatPay.listBody = null;
    assertNotNull(complete(client));
    assertEquals(2, wechatPay.downloads.get());
  }

  /** A ScheduledFuture that only counts cancel(). */
  static final class CancelCounter implements ScheduledFuture<Object> {
    private final AtomicInteger cancelled;

    CancelCounter(AtomicInteger cancelled) {
      this.cancelled = cancelled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed o) {
      return 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled.incrementAndGet();
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled.get() > 0;
    }

    @Override
    public boolean isDone() {
      return isCancelled();
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
