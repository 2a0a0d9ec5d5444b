package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.PayScoreClient;
import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.api.RefundsApi;
import dev.payscore.api.UserServiceStateApi;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.Refund;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundRequestAmount;
import dev.payscore.model.RefundStatus;
import dev.payscore.model.ServiceUseState;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration makes from which properties, and how it fails. */
class PayScoreAutoConfigurationTest {
  private static final String APPID = "wxd678efh567hg6787";
  private static final String SERVICE_ID = "500001";
  private static final AtomicInteger ORDERS = new AtomicInteger();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PayScoreAutoConfiguration.class));

  static String newAcceptedOrder() {
    String outOrderNo = "AUTO" + System.nanoTime() % 1_000_000_000L + "N" + ORDERS.incrementAndGet();
    TestSandbox.sandbox().createOrder(outOrderNo, APPID, SERVICE_ID);
    return outOrderNo;
  }

  static String problems(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (!(failure instanceof PayScoreConfigurationException) && failure.getCause() != null) {
      failure = failure.getCause();
    }
    assertThat(failure).isInstanceOf(PayScoreConfigurationException.class);
    return failure.getMessage();
  }

  @Test
  void makesTheClientAndItsApiFromTheProperties() {
    runner.withPropertyValues(TestSandbox.clientProperties()).run(context -> {
      assertThat(context).hasSingleBean(PayScoreClient.class).hasSingleBean(PayafterOrdersApi.class)
          .doesNotHaveBean(NotificationParser.class);
      assertThat(context.getBean(PayScoreClient.class).baseUrl()).isEqualTo(TestSandbox.sandbox().url());
      String outOrderNo = newAcceptedOrder();

      var order = context.getBean(PayafterOrdersApi.class)
          .queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute().body();

      assertThat(order.getOutOrderNo()).isEqualTo(outOrderNo);
    });
  }

  @Test
  void theApiV3KeyAddsAParserThatOpensTheSandboxsNotifications() {
    runner.withPropertyValues(TestSandbox.properties()).run(context -> {
      TestSandbox.Notification sent = TestSandbox.capture(PayScoreNotification.USER_PAID, newAcceptedOrder());

      PayScoreNotification notification = context.getBean(NotificationParser.class)
          .parse(sent.headerSource(), sent.body());

      assertThat(notification).isInstanceOf(PayScoreNotification.UserPaid.class);
    });
  }

  @Test
  void theApiV3KeyCanBeAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("apiv3.key");
    Files.write(file, (TestSandbox.sandbox().apiV3Key() + "\n").getBytes(StandardCharsets.UTF_8));
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues("payscore.api-v3-key=file:" + file)
        .run(context -> {
          TestSandbox.Notification sent = TestSandbox.capture(PayScoreNotification.USER_ACCEPTED, newAcceptedOrder());

          assertThat(context.getBean(NotificationParser.class).parse(sent.headerSource(), sent.body()))
              .isInstanceOf(PayScoreNotification.UserAccepted.class);
        });
  }

  @Test
  void anApiV3KeyOfTheWrongLengthFailsTheStartUpNamingItButNotQuotingIt() {
    String wrong = TestSandbox.sandbox().apiV3Key().substring(1);
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues("payscore.api-v3-key=" + wrong)
        .run(context -> assertThat(problems(context))
            .contains("payscore.api-v3-key: 31 bytes, but the APIv3 key is 32 characters")
            .doesNotContain(wrong));
  }

  @Test
  void aMissingPropertyFailsTheStartUpNamingIt() {
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues("payscore.private-key=")
        .run(context -> assertThat(problems(context))
            .contains("payscore.private-key: not set (the merchant API private key apiclient_key.pem"));
  }

  @Test
  void everyMissingPropertyIsNamedAtOnce() {
    runner.run(context -> assertThat(problems(context))
        .contains("payscore.merchant-id: not set")
        .contains("payscore.merchant-serial-number: not set")
        .contains("payscore.private-key: not set")
        .contains("payscore.wechat-pay-public-key: not set, and no payscore.platform-certificates either"));
  }

  @Test
  void aMissingFileIsNamedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("apiclient_key.pem");
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withPropertyValues("payscore.private-key=file:" + missing)
        .run(context -> assertThat(problems(context))
            .contains("payscore.private-key: file not found: " + missing));
  }

  @Test
  void aPathWithoutPrefixIsNotTakenForAFileSilently() {
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withPropertyValues("payscore.wechat-pay-public-key=/etc/payscore/pub_key.pem")
        .run(context -> assertThat(problems(context))
            .contains("payscore.wechat-pay-public-key: resource not found: class path resource [etc/payscore/pub_key.pem]"
                + " (for a file on disk write file:/path/to/it)"));
  }

  @Test
  void aFileThatIsNotAKeyIsNamedWithoutQuotingIt() throws IOException {
    // The private key's place holds the public key: named, with what was expected; no key text.
    String publicPem = Files.readString(TestSandbox.publicKeyFile());
    String privateBase64 = Base64.getEncoder().encodeToString(
        TestSandbox.sandbox().merchantPrivateKey().getEncoded()).substring(100, 140);
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withPropertyValues("payscore.private-key=file:" + TestSandbox.publicKeyFile())
        .run(context -> assertThat(problems(context))
            .contains("payscore.private-key: " + TestSandbox.publicKeyFile() + " is not a private key")
            .doesNotContain(publicPem.substring(30, 90))
            .doesNotContain(privateBase64));
  }

  @Test
  void malformedSettingsAreEachNamed() {
    runner.withPropertyValues(TestSandbox.properties()).withPropertyValues(
            "payscore.merchant-id=19OO",
            "payscore.merchant-serial-number=not-hex",
            "payscore.wechat-pay-public-key-id=KEY1",
            "payscore.read-timeout=-1s",
            "payscore.verification-window=2h",
            "payscore.max-response-size=100B",
            "payscore.retry.enabled=true",
            "payscore.retry.max-attempts=11",
            "payscore.retry.initial-backoff=2s",
            "payscore.retry.max-backoff=1s",
            "payscore.notify.path=payscore/notify",
            "payscore.notify.max-body-size=100MB",
            "payscore.notify.deduplication.max-entries=0")
        .run(context -> assertThat(problems(context))
            .contains("payscore.merchant-id: must be digits")
            .contains("payscore.merchant-serial-number: must be the certificate serial in hex")
            .contains("payscore.wechat-pay-public-key-id: must be PUB_KEY_ID_ followed by digits")
            .contains("payscore.read-timeout: must be 0 (none) or more, got PT-1S")
            .contains("payscore.verification-window: must be 0 to 1 hour, got PT2H")
            .contains("payscore.max-response-size: must be at least 1KB, got 100B")
            .contains("payscore.retry.max-attempts: must be 1 to 10, got 11")
            .contains("payscore.retry.max-backoff: must be at least payscore.retry.initial-backoff")
            .contains("payscore.notify.path: must be a path starting with /")
            .contains("payscore.notify.max-body-size: must be 1KB to 16MB, got 100MB")
            .contains("payscore.notify.deduplication.max-entries: must be at least 1, got 0"));
  }

  @Test
  void aBaseUrlTheClientRefusesIsNamed() {
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withPropertyValues("payscore.base-url=http://example.com/")
        .run(context -> assertThat(problems(context))
            .contains("payscore.base-url: baseUrl must use https://"));
  }

  @Test
  void notifyEnabledWithoutTheApiV3KeyFailsNamingTheKey() {
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues("payscore.notify.enabled=true")
        .run(context -> assertThat(problems(context)).contains("payscore.api-v3-key: not set"));
  }

  @Test
  void retriesAreOnWhenEnabled() {
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues(
            "payscore.retry.enabled=true", "payscore.retry.initial-backoff=1ms", "payscore.retry.max-backoff=2ms")
        .run(context -> {
          String outOrderNo = newAcceptedOrder();
          int before = TestSandbox.sandbox().requestCount();
          TestSandbox.sandbox().injectFaults(Fault.SYSTEM_ERROR);

          var answer = context.getBean(PayafterOrdersApi.class)
              .queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute();

          assertThat(answer.body().getOutOrderNo()).isEqualTo(outOrderNo);
          assertThat(TestSandbox.sandbox().requestCount() - before).isEqualTo(2);
        });
  }

  @Test
  void bodiesAreLoggedOnlyWhenAskedFor() {
    int mark = CapturedLogs.mark();
    runner.withPropertyValues(TestSandbox.clientProperties()).run(context -> context.getBean(PayafterOrdersApi.class)
        .queryPayafterOrder(SERVICE_ID, APPID, newAcceptedOrder(), null).execute());
    String withoutBodies = CapturedLogs.since(mark);
    mark = CapturedLogs.mark();
    runner.withPropertyValues(TestSandbox.clientProperties()).withPropertyValues("payscore.log-bodies=true")
        .run(context -> context.getBean(PayafterOrdersApi.class)
            .queryPayafterOrder(SERVICE_ID, APPID, newAcceptedOrder(), null).execute());
    String withBodies = CapturedLogs.since(mark);

    assertThat(withoutBodies).contains("DEBUG dev.payscore.PayScoreClient: <-- 200 GET /v3/payscore/payafter-orders")
        .doesNotContain("\"finish_ticket\"");
    assertThat(withBodies).contains("\"finish_ticket\"");
  }

  @Test
  void customizersAdjustTheBuilderBeforeItIsBuilt() {
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withBean(PayScoreClientBuilderCustomizer.class, () -> builder -> builder.baseUrl("http://localhost:1/"))
        .run(context -> assertThat(context.getBean(PayScoreClient.class).baseUrl()).isEqualTo("http://localhost:1/"));
  }

  @Test
  void theApplicationsOwnClientIsUsedAndNoPropertyIsNeeded() {
    runner.withUserConfiguration(OwnClient.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(PayScoreClient.class);
      assertThat(context.getBean(PayScoreClient.class)).isSameAs(context.getBean(OwnClient.class).client);
      assertThat(context.getBean(PayafterOrdersApi.class)
          .queryPayafterOrder(SERVICE_ID, APPID, newAcceptedOrder(), null).execute().isSuccessful()).isTrue();
    });
  }

  @Test
  void theApplicationsOwnApiAndParserAreKept() {
    runner.withPropertyValues(TestSandbox.properties()).withUserConfiguration(OwnApiAndParser.class).run(context -> {
      assertThat(context.getBean(PayafterOrdersApi.class)).isSameAs(context.getBean(OwnApiAndParser.class).api);
      assertThat(context.getBean(NotificationParser.class)).isSameAs(context.getBean(OwnApiAndParser.class).parser);
    });
  }

  @Test
  void payscoreEnabledFalseSwitchesTheStarterOff() {
    runner.withPropertyValues("payscore.enabled=false").run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(PayScoreClient.class).doesNotHaveBean(PayafterOrdersApi.class)
        .doesNotHaveBean(PayScoreProperties.class));
  }

  @Test
  void theClientIsClosedWithTheContext() {
    PayScoreClient[] client = new PayScoreClient[1];
    runner.withPropertyValues(TestSandbox.clientProperties())
        .run(context -> client[0] = context.getBean(PayScoreClient.class));

    IOException closed = assertThrows(IOException.class, () -> client[0].payafterOrders()
        .queryPayafterOrder(SERVICE_ID, APPID, "ANY", null).execute());
    assertThat(closed).hasMessageContaining("PayScoreClient is closed");
  }

  @Test
  void theApiV3KeyIsMaskedWhenTheActuatorIsThere() {
    runner.withPropertyValues(TestSandbox.clientProperties()).run(context -> assertThat(context)
        .hasSingleBean(SanitizingFunction.class).getBean("payScoreSanitizingFunction")
        .isInstanceOf(PayScoreSanitizingFunction.class));
    runner.withPropertyValues(TestSandbox.clientProperties())
        .withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("payScoreSanitizingFunction"));
  }

  @Test
  void refundsAndUserServiceStateBeansCallTheSandbox() {
    runner.withPropertyValues(TestSandbox.clientProperties()).run(context -> {
      assertThat(context).hasSingleBean(RefundsApi.class).hasSingleBean(UserServiceStateApi.class);
      String openid = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" + ORDERS.incrementAndGet();
      TestSandbox.sandbox().setUserServiceState(openid, ServiceUseState.UNAVAILABLE);
      assertThat(context.getBean(UserServiceStateApi.class).queryUserServiceState(SERVICE_ID, APPID, openid)
          .execute().body().getUseServiceState()).isEqualTo(ServiceUseState.UNAVAILABLE);
      String outOrderNo = "PAID" + System.nanoTime() % 1_000_000_000L + "N" + ORDERS.incrementAndGet();
      String transactionId = TestSandbox.sandbox().createPaidOrder(outOrderNo, APPID, SERVICE_ID, 1000);
      Refund refund = context.getBean(RefundsApi.class).createRefund(CreateRefundRequest.builder()
          .transactionId(transactionId).outRefundNo(outOrderNo + "R").reason("test")
          .amount(RefundRequestAmount.builder().refund(300L).total(1000L).currency(RefundCurrency.CNY).build())
          .build()).execute().body();
      assertThat(refund.getStatus()).isEqualTo(RefundStatus.PROCESSING);
      assertThat(context.getBean(RefundsApi.class).queryRefund(outOrderNo + "R").execute().body().getRefundId())
          .isEqualTo(refund.getRefundId());
    });
  }

  @Test
  void theApplicationsOwnRefundAndUserServiceStateApisAreKept() {
    runner.withPropertyValues(TestSandbox.clientProperties()).withUserConfiguration(OwnRefundApis.class)
        .run(context -> {
          assertThat(context.getBean(RefundsApi.class)).isSameAs(context.getBean(OwnRefundApis.class).refunds);
          assertThat(context.getBean(UserServiceStateApi.class))
              .isSameAs(context.getBean(OwnRefundApis.class).userServiceState);
        });
  }

  @Test
  void theParserBeanIsTheClientsAndFollowsItsKeys() {
    runner.withPropertyValues(TestSandbox.properties()).run(context -> {
      PayScoreClient client = context.getBean(PayScoreClient.class);
      TestSandbox.Notification sent = TestSandbox.capture(PayScoreNotification.USER_PAID, newAcceptedOrder());
      NotificationParser parser = context.getBean(NotificationParser.class);
      assertThat(parser.parse(sent.headerSource(), sent.body())).isInstanceOf(PayScoreNotification.UserPaid.class);

      client.replaceVerifier(ResponseVerifier.builder().publicKey("PUB_KEY_ID_0114232134912410000000000001",
          otherKey()).build());
      WechatPaySignatureException refused = assertThrows(WechatPaySignatureException.class,
          () -> parser.parse(sent.headerSource(), sent.body()));
      assertThat(refused.getReason()).isEqualTo(WechatPaySignatureException.Reason.UNKNOWN_SERIAL);
    });
  }

  @Test
  void anOwnClientWithoutTheApiV3KeyGetsAParserThatAsksItForItsKeys() {
    runner.withPropertyValues("payscore.api-v3-key=" + TestSandbox.sandbox().apiV3Key())
        .withUserConfiguration(OwnClientWithoutApiV3Key.class).run(context -> {
          PayScoreClient client = context.getBean(PayScoreClient.class);
          assertThrows(IllegalStateException.class, client::notificationParser);
          TestSandbox.Notification sent = TestSandbox.capture(PayScoreNotification.USER_PAID, newAcceptedOrder());
          NotificationParser parser = context.getBean(NotificationParser.class);
          assertThat(parser.parse(sent.headerSource(), sent.body())).isInstanceOf(PayScoreNotification.UserPaid.class);

          client.replaceVerifier(ResponseVerifier.builder().publicKey("PUB_KEY_ID_0114232134912410000000000001",
              otherKey()).build());
          assertThrows(WechatPaySignatureException.class, () -> parser.parse(sent.headerSource(), sent.body()));
        });
  }

  @Test
  void autoPlatformCertificatesWithoutTheApiV3KeyFailsTheStartUpNamingBoth() {
    runner.withPropertyValues("payscore.merchant-id=1900000109",
            "payscore.merchant-serial-number=1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",
            "payscore.private-key=file:" + TestSandbox.privateKeyFile(),
            "payscore.auto-platform-certificates=true")
        .run(context -> assertThat(problems(context))
            .contains("payscore.auto-platform-certificates: needs payscore.api-v3-key")
            .doesNotContain("payscore.wechat-pay-public-key: not set"));
  }

  @Test
  void autoPlatformCertificatesReplaceThePublicKey() {
    runner.withPropertyValues("payscore.merchant-id=1900000109",
            "payscore.merchant-serial-number=1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C",
            "payscore.private-key=file:" + TestSandbox.privateKeyFile(),
            "payscore.api-v3-key=" + TestSandbox.sandbox().apiV3Key(),
            "payscore.auto-platform-certificates=true")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(NotificationParser.class);
          assertThat(context.getBean(PayScoreClient.class).toString()).contains("platform certificates not downloaded yet");
        });
  }

  /** An RSA public key nobody signs with. */
  static java.security.PublicKey otherKey() throws java.security.GeneralSecurityException {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair().getPublic();
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    final PayScoreClient client = TestSandbox.sandbox().clientBuilder().build();

    @Bean(destroyMethod = "close")
    PayScoreClient myClient() {
      return client;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnApiAndParser {
    final PayScoreClient client = TestSandbox.sandbox().clientBuilder().build();
    final PayafterOrdersApi api = client.payafterOrders();
    final NotificationParser parser = new NotificationParser(client.verifier(), TestSandbox.sandbox().apiV3Key());

    @Bean
    PayafterOrdersApi myApi() {
      return api;
    }

    @Bean
    NotificationParser myParser() {
      return parser;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRefundApis {
    final PayScoreClient client = TestSandbox.sandbox().clientBuilder().build();
    final RefundsApi refunds = client.refunds();
    final UserServiceStateApi userServiceState = client.userServiceState();

    @Bean
    RefundsApi myRefunds() {
      return refunds;
    }

    @Bean
    UserServiceStateApi myUserServiceState() {
      return userServiceState;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClientWithoutApiV3Key {
    @Bean(destroyMethod = "close")
    PayScoreClient myClient() {
      PayScoreSandbox sandbox = TestSandbox.sandbox();
      return PayScoreClient.builder().merchantId(sandbox.merchantId())
          .merchantSerialNumber(sandbox.merchantSerialNumber()).merchantPrivateKey(sandbox.merchantPrivateKey())
          .wechatPayPublicKey(sandbox.wechatPayPublicKeyId(), sandbox.wechatPayPublicKey())
          .baseUrl(sandbox.url()).build();
    }
  }
}
