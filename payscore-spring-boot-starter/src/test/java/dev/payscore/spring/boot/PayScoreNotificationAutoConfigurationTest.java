package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/** When the notification endpoint is there, and which of its beans the application can replace. */
class PayScoreNotificationAutoConfigurationTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PayScoreAutoConfiguration.class,
          PayScoreNotificationAutoConfiguration.class));

  @SuppressWarnings("unchecked")
  static FilterRegistrationBean<Filter> endpoint(org.springframework.context.ApplicationContext context) {
    return (FilterRegistrationBean<Filter>) context.getBean("payScoreNotificationFilter");
  }

  @Test
  void onWithTheApiV3KeyInAServletApplication() {
    web.withPropertyValues(TestSandbox.properties()).run(context -> {
      assertThat(context).hasSingleBean(NotificationDeduplicator.class)
          .hasSingleBean(PayScoreNotificationHandler.class).hasBean("payScoreNotificationFilter");
      FilterRegistrationBean<Filter> endpoint = endpoint(context);
      assertThat(endpoint.getUrlPatterns()).containsExactly("/payscore/notify");
      assertThat(endpoint.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 10);
      assertThat(endpoint.getFilter()).isInstanceOf(PayScoreNotificationFilter.class);
      assertThat(context.getBean(NotificationDeduplicator.class)).isInstanceOf(InMemoryNotificationDeduplicator.class);
      assertThat(context.getBean(PayScoreNotificationHandler.class)).isInstanceOf(EventPublishingNotificationHandler.class);
    });
  }

  @Test
  void pathAndOrderComeFromTheProperties() {
    web.withPropertyValues(TestSandbox.properties())
        .withPropertyValues("payscore.notify.path=/wechat/payscore", "payscore.notify.filter-order=-50")
        .run(context -> {
          assertThat(endpoint(context).getUrlPatterns()).containsExactly("/wechat/payscore");
          assertThat(endpoint(context).getOrder()).isEqualTo(-50);
        });
  }

  @Test
  void offWithoutTheApiV3Key() {
    web.withPropertyValues(TestSandbox.clientProperties()).run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(NotificationDeduplicator.class).doesNotHaveBean("payScoreNotificationFilter"));
  }

  @Test
  void offWhenSwitchedOff() {
    web.withPropertyValues(TestSandbox.properties()).withPropertyValues("payscore.notify.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(NotificationParser.class)
            .doesNotHaveBean(NotificationDeduplicator.class).doesNotHaveBean("payScoreNotificationFilter"));
  }

  @Test
  void offOutsideAServletApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PayScoreAutoConfiguration.class,
            PayScoreNotificationAutoConfiguration.class))
        .withPropertyValues(TestSandbox.properties())
        .run(context -> assertThat(context).hasSingleBean(NotificationParser.class)
            .doesNotHaveBean("payScoreNotificationFilter"));
    web.withPropertyValues(TestSandbox.properties()).withClassLoader(new FilteredClassLoader(Filter.class))
        .run(context -> assertThat(context).doesNotHaveBean("payScoreNotificationFilter"));
  }

  @Test
  void onWithTheApplicationsOwnClientAndParserAndNoPayscoreProperties() {
    web.withUserConfiguration(OwnParser.class)
        .run(context -> assertThat(context).hasNotFailed().hasBean("payScoreNotificationFilter"));
  }

  @Test
  void theApplicationsOwnDeduplicatorHandlerAndFilterAreKept() {
    web.withPropertyValues(TestSandbox.properties()).withUserConfiguration(OwnBeans.class).run(context -> {
      assertThat(context.getBean(NotificationDeduplicator.class)).isSameAs(OwnBeans.DEDUPLICATOR);
      assertThat(context.getBean(PayScoreNotificationHandler.class)).isSameAs(OwnBeans.HANDLER);
      assertThat(endpoint(context).getFilter()).isSameAs(OwnBeans.FILTER);
    });
  }

  @Test
  void theDefaultHandlerPublishesTheTypedNotification() throws Exception {
    web.withPropertyValues(TestSandbox.properties()).withUserConfiguration(Listener.class).run(context -> {
      TestSandbox.Notification sent = TestSandbox.capture(PayScoreNotification.USER_ACCEPTED,
          PayScoreAutoConfigurationTest.newAcceptedOrder());
      PayScoreNotification notification = context.getBean(NotificationParser.class)
          .parse(sent.headerSource(), sent.body());

      context.getBean(PayScoreNotificationHandler.class).handle(notification);

      Listener listener = context.getBean(Listener.class);
      assertThat(listener.accepted).containsExactly(notification);
      assertThat(listener.paid).isEmpty();
    });
  }

  @Test
  void theDeduplicationPropertiesReachTheDefaultDeduplicator() {
    web.withPropertyValues(TestSandbox.properties()).withPropertyValues(
            "payscore.notify.deduplication.max-entries=2", "payscore.notify.deduplication.ttl=1h")
        .run(context -> assertThat(context.getBean(NotificationDeduplicator.class))
            .hasToString("InMemoryNotificationDeduplicator{maxEntries=2, ttl=PT1H}"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnParser {
    @Bean(destroyMethod = "close")
    dev.payscore.PayScoreClient client() {
      return TestSandbox.sandbox().clientBuilder().build();
    }

    @Bean
    NotificationParser parser(dev.payscore.PayScoreClient client) {
      return new NotificationParser(client.verifier(), TestSandbox.sandbox().apiV3Key());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final NotificationDeduplicator DEDUPLICATOR = new NotificationDeduplicator() {
      @Override
      public Claim claim(String notificationId) {
        return Claim.NEW;
      }

      @Override
      public void processed(String notificationId) {
      }

      @Override
      public void release(String notificationId) {
      }
    };
    static final PayScoreNotificationHandler HANDLER = notification -> { };
    static final Filter FILTER = (request, response, chain) -> chain.doFilter(request, response);

    @Bean
    NotificationDeduplicator myDeduplicator() {
      return DEDUPLICATOR;
    }

    @Bean
    PayScoreNotificationHandler myHandler() {
      return HANDLER;
    }

    @Bean
    FilterRegistrationBean<Filter> payScoreNotificationFilter() {
      return new FilterRegistrationBean<>(FILTER);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Listener {
    final List<PayScoreNotification> accepted = new ArrayList<>();
    final List<PayScoreNotification> paid = new ArrayList<>();

    @EventListener
    void accepted(PayScoreNotification.UserAccepted notification) {
      accepted.add(notification);
    }

    @EventListener
    void paid(PayScoreNotification.UserPaid notification) {
      paid.add(notification);
    }
  }
}
