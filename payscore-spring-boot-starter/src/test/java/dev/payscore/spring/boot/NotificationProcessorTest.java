package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.auth.ResponseVerifier;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.testing.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the processor does with each kind of notification, and with a failing deduplicator or handler. */
class NotificationProcessorTest {
  private static final String KEY_ID = "PUB_KEY_ID_0000000000000000000000000000000001";

  private final NotificationParser sandboxParser = new NotificationParser(
      TestSandbox.sandbox().clientBuilder().build().verifier(), TestSandbox.sandbox().apiV3Key());
  private final List<PayScoreNotification> handled = new ArrayList<>();
  private final List<String> released = new ArrayList<>();
  private final List<String> processed = new ArrayList<>();

  /** A deduplicator that answers {@code claim} with a given claim and records the rest. */
  private NotificationDeduplicator claiming(NotificationDeduplicator.Claim claim, boolean failProcessed) {
    return new NotificationDeduplicator() {
      @Override
      public Claim claim(String notificationId) {
        return claim;
      }

      @Override
      public void processed(String notificationId) {
        processed.add(notificationId);
        if (failProcessed) {
          throw new IllegalStateException("the store is down");
        }
      }

      @Override
      public void release(String notificationId) {
        released.add(notificationId);
      }
    };
  }

  private NotificationOutcome process(NotificationParser parser, NotificationDeduplicator deduplicator,
      PayScoreNotificationHandler handler, TestSandbox.Notification notification) {
    return new NotificationProcessor(parser, deduplicator, handler, PayScoreMetrics.NONE)
        .process(notification.headerSource(), notification.body());
  }

  private static TestSandbox.Notification sent() throws Exception {
    return TestSandbox.capture(PayScoreNotification.USER_PAID, PayScoreAutoConfigurationTest.newAcceptedOrder());
  }

  @Test
  void aNewNotificationIsHandledThenMarkedProcessed() throws Exception {
    TestSandbox.Notification notification = sent();

    NotificationOutcome outcome = process(sandboxParser, claiming(NotificationDeduplicator.Claim.NEW, false),
        handled::add, notification);

    assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(handled).hasSize(1);
    assertThat(processed).containsExactly(handled.get(0).getId());
  }

  @Test
  void aNotificationBeingHandledElsewhereIsAnswered503AndNotHandled() throws Exception {
    NotificationOutcome outcome = process(sandboxParser,
        claiming(NotificationDeduplicator.Claim.IN_PROGRESS, false), handled::add, sent());

    assertThat(outcome.status()).isEqualTo(503);
    assertThat(handled).isEmpty();
  }

  @Test
  void aHandlerFailureReleasesTheClaim() throws Exception {
    NotificationOutcome outcome = process(sandboxParser, claiming(NotificationDeduplicator.Claim.NEW, false),
        n -> {
          throw new IllegalStateException("database down");
        }, sent());

    assertThat(outcome).isEqualTo(NotificationOutcome.HANDLER_ERROR);
    assertThat(outcome.status()).isEqualTo(500);
    assertThat(released).hasSize(1);
    assertThat(processed).isEmpty();
  }

  @Test
  void aFailingDeduplicatorIsA500AndNothingIsHandled() throws Exception {
    NotificationDeduplicator broken = claiming(NotificationDeduplicator.Claim.NEW, false);
    NotificationDeduplicator failing = new NotificationDeduplicator() {
      @Override
      public Claim claim(String notificationId) {
        throw new IllegalStateException("the store is down");
      }

      @Override
      public void processed(String notificationId) {
        broken.processed(notificationId);
      }

      @Override
      public void release(String notificationId) {
        broken.release(notificationId);
      }
    };

    NotificationOutcome outcome = process(sandboxParser, failing, handled::add, sent());

    assertThat(outcome).isEqualTo(NotificationOutcome.DEDUPLICATION_ERROR);
    assertThat(outcome.status()).isEqualTo(500);
    assertThat(handled).isEmpty();
  }

  @Test
  void aHandledNotificationIsAcknowledgedEvenWhenItCannotBeMarked() throws Exception {
    NotificationOutcome outcome = process(sandboxParser, claiming(NotificationDeduplicator.Claim.NEW, true),
        handled::add, sent());

    assertThat(outcome).isEqualTo(NotificationOutcome.HANDLED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void theWrongApiV3KeyIsA500() throws Exception {
    NotificationParser wrongKey = new NotificationParser(TestSandbox.sandbox().clientBuilder().build().verifier(),
        "0123456789abcdef0123456789abcdef");

    NotificationOutcome outcome = process(wrongKey, claiming(NotificationDeduplicator.Claim.NEW, false),
        handled::add, sent());

    assertThat(outcome).isEqualTo(NotificationOutcome.UNDECRYPTABLE);
    assertThat(outcome.status()).isEqualTo(500);
    assertThat(handled).isEmpty();
  }

  @Test
  void aVerifiedButMalformedNotificationIsA400() throws Exception {
    KeyPair wechatPay = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Secrets.registerKey(wechatPay.getPrivate().getEncoded());
    NotificationParser parser = new NotificationParser(
        ResponseVerifier.builder().publicKey(KEY_ID, wechatPay.getPublic()).build(), TestSandbox.sandbox().apiV3Key());
    byte[] body = "{\"id\":\"EV-1\",\"event_type\":\"PAYSCORE.USER_PAID\"}".getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(wechatPay.getPrivate());
    rsa.update((timestamp + "\nNONCE\n").getBytes(StandardCharsets.UTF_8));
    rsa.update(body);
    rsa.update((byte) '\n');
    TestSandbox.Notification signed = new TestSandbox.Notification(Map.of("Wechatpay-Timestamp", timestamp,
        "Wechatpay-Nonce", "NONCE", "Wechatpay-Serial", KEY_ID,
        "Wechatpay-Signature", Base64.getEncoder().encodeToString(rsa.sign())), body);

    NotificationOutcome outcome = process(parser, claiming(NotificationDeduplicator.Claim.NEW, false),
        handled::add, signed);

    assertThat(outcome).isEqualTo(NotificationOutcome.MALFORMED);
    assertThat(outcome.status()).isEqualTo(400);
    assertThat(handled).isEmpty();
  }

  @Test
  void anUnsignedNotificationIsA401() {
    TestSandbox.Notification unsigned = new TestSandbox.Notification(Map.of(), "{}".getBytes(StandardCharsets.UTF_8));

    NotificationOutcome outcome = process(sandboxParser, claiming(NotificationDeduplicator.Claim.NEW, false),
        handled::add, unsigned);

    assertThat(outcome.status()).isEqualTo(401);
    assertThat(outcome.failureBody()).isEqualTo("{\"code\":\"FAIL\",\"message\":\"signature verification failed\"}");
    assertThat(handled).isEmpty();
  }
}
