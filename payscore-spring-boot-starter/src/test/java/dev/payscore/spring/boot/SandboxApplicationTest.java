package dev.payscore.spring.boot;

import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.spring.boot.app.TestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The test application on a random port, configured by the test application.yml against the
 * shared sandbox. Subclasses share one context.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SandboxApplicationTest {
  static final String APPID = "wxd678efh567hg6787";
  static final String SERVICE_ID = "500001";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Autowired
  Environment environment;

  @DynamicPropertySource
  static void sandbox(DynamicPropertyRegistry registry) {
    for (Map.Entry<String, String> value : TestSandbox.values().entrySet()) {
      registry.add(value.getKey(), value::getValue);
    }
  }

  static PayScoreSandbox sandbox() {
    return TestSandbox.sandbox();
  }

  String url(String path) {
    return "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
  }

  String notifyUrl() {
    return url("/payscore/notify");
  }

  /** Delivers a captured notification to the application, as WeChat Pay would (again). */
  HttpResponse<String> deliver(TestSandbox.Notification notification) throws IOException, InterruptedException {
    return post(notifyUrl(), notification.headers(), notification.body());
  }

  static HttpResponse<String> post(String url, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
