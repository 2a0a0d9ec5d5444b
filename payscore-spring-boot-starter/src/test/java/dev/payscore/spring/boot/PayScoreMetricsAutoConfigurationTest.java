package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.api.RefundsApi;
import dev.payscore.api.UserServiceStateApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PayScoreMetricsAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(PayScoreMetricsAutoConfiguration.class, PayScoreAutoConfiguration.class))
      .withPropertyValues(TestSandbox.clientProperties());

  @Test
  void withAMeterRegistryTheApiIsTimed() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasSingleBean(PayScoreMetrics.class);
      PayafterOrdersApi api = context.getBean(PayafterOrdersApi.class);
      assertThat(Proxy.getInvocationHandler(api)).isInstanceOf(MeteredApi.class);

      api.queryPayafterOrder("500001", "wxd678efh567hg6787", PayScoreAutoConfigurationTest.newAcceptedOrder(), null)
          .execute();

      assertThat(context.getBean(MeterRegistry.class).find(MicrometerPayScoreMetrics.REQUESTS)
          .tag("operation", "queryPayafterOrder").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
    });
  }

  @Test
  void withAMeterRegistryTheRefundAndUserServiceStateApisAreTimedToo() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(Proxy.getInvocationHandler(context.getBean(RefundsApi.class))).isInstanceOf(MeteredApi.class);
      UserServiceStateApi api = context.getBean(UserServiceStateApi.class);
      assertThat(Proxy.getInvocationHandler(api)).isInstanceOf(MeteredApi.class);

      api.queryUserServiceState("500001", "wxd678efh567hg6787", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").execute();

      assertThat(context.getBean(MeterRegistry.class).find(MicrometerPayScoreMetrics.REQUESTS)
          .tag("operation", "queryUserServiceState").tag("outcome", "SUCCESS").timer().count()).isEqualTo(1);
    });
  }

  @Test
  void withoutAMeterRegistryNothingIsTimed() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(PayScoreMetrics.class);
      assertThat(Proxy.getInvocationHandler(context.getBean(PayafterOrdersApi.class)))
          .isNotInstanceOf(MeteredApi.class);
    });
  }

  @Test
  void withoutMicrometerNothingIsTimed() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PayScoreMetrics.class)
            .hasSingleBean(PayafterOrdersApi.class));
  }
}
