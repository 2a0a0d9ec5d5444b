package dev.payscore.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A request the sandbox received, exactly as it arrived: for tests to assert on. Immutable.
 *
 * <p>As kept in {@link PayScoreSandbox#requests()}, its body may be cut: see {@link #bodyTruncated()}.
 */
public final class SandboxRequest {
  private final String method;
  private final String target;
  private final List<String[]> headers;
  private final byte[] body;
  private final boolean truncated;

  /** Takes the body array over: the caller must not change it afterwards. */
  SandboxRequest(String method, String target, List<String[]> headers, byte[] body) {
    this(method, target, Collections.unmodifiableList(new ArrayList<>(headers)), body, false);
  }

  private SandboxRequest(String method, String target, List<String[]> headers, byte[] body, boolean truncated) {
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
    this.truncated = truncated;
  }

  /** This request with its body cut to at most {@code maxBody} bytes (itself when it is not longer). */
  SandboxRequest cut(int maxBody) {
    if (body.length <= maxBody) {
      return this;
    }
    return new SandboxRequest(method, target, headers, Arrays.copyOf(body, maxBody), true);
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
   * Returns the body bytes as received, or their beginning when the sandbox cut them (see {@link
   * #bodyTruncated()}).
   *
   * @return a copy of the body; empty when there was none
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns whether the sandbox kept only the beginning of the body: the first 64 KiB of a request
   * whose signature verified, the first 1 KiB of any other.
   *
   * @return {@code true} when {@link #body()} is shorter than the body received
   */
  public boolean bodyTruncated() {
    return truncated;
  }

  /** The body itself, not a copy: for the sandbox's own checks. */
  byte[] bodyBytes() {
    return body;
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
    return method + ' ' + target + " (" + body.length + "-byte body" + (truncated ? ", cut)" : ")");
  }
}
