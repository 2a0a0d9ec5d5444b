package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.Test;

class CompletePayafterOrderResponseTest {
  private static final JsonAdapter<CompletePayafterOrderResponse> ADAPTER =
      new Moshi.Builder().build().adapter(CompletePayafterOrderResponse.class);

  @Test
  void parsesAndIgnoresUnknownFields() throws Exception {
    CompletePayafterOrderResponse response = ADAPTER.fromJson(
        "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\",\"new_field\":{\"a\":[1,2]},"
            + "\"out_order_no\":\"1234323JKHDFE1243252\",\"service_id\":\"500001\","
            + "\"order_id\":\"15646546545165651651\"}");
    assertEquals("15646546545165651651", response.getOrderId());
    assertEquals("1230000109", response.getMchid());
    assertEquals("1234323JKHDFE1243252", response.getOutOrderNo());
  }

  @Test
  void refusesAResponseMissingARequiredProperty() {
    JsonDataException e = assertThrows(JsonDataException.class, () -> ADAPTER.fromJson(
        "{\"appid\":\"wx\",\"mchid\":\"1\",\"out_order_no\":\"o\",\"service_id\":\"s\"}"));
    assertTrue(e.getMessage().contains("order_id"), e.getMessage());
  }

  @Test
  void refusesAWrongType() {
    assertThrows(JsonDataException.class, () -> ADAPTER.fromJson(
        "{\"appid\":[],\"mchid\":\"1\",\"out_order_no\":\"o\",\"service_id\":\"s\",\"order_id\":\"x\"}"));
  }
}
