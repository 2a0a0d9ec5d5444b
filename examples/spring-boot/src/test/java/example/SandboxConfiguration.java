package example;

import dev.payscore.sandbox.PayScoreSandbox;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only beans: the sandbox, told to post its notifications to this application once it is up,
 * and two URLs that play the user: POST /sandbox/rides/{no}/accept and /sandbox/rides/{no}/pay.
 */
@TestConfiguration(proxyBeanMethods = false)
class SandboxConfiguration {
  @Bean(destroyMethod = "")
  PayScoreSandbox sandbox() {
    return ExampleSandbox.sandbox();
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> notifyThisApplication(PayScoreSandbox sandbox) {
    return ready -> sandbox.notifyTo("http://127.0.0.1:"
        + ready.getApplicationContext().getEnvironment().getProperty("local.server.port") + "/payscore/notify");
  }

  @RestController
  static class UserController {
    private final PayScoreSandbox sandbox;

    UserController(PayScoreSandbox sandbox) {
      this.sandbox = sandbox;
    }

    @PostMapping("/sandbox/rides/{outOrderNo}/accept")
    void accept(@PathVariable String outOrderNo) {
      sandbox.acceptOrder(outOrderNo);
    }

    @PostMapping("/sandbox/rides/{outOrderNo}/pay")
    void pay(@PathVariable String outOrderNo) {
      sandbox.userPays(outOrderNo);
    }
  }
}
