package dev.payscore.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A request the sandbox received, exactly as it arrived: for tests to assert on. Immutable. */
public final class SandboxRequest {
  private final String method;
  private final String target;
  private final List<String[]> headers;
  private final byte[] body;

  SandboxRequest(String method, String target, List<String[]> headers, byte[] body) {
    this.method = method;
    this.target = target;
    this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
    this.body = body.clone();
  }

  /**
   * Returns the HTTP method.
   *
   * @return e.g. {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the request target as on the request line: the raw, still-encoded path and query.
   *
   * @return e.g. {@code /v3/payscore/payafter-orders/A%7CB/complete}
   */
  public String target() {
    return target;
  }

  /**
   * Returns the first value of a header, matched case-insensitively.
   *
   * @param name the header name
   * @return the value, or {@code null}
   */
  public @Nullable String header(String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }

  /**
   * Returns every value of a header, matched case-insensitively.
   *
   * @param name the header name
   * @return the values in order
   */
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (String[] header : headers) {
      if (header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        values.add(header[1]);
      }
    }
    return values;
  }

  /**
   * Returns the body bytes as received.
   *
   * @return a copy of the body; empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the body as UTF-8 text.
   *
   * @return the body text
   */
  public String bodyUtf8() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Returns the request line, without headers or body (which may hold personal data). */
  @Override
  public String toString() {
    return method + ' ' + target + " (" + body.length + "-byte body)";
  }
}
