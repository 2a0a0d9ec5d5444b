package dev.payscore.internal.json;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON request body into a model strictly: the value returned is exactly what the bytes
 * say, or nothing is returned. Not part of the API (the CLI and the sandbox use it). Immutable and
 * thread-safe.
 *
 * <p>Refused, each as the first {@link Violation} found, a JSON pointer (RFC 6901) and a rule:
 *
 * <ul>
 *   <li>bytes that are not UTF-8 (overlong forms, encoded surrogates, truncated sequences);
 *   <li>anything that is not plain JSON (RFC 8259): comments, single quotes, trailing commas, data
 *       after the value, an empty body;
 *   <li>raw control characters (U+0000 to U+001F) inside strings, and unpaired surrogates, escaped
 *       (<code>"&#92;ud800"</code>) or raw;
 *   <li>{@code null} anywhere (APIv3 forbids it: absent fields are omitted), and a name given twice;
 *   <li>nesting deeper than {@link #MAX_DEPTH};
 *   <li>whatever the model's adapter refuses (a missing required field, an object where a string
 *       belongs, ...); a {@code Long} or {@code Integer} must be written with digits only ({@code
 *       1.5}, {@code 1e2} and {@code "39500"} are refused);
 *   <li>whatever the model would not send back as given: an unknown field (the model would drop
 *       it), a string where the model has a number or a number where it has a string, a number the
 *       model cannot hold exactly.
 * </ul>
 *
 * <p>It runs in time linear in the input: its own one-pass reader first, then the model's adapters
 * over a streamed source (Moshi's reader is quadratic in leading whitespace over a fully loaded
 * buffer, and parses a long through {@code BigDecimal}, quadratic in the digits; whole numbers are
 * read here instead), then one walk comparing what was read with what the model writes back. It does
 * not limit the input's size: the caller does. Rules never quote string values (they may be
 * personal data).
 */
public final class StrictJson {
  /** The deepest nesting of objects and arrays accepted: 32 (the contract's models need 3). */
  public static final int MAX_DEPTH = 32;

  private static final Charset ASCII = Charset.forName("US-ASCII");

  private final Moshi moshi;

  /**
   * Creates a reader that binds with {@code moshi}'s adapters (the generated ones read whole numbers
   * strictly: digits only, in range).
   *
   * @param moshi a Moshi that knows the models, e.g. with {@code ModelAdapters.FACTORY}
   */
  public StrictJson(Moshi moshi) {
    this.moshi = requireNonNull(moshi, "moshi == null");
  }

  /**
   * Reads {@code json} into a {@code type}, or refuses it.
   *
   * @param json the raw bytes, which must be UTF-8
   * @param type the model type
   * @param <T> the model type
   * @return the value, never null
   * @throws Violation naming the first problem's JSON pointer and rule
   */
  public <T> T read(byte[] json, Class<T> type) throws Violation {
    requireNonNull(json, "json == null");
    requireNonNull(type, "type == null");
    JsonAdapter<T> adapter = moshi.adapter(type);
    Object tree = new Parser(json).document();
    T value = bind(json, adapter, tree);
    Object written;
    try {
      written = adapter.toJsonValue(value);
    } catch (RuntimeException e) {
      // The generated adapters refuse to write an enum's UNKNOWN constant: the value is not the contract's.
      String message = e.getMessage() == null ? "" : e.getMessage();
      List<Object> path = message.lastIndexOf('$') < 0
          ? new ArrayList<Object>() : moshiPath(message.substring(message.lastIndexOf('$')), false);
      throw new Violation(pointer(path), "not a value the model can send");
    }
    compare(tree, written, new ArrayList<Object>());
    return value;
  }

  /** The first problem found in a body: where (a JSON pointer) and which rule. */
  public static final class Violation extends Exception {
    private static final long serialVersionUID = 1L;

    /** The JSON pointer of the problem; empty for the whole document. */
    private final String pointer;
    /** The rule that was broken. */
    private final String rule;

    Violation(String pointer, String rule) {
      super((pointer.isEmpty() ? "(root)" : pointer) + ": " + rule);
      this.pointer = pointer;
      this.rule = rule;
    }

