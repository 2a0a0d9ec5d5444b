package dev.payscore.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import dev.payscore.model.ModelAdapters;
import dev.payscore.testing.Seeded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
  static final Moshi MOSHI = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
  static final StrictJson STRICT = new StrictJson(MOSHI);
  static final String BASE = "\"appid\":\"wx\",\"service_id\":\"1\"";

  static CompletePayafterOrderRequest read(String json) throws StrictJson.Violation {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  static CompletePayafterOrderRequest read(byte[] json) throws StrictJson.Violation {
    return STRICT.read(json, CompletePayafterOrderRequest.class);
  }

  static StrictJson.Violation refused(String json) {
    return refused(json.getBytes(StandardCharsets.UTF_8));
  }

  static StrictJson.Violation refused(byte[] json) {
    return assertThrows(StrictJson.Violation.class, () -> read(json),
        new String(json, StandardCharsets.UTF_8));
  }

  /** {"appid":"wx","service_id":"1", + middle + } as bytes, so that middle may be any bytes. */
  static byte[] body(byte[] middle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] start = ("{" + BASE + ",").getBytes(StandardCharsets.UTF_8);
    out.write(start, 0, start.length);
    out.write(middle, 0, middle.length);
    out.write('}');
    return out.toByteArray();
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] concat(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    out.write(a, 0, a.length);
    out.write(middle, 0, middle.length);
    out.write(b, 0, b.length);
    return out.toByteArray();
  }

  @Test
  void readsTheExampleExactlyAsMoshiDoes() throws Exception {
    byte[] json = Files.readAllBytes(Paths.get(System.getProperty("payscore.basedir", ".."),
        "examples/complete-service-used.json"));
    CompletePayafterOrderRequest strict = read(json);
    assertEquals(MOSHI.adapter(CompletePayafterOrderRequest.class).fromJson(new String(json, StandardCharsets.UTF_8)),
        strict);
    assertEquals("嗨客时尚主题展", strict.getRealServiceEndLocation());
    assertEquals(Long.valueOf(39500), strict.getTotalAmount());
    assertEquals(FinishType.fromValue(2), strict.getFinishType());
  }

  @Test
  void readsWhitespaceEscapesAndSurrogatePairs() throws Exception {
    CompletePayafterOrderRequest read = read(" \t\r\n{ \"appid\" :\t\"w\\\"x\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00😀\"\n,"
        + "\"service_id\":\"1\" , \"total_amount\" : -0 ,\"fees\":[ ] ,\"discounts\":[{ }]}\r\n ");
    assertEquals("w\"x\\/\b\f\n\r\té\uD83D\uDE00\uD83D\uDE00", read.getAppid());
    assertEquals(Long.valueOf(0), read.getTotalAmount());
    assertEquals(Collections.emptyList(), read.getFees());
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    int[][] cases = {
      {0xFF}, {0x80}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xF0, 0x80, 0x80, 0xAF},
      {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xE4, 0xB8}, {0xC3, 0x28}, {0xE4, 0xB8, 0x41},
    };
    for (int[] c : cases) {
      StrictJson.Violation e = refused(body(concat("\"cancel_reason\":\"a", bytes(c), "b\"")));
      assertEquals("/cancel_reason", e.getPointer(), Arrays.toString(c));
      assertTrue(e.getRule().startsWith("not UTF-8, at byte "), e.getRule());
    }
    StrictJson.Violation surrogate = refused(body(concat("\"cancel_reason\":\"", bytes(0xED, 0xA0, 0x80), "\"")));
    assertEquals("/cancel_reason", surrogate.getPointer());
    assertTrue(surrogate.getRule().contains("surrogate encoded as UTF-8"), surrogate.getRule());
    StrictJson.Violation inName = refused(body(concat("\"a", bytes(0xFF), "\":1")));
    assertEquals("", inName.getPointer());
    assertTrue(inName.getRule().startsWith("in a name: not UTF-8"), inName.getRule());
    StrictJson.Violation outside = refused(concat("", bytes(0xEF, 0xBB, 0xBF), "{" + BASE + "}"));
    assertEquals("not JSON: expected a value at byte 0", outside.getRule());
  }

  @Test
  void refusesRawControlCharactersInStrings() throws Exception {
    for (int c = 0; c < 0x20; c++) {
      StrictJson.Violation e = refused(body(concat("\"cancel_reason\":\"a", bytes(c), "\"")));
      assertEquals("/cancel_reason", e.getPointer());
      int at = ("{" + BASE + ",\"cancel_reason\":\"a").length();
      assertEquals(String.format("a raw control character (U+%04X) must be escaped, at byte %d", c, at), e.getRule());
    }
    assertEquals("\u0000\u001f\u007f", read("{" + BASE + ",\"cancel_reason\":\"\\u0000\\u001F\u007f\"}").getCancelReason());
    StrictJson.Violation inName = refused(body(concat("\"a", bytes('\n'), "\":1")));
    assertTrue(inName.getRule().startsWith("in a name: a raw control character (U+000A)"), inName.getRule());
  }

  @Test
  void refusesUnpairedSurrogatesEscapedOrRaw() throws Exception {
    String[] unpaired = {"\\ud800", "\\uDBFF", "\\udc00", "x\\ud800y", "\\ud800\\u0041", "\\ud800\\ud800",
      "\\udc00\\ud800", "\\ud83d\\ude00\\ud83d", "\\ud800\\n"};
    for (String s : unpaired) {
      StrictJson.Violation e = refused("{" + BASE + ",\"cancel_reason\":\"" + s + "\"}");
      assertEquals("/cancel_reason", e.getPointer(), s);
      assertTrue(e.getRule().startsWith("an unpaired surrogate (\\u"), e.getRule());
    }
    StrictJson.Violation inName = refused("{" + BASE + ",\"\\udfff\":1}");
    assertTrue(inName.getRule().startsWith("in a name: an unpaired surrogate (\\uDFFF)"), inName.getRule());
    assertEquals("\uD800\uDC00\uDBFF\uDFFF",
        read("{" + BASE + ",\"cancel_reason\":\"\\ud800\\udc00\\uDBFF\\uDFFF\"}").getCancelReason());
  }

  @Test
  void refusesAStringWhereTheModelHasANumberAndViceVersa() {
    String[][] cases = {
      {"\"total_amount\":\"39500\"", "/total_amount", "must be a number, got a string"},
      {"\"fees\":[{\"fee_count\":\"1\"}]", "/fees/0/fee_count", "must be a number, got a string"},
      {"\"fees\":[{},{\"fee_amount\":\"1\"}]", "/fees/1/fee_amount", "must be a number, got a string"},
      {"\"finish_type\":\"2\"", "/finish_type", "must be a number, got a string"},
      {"\"cancel_reason\":123", "/cancel_reason", "must be a string, got a number"},
      {"\"fees\":[{\"fee_name\":1.5}]", "/fees/0/fee_name", "must be a string, got a number"},
      {"\"profit_sharing\":\"false\"", "/profit_sharing", "must be true or false, got a string"},
      {"\"cancel_reason\":true", "/cancel_reason", "must be a string, got true or false"},
      {"\"fees\":{}", "/fees", "must be an array, got an object"},
      {"\"fees\":[[]]", "/fees/0", "must be an object, got an array"},
    };
    for (String[] c : cases) {
      StrictJson.Violation e = refused("{" + BASE + "," + c[0] + "}");
      assertEquals(c[1], e.getPointer(), c[0]);
      assertEquals(c[2], e.getRule(), c[0]);
      assertEquals(c[1] + ": " + c[2], e.getMessage());
    }
  }

  @Test
  void refusesNumbersTheModelCannotHoldExactly() throws Exception {
    String[][] cases = {
      {"\"total_amount\":1.5", "/total_amount"},
      {"\"total_amount\":1e2", "/total_amount"},
      {"\"total_amount\":100.0", "/total_amount"},
      {"\"total_amount\":9223372036854775808", "/total_amount"},
      {"\"total_amount\":-9223372036854775809", "/total_amount"},
      {"\"total_amount\":" + new String(new char[100_000]).replace('\0', '7'), "/total_amount"},
      {"\"fees\":[{\"fee_count\":2147483648}]", "/fees/0/fee_count"},
      {"\"fees\":[{\"fee_count\":1E0}]", "/fees/0/fee_count"},
    };
    for (String[] c : cases) {
      StrictJson.Violation e = refused("{" + BASE + "," + c[0] + "}");
      assertEquals(c[1], e.getPointer(), c[0]);
      assertTrue(e.getRule().startsWith("must be a whole number from "), e.getRule());
      assertTrue(e.getRule().endsWith(", in digits only"), e.getRule());
    }
    assertEquals(Long.valueOf(Long.MAX_VALUE), read("{" + BASE + ",\"total_amount\":9223372036854775807}").getTotalAmount());
    assertEquals(Integer.valueOf(Integer.MIN_VALUE),
        read("{" + BASE + ",\"fees\":[{\"fee_count\":-2147483648}]}").getFees().get(0).getFeeCount());
    StrictJson.Violation enumValue = refused("{" + BASE + ",\"finish_type\":2.5}");
    assertEquals("/finish_type", enumValue.getPointer());
  }

  @Test
  void comparesNumbersByExactValue() {
    assertEquals("1E2", StrictJson.canonical("100"));
    assertEquals("1E2", StrictJson.canonical("1e2"));
    assertEquals("1E2", StrictJson.canonical("1.00E+2"));
    assertEquals("1E2", StrictJson.canonical("100.0"));
    assertEquals("-15E-1", StrictJson.canonical("-1.5"));
    assertEquals("0", StrictJson.canonical("-0.0e7"));
    assertEquals("9007199254740993E0", StrictJson.canonical("9007199254740993"));
    assertEquals("9007199254740992E0", StrictJson.canonical(Double.toString(9007199254740993.0)));
    assertEquals(null, StrictJson.canonical("NaN"));
    assertEquals(null, StrictJson.canonical("Infinity"));
    assertEquals(null, StrictJson.canonical("1e"));
    assertEquals("1E999999999999", StrictJson.canonical("1e999999999999"));
    // Beyond that the exponent saturates: no model's number is anywhere near.
    assertEquals("1E1000000000000", StrictJson.canonical("1e99999999999999999999999999"));
  }

  @Test
  void refusesUnknownFieldsAtAnyDepth() {
    String[][] cases = {
      {"\"out_order_no\":\"X\"", "/out_order_no"},
      {"\"fees\":[{\"fee_name\":\"a\",\"extra\":{}}]", "/fees/0/extra"},
      {"\"discounts\":[{},{\"x/y\":1}]", "/discounts/1/x~1y"},
      {"\"a~b\":[]", "/a~0b"},
      {"\"\":1", "/"},
    };
    for (String[] c : cases) {
      StrictJson.Violation e = refused("{" + BASE + "," + c[0] + "}");
      assertEquals(c[1], e.getPointer(), c[0]);
      assertEquals("unknown field: the model has no such field", e.getRule());
    }
  }

  @Test
  void refusesNullAnywhere() {
    String[][] cases = {
      {"{" + BASE + ",\"cancel_reason\":null}", "/cancel_reason"},
      {"{" + BASE + ",\"fees\":[null]}", "/fees/0"},
      {"{" + BASE + ",\"fees\":[{},{\"fee_name\":null}]}", "/fees/1/fee_name"},
      {"{" + BASE + ",\"unknown\":{\"deeper\":null}}", "/unknown/deeper"},
      {"null", ""},
    };
    for (String[] c : cases) {
      StrictJson.Violation e = refused(c[0]);
      assertEquals(c[1], e.getPointer(), c[0]);
      assertEquals("null is not allowed (APIv3 forbids null: omit the field)", e.getRule());
    }
  }

  @Test
  void refusesANameGivenTwice() {
    StrictJson.Violation e = refused("{" + BASE + ",\"total_amount\":1,\"total_amount\":2}");
    assertEquals("/total_amount", e.getPointer());
    assertEquals("the name is given twice", e.getRule());
    assertEquals("/fees/0/fee_name", refused("{" + BASE + ",\"fees\":[{\"fee_name\":\"a\",\"fee_name\":\"a\"}]}").getPointer());
  }

  @Test
  void refusesWhatIsNotPlainJson() {
    // § marks the byte the rule names; it is not part of the input.
    String[][] cases = {
      {"§", "", "not JSON: the body is empty"},
      {" \n\t §", "", "not JSON: the body is empty"},
      {"{" + BASE + "} §{}", "", "not JSON: data after the value, at byte §"},
      {"{" + BASE + "}§x", "", "not JSON: data after the value, at byte §"},
      {"{" + BASE + ",§}", "", "not JSON: expected a name in double quotes at byte §"},
      {"{" + BASE + ",\"fees\":[{},§]}", "/fees/1", "not JSON: expected a value at byte §"},
      {"{" + BASE + ",\"total_amount\":0§1}", "", "not JSON: expected ',' or '}' at byte §"},
      {"{" + BASE + ",\"total_amount\":§+1}", "/total_amount", "not JSON: expected a value at byte §"},
      {"{" + BASE + ",\"total_amount\":§.5}", "/total_amount", "not JSON: expected a value at byte §"},
      {"{" + BASE + ",\"total_amount\":1.§}", "/total_amount", "not JSON: expected a digit after '.' at byte §"},
      {"{" + BASE + ",\"total_amount\":1e§}", "/total_amount", "not JSON: expected a digit in the exponent at byte §"},
      {"{" + BASE + ",\"total_amount\":-§}", "/total_amount", "not JSON: expected a digit at byte §"},
      {"{" + BASE + ",\"total_amount\":§NaN}", "/total_amount", "not JSON: expected a value at byte §"},
      {"{" + BASE + ",\"profit_sharing\":tru§}", "/profit_sharing", "not JSON: expected 'true' at byte §"},
      {"{" + BASE + ",§'a':1}", "", "not JSON: expected a name in double quotes at byte §"},
      {"{" + BASE + ",§a:1}", "", "not JSON: expected a name in double quotes at byte §"},
      {"{" + BASE + "§/* c */}", "", "not JSON: expected ',' or '}' at byte §"},
      {"{" + BASE + ",\"a\" §1}", "/a", "not JSON: expected ':' at byte §"},
      {"{" + BASE + ",\"fees\":[1§}", "/fees", "not JSON: expected ',' or ']' at byte §"},
      {"{" + BASE + ",\"cancel_reason\":\"§\\x\"}", "/cancel_reason",
        "not JSON: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at byte §"},
      {"{" + BASE + ",\"cancel_reason\":\"\\u12§G4\"}", "/cancel_reason", "not JSON: expected four hex digits after \\u at byte §"},
      {"{" + BASE + ",\"cancel_reason\":\"abc§", "/cancel_reason", "not JSON: expected the closing '\"' of a string at byte § (the end)"},
      {"{" + BASE + "§", "", "not JSON: expected ',' or '}' at byte § (the end)"},
      {"n§ot json", "", "not JSON: expected 'null' at byte §"},
    };
    for (String[] c : cases) {
      int at = c[0].indexOf('§');
      String input = c[0].replace("§", "");
      StrictJson.Violation e = refused(input);
      assertEquals(c[2].replace("§", Integer.toString(at)), e.getRule(), input);
      assertEquals(c[1], e.getPointer(), input);
    }
  }

  @Test
  void refusesNestingDeeperThanMaxDepth() {
    StringBuilder deepest = new StringBuilder();
    StringBuilder pointer = new StringBuilder("/x");
    for (int i = 1; i < StrictJson.MAX_DEPTH - 1; i++) {
      deepest.append('[');
      pointer.append("/0");
    }
    String closing = new String(new char[StrictJson.MAX_DEPTH - 2]).replace('\0', ']');
    StrictJson.Violation allowed = refused("{" + BASE + ",\"x\":" + deepest + "[]" + closing + "}");
    assertEquals("/x", allowed.getPointer());
    assertEquals("unknown field: the model has no such field", allowed.getRule());

    // The 33rd container: the root, 31 arrays around it.
    StrictJson.Violation tooDeep = refused("{" + BASE + ",\"x\":" + deepest + "[[]]" + closing + "}");
    assertEquals(pointer + "/0", tooDeep.getPointer());
    assertEquals("nested deeper than 32 levels", tooDeep.getRule());
    String endless = new String(new char[1_000_000]).replace('\0', '[');
    assertEquals("nested deeper than 32 levels", refused(endless).getRule());
  }

  @Test
  void namesAMissingRequiredField() throws Exception {
    StrictJson.Violation e = refused("{\"service_id\":\"1\"}");
    assertEquals("/appid", e.getPointer());
    assertEquals("required, missing", e.getRule());

    // In an array, Moshi reports the index after the object: the pointer names the object itself.
    Moshi base = MOSHI.newBuilder().add(Item.class, new ItemAdapter()).build();
    StrictJson strict = new StrictJson(base.newBuilder().add(Box.class, new BoxAdapter(base)).build());
    assertEquals(2, strict.read("{\"items\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"
        .getBytes(StandardCharsets.UTF_8), Box.class).items.size());
    for (String[] c : new String[][] {{"[{}]", "/items/0/name"}, {"[{\"name\":\"a\"},{}]", "/items/1/name"}}) {
      StrictJson.Violation inArray = assertThrows(StrictJson.Violation.class,
          () -> strict.read(("{\"items\":" + c[0] + "}").getBytes(StandardCharsets.UTF_8), Box.class));
      assertEquals(c[1], inArray.getPointer());
      assertEquals("required, missing", inArray.getRule());
    }
  }

  @Test
  void refusesAValueTheModelCannotSend() {
    StrictJson.Violation e = refused("{" + BASE + ",\"finish_type\":99}");
    assertEquals("/finish_type", e.getPointer());
    assertEquals("not a value the model can send", e.getRule());
  }

  @Test
  void rulesNeverQuoteStringValues() {
    Seeded.forAll("rulesNeverQuoteStringValues", 200, random -> {
      String secret = "S" + Seeded.string(random, "0123456789.eE+-", 5, 40);
      String[] fields = {"total_amount", "finish_type", "profit_sharing", "fees"};
      String field = fields[random.nextInt(fields.length)];
      StrictJson.Violation e = refused("{" + BASE + ",\"" + field + "\":\"" + secret + "\"}");
      assertFalse(e.getMessage().contains(secret.substring(1)), e.getMessage());
    });
  }

  @Test
  void anyBytesGiveAValueOrAViolationNothingElse() throws Exception {
    byte[] valid = Files.readAllBytes(Paths.get(System.getProperty("payscore.basedir", ".."),
        "examples/complete-service-used.json"));
    byte[] alphabet = "{}[]\",:\\0123456789-.eEtrufalsn \u0000".getBytes(StandardCharsets.ISO_8859_1);
    Seeded.forAll("anyBytesGiveAValueOrAViolationNothingElse", 2000, random -> {
      byte[] mutated = valid.clone();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        int at = random.nextInt(mutated.length);
        switch (random.nextInt(3)) {
          case 0:
            mutated[at] = (byte) random.nextInt(256);
            break;
          case 1:
            byte[] shorter = new byte[mutated.length - 1];
            System.arraycopy(mutated, 0, shorter, 0, at);
            System.arraycopy(mutated, at + 1, shorter, at, shorter.length - at);
            mutated = shorter;
            break;
          default:
            mutated[at] = alphabet[random.nextInt(alphabet.length)];
        }
      }
      CompletePayafterOrderRequest value;
      try {
        value = read(mutated);
      } catch (StrictJson.Violation refused) {
        assertFalse(refused.getRule().isEmpty());
        return;
      }
      // Accepted: Moshi's own, laxer reading of the same text gives the same value.
      assertEquals(MOSHI.adapter(CompletePayafterOrderRequest.class)
          .fromJson(new String(mutated, StandardCharsets.UTF_8)), value);
    });
  }

  @Test
  void readsAnyValidTextBackExactly() {
    Seeded.forAll("readsAnyValidTextBackExactly", 300, random -> {
      StringBuilder text = new StringBuilder();
      for (int i = 0, n = random.nextInt(30); i < n; i++) {
        int[][] ranges = {{0, 0x7F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFF}, {0x10000, 0x10FFFF}};
        int[] range = ranges[random.nextInt(ranges.length)];
        text.appendCodePoint(Seeded.between(random, range[0], range[1]));
      }
      long amount = Seeded.between(random, 0L, Long.MAX_VALUE);
      CompletePayafterOrderRequest original = CompletePayafterOrderRequest.builder().appid("wx").serviceId("1")
          .cancelReason(text.toString()).totalAmount(amount)
          .fees(Collections.singletonList(Fee.builder().feeName(text.toString()).feeCount(random.nextInt()).build()))
          .build();
      String json = MOSHI.adapter(CompletePayafterOrderRequest.class).toJson(original);
      assertEquals(original, read(json));
    });
  }

  @Test
  void readsAMegabyteOfWhitespaceAndLongStrings() throws Exception {
    String spaces = new String(new char[1 << 20]).replace('\0', ' ');
    String longText = new String(new char[1 << 16]).replace('\0', '字');
    CompletePayafterOrderRequest read = read(spaces + "{" + spaces + BASE + ",\"cancel_reason\":\"" + longText + "\"}" + spaces);
    assertEquals(longText, read.getCancelReason());
  }

  @Test
  void refusesNullArguments() {
    assertThrows(NullPointerException.class, () -> new StrictJson(null));
    assertThrows(NullPointerException.class, () -> STRICT.read(null, Fee.class));
    assertThrows(NullPointerException.class, () -> STRICT.read(new byte[0], null));
  }

  /** A model with a required field, bound as the generated adapters bind. */
  static final class Item {
    final String name;

    Item(String name) {
      this.name = name;
    }
  }

  static final class Box {
    final List<Item> items;

    Box(List<Item> items) {
      this.items = items;
    }
  }

  static final class ItemAdapter extends JsonAdapter<Item> {
    @Override
    public Item fromJson(JsonReader reader) throws IOException {
      String name = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("name")) {
          name = reader.nextString();
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (name == null) {
        throw new JsonDataException("Required property 'name' missing at " + reader.getPath());
      }
      return new Item(name);
    }

    @Override
    public void toJson(JsonWriter writer, Item value) throws IOException {
      writer.beginObject().name("name").value(value.name).endObject();
    }
  }

  static final class BoxAdapter extends JsonAdapter<Box> {
    private final JsonAdapter<List<Item>> items;

    BoxAdapter(Moshi moshi) {
      items = moshi.adapter(Types.newParameterizedType(List.class, Item.class));
    }

    @Override
    public Box fromJson(JsonReader reader) throws IOException {
      List<Item> list = new ArrayList<>();
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("items")) {
          list = items.fromJson(reader);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      return new Box(list);
    }

    @Override
    public void toJson(JsonWriter writer, Box value) throws IOException {
      writer.beginObject().name("items");
      items.toJson(writer, value.items);
      writer.endObject();
    }
  }
}
