package dev.payscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.Moshi;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class CreateRefundRequestTest {
  static RefundRequestAmount.Builder amount(long refund) {
    return RefundRequestAmount.builder().refund(refund).total(39500L).currency(RefundCurrency.CNY);
  }

  static CreateRefundRequest.Builder valid() {
    return CreateRefundRequest.builder()
        .transactionId("4200000000201912021234567890")
        .outRefundNo("R-1|2*3@4_5")
        .reason("用户未使用全部服务")
        .amount(amount(10000).build());
  }

  private static ValidationException invalid(CreateRefundRequest.Builder builder) {
    return assertThrows(ValidationException.class, builder::build);
  }

  @Test
  void serialisesInContractOrderOmittingAbsentFields() {
    assertEquals("{\"transaction_id\":\"4200000000201912021234567890\",\"out_refund_no\":\"R-1|2*3@4_5\","
            + "\"reason\":\"用户未使用全部服务\",\"amount\":{\"refund\":10000,\"total\":39500,\"currency\":\"CNY\"}}",
        new Moshi.Builder().add(ModelAdapters.FACTORY).build().adapter(CreateRefundRequest.class)
            .toJson(valid().build()));
  }

  @Test
  void namesTheOrderByTransactionIdOrByOutTradeNo() {
    valid().build();
    valid().transactionId(null).outTradeNo("1217752501201407033233368018").build();
  }

  @Test
  void refusesBothOrNeitherOrderNumber() {
    assertEquals(Collections.singletonList("transaction_id, out_trade_no: exactly one is required, got 2"),
        invalid(valid().outTradeNo("1217752501201407033233368018")).getViolations());
    assertEquals(Collections.singletonList("transaction_id, out_trade_no: exactly one is required, got 0"),
        invalid(valid().transactionId(null)).getViolations());
  }

  @Test
  void refusesARefundOfZeroOrLess() {
    assertEquals(Collections.singletonList("refund: must be >= 1, got 0"),
        assertThrows(ValidationException.class, () -> amount(0).build()).getViolations());
    assertEquals("CreateRefundRequest is invalid: amount.refund: must be >= 1, got -1",
        invalid(valid().amount(amountOf(-1, RefundCurrency.CNY))).getMessage());
  }

  @Test
  void refusesACurrencyOtherThanCny() {
    assertEquals("CreateRefundRequest is invalid: amount.currency: UNKNOWN is not a value that can be sent",
        invalid(valid().amount(amountOf(10000, RefundCurrency.UNKNOWN))).getMessage());
    assertEquals(RefundCurrency.UNKNOWN, RefundCurrency.fromValue("USD"));
  }

  @Test
  void refusesARefundNumberWithCharactersWechatPayDoesNotAllow() {
    assertEquals(Collections.singletonList("out_refund_no: must match ^[-0-9A-Za-z_|*@]+$"),
        invalid(valid().outRefundNo("R 1")).getViolations());
  }

  /** An amount that breaks the contract, read from JSON as a body could carry it (not built). */
  private static RefundRequestAmount amountOf(long refund, RefundCurrency currency) {
    try {
      return new Moshi.Builder().add(ModelAdapters.FACTORY).build().adapter(RefundRequestAmount.class)
          .fromJson("{\"refund\":" + refund + ",\"total\":39500,\"currency\":\""
              + (currency == RefundCurrency.UNKNOWN ? "USD" : currency.getValue()) + "\"}");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
