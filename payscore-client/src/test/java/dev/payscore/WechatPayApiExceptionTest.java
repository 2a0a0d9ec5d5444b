package dev.payscore;

import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayResponseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.model.ErrorDetail;
import org.junit.jupiter.api.Test;

class WechatPayApiExceptionTest {
  static WechatPayApiException of(int status, String code, String message, ErrorDetail detail, boolean signed) {
    return new WechatPayApiException(status, "RID", code, message, detail, "raw", signed);
  }

  @Test
  void messageCarriesCodeMessageDetailStatusAndRequestId() {
    assertEquals("WeChat Pay answered PARAM_ERROR: 参数错误 [field /a: bad]; signed by WeChat Pay (HTTP 400, Request-ID RID)",
        of(400, "PARAM_ERROR", "参数错误", ErrorDetail.builder().field("/a").issue("bad").value("secret-ish").build(), true)
            .getMessage());
    assertEquals("WeChat Pay answered PARAM_ERROR [field /a]; not signed (unverified) (HTTP 400, Request-ID RID)",
        of(400, "PARAM_ERROR", null, ErrorDetail.builder().field("/a").build(), false).getMessage());
    assertEquals("WeChat Pay answered SYSTEM_ERROR: x [bad]; not signed (unverified) (HTTP 500, Request-ID RID)",
        of(500, "SYSTEM_ERROR", "x", ErrorDetail.builder().issue("bad").build(), false).getMessage());
    assertEquals("WeChat Pay answered SYSTEM_ERROR: x; not signed (unverified) (HTTP 500, Request-ID RID)",
        of(500, "SYSTEM_ERROR", "x", ErrorDetail.builder().location("body").build(), false).getMessage());
    assertEquals("WeChat Pay answered HTTP 502 without a WeChat Pay error body; not signed (unverified) (HTTP 502, Request-ID RID)",
        of(502, null, null, null, false).getMessage());
    assertFalse(of(400, "PARAM_ERROR", "m", ErrorDetail.builder().value("13800138000").build(), true)
        .getMessage().contains("13800138000"), "detail.value is never in the message");
  }

  @Test
  void rawBodyIsKeptUpTo2048Characters() {
    String exactly = new String(new char[2048]).replace('\0', 'a');
    assertEquals(2048, new WechatPayApiException(502, null, null, null, null, exactly, false).getRawBody().length());
    assertEquals(2048, new WechatPayApiException(502, null, null, null, null, exactly + "b", false).getRawBody().length());
    assertEquals(exactly, new WechatPayApiException(502, null, null, null, null, exactly + "b", false).getRawBody());
  }

  @Test
  void retryableForServerErrorsRateLimitAndSystemError() {
    assertTrue(of(500, null, null, null, false).isRetryable());
    assertTrue(of(503, null, null, null, false).isRetryable());
    assertTrue(of(429, null, null, null, false).isRetryable());
    assertTrue(of(400, "SYSTEM_ERROR", null, null, false).isRetryable());
    assertFalse(of(499, "PARAM_ERROR", null, null, false).isRetryable());
    assertFalse(of(404, null, null, null, false).isRetryable());
  }

  @Test
  void statusAndRequestIdAreLeftOutWhenAbsent() {
    assertEquals("x (Request-ID R)", new WechatPayResponseException("x", 0, "R", null).getMessage());
    assertEquals("x (HTTP 200)", new WechatPayResponseException("x", 200, null, null).getMessage());
    assertEquals("x", new WechatPayResponseException("x", 0, null, null).getMessage());
  }

  @Test
  void textFromAnUnverifiedAnswerIsEscapedAndCutInTheMessage() {
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 900_000) {
      huge.append("0123456789");
    }
    String hostile = "ok\r\nSUCCESS: paid\u001b[2J\u001b]0;title\u0007\u202e" + huge;
    WechatPayApiException e = new WechatPayApiException(400, "R\r\nX", "PARAM_ERROR", hostile, null,
        "{\"message\":\"" + hostile + "\"}", false);
    String message = e.getMessage();
    for (char c : message.toCharArray()) {
      assertTrue(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != '\u202e',
          "control character U+" + Integer.toHexString(c) + " in the message");
    }
    assertTrue(message.contains("\\u000d\\u000aSUCCESS"), message.substring(0, 80));
    assertTrue(message.length() < 700, "message length " + message.length());
    assertTrue(e.getErrorMessage().startsWith("ok\r\nSUCCESS"), "the raw text stays available");
    assertTrue(e.getRawBody().contains("\u001b[2J"), "the raw body stays available");
  }
}
