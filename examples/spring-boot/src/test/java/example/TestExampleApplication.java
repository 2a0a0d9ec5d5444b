package example;

import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The application against the embedded sandbox ({@code mvn spring-boot:test-run}): it starts with
 * the sandbox's URL and keys, plays one ride through the whole lifecycle, then keeps serving on
 * port 8080 (or --server.port) until stopped.
 */
public class TestExampleApplication {
  private static final Logger log = LoggerFactory.getLogger(TestExampleApplication.class);

  public static void main(String[] args) {
    String[] sandbox = ExampleSandbox.properties().entrySet().stream()
        .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
    SpringApplication.from(ExampleApplication::main)
        .with(SandboxConfiguration.class, DemoRide.class)
        .run(Stream.concat(Arrays.stream(sandbox), Arrays.stream(args)).toArray(String[]::new));
  }

  /** Plays one ride once the application is up: create, accept, complete, pay. */
  @TestConfiguration(proxyBeanMethods = false)
  static class DemoRide {
    @Bean
    ApplicationListener<ApplicationReadyEvent> playOneRide(Rides rides) {
      return ready -> {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
        String ride = "RIDE" + System.currentTimeMillis() % 100_000_000L;
        ExampleSandbox.sandbox().notifyTo("http://127.0.0.1:" + port + "/payscore/notify");
        try {
          rides.start(ride);
          ExampleSandbox.sandbox().acceptOrder(ride);   // the user accepts in WeChat: USER_ACCEPTED
          rides.finish(ride, 400);
          ExampleSandbox.sandbox().userPays(ride);      // WeChat Pay collects: USER_PAID
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        log.info("ride {} is {}. Try another one on http://127.0.0.1:{}:", ride, rides.state(ride), port);
        log.info("  curl -X POST http://127.0.0.1:{}/rides/R2; curl -X POST http://127.0.0.1:{}/sandbox/rides/R2/accept", port, port);
        log.info("  curl -X POST 'http://127.0.0.1:{}/rides/R2/finish?fare=300'; curl -X POST http://127.0.0.1:{}/sandbox/rides/R2/pay", port, port);
        log.info("  curl http://127.0.0.1:{}/rides/R2; stop with Ctrl-C", port);
      };
    }
  }
}
