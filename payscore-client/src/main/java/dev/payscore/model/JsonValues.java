package dev.payscore.model;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * Reads the JSON scalars of the generated adapters, each only from its own JSON type. Moshi's
 * {@code JsonReader} converts: {@code nextString()} reads the number {@code 39500} as
 * {@code "39500"}, {@code nextLong()} and {@code nextInt()} read the string {@code "39500"} as a
 * number. A response that does not keep to the contract's types is refused instead, naming the JSON
 * path, like Moshi's own type errors.
 */
final class JsonValues {
  private JsonValues() {
  }

  static String nextString(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.STRING, "a string");
    return reader.nextString();
  }

  static int nextInt(JsonReader reader) throws IOException {
    return (int) whole(reader, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
  }

  static long nextLong(JsonReader reader) throws IOException {
    return whole(reader, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
  }

  /**
   * A whole number written in digits only ({@code 1.0}, {@code 1e2} and quoted numbers are refused),
   * in range, read from its literal in linear time (Moshi's own reading goes through {@code
   * BigDecimal}, quadratic in the digits).
   */
  private static long whole(JsonReader reader, long min, long max, String what) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, what);
    String literal = reader.nextString();
    int start = literal.startsWith("-") ? 1 : 0;
    int digits = literal.length() - start;
    boolean ok = digits >= 1 && digits <= 19;
    for (int i = start; ok && i < literal.length(); i++) {
      char c = literal.charAt(i);
      ok = c >= '0' && c <= '9';
    }
    long value = 0;
    if (ok) {
      try {
        value = Long.parseLong(literal);
        ok = value >= min && value <= max;
      } catch (NumberFormatException tooLarge) {
        ok = false;
      }
    }
    if (!ok) {
      throw new JsonDataException("Expected " + what + " but was NUMBER at path " + reader.getPath());
    }
    return value;
  }

  static boolean nextBoolean(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.BOOLEAN, "a boolean");
    return reader.nextBoolean();
  }

  private static void expect(JsonReader reader, JsonReader.Token token, String what)
      throws IOException {
    JsonReader.Token actual = reader.peek();
    if (actual != token) {
      throw new JsonDataException(
          "Expected " + what + " but was " + actual + " at path " + reader.getPath());
    }
  }
}
