package dev.payscore.spring.boot;

import dev.payscore.auth.HeaderSource;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * The notification endpoint, as a servlet filter ahead of the application's own filters: it reads
 * the exact body bytes received (up to a limit), hands them and the headers to the {@link
 * NotificationProcessor}, and answers with its outcome. Requests to other paths pass through.
 */
final class PayScoreNotificationFilter implements Filter {
  private final String path;
  private final long maxBodyBytes;
  private final NotificationProcessor processor;
  private final PayScoreMetrics metrics;

  PayScoreNotificationFilter(String path, long maxBodyBytes, NotificationProcessor processor,
      PayScoreMetrics metrics) {
    this.path = path;
    this.maxBodyBytes = maxBodyBytes;
    this.processor = processor;
    this.metrics = metrics;
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    if (!(servletRequest instanceof HttpServletRequest request)
        || !(servletResponse instanceof HttpServletResponse response)
        || !path.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      chain.doFilter(servletRequest, servletResponse);
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      answer(response, 405, "{\"code\":\"FAIL\",\"message\":\"only POST\"}");
      return;
    }
    byte[] body = readBody(request);
    NotificationOutcome outcome;
    if (body == null) {
      outcome = NotificationOutcome.TOO_LARGE;
      metrics.notification(NotificationProcessor.UNVERIFIED, outcome);
    } else {
      outcome = processor.process(headers(request), body);
    }
    answer(response, outcome.status(), outcome.failureBody());
  }

  /** The exact bytes received, or {@code null} when there are more than the limit. */
  private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      return null;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
    byte[] buffer = new byte[8192];
    InputStream in = request.getInputStream();
    for (int read; (read = in.read(buffer)) != -1; ) {
      if (body.size() + read > maxBodyBytes) {
        return null;
      }
      body.write(buffer, 0, read);
    }
    return body.toByteArray();
  }

  private static void answer(HttpServletResponse response, int status, @Nullable String json) throws IOException {
    response.setStatus(status);
    if (json != null) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      response.setContentType("application/json;charset=UTF-8");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  /** Adapts servlet headers; names are matched case-insensitively by the container. */
  static HeaderSource headers(HttpServletRequest request) {
    return name -> Collections.list(request.getHeaders(name));
  }

  @Override
  public String toString() {
    return "PayScoreNotificationFilter{POST " + path + "}";
  }
}
