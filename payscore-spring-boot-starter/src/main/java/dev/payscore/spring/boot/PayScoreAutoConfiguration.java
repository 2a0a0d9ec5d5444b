package dev.payscore.spring.boot;

import dev.payscore.PayScoreClient;
import dev.payscore.PayScoreLogger;
import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.api.RefundsApi;
import dev.payscore.api.UserServiceStateApi;
import dev.payscore.notify.NotificationParser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configures payscore-client from the {@code payscore.*} properties: the {@link
 * PayScoreClient} (closed with the context), its {@link PayafterOrdersApi}, {@link RefundsApi} and
 * {@link UserServiceStateApi} (timed when Micrometer is there) and, when {@code payscore.api-v3-key}
 * is set, the {@link NotificationParser}, which verifies with the client's keys in force (following
 * certificate rotation with {@code payscore.auto-platform-certificates}). Each bean
 * backs off when the application defines its own. {@code payscore.enabled=false} switches it off.
 */
@AutoConfiguration
@ConditionalOnClass(PayScoreClient.class)
@ConditionalOnProperty(prefix = "payscore", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PayScoreProperties.class)
public class PayScoreAutoConfiguration {
  private static final Log clientLog = LogFactory.getLog(PayScoreClient.class);

  /** Creates the auto-configuration; Spring Boot does. */
  public PayScoreAutoConfiguration() {
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  PayScoreClient payScoreClient(PayScoreProperties properties, ResourceLoader resourceLoader,
      ObjectProvider<PayScoreClientBuilderCustomizer> customizers) {
    PayScoreLogger logger = line -> {
      if (clientLog.isDebugEnabled()) {
        clientLog.debug(line);
      }
    };
    PayScoreClient.Builder builder = new PayScoreSettings(properties, resourceLoader).clientBuilder(logger);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return PayScoreSettings.build(builder);
  }

  @Bean
  @ConditionalOnMissingBean
  PayafterOrdersApi payafterOrdersApi(PayScoreClient client, ObjectProvider<PayScoreMetrics> metrics) {
    PayScoreMetrics recorder = metrics.getIfUnique();
    return recorder == null
        ? client.payafterOrders()
        : MeteredApi.of(PayafterOrdersApi.class, client.payafterOrders(), recorder);
  }

  @Bean
  @ConditionalOnMissingBean
  RefundsApi refundsApi(PayScoreClient client, ObjectProvider<PayScoreMetrics> metrics) {
    PayScoreMetrics recorder = metrics.getIfUnique();
    return recorder == null ? client.refunds() : MeteredApi.of(RefundsApi.class, client.refunds(), recorder);
  }

  @Bean
  @ConditionalOnMissingBean
  UserServiceStateApi userServiceStateApi(PayScoreClient client, ObjectProvider<PayScoreMetrics> metrics) {
    PayScoreMetrics recorder = metrics.getIfUnique();
    return recorder == null
        ? client.userServiceState()
        : MeteredApi.of(UserServiceStateApi.class, client.userServiceState(), recorder);
  }

  /**
   * The client's own parser ({@link PayScoreClient#notificationParser(int)}), which verifies with the
   * keys in force and learns rotated certificates. An application's own client built without the
   * APIv3 key gets a parser that still asks that client for its keys at each notification.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "payscore", name = "api-v3-key")
  NotificationParser payScoreNotificationParser(PayScoreClient client, PayScoreProperties properties,
      ResourceLoader resourceLoader) {
    PayScoreSettings settings = new PayScoreSettings(properties, resourceLoader);
    String apiV3Key = settings.apiV3Key();
    int maxBodyBytes = settings.maxNotificationBytes();
    try {
      return client.notificationParser(maxBodyBytes);
    } catch (IllegalStateException noKey) { // the application's own client, without apiV3Key(...)
      return new NotificationParser((headers, body) -> client.verifier().verify(headers, body), apiV3Key,
          maxBodyBytes);
    }
  }

  /** Masks {@code payscore.api-v3-key} in the actuator's env and configprops endpoints. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class ActuatorConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "payScoreSanitizingFunction")
    SanitizingFunction payScoreSanitizingFunction(ObjectProvider<PayScoreProperties> properties) {
      return new PayScoreSanitizingFunction(() -> {
        PayScoreProperties bound = properties.getIfAvailable();
        return bound == null ? null : bound.getApiV3Key();
      });
    }
  }
}
