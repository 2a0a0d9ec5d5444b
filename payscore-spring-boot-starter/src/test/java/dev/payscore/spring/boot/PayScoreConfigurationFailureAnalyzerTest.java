package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;

/** A start-up that fails on the properties ends in Spring Boot's report naming them. */
class PayScoreConfigurationFailureAnalyzerTest {
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(PayScoreAutoConfiguration.class)
  static class Application {
  }

  @Test
  void theStartUpReportNamesTheMissingPropertyAndTheWayOut() {
    String[] args = Stream.concat(
            Arrays.stream(TestSandbox.properties()).filter(p -> !p.startsWith("payscore.private-key=")),
            Stream.of("spring.config.name=no-application-yml", "spring.main.banner-mode=off"))
        .map(p -> "--" + p).toArray(String[]::new);
    int mark = CapturedLogs.mark();

    assertThrows(RuntimeException.class, () -> new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE).run(args));

    assertThat(CapturedLogs.since(mark)).contains("APPLICATION FAILED TO START")
        .contains("PayScore is not configured correctly:\n - payscore.private-key: not set")
        .contains("or set payscore.enabled=false to switch the PayScore starter off")
        .doesNotContain(TestSandbox.sandbox().apiV3Key());
  }

  @Test
  void theStartUpReportNamesAutoPlatformCertificatesWithoutTheApiV3Key() {
    String[] args = Stream.concat(
            Arrays.stream(TestSandbox.clientProperties())
                .filter(p -> !p.startsWith("payscore.wechat-pay-public-key")),
            Stream.of("payscore.auto-platform-certificates=true", "spring.config.name=no-application-yml",
                "spring.main.banner-mode=off"))
        .map(p -> "--" + p).toArray(String[]::new);
    int mark = CapturedLogs.mark();

    assertThrows(RuntimeException.class, () -> new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE).run(args));

    assertThat(CapturedLogs.since(mark)).contains("APPLICATION FAILED TO START")
        .contains(" - payscore.auto-platform-certificates: needs payscore.api-v3-key")
        .doesNotContain("payscore.wechat-pay-public-key: not set");
  }
}
