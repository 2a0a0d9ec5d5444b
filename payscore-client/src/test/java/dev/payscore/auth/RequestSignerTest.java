package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
  private static final String BODY =
      "{\"appid\":\"wxd678efh567hg6787\",\"service_id\":\"500001\",\"finish_type\":2,"
          + "\"total_amount\":40000}";

  private final RequestSigner signer =
      new RequestSigner(
          TestKeys.MERCHANT_ID,
          TestKeys.MERCHANT_SERIAL,
          TestKeys.merchant().getPrivate(),
          () -> 1554208460L,
          () -> "593BEC0C930BF1AFEB40B4A08C8FB242");

  @Test
  void authorizationHasGoldenShapeWithFixedClockAndNonce() {
    String path = "/v3/payscore/payafter-orders/1234323JKHDFE1243252/complete";
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String authorization = signer.authorization("POST", path, body);
    String expectedSignature =
        IndependentRsa.sign(
            TestKeys.merchant().getPrivate(),
            ("POST\n" + path + "\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n" + BODY + "\n")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
            + "timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\","
            + "signature=\"" + expectedSignature + "\"",
        authorization);
  }

  @Test
  void signatureVerifiesWithIndependentImplementation() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    Map<String, String> auth = WechatPayResponses.authorization(signer.authorization("POST", "/x", body));
    byte[] message = dev.payscore.testing.WechatPayResponses.requestMessage("POST", "/x", 1554208460L, auth.get("nonce_str"), body);
    assertTrue(IndependentRsa.verify(TestKeys.merchant().getPublic(), message, auth.get("signature")));
    byte[] tampered = dev.payscore.testing.WechatPayResponses.requestMessage("POST", "/y", 1554208460L, auth.get("nonce_str"), body);
    assertFalse(IndependentRsa.verify(TestKeys.merchant().getPublic(), tampered, auth.get("signature")));
  }

  @Test
  void secureNoncesAre32AlphanumericsAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String nonce = NonceGenerator.SECURE.nextNonce();
      assertTrue(nonce.matches("[0-9A-Za-z]{32}"), nonce);
      seen.add(nonce);
    }
    assertEquals(1000, seen.size());
  }

  @Test
  void eachAuthorizationUsesAFreshNonceAndTheClock() {
    RequestSigner real =
        new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL, TestKeys.merchant().getPrivate());
    Map<String, String> a = WechatPayResponses.authorization(real.authorization("GET", "/x", new byte[0]));
    Map<String, String> b = WechatPayResponses.authorization(real.authorization("GET", "/x", new byte[0]));
    assertNotEquals(a.get("nonce_str"), b.get("nonce_str"));
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(Long.parseLong(a.get("timestamp")) - now) <= 2);
  }

  @Test
  void rejectsNonceThatCouldBreakTheHeader() {
    RequestSigner bad =
        new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL,
            TestKeys.merchant().getPrivate(), () -> 1L, () -> "abc\",x=\"y");
    assertThrows(IllegalStateException.class, () -> bad.authorization("GET", "/", new byte[0]));
  }

  @Test
  void rejectsMalformedMerchantIdSerialAndNonRsaKey() throws Exception {
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
        () -> new RequestSigner("19000x", TestKeys.MERCHANT_SERIAL, TestKeys.merchant().getPrivate()));
    assertTrue(id.getMessage().startsWith("merchantId"));
    IllegalArgumentException serial = assertThrows(IllegalArgumentException.class,
        () -> new RequestSigner(TestKeys.MERCHANT_ID, "not-hex", TestKeys.merchant().getPrivate()));
    assertTrue(serial.getMessage().startsWith("merchantSerialNumber"));
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL, ec.generateKeyPair().getPrivate()));
    assertTrue(key.getMessage().startsWith("privateKey"));
  }

  @Test
  void serialIsSentInUpperCase() {
    RequestSigner lower = new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL.toLowerCase(),
        TestKeys.merchant().getPrivate(), () -> 1L, () -> "n");
    assertEquals(TestKeys.MERCHANT_SERIAL,
        WechatPayResponses.authorization(lower.authorization("GET", "/", new byte[0])).get("serial_no"));
  }

  @Test
  void toStringHoldsNoKey() {
    assertEquals(
        "RequestSigner{mchid=1900000109, serial_no=1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C}",
        signer.toString());
  }

  @Test
  void exposesMerchantIdSerialAndProvider() {
    assertEquals("1900000109", signer.merchantId());
    assertEquals("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", signer.merchantSerialNumber());
    assertEquals("JDK default", signer.providerName());
  }

  @Test
  void writesBase64AsOkioDoesForEveryLength() {
    dev.payscore.testing.Seeded.forAll("appendBase64 == ByteString.base64", 300, random -> {
      byte[] bytes = dev.payscore.testing.Seeded.bytes(random, 300);
      assertEquals(okio.ByteString.of(bytes).base64(),
          RequestSigner.appendBase64(new StringBuilder(), bytes).toString());
    });
  }
}
