package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a response or notification, looked up by name <em>case-insensitively</em>, as
 * HTTP requires (a proxy may lower-case {@code Wechatpay-Signature}).
 *
 * <p>Adapt your framework's headers with a lambda, or use {@link #of(Map)}:
 *
 * <pre>{@code
 * HeaderSource headers = name -> Collections.list(servletRequest.getHeaders(name));
 * }</pre>
 */
public interface HeaderSource {
  /**
   * Returns every value of a header.
   *
   * @param name the header name, matched case-insensitively
   * @return the values in order; empty when the header is absent
   */
  List<String> values(String name);

  /**
   * Adapts a map of header names to values, matching names case-insensitively.
   *
   * @param headers header names to their values
   * @return a header source over a snapshot of the map
   */
  static HeaderSource of(Map<String, ? extends List<String>> headers) {
    requireNonNull(headers, "headers == null");
    final Map<String, List<String>> byLowerName = new java.util.HashMap<>();
    for (Map.Entry<String, ? extends List<String>> entry : headers.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        continue;
      }
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      List<String> values = byLowerName.get(key);
      if (values == null) {
        values = new ArrayList<>();
        byLowerName.put(key, values);
      }
      values.addAll(entry.getValue());
    }
    return new HeaderSource() {
      @Override
      public List<String> values(String name) {
        List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return values == null
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(values);
      }
    };
  }
}
