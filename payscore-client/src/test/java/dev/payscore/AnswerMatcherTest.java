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
  void answersThatAreNotObjectsAreLeftToTheConverter() {
    HttpUrl cancel = HttpUrl.get("https://h/v3/payscore/payafter-orders/A/cancel");
    for (String answer : new String[] {"", "[1]", "{\"out_order_no\":", "null", "\"x\""}) {
      assertNull(AnswerMatcher.mismatch("1", "POST", cancel, NONE, utf8(answer)), answer);
    }
  }
}
