package dev.payscore;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a verified answer is about what the request asked: a validly signed answer can be
 * replayed within its window for another call, so where the answer carries {@code out_order_no},
 * {@code appid}, {@code service_id}, {@code mchid}, {@code openid}, {@code out_refund_no}, {@code
 * transaction_id} or {@code out_trade_no} and the request fixed that value (in the path, the query or
 * the body), they must be equal; and an order-status answer (it carries {@code state}) is never the
 * answer to a complete, cancel or sync call, whose answers do not.
 */
final class AnswerMatcher {
  private static final String[] FIXED = {"out_order_no", "appid", "service_id", "mchid", "openid",
      "out_refund_no", "transaction_id", "out_trade_no"};
  private static final String ACTIONS = "/v3/payscore/payafter-orders/";
  private static final String REFUND = "/v3/refund/domestic/refunds/";

  private AnswerMatcher() {
  }

  /**
   * Returns why the answer does not match the request, or {@code null} when it matches (or is not
   * a JSON object: reading it is the converter's job).
   */
  static @Nullable String mismatch(String merchantId, String method, HttpUrl url, byte[] requestBody,
      byte[] answer) {
    Map<String, String> answered = topLevelStrings(answer);
    if (answered == null) {
      return null;
    }
    Map<String, String> asked = topLevelStrings(requestBody);
    if (asked == null) {
      asked = new HashMap<>();
    }
    asked.put("mchid", merchantId);
    for (String name : url.queryParameterNames()) {
      String value = url.queryParameter(name);
      if (value != null) {
        asked.put(name, value);
      }
    }
    String path = url.encodedPath();
    int actions = path.indexOf(ACTIONS);
    if (actions >= 0) {
      java.util.List<String> segments = url.pathSegments();
      int index = segments.indexOf("payafter-orders");
      if (index >= 0 && index + 2 < segments.size()) {
        asked.put("out_order_no", segments.get(index + 1));
        if ("POST".equals(method) && answered.containsKey("state")) {
          return "the answer is an order's status (it carries state), not the answer to "
              + segments.get(index + 2);
        }
      }
    }
    int refund = path.indexOf(REFUND);
    if (refund >= 0) {
      java.util.List<String> segments = url.pathSegments();
      asked.put("out_refund_no", segments.get(segments.size() - 1));
    }
    for (String name : FIXED) {
      String expected = asked.get(name);
      String actual = answered.get(name);
      if (expected != null && actual != null && !expected.equals(actual)) {
        return "the answer's " + name + " is not the one the request fixed";
      }
    }
    return null;
  }

  /** The top-level string members of a JSON object; {@code null} when it is not one. */
  private static @Nullable Map<String, String> topLevelStrings(byte[] json) {
    if (json.length == 0) {
      return null;
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(json));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      Map<String, String> out = new HashMap<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (reader.peek() == JsonReader.Token.STRING) {
          out.put(name, reader.nextString());
        } else {
          reader.skipValue();
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
