package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.PemKeys;
import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestServers;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Certificate mode: answers signed with a platform certificate, {@code GET /v3/certificates} served
 * encrypted with the APIv3 key, rotation; public key mode answers that route as WeChat Pay answers a
 * merchant without certificates.
 */
class CertificateModeTest {
  static CompletePayafterOrderRequest complete(String ticket) {
    return CompletePayafterOrderRequest.builder().appid("wx").serviceId("500001")
        .finishType(FinishType.SERVICE_USED).totalAmount(100L).finishTicket(ticket).build();
  }

  static List<SandboxRequest> downloads(PayScoreSandbox sandbox) {
    List<SandboxRequest> out = new ArrayList<>();
    for (SandboxRequest request : sandbox.requests()) {
      if (request.target().startsWith("/v3/certificates")) {
        out.add(request);
      }
    }
    return out;
  }

  @Test
  void signsWithAPlatformCertificateTheClientDownloads() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      assertTrue(sandbox.certificateMode());
      Map<String, String> certificates = sandbox.platformCertificates();
      assertEquals(1, certificates.size());
      String serial = certificates.keySet().iterator().next();
      X509Certificate x509 = PemKeys.certificate(certificates.get(serial));
      assertEquals(serial, PemKeys.serialNumber(x509), "the serial the sandbox names is the certificate's");
      x509.checkValidity();

      PayScoreClient client = sandbox.clientBuilder().build();
      String ticket = sandbox.createOrder("C1", "wx", "500001");
      assertEquals("C1", client.payafterOrders().completePayafterOrder("C1", complete(ticket)).execute().body()
          .getOutOrderNo());

