package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.Clock;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Authorization check: the one-pass parameter reader, and the checks in WeChat Pay's order. */
class RequestAuthenticatorTest {
  static final String SCHEME = "WECHATPAY2-SHA256-RSA2048 ";

  @Test
  void readsTheClientsAuthorization() {
    Map<String, String> params = RequestAuthenticator.parameters(SCHEME
        + "mchid=\"1900000109\",nonce_str=\"N\",timestamp=\"1554208460\",serial_no=\"AB\",signature=\"c2ln+/=\"",
        SCHEME.length());
    assertEquals("1900000109", params.get("mchid"));
    assertEquals("N", params.get("nonce_str"));
    assertEquals("1554208460", params.get("timestamp"));
    assertEquals("AB", params.get("serial_no"));
    assertEquals("c2ln+/=", params.get("signature"));
    assertEquals(5, params.size());
  }

  @Test
  void allowsSpacesAroundCommasAndEmptyValues() {
    Map<String, String> params = RequestAuthenticator.parameters(" a=\"1\" ,\tb=\"\" ", 0);
    assertEquals("1", params.get("a"));
    assertEquals("", params.get("b"));
  }

  @Test
  void refusesAnythingElseAndRepeatedNames() {
    String[] bad = {
      "", "   ", "a", "a=", "a=1", "a=\"1", "a=\"1\"b=\"2\"", "a=\"1\",", "a=\"1\",,b=\"2\"", ",a=\"1\"",
      "a =\"1\"", "a= \"1\"", "a-b=\"1\"", "a=\"1\",a=\"1\"", "=\"1\"",
    };
    for (String text : bad) {
      assertNull(RequestAuthenticator.parameters(text, 0), text);
    }
  }

  @Test
  void readsAHostileHeaderInOnePass() {
    char[] letters = new char[64 * 1024];
    Arrays.fill(letters, 'a');
    assertNull(RequestAuthenticator.parameters(new String(letters), 0));
    StringBuilder pairs = new StringBuilder();
    while (pairs.length() < 64 * 1024) {
      pairs.append("a").append(pairs.length()).append("=\"\",");
    }
    assertNull(RequestAuthenticator.parameters(pairs.toString(), 0), "a trailing comma");
  }

  @Test
  void checksInWeChatPaysOrder() {
    java.security.KeyPair merchant = dev.payscore.testing.TestKeys.merchant();
    long now = 1_700_000_000L;
    Clock clock = () -> now;
    RequestAuthenticator authenticator = new RequestAuthenticator("1900000109", "AB", merchant.getPublic(),
        SignatureScheme.RSA, clock);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String path = "/v3/payscore/payafter-orders/X/complete";
    String good = new RequestSigner("1900000109", "AB", merchant.getPrivate(), clock,
        dev.payscore.auth.NonceGenerator.SECURE).authorization("POST", path, body);
    assertNull(authenticator.problem(request(path, body, good)));
    String[][] cases = {
      {null, "Authorization is missing"},
      {good.replace("WECHATPAY2-SHA256-RSA2048", "Bearer"), "the scheme must be WECHATPAY2-SHA256-RSA2048"},
      {good + ",", "Authorization must be name=\"value\" pairs separated by commas, each name once"},
      {good + ",mchid=\"1900000109\"", "Authorization must be name=\"value\" pairs separated by commas, each name once"},
      {good.replace("mchid=\"1900000109\"", "mchid=\"1\""), "mchid does not match"},
      {good.replace("serial_no=\"AB\"", "serial_no=\"CD\""), "商户证书序列号有误 (serial_no does not match)"},
      {good.replace("timestamp=\"" + now + "\"", "timestamp=\"0" + now + "\""), "timestamp is not a number"},
      {good.replace("timestamp=\"" + now + "\"", "timestamp=\"" + (now - 301) + "\""), "timestamp is outside the window"},
      {good.replace("signature=\"", "signature=\"AAAA"), "the signature does not verify"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], authenticator.problem(request(path, body, c[0])), String.valueOf(c[0]));
    }
    assertEquals("the signature does not verify",
        authenticator.problem(request(path, "{ }".getBytes(StandardCharsets.UTF_8), good)));
    List<String[]> twice = new ArrayList<>();
    twice.add(new String[] {"Authorization", good});
    twice.add(new String[] {"Authorization", good});
    assertEquals("Authorization is given twice",
        authenticator.problem(new SandboxRequest("POST", path, twice, body)));
    assertTrue(good.startsWith(SCHEME));
  }

  static SandboxRequest request(String path, byte[] body, String authorization) {
    List<String[]> headers = new ArrayList<>();
    if (authorization != null) {
      headers.add(new String[] {"Authorization", authorization});
    }
    return new SandboxRequest("POST", path, headers, body);
  }
}
