package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class CreatePayafterOrderRequestTest {
  private static CreatePayafterOrderRequest.Builder valid() {
    return CreatePayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787")
        .outOrderNo("1234323JKHDFE1243252")
        .serviceId("500001");
  }

  @Test
  void toStringMasksThePersonalProperties() {
    assertEquals("CreatePayafterOrderRequest{appid=wxd678efh567hg6787, out_order_no=1234323JKHDFE1243252,"
            + " service_id=500001, openid=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o, name=***, phone=***}",
        valid().openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o").name("张三").phone("13800138000").build().toString());
  }

  @Test
  void exposesNoEncryption() {
    for (Method method : ContractModel.class.getMethods()) {
      assertEquals("validate", method.getName());
    }
    for (Method method : CreatePayafterOrderRequest.class.getMethods()) {
      assertFalse(method.getName().toLowerCase().contains("encrypt"), method.toString());
    }
  }

  @Test
  void refusesUnpairedSurrogatesWhichUtf8CannotCarry() {
    ValidationException e = assertThrows(ValidationException.class,
        () -> valid().name("张\ud800").address("\udc00x").attach("x\ud83d").build());
    assertEquals(Arrays.asList(
        "attach: must be well-formed Unicode, unpaired surrogate at index 1",
        "name: must be well-formed Unicode, unpaired surrogate at index 1",
        "address: must be well-formed Unicode, unpaired surrogate at index 0"), e.getViolations());
    assertFalse(e.getMessage().contains("张"), "no string value is quoted");
  }

  @Test
  void acceptsSupplementaryCharactersAsSurrogatePairs() {
    assertEquals("停车 \ud83d\ude97", valid().serviceIntroduction("停车 \ud83d\ude97").build().getServiceIntroduction());
  }

  @Test
  void refusesUnpairedSurrogatesInNestedModels() throws Exception {
    Fee fee = new com.squareup.moshi.Moshi.Builder().build().adapter(Fee.class)
        .fromJson("{\"fee_name\":\"\\udc00\",\"fee_amount\":1}");
    assertEquals(Collections.singletonList(
            "fees[0].fee_name: must be well-formed Unicode, unpaired surrogate at index 0"),
        assertThrows(ValidationException.class,
            () -> valid().fees(Collections.singletonList(fee)).build()).getViolations());
  }
}