      List<SandboxRequest> requests = sandbox.requests();
      assertEquals("/v3/certificates?algorithm_type=RSA", requests.get(0).target());
      assertEquals("/v3/payscore/payafter-orders/C1/complete", requests.get(1).target());
      assertEquals(serial, requests.get(1).header("Wechatpay-Serial"), "requests name the downloaded certificate");
      assertEquals(java.util.Collections.singleton(serial), client.verifier().keys().ids());
    }
  }

  @Test
  void personalFieldsAreEncryptedForTheCertificateAndNotificationsSignedWithIt() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      PayScoreClient client = sandbox.clientBuilder().build();
      MockWebServer merchant = TestServers.mockWebServer();
      merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      try {
        client.payafterOrders().createPayafterOrder(CreatePayafterOrderRequest.builder().appid("wx")
            .outOrderNo("C2").serviceId("500001").name("张三").build()).execute();
        assertEquals("张三", sandbox.order("C2").name(), "encrypted under the certificate, decrypted by the sandbox");

        String newSerial = sandbox.rotatePlatformCertificate();
        sandbox.notifyTo(merchant.url("/notify").toString());
        merchant.enqueue(new MockResponse().setResponseCode(204));
        sandbox.acceptOrder("C2");
        RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
        assertEquals(newSerial, posted.getHeader("Wechatpay-Serial"), "notifications are signed with the new certificate");
        byte[] body = posted.getBody().readByteArray();

        // The client learns the new certificate from the next answer; then it verifies the notification.
        client.payafterOrders().queryPayafterOrder("500001", "wx", "C2", null).execute();
        PayScoreNotification notification = new NotificationParser(client.verifier(), sandbox.apiV3Key())
            .parse(name -> posted.getHeaders().values(name), body);
        assertTrue(notification instanceof PayScoreNotification.UserAccepted);
      } finally {
        merchant.shutdown();
      }
    }
  }

  @Test
  void rotationListsTheNewCertificateAndSignsTheListWithTheOldest() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      String first = sandbox.platformCertificates().keySet().iterator().next();
      String second = sandbox.rotatePlatformCertificate();
      assertEquals(java.util.Arrays.asList(first, second), new ArrayList<>(sandbox.platformCertificates().keySet()));

      // A client that trusts the first certificate only takes the list: it is signed with the first.
      PayScoreClient pinned = sandbox.clientBuilder()
          .platformCertificate(PemKeys.certificate(sandbox.platformCertificates().get(first))).build();
      List<PlatformCertificate> listed = pinned.refreshPlatformCertificates();
      assertEquals(2, listed.size());
      assertEquals(first, listed.get(0).serialNumber());
      assertEquals(second, listed.get(1).serialNumber());
      assertEquals(sandbox.platformCertificates().get(second), listed.get(1).pem());
      assertEquals(1, downloads(sandbox).size());
    }
  }

  @Test
  void listsOnlyTheAlgorithmAskedForAndRefusesAnUnknownOne() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      Secrets.register(sandbox.apiV3Key());
      PayScoreClient client = sandbox.clientBuilder().build();
      assertEquals(1, client.downloadPlatformCertificates("ALL").size());
      WechatPayCertificateException none = assertThrows(WechatPayCertificateException.class,
          () -> client.downloadPlatformCertificates("SM2"));
      assertEquals(WechatPayCertificateException.Reason.NO_CERTIFICATES, none.getReason());
      client.refreshPlatformCertificates();
      WechatPayApiException unknown = assertThrows(WechatPayApiException.class,
          () -> client.certificates().listCertificates("DSA").execute());
      assertEquals(400, unknown.getHttpStatus());
      assertEquals("PARAM_ERROR", unknown.getCode());
    }
  }

  @Test
  void publicKeyModeAnswersTheCertificateRouteAsWechatPayDoes() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.start()) {
      Secrets.register(sandbox.apiV3Key());
      assertFalse(sandbox.certificateMode());
      PayScoreClient client = sandbox.clientBuilder().build();
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          client::refreshPlatformCertificates);
      assertEquals(WechatPayCertificateException.Reason.NO_CERTIFICATES, e.getReason());
      WechatPayApiException cause = (WechatPayApiException) e.getCause();
      assertEquals(404, cause.getHttpStatus());
      assertEquals("RESOURCE_NOT_EXISTS", cause.getCode());
      assertEquals("无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥", cause.getErrorMessage());
      assertTrue(cause.isSignatureVerified(), "signed with the public key, like every WeChat Pay error");
      assertEquals(java.util.Collections.singleton(sandbox.wechatPayPublicKeyId()), client.verifier().keys().ids());

      assertThrows(IllegalStateException.class, sandbox::rotatePlatformCertificate);
      assertThrows(IllegalStateException.class, sandbox::platformCertificates);
    }
  }

  @Test
  void certificateModeHasNoPublicKey() {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().platformCertificates().start()) {
      assertThrows(IllegalStateException.class, sandbox::wechatPayPublicKey);
      assertThrows(IllegalStateException.class, sandbox::wechatPayPublicKeyId);
    }
    IllegalStateException both = assertThrows(IllegalStateException.class, () -> PayScoreSandbox.builder()
        .platformCertificates().wechatPayPublicKeyId("PUB_KEY_ID_0114232134912410000000000000").start());
    assertTrue(both.getMessage().contains("exclude each other"), both.getMessage());
  }

  @Test
  void smModeListsSm2CertificatesEncryptedWithSm4() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().scheme(SignatureScheme.SM2).platformCertificates()
        .start()) {
      Secrets.register(sandbox.apiV3Key());
      PayScoreClient client = sandbox.clientBuilder().build();
      String ticket = sandbox.createOrder("S1", "wx", "500001");
      client.payafterOrders().completePayafterOrder("S1", complete(ticket)).execute();
      assertEquals("/v3/certificates?algorithm_type=SM2", sandbox.requests().get(0).target());
      PlatformCertificate certificate = client.downloadPlatformCertificates("SM2").get(0);
      assertEquals(SignatureScheme.SM2, certificate.scheme());
      assertNull(certificate.certificate());
      assertEquals(sandbox.platformCertificates().keySet().iterator().next(), certificate.serialNumber());
    }
  }
}
