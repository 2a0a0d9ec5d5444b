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
    expect(reader, JsonReader.Token.NUMBER, "a number");
    return reader.nextInt();
  }

  static long nextLong(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.NUMBER, "a number");
    return reader.nextLong();
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
