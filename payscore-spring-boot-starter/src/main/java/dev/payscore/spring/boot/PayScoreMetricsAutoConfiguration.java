package dev.payscore.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Records payscore-client's calls and notifications on Micrometer when the application has a
 * {@link MeterRegistry}: a timer {@code payscore.client.requests} (tags {@code operation}, {@code
 * outcome}, {@code code}) and a counter {@code payscore.notifications} (tags {@code type}, {@code
 * outcome}).
 */
@AutoConfiguration(
    before = {PayScoreAutoConfiguration.class, PayScoreNotificationAutoConfiguration.class},
    afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "payscore", name = "enabled", havingValue = "true", matchIfMissing = true)
public class PayScoreMetricsAutoConfiguration {
  /** Creates the auto-configuration; Spring Boot does. */
  public PayScoreMetricsAutoConfiguration() {
  }

  @Bean
  @ConditionalOnMissingBean
  PayScoreMetrics payScoreMetrics(MeterRegistry registry) {
    return new MicrometerPayScoreMetrics(registry);
  }
}
