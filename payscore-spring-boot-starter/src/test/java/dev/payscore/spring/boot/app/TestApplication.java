package dev.payscore.spring.boot.app;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under test: the starter's beans, a listener of the notification events, and,
 * like many real applications, a filter that re-serialises every JSON request body (order 0).
 */
@SpringBootApplication
public class TestApplication {
  /** Re-serialises JSON bodies: parsed and written again, indented, numbers as doubles. */
  @Bean
  FilterRegistrationBean<Filter> reserialisingFilter() {
    JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class).indent("  ");
    Filter filter = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String contentType = http.getContentType();
      if (!"POST".equals(http.getMethod()) || contentType == null || !contentType.startsWith("application/json")) {
        chain.doFilter(request, response);
        return;
      }
      String original = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      byte[] rewritten = json.toJson(json.fromJson(original)).getBytes(StandardCharsets.UTF_8);
      chain.doFilter(new HttpServletRequestWrapper(http) {
        @Override
        public ServletInputStream getInputStream() {
          ByteArrayInputStream in = new ByteArrayInputStream(rewritten);
          return new ServletInputStream() {
            @Override
            public int read() {
              return in.read();
            }

            @Override
            public boolean isFinished() {
              return in.available() == 0;
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
              throw new UnsupportedOperationException();
            }
          };
        }

        @Override
        public BufferedReader getReader() {
          return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
          return rewritten.length;
        }

        @Override
        public long getContentLengthLong() {
          return rewritten.length;
        }
      }, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(0);
    return registration;
  }

  /** Answers with the body as the application's controllers see it (after the filters). */
  @RestController
  static class EchoController {
    @PostMapping(path = "/echo", consumes = "application/json")
    byte[] echo(@RequestBody byte[] body) {
      return body;
    }
  }
}
