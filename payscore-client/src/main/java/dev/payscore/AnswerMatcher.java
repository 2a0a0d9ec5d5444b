package dev.payscore;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
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
  /** The members compared, and {@code state}; their indexes in the arrays below. */
  private static final String[] NAMES = {"out_order_no", "appid", "service_id", "mchid", "openid",
      "out_refund_no", "transaction_id", "out_trade_no", "state"};
  private static final int OUT_ORDER_NO = 0;
  private static final int MCHID = 3;
  private static final int OUT_REFUND_NO = 5;
  private static final int STATE = 8;
  private static final int FIXED = 8; // all but state are the fixed ones
  private static final JsonReader.Options OPTIONS = JsonReader.Options.of(NAMES);
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
    String[] answered = topLevelStrings(answer);
    if (answered == null) {
      return null;
    }
    String[] asked = topLevelStrings(requestBody);
    if (asked == null) {
      asked = new String[NAMES.length];
    }
    asked[MCHID] = merchantId;
    if (url.querySize() > 0) {
      for (int i = 0; i < FIXED; i++) {
        String value = url.queryParameter(NAMES[i]); // the first value given
        if (value != null) {
          asked[i] = value;
        }
      }
    }
    String path = url.encodedPath();
    int actions = path.indexOf(ACTIONS);
    if (actions >= 0) {
      java.util.List<String> segments = url.pathSegments();
      int index = segments.indexOf("payafter-orders");
      if (index >= 0 && index + 2 < segments.size()) {
        asked[OUT_ORDER_NO] = segments.get(index + 1);
        if ("POST".equals(method) && answered[STATE] != null) {
          return "the answer is an order's status (it carries state), not the answer to "
              + segments.get(index + 2);
        }
      }
    }
    if (path.indexOf(REFUND) >= 0) {
      java.util.List<String> segments = url.pathSegments();
      asked[OUT_REFUND_NO] = segments.get(segments.size() - 1);
    }
    for (int i = 0; i < FIXED; i++) {
      String expected = asked[i];
      String actual = answered[i];
      if (expected != null && actual != null && !expected.equals(actual)) {
        return "the answer's " + NAMES[i] + " is not the one the request fixed";
      }
    }
    return null;
  }

  /**
   * The top-level string members of a JSON object that {@link #NAMES} lists, by index (the last one
   * when a name repeats; members of other types are not recorded); {@code null} when it is not an
   * object. Other members are skipped without being decoded.
   */
  private static String @Nullable [] topLevelStrings(byte[] json) {
    if (json.length == 0) {
      return null;
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(json));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      String[] out = new String[NAMES.length];
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(OPTIONS);
        if (index < 0) {
          reader.skipName();
          reader.skipValue();
        } else if (reader.peek() == JsonReader.Token.STRING) {
          out[index] = reader.nextString();
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
