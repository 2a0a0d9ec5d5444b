package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.Test;

/** The order a query answers with: its adapter reads each value only from its contract's JSON type. */
class PayafterOrderTest {
  private static final JsonAdapter<PayafterOrder> ADAPTER =
      new Moshi.Builder().add(ModelAdapters.FACTORY).build().adapter(PayafterOrder.class);

  private static String refusal(String json) {
    return assertThrows(JsonDataException.class, () -> ADAPTER.fromJson(json)).getMessage();
  }

  @Test
  void readsEachTypeAndToleratesUnknownPropertiesNullsAndNewEnumValues() throws Exception {
    PayafterOrder order = ADAPTER.fromJson("{\"out_order_no\":\"o1\",\"state\":\"LATER_STATE\","
        + "\"finish_type\":2,\"total_amount\":39500,\"fees\":[{\"fee_name\":\"停车费\",\"fee_amount\":40000}],"
        + "\"attach\":null,\"new_field\":{\"a\":[1,\"2\",true]},\"need_collection\":true}");
    assertEquals("o1", order.getOutOrderNo());
    assertEquals(PayafterOrderState.UNKNOWN, order.getState());
    assertEquals(FinishType.SERVICE_USED, order.getFinishType());
    assertEquals(39500L, order.getTotalAmount());
    assertEquals(40000L, order.getFees().get(0).getFeeAmount());
    assertNull(order.getAttach());
  }

  @Test
  void readsNullAsAbsentAlsoWhenUnknownPropertiesAreRefused() throws Exception {
    JsonAdapter<PayafterOrder> strict = ADAPTER.failOnUnknown();
    assertNull(strict.fromJson("{\"attach\":null,\"fees\":null}").getAttach());
    assertEquals("Cannot skip unexpected NAME at $.new_field",
        assertThrows(JsonDataException.class, () -> strict.fromJson("{\"new_field\":1}")).getMessage());
  }

  @Test
  void refusesAQuotedNumber() {
    assertEquals("Expected a long but was STRING at path $.total_amount",
        refusal("{\"total_amount\":\"39500\"}"));
    assertEquals("Expected a long but was STRING at path $.fees[0].fee_amount",
        refusal("{\"fees\":[{\"fee_amount\":\"40000\"}]}"));
    assertEquals("Expected an int but was STRING at path $.finish_type",
        refusal("{\"finish_type\":\"2\"}"));
  }

  @Test
  void refusesWholeNumbersNotWrittenInDigits() {
    for (String amount : new String[] {"1e2", "100.0", "1.5", "9223372036854775808", "-0.0"}) {
      assertEquals("Expected a long but was NUMBER at path $.total_amount",
          refusal("{\"total_amount\":" + amount + "}"), amount);
    }
  }

  @Test
  void refusesANumberOrABooleanWhereAStringIsExpected() {
    assertEquals("Expected a string but was NUMBER at path $.out_order_no",
        refusal("{\"out_order_no\":1234}"));
    assertEquals("Expected a string but was BOOLEAN at path $.attach", refusal("{\"attach\":true}"));
    assertEquals("Expected a string but was NUMBER at path $.state", refusal("{\"state\":1}"));
  }

  @Test
  void refusesAFractionOrAnOutOfRangeNumberForAnInteger() {
    assertThrows(JsonDataException.class, () -> ADAPTER.fromJson("{\"total_amount\":1.5}"));
    assertThrows(JsonDataException.class, () -> ADAPTER.fromJson("{\"finish_type\":4294967298}"));
  }
}