    /**
     * Returns where the problem is.
     *
     * @return a JSON pointer (RFC 6901), e.g. {@code /fees/0/fee_amount}; empty for the document
     */
    public String getPointer() {
      return pointer;
    }

    /**
     * Returns the rule that was broken.
     *
     * @return e.g. {@code must be a number, got a string}
     */
    public String getRule() {
      return rule;
    }
  }

  /** A number as written: compared exactly, never rounded. */
  private static final class Num {
    final String literal;

    Num(String literal) {
      this.literal = literal;
    }
  }

  private static <T> T bind(byte[] json, JsonAdapter<T> adapter, Object tree) throws Violation {
    JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(new ByteArrayInputStream(json))));
    T value;
    try {
      value = adapter.fromJson(reader);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.startsWith("Required ")) {
        // Thrown after endObject, so the path is the object's (Moshi has already counted it in an array).
        List<Object> path = moshiPath(reader.getPath(), true);
        String name = quoted(message, message.indexOf("(JSON name '") >= 0
            ? message.indexOf("(JSON name '") + "(JSON name ".length() : message.indexOf('\''));
        if (name != null) {
          path.add(name);
        }
        throw new Violation(pointer(path), "required, missing");
      }
      List<Object> path = moshiPath(reader.getPath(), false);
      throw new Violation(pointer(path), wrongType(message, find(tree, path)));
    }
    if (value == null) {
      throw new Violation("", "null is not allowed");
    }
    return value;
  }

  /** The rule for an adapter's type error, from what Moshi expected and what the body has there. */
  private static String wrongType(String moshiMessage, @Nullable Object found) {
    String expected = null;
    if (moshiMessage.startsWith("Expected ")) {
      int but = moshiMessage.indexOf(" but was");
      String what = but < 0 ? "" : moshiMessage.substring("Expected ".length(), but);
      if (what.equals("a long") || what.equals("an int") || what.equals("a double")
          || what.equals("NUMBER")) {
        expected = "a number";
        if (found instanceof Num && what.equals("a long")) {
          return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
              + ", in digits only";
        }
        if (found instanceof Num && what.equals("an int")) {
          return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
              + ", in digits only";
        }
      } else if (what.equals("a string") || what.equals("STRING")) {
        expected = "a string";
      } else if (what.equals("a boolean") || what.equals("BOOLEAN")) {
        expected = "true or false";
      } else if (what.equals("BEGIN_OBJECT")) {
        expected = "an object";
      } else if (what.equals("BEGIN_ARRAY")) {
        expected = "an array";
      }
    }
    return expected == null
        ? "does not match the model (" + kind(found) + ")"
        : "must be " + expected + ", got " + kind(found);
  }

  private static String kind(@Nullable Object value) {
    if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof Num) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "true or false";
    }
    return "nothing";
  }

  /**
   * The segments of a Moshi path such as {@code $.fees[1].fee_name}. With {@code objectDone}, a
   * trailing array index is taken back by one (Moshi counts an object in its array when it ends).
   */
  private static List<Object> moshiPath(String moshi, boolean objectDone) {
    List<Object> path = new ArrayList<>();
    int i = moshi.startsWith("$") ? 1 : moshi.length();
    while (i < moshi.length()) {
      char c = moshi.charAt(i);
      if (c == '[') {
        int close = moshi.indexOf(']', i);
        if (close < 0) {
          break;
        }
        try {
          path.add(Integer.valueOf(moshi.substring(i + 1, close)));
        } catch (NumberFormatException e) {
          break;
        }
        i = close + 1;
      } else if (c == '.') {
        int end = i + 1;
        while (end < moshi.length() && moshi.charAt(end) != '.' && moshi.charAt(end) != '[') {
          end++;
        }
        path.add(moshi.substring(i + 1, end));
        i = end;
      } else {
        break;
      }
    }
    int last = path.size() - 1;
    if (objectDone && last >= 0 && path.get(last) instanceof Integer && (Integer) path.get(last) > 0) {
      path.set(last, (Integer) path.get(last) - 1);
    }
    return path;
  }

  /** The text between the quote at {@code at} and the next one, or null. */
  private static @Nullable String quoted(String message, int at) {
    int end = at < 0 ? -1 : message.indexOf('\'', at + 1);
    return end < 0 ? null : message.substring(at + 1, end);
  }

  private static @Nullable Object find(Object tree, List<Object> path) {
    Object at = tree;
    for (Object segment : path) {
      if (at instanceof Map && segment instanceof String) {
        at = ((Map<?, ?>) at).get(segment);
      } else if (at instanceof List && segment instanceof Integer
          && (Integer) segment < ((List<?>) at).size()) {
        at = ((List<?>) at).get((Integer) segment);
      } else {
        return null;
      }
    }
    return at;
  }

  /** Compares what was read with what the model writes back; the first difference is refused. */
  private static void compare(Object read, @Nullable Object written, List<Object> path)
      throws Violation {
    if (read instanceof Map) {
      if (!(written instanceof Map)) {
        throw new Violation(pointer(path), "changed by the model (it would not be sent as given)");
      }
      Map<?, ?> kept = (Map<?, ?>) written;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) read).entrySet()) {
        path.add(entry.getKey());
        if (!kept.containsKey(entry.getKey())) {
          throw new Violation(pointer(path), "unknown field: the model has no such field");
        }
        compare(entry.getValue(), kept.get(entry.getKey()), path);
        path.remove(path.size() - 1);
      }
    } else if (read instanceof List) {
      List<?> items = (List<?>) read;
      if (!(written instanceof List) || ((List<?>) written).size() != items.size()) {
        throw new Violation(pointer(path), "changed by the model (it would not be sent as given)");
      }
      for (int i = 0; i < items.size(); i++) {
        path.add(i);
        compare(items.get(i), ((List<?>) written).get(i), path);
        path.remove(path.size() - 1);
      }
    } else if (read instanceof Num) {
      if (written instanceof String) {
        throw new Violation(pointer(path), "must be a string, got a number");
      }
      String exact = canonical(((Num) read).literal);
      if (!(written instanceof Number) || exact == null || !exact.equals(canonical(written.toString()))) {
        throw new Violation(pointer(path),
            "the model cannot hold this number exactly (it would send another one)");
      }
    } else if (read instanceof String) {
      if (written instanceof Number) {
        throw new Violation(pointer(path), "must be a number, got a string");
      }
      if (!read.equals(written)) {
        throw new Violation(pointer(path), "changed by the model (it would not be sent as given)");
      }
    } else if (!read.equals(written)) {
      throw new Violation(pointer(path), "changed by the model (it would not be sent as given)");
    }
  }

  /**
   * A decimal number's exact value as {@code [-]digitsEexponent} without leading or trailing zeros
   * ({@code "0"} for zero), in linear time; null for what is not a finite decimal number.
   */
  static @Nullable String canonical(String number) {
    int i = 0;
    int n = number.length();
    boolean negative = false;
    if (i < n && (number.charAt(i) == '-' || number.charAt(i) == '+')) {
      negative = number.charAt(i) == '-';
      i++;
    }
    StringBuilder digits = new StringBuilder();
    long exponent = 0;
    for (; i < n && isDigit(number.charAt(i)); i++) {
      digits.append(number.charAt(i));
    }
    if (i < n && number.charAt(i) == '.') {
      for (i++; i < n && isDigit(number.charAt(i)); i++) {
        digits.append(number.charAt(i));
        exponent--;
      }
    }
    if (digits.length() == 0) {
      return null;
    }
    if (i < n && (number.charAt(i) == 'e' || number.charAt(i) == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < n && (number.charAt(i) == '-' || number.charAt(i) == '+')) {
        negativeExponent = number.charAt(i) == '-';
        i++;
      }
      if (i == n) {
        return null;
      }
      long written = 0;
      for (; i < n && isDigit(number.charAt(i)); i++) {
        // Saturates far beyond any exponent a model's number can have; such values never compare equal.
        written = Math.min(written * 10 + (number.charAt(i) - '0'), 1_000_000_000_000L);
      }
      exponent += negativeExponent ? -written : written;
    }
    if (i != n) {
      return null;
    }
    int start = 0;
    while (start < digits.length() && digits.charAt(start) == '0') {
      start++;
    }
    if (start == digits.length()) {
      return "0";
    }
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
      exponent++;
    }
    return (negative ? "-" : "") + digits.substring(start, end) + "E" + exponent;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** A JSON pointer (RFC 6901) of path segments: names and array indexes. */
  static String pointer(List<Object> path) {
    StringBuilder pointer = new StringBuilder();
    for (Object segment : path) {
      pointer.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }


  /** One pass over the bytes: checks everything above that needs no model, and builds a tree. */
  private static final class Parser {
    private final byte[] in;
    private final List<Object> path = new ArrayList<>();
    private final StringBuilder chars = new StringBuilder();
    private int pos;

    Parser(byte[] in) {
      this.in = in;
    }

    Object document() throws Violation {
      skipWhitespace();
      if (pos == in.length) {
        throw new Violation("", "not JSON: the body is empty");
      }
      Object value = value(0);
      skipWhitespace();
      if (pos < in.length) {
        throw new Violation("", "not JSON: data after the value, at byte " + pos);
      }
      return value;
    }

    private Object value(int depth) throws Violation {
      switch (peek()) {
        case '{':
          return object(depth + 1);
        case '[':
          return array(depth + 1);
        case '"':
          return string(false);
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          throw new Violation(pointer(path), "null is not allowed (APIv3 forbids null: omit the field)");
        default:
          if (peek() == '-' || isDigit(peek())) {
            return number();
          }
          throw syntax("a value");
      }
    }

    private Map<String, Object> object(int depth) throws Violation {
      nesting(depth);
      pos++;
      Map<String, Object> object = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return object;
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw syntax("a name in double quotes");
        }
        String name = string(true);
        path.add(name);
        if (object.containsKey(name)) {
          throw new Violation(pointer(path), "the name is given twice");
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        object.put(name, value(depth));
        path.remove(path.size() - 1);
        skipWhitespace();
        if (peek() == ',') {
          pos++;
        } else if (peek() == '}') {
          pos++;
          return object;
        } else {
          throw syntax("',' or '}'");
        }
      }
    }

    private List<Object> array(int depth) throws Violation {
      nesting(depth);
      pos++;
      List<Object> array = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        pos++;
        return array;
      }
      while (true) {
        skipWhitespace();
        path.add(array.size());
        array.add(value(depth));
        path.remove(path.size() - 1);
        skipWhitespace();
        if (peek() == ',') {
          pos++;
        } else if (peek() == ']') {
          pos++;
          return array;
        } else {
          throw syntax("',' or ']'");
        }
      }
    }

    private void nesting(int depth) throws Violation {
      if (depth > MAX_DEPTH) {
        throw new Violation(pointer(path), "nested deeper than " + MAX_DEPTH + " levels");
      }
    }

    private String string(boolean name) throws Violation {
      StringBuilder out = chars;
      out.setLength(0);
      pos++;
      while (true) {
        int b = peek();
        if (b == '"') {
          pos++;
          return out.toString();
        } else if (b == '\\') {
          escape(out, name);
        } else if (b < 0) {
          throw syntax("the closing '\"' of a string");
        } else if (b < 0x20) {
          throw stringViolation(name, "a raw control character (U+00" + hex(b, 2)
              + ") must be escaped, at byte " + pos);
        } else if (b < 0x80) {
          out.append((char) b);
          pos++;
        } else {
          utf8(out, b, name);
        }
      }
    }

    /** Decodes one multi-byte UTF-8 sequence strictly (RFC 3629): no overlong forms, no surrogates. */
    private void utf8(StringBuilder out, int first, boolean name) throws Violation {
      int more;
      int codePoint;
      int low = 0x80;
      int high = 0xBF;
      if (first >= 0xC2 && first <= 0xDF) {
        more = 1;
        codePoint = first & 0x1F;
      } else if (first >= 0xE0 && first <= 0xEF) {
        more = 2;
        codePoint = first & 0x0F;
        low = first == 0xE0 ? 0xA0 : 0x80;
        high = first == 0xED ? 0x9F : 0xBF;
      } else if (first >= 0xF0 && first <= 0xF4) {
        more = 3;
        codePoint = first & 0x07;
        low = first == 0xF0 ? 0x90 : 0x80;
        high = first == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw stringViolation(name, "not UTF-8, at byte " + pos);
      }
      for (int i = 1; i <= more; i++) {
        int b = pos + i < in.length ? in[pos + i] & 0xFF : -1;
        if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) {
          if (first == 0xED && i == 1 && b >= 0xA0 && b <= 0xBF) {
            throw stringViolation(name, "a surrogate encoded as UTF-8 (unpaired or CESU-8) is not UTF-8, at byte " + pos);
          }
          throw stringViolation(name, "not UTF-8, at byte " + pos);
        }
        codePoint = (codePoint << 6) | (b & 0x3F);
      }
      pos += more + 1;
      out.appendCodePoint(codePoint);
    }

    private void escape(StringBuilder out, boolean name) throws Violation {
      int at = pos;
      pos++;
      int c = peek();
      pos++;
      switch (c) {
        case '"':
          out.append('"');
          return;
        case '\\':
          out.append('\\');
          return;
        case '/':
          out.append('/');
          return;
        case 'b':
          out.append('\b');
          return;
        case 'f':
          out.append('\f');
          return;
        case 'n':
          out.append('\n');
          return;
        case 'r':
          out.append('\r');
          return;
        case 't':
          out.append('\t');
          return;
        case 'u':
          char unit = hex4();
          if (Character.isHighSurrogate(unit) && peek() == '\\' && pos + 1 < in.length && in[pos + 1] == 'u') {
            int next = pos;
            pos += 2;
            char second = hex4();
            if (Character.isLowSurrogate(second)) {
              out.append(unit).append(second);
              return;
            }
            pos = next;
          }
          if (Character.isSurrogate(unit)) {
            throw stringViolation(name, "an unpaired surrogate (\\u" + hex(unit, 4)
                + ") is not text, at byte " + at);
          }
          out.append(unit);
          return;
        default:
          pos = at;
          throw syntax("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
    }

    private char hex4() throws Violation {
      int value = 0;
      for (int i = 0; i < 4; i++) {
        int c = peek();
        int digit = Character.digit(c < 0 ? -1 : c, 16);
        if (c >= 0x80 || digit < 0) {
          throw syntax("four hex digits after \\u");
        }
        value = value * 16 + digit;
        pos++;
      }
      return (char) value;
    }

    private Num number() throws Violation {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek())) {
        digits();
      } else {
        throw syntax("a digit");
      }
      if (peek() == '.') {
        pos++;
        if (!isDigit(peek())) {
          throw syntax("a digit after '.'");
        }
        digits();
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (!isDigit(peek())) {
          throw syntax("a digit in the exponent");
        }
        digits();
      }
      return new Num(new String(in, start, pos - start, ASCII));
    }

    private void digits() {
      while (isDigit(peek())) {
        pos++;
      }
    }

    private void literal(String word) throws Violation {
      for (int i = 0; i < word.length(); i++) {
        if (peek() != word.charAt(i)) {
          throw syntax(i == 0 ? "a value" : "'" + word + "'");
        }
        pos++;
      }
    }

    private void expect(char c) throws Violation {
      if (peek() != c) {
        throw syntax("'" + c + "'");
      }
      pos++;
    }

    private void skipWhitespace() {
      while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
        pos++;
      }
    }

    /** The byte at the position, 0 to 255, or -1 at the end. */
    private int peek() {
      return pos < in.length ? in[pos] & 0xFF : -1;
    }

    private Violation syntax(String expected) {
      return new Violation(pointer(path), "not JSON: expected " + expected + " at byte " + pos
          + (pos >= in.length ? " (the end)" : ""));
    }

    private Violation stringViolation(boolean name, String rule) {
      return new Violation(pointer(path), name ? "in a name: " + rule : rule);
    }

    private static String hex(int value, int width) {
      String hex = Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT);
      StringBuilder padded = new StringBuilder();
      for (int i = hex.length(); i < width; i++) {
        padded.append('0');
      }
      return padded.append(hex).toString();
    }
  }
}
