package dev.payscore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.ModelAdapters;
import dev.payscore.model.Refund;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundRequestAmount;
import dev.payscore.model.RefundStatus;
import dev.payscore.model.ValidationException;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each refund operation against MockWebServer, checked independently. */
class RefundsApiTest {
  static final String REFUND = "{\"refund_id\":\"5000\",\"out_refund_no\":\"R1\",\"transaction_id\":\"T1\","
      + "\"status\":\"PROCESSING\",\"amount\":{\"total\":39500,\"refund\":10000,\"currency\":\"CNY\"},\"new\":1}";

  final MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
  PayScoreClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  static CreateRefundRequest.Builder request() {
    return CreateRefundRequest.builder().transactionId("T1").outRefundNo("R1")
        .amount(RefundRequestAmount.builder().refund(10000L).total(39500L).currency(RefundCurrency.CNY).build());
  }

  @Test
  void createSendsTheSignedBodyAndReadsTheRefund() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, REFUND));
    Refund refund = client.refunds().createRefund(request().build()).execute().body();
    assertEquals(RefundStatus.PROCESSING, refund.getStatus());
    assertEquals(Long.valueOf(10000), refund.getAmount().getRefund());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST /v3/refund/domestic/refunds HTTP/1.1", recorded.getRequestLine());
    assertTrue(WechatPayResponses.requestSignatureValid(recorded, TestKeys.merchant().getPublic()));
    assertEquals("{\"transaction_id\":\"T1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":10000,"
        + "\"total\":39500,\"currency\":\"CNY\"}}", recorded.getBody().readUtf8());
  }

  @Test
  void queryEncodesAndSignsTheRefundNumber() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, REFUND.replace("\"R1\"", "\"R|1\"")
        .replace("PROCESSING", "SUCCESS")));
    assertEquals(RefundStatus.SUCCESS, client.refunds().queryRefund("R|1").execute().body().getStatus());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET /v3/refund/domestic/refunds/R%7C1 HTTP/1.1", recorded.getRequestLine());
    assertTrue(WechatPayResponses.requestSignatureValid(recorded, TestKeys.merchant().getPublic()));
  }

  @Test
  void aRefundAnswerAboutAnotherRefundNumberIsRefused() {
    server.enqueue(WechatPayResponses.signed(200, REFUND.replace("\"R1\"", "\"R2\"")));
    dev.payscore.exception.WechatPaySignatureException e = assertThrows(
        dev.payscore.exception.WechatPaySignatureException.class, () -> client.refunds().queryRefund("R1").execute());
    assertEquals(dev.payscore.exception.WechatPaySignatureException.Reason.ANSWER_MISMATCH, e.getReason());
  }

  @Test
  void refusesBothOrNeitherOrderNumberAZeroRefundAndAnotherCurrencyBeforeSending() throws Exception {
    // Bodies that break the contract, as an application could read them from JSON (no builder check).
    String[] bodies = {
      "{\"transaction_id\":\"T1\",\"out_trade_no\":\"O1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1,\"total\":2,\"currency\":\"CNY\"}}",
      "{\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1,\"total\":2,\"currency\":\"CNY\"}}",
      "{\"transaction_id\":\"T1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":0,\"total\":2,\"currency\":\"CNY\"}}",
      "{\"transaction_id\":\"T1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":-5,\"total\":2,\"currency\":\"CNY\"}}",
      "{\"transaction_id\":\"T1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1,\"total\":2,\"currency\":\"USD\"}}",
    };
    String[] named = {
      "transaction_id, out_trade_no: exactly one is required, got 2",
      "transaction_id, out_trade_no: exactly one is required, got 0",
      "amount.refund: must be >= 1, got 0",
      "amount.refund: must be >= 1, got -5",
      "amount.currency: UNKNOWN is not a value that can be sent",
    };
    for (int i = 0; i < bodies.length; i++) {
      CreateRefundRequest body = new Moshi.Builder().add(ModelAdapters.FACTORY).build()
          .adapter(CreateRefundRequest.class).fromJson(bodies[i]);
      ValidationException e = assertThrows(ValidationException.class,
          () -> client.refunds().createRefund(body).execute(), bodies[i]);
      assertEquals(java.util.Collections.singletonList(named[i]), e.getViolations(), bodies[i]);
    }
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }
}
