package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.api.RefundsApi;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundRequestAmount;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.sandbox.SandboxRequest;
import dev.payscore.spring.boot.app.NotificationRecorder;
import dev.payscore.spring.boot.app.TestApplication;
import dev.payscore.testing.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port against a sandbox in certificate mode, configured with {@code
 * payscore.auto-platform-certificates=true} and no public key: the endpoint follows a rotation of
 * the platform certificate, and refunds made through the {@link RefundsApi} bean come back as typed
 * events.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=certificate-mode")
class CertificateModeApplicationTest {
  private static final PayScoreSandbox SANDBOX = PayScoreSandbox.builder().platformCertificates().start();
  private static final Path PRIVATE_KEY;

  static {
    Secrets.register(SANDBOX.apiV3Key());
    Secrets.registerKey(SANDBOX.merchantPrivateKey().getEncoded());
    try {
      PRIVATE_KEY = Files.createTempFile("payscore-certificate-mode", ".pem");
      Files.write(PRIVATE_KEY, TestSandbox.pem("PRIVATE KEY", SANDBOX.merchantPrivateKey().getEncoded())
          .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired
  Environment environment;

  @Autowired
  PayafterOrdersApi orders;

  @Autowired
  RefundsApi refunds;

  @Autowired
  NotificationRecorder recorder;

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    registry.add("sandbox.merchant-id", SANDBOX::merchantId);
    registry.add("sandbox.merchant-serial-number", SANDBOX::merchantSerialNumber);
    registry.add("sandbox.private-key", () -> "file:" + PRIVATE_KEY);
    registry.add("sandbox.api-v3-key", SANDBOX::apiV3Key);
    registry.add("sandbox.url", SANDBOX::url);
  }

  @AfterAll
  static void close() throws IOException {
    SANDBOX.close();
    Files.deleteIfExists(PRIVATE_KEY);
  }

  String notifyUrl() {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/payscore/notify";
  }

  static int downloads() {
    int count = 0;
    for (SandboxRequest request : SANDBOX.requests()) {
      if (request.target().startsWith("/v3/certificates")) {
        count++;
      }
    }
    return count;
  }

  @Test
  void aNotificationAfterARotationIsHandledAfterExactlyOneDownload() throws Exception {
    SANDBOX.createOrder("CERT1", SandboxApplicationTest.APPID, SandboxApplicationTest.SERVICE_ID);
    orders.queryPayafterOrder(SandboxApplicationTest.SERVICE_ID, SandboxApplicationTest.APPID, "CERT1", null)
        .execute();
    int before = downloads();
    assertThat(before).isPositive();

    SANDBOX.rotatePlatformCertificate();
    int status = SANDBOX.sendNotification(notifyUrl(), PayScoreNotification.USER_ACCEPTED, "CERT1");

    assertThat(status).isEqualTo(204);
    assertThat(recorder.accepted("CERT1")).hasSize(1);
    assertThat(downloads()).as("one download for the new serial, no call made since the rotation")
        .isEqualTo(before + 1);
  }

  @Test
  void aRefundThroughTheBeanComesBackAsATypedEvent() throws Exception {
    String transactionId = SANDBOX.createPaidOrder("CERT2", SandboxApplicationTest.APPID,
        SandboxApplicationTest.SERVICE_ID, 1000);
    refunds.createRefund(CreateRefundRequest.builder().transactionId(transactionId).outRefundNo("CERT2-R1")
        .reason("test").notifyUrl(notifyUrl())
        .amount(RefundRequestAmount.builder().refund(400L).total(1000L).currency(RefundCurrency.CNY).build())
        .build()).execute();

    SANDBOX.settleRefund("CERT2-R1");

    assertThat(recorder.refunds("CERT2-R1")).hasSize(1);
    assertThat(recorder.refunds("CERT2-R1").get(0)).isInstanceOf(PayScoreNotification.RefundSucceeded.class);
    assertThat(recorder.refunds("CERT2-R1").get(0).getRefund().getAmount().getRefund()).isEqualTo(400L);
  }
}
