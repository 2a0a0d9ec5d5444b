package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.HeaderSource;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.testing.CertificateLists;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PayScoreClient#notificationParser()}: notifications verified with the keys in force, learning rotations. */
class NotificationKeysTest {
  static final String API_V3_KEY = PlatformCertificatesTest.API_V3_KEY;
  static final String ORDER_JSON = "{\"appid\":\"wx\",\"mchid\":\"" + TestKeys.MERCHANT_ID
      + "\",\"out_order_no\":\"N1\",\"service_id\":\"500001\",\"order_id\":\"x\",\"state\":\"USER_ACCEPTED\"}";

  private final MockWebServer server = TestServers.mockWebServer();
  private final PlatformCertificatesTest.FakeWechatPay wechatPay =
      new PlatformCertificatesTest.FakeWechatPay(TestKeys.MERCHANT_ID);

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
    return PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .apiV3Key(API_V3_KEY)
        .autoPlatformCertificates()
        .baseUrl(server.url("/").toString());
  }

  /** A USER_ACCEPTED notification signed now with {@code key} under {@code serial}. */
  static PayScoreNotification parse(NotificationParser parser, String serial, KeyPair key) throws Exception {
    String body = "{\"id\":\"EV-1\",\"create_time\":\"2015-05-20T13:29:35+08:00\",\"resource_type\":"
        + "\"encrypt-resource\",\"event_type\":\"PAYSCORE.USER_ACCEPTED\",\"summary\":\"s\",\"resource\":{"
        + "\"original_type\":\"payscore\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + CertificateLists.encrypt(API_V3_KEY, "fdasflkja484", "payscore", ORDER_JSON)
        + "\",\"nonce\":\"fdasflkja484\",\"associated_data\":\"payscore\"}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Collections.singletonList(timestamp));
    headers.put("Wechatpay-Nonce", Collections.singletonList("nonce1"));
    headers.put("Wechatpay-Signature", Collections.singletonList(
        IndependentRsa.sign(key.getPrivate(), WechatPayResponses.message(timestamp, "nonce1", bytes))));
    headers.put("Wechatpay-Serial", Collections.singletonList(serial));
    return parser.parse(HeaderSource.of(headers), bytes);
  }

  @Test
  void aNotificationUnderTheNewCertificateIsAcceptedAfterOneDownloadWithNoCallSinceTheRotation()
      throws Exception {
    PayScoreClient client = builder().build();
    PlatformCertificatesTest.complete(client);
    assertEquals(1, wechatPay.downloads.get());
    wechatPay.rotate();

    PayScoreNotification n = parse(client.notificationParser(), PlatformCertificatesTest.NEW_SERIAL,
        PlatformCertificatesTest.NEW_KEY);
    assertTrue(n instanceof PayScoreNotification.UserAccepted, n.toString());
    assertEquals("N1", ((PayScoreNotification.UserAccepted) n).getOrder().getOutOrderNo());
    assertEquals(2, wechatPay.downloads.get(), "exactly one download for the new serial");
    assertTrue(client.verifier().keys().contains(PlatformCertificatesTest.NEW_SERIAL));
    parse(client.notificationParser(), PlatformCertificatesTest.NEW_SERIAL, PlatformCertificatesTest.NEW_KEY);
    assertEquals(2, wechatPay.downloads.get(), "a known serial downloads nothing");
  }

  @Test
  void aNotificationBeforeAnyCallDownloadsTheCertificatesFirst() throws Exception {
    PayScoreClient client = builder().build();
    assertEquals(0, wechatPay.downloads.get());
    parse(client.notificationParser(), PlatformCertificatesTest.OLD_SERIAL, PlatformCertificatesTest.OLD_KEY);
    assertEquals(1, wechatPay.downloads.get());
  }

  @Test
  void aSerialStillUnknownAfterTheDownloadIsRefusedAndCausesNoSecondDownloadWithinTheMinute() throws Exception {
    AtomicLong nanos = new AtomicLong();
    PayScoreClient client = builder().certificateTicker(nanos::get).build();
    PlatformCertificatesTest.complete(client);
    KeyPair nobody = TestKeys.wechatPay();
    for (int i = 0; i < 2; i++) {
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
          () -> parse(client.notificationParser(), "0BADC0DE", nobody));
      assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
    }
    assertEquals(2, wechatPay.downloads.get(), "the first download, one for the unknown serial, then none");
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
    assertThrows(WechatPaySignatureException.class, () -> parse(client.notificationParser(), "0BADC0DE", nobody));
    assertEquals(3, wechatPay.downloads.get(), "a minute later, one more");
  }

  @Test
  void aFailedDownloadKeepsTheFirstFailureWithTheDownloadsSuppressed() throws Exception {
    PayScoreClient client = builder().build();
    PlatformCertificatesTest.complete(client);
    wechatPay.rotate();
    wechatPay.listBody = "{\"data\":[]}";
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> parse(client.notificationParser(), PlatformCertificatesTest.NEW_SERIAL, PlatformCertificatesTest.NEW_KEY));
    assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
    assertEquals(1, e.getSuppressed().length, "the failed download is kept in the failure");
    assertEquals(2, wechatPay.downloads.get());
  }

  @Test
  void aWrongSignatureUnderAKnownSerialDownloadsNothing() throws Exception {
    PayScoreClient client = builder().build();
    PlatformCertificatesTest.complete(client);
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> parse(client.notificationParser(), PlatformCertificatesTest.OLD_SERIAL, TestKeys.wechatPay()));
    assertTrue(e.getReason() != WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason().toString());
    assertEquals(1, wechatPay.downloads.get());
  }

  @Test
  void withoutAutomaticCertificatesFollowsReplaceVerifierAndDownloadsNothing() throws Exception {
    PayScoreClient client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .apiV3Key(API_V3_KEY)
        .platformCertificate(PlatformCertificatesTest.OLD)
        .baseUrl(server.url("/").toString())
        .build();
    NotificationParser parser = client.notificationParser();
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> parse(parser, PlatformCertificatesTest.NEW_SERIAL, PlatformCertificatesTest.NEW_KEY));
    assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
    assertEquals(0, wechatPay.downloads.get());

    client.replaceVerifier(client.verifier().newBuilder().certificate(PlatformCertificatesTest.NEW).build());
    parse(parser, PlatformCertificatesTest.NEW_SERIAL, PlatformCertificatesTest.NEW_KEY);
    assertSame(parser, client.notificationParser());
  }

  @Test
  void needsTheApiV3Key() {
    PayScoreClient client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .platformCertificate(PlatformCertificatesTest.OLD)
        .baseUrl(server.url("/").toString())
        .build();
    IllegalStateException e = assertThrows(IllegalStateException.class, client::notificationParser);
    assertTrue(e.getMessage().contains("apiV3Key("), e.getMessage());
    assertThrows(IllegalStateException.class, () -> client.notificationParser(4096));
  }

  @Test
  void aSmallerBodyLimitIsKept() throws Exception {
    PayScoreClient client = builder().build();
    assertThrows(IllegalArgumentException.class, () -> client.notificationParser(1023));
    NotificationParser parser = client.notificationParser(1024);
    assertThrows(dev.payscore.exception.WechatPayNotificationException.class,
        () -> parser.parse(HeaderSource.of(Collections.<String, List<String>>emptyMap()), new byte[1025]));
  }
}
