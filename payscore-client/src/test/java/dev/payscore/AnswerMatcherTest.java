package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class AnswerMatcherTest {
  static final HttpUrl QUERY = HttpUrl.get(
      "https://api.mch.weixin.qq.com/v3/payscore/payafter-orders?service_id=500001&appid=wx1&out_order_no=O%2F1");
  static final byte[] NONE = new byte[0];

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void queryParametersFixTheOrderAppidAndService() {
    assertNull(AnswerMatcher.mismatch("1", "GET", QUERY, NONE,
        utf8("{\"out_order_no\":\"O/1\",\"appid\":\"wx1\",\"service_id\":\"500001\",\"state\":\"CREATED\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "GET", QUERY, NONE, utf8("{\"out_order_no\":\"O/2\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "GET", QUERY, NONE, utf8("{\"appid\":\"wx2\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "GET", QUERY, NONE, utf8("{\"mchid\":\"2\"}")));
    assertNull(AnswerMatcher.mismatch("1", "GET", QUERY, NONE, utf8("{\"order_id\":\"3000\"}")),
        "fields the answer does not carry are not compared");
  }

  @Test
  void theRequestBodyFixesAppidAndService() {
    HttpUrl create = HttpUrl.get("https://api.mch.weixin.qq.com/v3/payscore/payafter-orders");
    byte[] body = utf8("{\"out_order_no\":\"A\",\"appid\":\"wx1\",\"service_id\":\"5\"}");
    assertNull(AnswerMatcher.mismatch("1", "POST", create, body, utf8("{\"out_order_no\":\"A\",\"appid\":\"wx1\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "POST", create, body, utf8("{\"out_order_no\":\"B\"}")));
  }

  @Test
  void thePathFixesTheOrderOfAnAction() {
    HttpUrl cancel = HttpUrl.get("https://h/v3/payscore/payafter-orders/A%20B/cancel");
    assertNull(AnswerMatcher.mismatch("1", "POST", cancel, NONE, utf8("{\"out_order_no\":\"A B\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "POST", cancel, NONE, utf8("{\"out_order_no\":\"A\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "POST", cancel, NONE, utf8("{\"state\":\"REVOKED\"}")));
  }

  @Test
  void theRefundPathFixesTheRefundNumber() {
    HttpUrl query = HttpUrl.get("https://h/prefix/v3/refund/domestic/refunds/R%7C1");
    String answer = "{\"out_refund_no\":\"R|1\",\"refund_id\":\"5\",\"status\":\"SUCCESS\"}";
    assertNull(AnswerMatcher.mismatch("1", "GET", query, NONE, utf8(answer)));
    assertNotNull(AnswerMatcher.mismatch("1", "GET", query, NONE, utf8("{\"out_refund_no\":\"R|2\"}")));
  }

  @Test
  void theRefundBodyFixesTheRefundNumberAndTheOrderItNames() {
    HttpUrl create = HttpUrl.get("https://h/v3/refund/domestic/refunds");
    byte[] byTransaction = utf8("{\"transaction_id\":\"T1\",\"out_refund_no\":\"R1\",\"amount\":{\"refund\":1}}");
    assertNull(AnswerMatcher.mismatch("1", "POST", create, byTransaction,
        utf8("{\"transaction_id\":\"T1\",\"out_trade_no\":\"O1\",\"out_refund_no\":\"R1\"}")),
        "out_trade_no was not fixed by the request: not compared");
    assertNotNull(AnswerMatcher.mismatch("1", "POST", create, byTransaction,
        utf8("{\"transaction_id\":\"T2\",\"out_refund_no\":\"R1\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "POST", create, byTransaction,
        utf8("{\"transaction_id\":\"T1\",\"out_refund_no\":\"R2\"}")));
    byte[] byOrder = utf8("{\"out_trade_no\":\"O1\",\"out_refund_no\":\"R1\"}");
    assertNotNull(AnswerMatcher.mismatch("1", "POST", create, byOrder,
        utf8("{\"out_trade_no\":\"O2\",\"out_refund_no\":\"R1\"}")));
  }

  @Test
  void theUserServiceStateQueryFixesTheUser() {
    HttpUrl state = HttpUrl.get(
        "https://h/v3/payscore/user-service-state?service_id=5&appid=wx1&openid=U1");
    assertNull(AnswerMatcher.mismatch("1", "GET", state, NONE,
        utf8("{\"openid\":\"U1\",\"use_service_state\":\"AVAILABLE\"}")));
    assertNotNull(AnswerMatcher.mismatch("1", "GET", state, NONE,
        utf8("{\"openid\":\"U2\",\"use_service_state\":\"AVAILABLE\"}")));
  }

  @Test
  void answersThatAreNotObjectsAreLeftToTheConverter() {
    HttpUrl cancel = HttpUrl.get("https://h/v3/payscore/payafter-orders/A/cancel");
    for (String answer : new String[] {"", "[1]", "{\"out_order_no\":", "null", "\"x\""}) {
      assertNull(AnswerMatcher.mismatch("1", "POST", cancel, NONE, utf8(answer)), answer);
    }
  }
}
