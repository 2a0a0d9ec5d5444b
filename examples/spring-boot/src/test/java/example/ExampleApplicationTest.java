package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application's ride against the sandbox: its calls signed and verified, both notifications received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.banner-mode=off", "logging.level.root=OFF"})
@Import(SandboxConfiguration.class)
class ExampleApplicationTest {
  @Autowired
  Rides rides;

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    for (Map.Entry<String, String> property : ExampleSandbox.properties().entrySet()) {
      registry.add(property.getKey(), property::getValue);
    }
  }

  @Test
  void aRideGoesFromCreatedToPaid() throws Exception {
    rides.start("RIDE1");
    assertThat(rides.state("RIDE1")).isEqualTo("CREATED");

    ExampleSandbox.sandbox().acceptOrder("RIDE1");
    assertThat(rides.state("RIDE1")).isEqualTo("ACCEPTED");

    rides.finish("RIDE1", 400);
    assertThat(ExampleSandbox.sandbox().orderState("RIDE1")).isEqualTo("FINISHED");

    ExampleSandbox.sandbox().userPays("RIDE1");
    assertThat(rides.state("RIDE1")).isEqualTo("PAID");
  }
}
