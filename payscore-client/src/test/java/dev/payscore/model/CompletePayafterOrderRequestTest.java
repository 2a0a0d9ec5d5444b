package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletePayafterOrderRequestTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<CompletePayafterOrderRequest> ADAPTER =
      MOSHI.adapter(CompletePayafterOrderRequest.class);

  static Fee fee(long amount) {
    return Fee.builder().feeName("停车费").feeCount(1).feeDesc("停车2小时").feeAmount(amount).build();
  }

  static Discount discount(long amount) {
    return Discount.builder().discountName("新用户立减").discountDesc("首单立减5元").discountAmount(amount).build();
  }

  static CompletePayafterOrderRequest.Builder valid() {
    return CompletePayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787")
        .serviceId("500001")
        .finishType(FinishType.SERVICE_USED)
        .fees(Collections.singletonList(fee(40000)))
        .discounts(Collections.singletonList(discount(500)))
        .totalAmount(39500L)
        .finishTicket("Ad4k6Jb_hTWyZWtE")
        .profitSharing(false);
  }

  private static ValidationException invalid(CompletePayafterOrderRequest.Builder builder) {
    return assertThrows(ValidationException.class, builder::build);
  }

  @Test
  void buildsAndExposesBeanGetters() {
    CompletePayafterOrderRequest request = valid().build();
    assertEquals("wxd678efh567hg6787", request.getAppid());
    assertEquals("500001", request.getServiceId());
    assertEquals(FinishType.SERVICE_USED, request.getFinishType());
    assertEquals(39500L, request.getTotalAmount());
    assertEquals(40000L, request.getFees().get(0).getFeeAmount());
    assertNull(request.getCancelReason());
  }

  @Test
  void serialisesSnakeCaseInContractOrderOmittingAbsentFieldsAndFinishTypeAsNumber() {
    assertEquals(
        "{\"appid\":\"wxd678efh567hg6787\",\"service_id\":\"500001\",\"finish_type\":2,"
            + "\"fees\":[{\"fee_name\":\"停车费\",\"fee_count\":1,\"fee_desc\":\"停车2小时\",\"fee_amount\":40000}],"
            + "\"discounts\":[{\"discount_name\":\"新用户立减\",\"discount_desc\":\"首单立减5元\",\"discount_amount\":500}],"
            + "\"total_amount\":39500,\"finish_ticket\":\"Ad4k6Jb_hTWyZWtE\",\"profit_sharing\":false}",
        ADAPTER.toJson(valid().build()));
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    CompletePayafterOrderRequest request = valid().cancelReason("x").build();
    assertEquals(request, ADAPTER.fromJson(ADAPTER.toJson(request)));
  }

  @Test
  void refusesAStringWhereABooleanIsExpectedAndAQuotedAmount() {
    JsonDataException bool = assertThrows(JsonDataException.class,
        () -> ADAPTER.fromJson("{\"appid\":\"wx\",\"service_id\":\"1\",\"profit_sharing\":\"false\"}"));
    assertEquals("Expected a boolean but was STRING at path $.profit_sharing", bool.getMessage());
    JsonDataException amount = assertThrows(JsonDataException.class,
        () -> ADAPTER.fromJson("{\"appid\":\"wx\",\"service_id\":\"1\",\"total_amount\":\"39500\"}"));
    assertEquals("Expected a long but was STRING at path $.total_amount", amount.getMessage());
  }

  @Test
  void refusesUnpairedSurrogatesNamingThePath() {
    assertEquals(Collections.singletonList("finish_ticket: must be well-formed Unicode, unpaired surrogate at index 3"),
        invalid(valid().finishTicket("Ad4\udbff")).getViolations());
  }

  @Test
  void requiresAppidAndServiceIdAndListsEveryViolation() {
    ValidationException e = invalid(CompletePayafterOrderRequest.builder().totalAmount(-1L));
    assertEquals(
        Arrays.asList("appid: required", "service_id: required", "total_amount: must be >= 0, got -1"),
        e.getViolations());
    assertEquals(
        "CompletePayafterOrderRequest is invalid: appid: required; service_id: required;"
            + " total_amount: must be >= 0, got -1",
        e.getMessage());
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void requiredSetterRejectsNullAtOnce() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> CompletePayafterOrderRequest.builder().appid(null));
    assertEquals("appid == null", e.getMessage());
  }

  @Test
  void emptyAppidIsRejectedAndOneCharacterAccepted() {
    assertEquals(Collections.singletonList("appid: at least 1 characters, got 0"),
        invalid(valid().appid("")).getViolations());
    valid().appid("w").build();
    assertEquals(Collections.singletonList("service_id: at least 1 characters, got 0"),
        invalid(valid().serviceId("")).getViolations());
  }

  @Test
  void totalAmountBoundaryIsZero() {
    assertEquals(0L, valid().totalAmount(0L).build().getTotalAmount());
    assertEquals(Collections.singletonList("total_amount: must be >= 0, got -1"),
        invalid(valid().totalAmount(-1L)).getViolations());
  }

  @Test
  void discountsAcceptFiveAndRejectSix() {
    List<Discount> five = new ArrayList<>(Collections.nCopies(5, discount(1)));
    assertEquals(5, valid().discounts(five).build().getDiscounts().size());
    List<Discount> six = new ArrayList<>(Collections.nCopies(6, discount(1)));
    assertEquals(Collections.singletonList("discounts: at most 5 items, got 6"),
        invalid(valid().discounts(six)).getViolations());
  }

  @Test
  void nestedAmountsAreCheckedWithTheirJsonPath() {
    assertThrows(ValidationException.class, () -> fee(-1));
    Fee negative = ADAPTER_FEE.fromJsonUnchecked("{\"fee_amount\":-1}");
    Discount negativeDiscount = ADAPTER_DISCOUNT.fromJsonUnchecked("{\"discount_amount\":-5}");
    ValidationException e = invalid(valid()
        .fees(Arrays.asList(fee(0), negative))
        .discounts(Arrays.asList(discount(0), discount(0), negativeDiscount)));
    assertEquals(Arrays.asList(
        "fees[1].fee_amount: must be >= 0, got -1",
        "discounts[2].discount_amount: must be >= 0, got -5"), e.getViolations());
  }

  @Test
  void nullListItemsAreRejected() {
    assertEquals(Collections.singletonList("fees[0]: must not be null"),
        invalid(valid().fees(Arrays.asList((Fee) null))).getViolations());
  }

  @Test
  void unknownFinishTypeCannotBeSent() {
    assertEquals(Collections.singletonList("finish_type: UNKNOWN is not a value that can be sent"),
        invalid(valid().finishType(FinishType.UNKNOWN)).getViolations());
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> MOSHI.adapter(FinishType.class).toJson(FinishType.UNKNOWN));
    assertTrue(e.getMessage().contains("UNKNOWN"));
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<Fee> fees = new ArrayList<>(Collections.singletonList(fee(1)));
    CompletePayafterOrderRequest request = valid().fees(fees).build();
    fees.add(fee(2));
    assertEquals(1, request.getFees().size());
    assertThrows(UnsupportedOperationException.class, () -> request.getFees().add(fee(3)));
  }

  @Test
  void newBuilderDerivesAModifiedCopy() {
    CompletePayafterOrderRequest request = valid().build();
    CompletePayafterOrderRequest changed = request.newBuilder().totalAmount(1L).build();
    assertEquals(39500L, request.getTotalAmount());
    assertEquals(1L, changed.getTotalAmount());
    assertNotEquals(request, changed);
    assertEquals(request, request.newBuilder().build());
    assertEquals(request.hashCode(), request.newBuilder().build().hashCode());
  }

  @Test
  void toStringShowsPresentPropertiesByJsonName() {
    assertEquals("Fee{fee_name=停车费, fee_count=1, fee_desc=停车2小时, fee_amount=40000}", fee(40000).toString());
  }

  private static final Unchecked<Fee> ADAPTER_FEE = new Unchecked<>(MOSHI.adapter(Fee.class));
  private static final Unchecked<Discount> ADAPTER_DISCOUNT = new Unchecked<>(MOSHI.adapter(Discount.class));

  /** Parses without validation, as a response would be: to build values the builder refuses. */
  private static final class Unchecked<T> {
    private final JsonAdapter<T> adapter;

    Unchecked(JsonAdapter<T> adapter) {
      this.adapter = adapter;
    }

    T fromJsonUnchecked(String json) {
      try {
        return adapter.fromJson(json);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
