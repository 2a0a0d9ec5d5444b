package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.testing.Secrets;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running application's actuator (values shown, as an operator might set it): the APIv3 key is
 * masked in env and configprops, no key material appears, the client's timer is published.
 */
class PayScoreActuatorTest extends SandboxApplicationTest {
  @Autowired
  PayafterOrdersApi orders;

  @Test
  void envShowsThePropertiesButNotTheApiV3Key() throws Exception {
    HttpResponse<String> env = get(url("/actuator/env"));
    HttpResponse<String> key = get(url("/actuator/env/payscore.api-v3-key"));

    assertThat(env.statusCode()).isEqualTo(200);
    assertThat(env.body()).contains(sandbox().merchantSerialNumber()).contains("payscore.api-v3-key")
        .doesNotContain(sandbox().apiV3Key());
    assertThat(key.statusCode()).isEqualTo(200);
    assertThat(key.body()).contains("******").doesNotContain(sandbox().apiV3Key());
    assertNoSecret(env.body() + key.body());
  }

  @Test
  void configpropsShowsTheSettingsButNotTheApiV3Key() throws Exception {
    HttpResponse<String> configprops = get(url("/actuator/configprops/payscore"));

    assertThat(configprops.statusCode()).isEqualTo(200);
    assertThat(configprops.body()).contains(sandbox().merchantSerialNumber()).contains("\"apiV3Key\":\"******\"")
        .doesNotContain(sandbox().apiV3Key());
    assertNoSecret(configprops.body());
  }

  @Test
  void theClientsTimerIsPublished() throws Exception {
    orders.queryPayafterOrder(SERVICE_ID, APPID, PayScoreAutoConfigurationTest.newAcceptedOrder(), null).execute();

    HttpResponse<String> timer = get(url("/actuator/metrics/payscore.client.requests?tag=outcome:SUCCESS"));

    assertThat(timer.statusCode()).isEqualTo(200);
    assertThat(timer.body()).contains("\"operation\"").contains("queryPayafterOrder");
  }

  private static void assertNoSecret(String text) {
    for (String secret : Secrets.known()) {
      assertThat(text).doesNotContain(secret);
    }
  }
}
