package dev.payscore.spring.boot;

import dev.payscore.notify.NotificationParser;
import jakarta.servlet.Filter;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * The notification endpoint of a servlet web application, on when there is a {@link
 * NotificationParser} (that is, when {@code payscore.api-v3-key} is set) unless {@code
 * payscore.notify.enabled=false}: {@code POST payscore.notify.path} (default {@code
 * /payscore/notify}) verifies and decrypts the raw body, deduplicates by notification id through
 * the {@link NotificationDeduplicator} and hands each new notification to the {@link
 * PayScoreNotificationHandler} (by default: published as an application event). It answers 204
 * once the handler returned, 500 when it threw, 401 when the signature did not verify.
 */
@AutoConfiguration(after = PayScoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Filter.class)
@ConditionalOnProperty(prefix = "payscore", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "payscore.notify", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(NotificationParser.class)
@EnableConfigurationProperties(PayScoreProperties.class)
public class PayScoreNotificationAutoConfiguration {
  private static final Log log = LogFactory.getLog(PayScoreNotificationAutoConfiguration.class);

  /** Creates the auto-configuration; Spring Boot does. */
  public PayScoreNotificationAutoConfiguration() {
  }

  @Bean
  @ConditionalOnMissingBean
  NotificationDeduplicator payScoreNotificationDeduplicator(PayScoreProperties properties) {
    PayScoreProperties.Deduplication deduplication = properties.getNotify().getDeduplication();
    return new InMemoryNotificationDeduplicator(deduplication.getMaxEntries(), deduplication.getTtl(),
        Clock.systemUTC());
  }

  @Bean
  @ConditionalOnMissingBean
  PayScoreNotificationHandler payScoreNotificationHandler(ApplicationEventPublisher publisher) {
    return new EventPublishingNotificationHandler(publisher);
  }

  @Bean
  @ConditionalOnMissingBean(name = "payScoreNotificationFilter")
  FilterRegistrationBean<Filter> payScoreNotificationFilter(PayScoreProperties properties,
      ResourceLoader resourceLoader, NotificationParser parser, NotificationDeduplicator deduplicator,
      PayScoreNotificationHandler handler, ObjectProvider<PayScoreMetrics> metrics) {
    PayScoreSettings settings = new PayScoreSettings(properties, resourceLoader);
    int maxBodyBytes = settings.maxNotificationBytes();
    PayScoreMetrics recorder = metrics.getIfUnique(() -> PayScoreMetrics.NONE);
    String path = properties.getNotify().getPath();
    PayScoreNotificationFilter filter = new PayScoreNotificationFilter(path, maxBodyBytes,
        new NotificationProcessor(parser, deduplicator, handler, recorder), recorder);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("payScoreNotificationFilter");
    registration.addUrlPatterns(path);
    registration.setOrder(properties.getNotify().getFilterOrder());
    log.info("PayScore notifications: POST " + path + " (" + deduplicator + ", " + handler.getClass().getSimpleName()
        + ")");
    return registration;
  }
}
