package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.Test;

class FinishTypeTest {
  private static final JsonAdapter<FinishType> ADAPTER = new Moshi.Builder().build().adapter(FinishType.class);

  @Test
  void writesIntegerValues() {
    assertEquals("1", ADAPTER.toJson(FinishType.SERVICE_NOT_USED));
    assertEquals("2", ADAPTER.toJson(FinishType.SERVICE_USED));
  }

  @Test
  void readsKnownValuesAndMapsNewOnesToUnknown() throws Exception {
    assertEquals(FinishType.SERVICE_NOT_USED, ADAPTER.fromJson("1"));
    assertEquals(FinishType.SERVICE_USED, ADAPTER.fromJson("2"));
    assertEquals(FinishType.UNKNOWN, ADAPTER.fromJson("3"));
    assertEquals(FinishType.UNKNOWN, FinishType.fromValue(0));
    assertNull(FinishType.UNKNOWN.getValue());
    assertEquals(Integer.valueOf(2), FinishType.SERVICE_USED.getValue());
  }

  @Test
  void refusesAQuotedValue() {
    JsonDataException e = assertThrows(JsonDataException.class, () -> ADAPTER.fromJson("\"2\""));
    assertEquals("Expected an int but was STRING at path $", e.getMessage());
  }
}
