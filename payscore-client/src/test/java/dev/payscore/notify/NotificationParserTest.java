package dev.payscore.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.RefundNotification;
import dev.payscore.model.RefundStatus;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class NotificationParserTest {
  static final String API_V3_KEY = "a7cde1ef52f6d2e6f1c2a0b3d4e5f6a7";

  static {
    dev.payscore.testing.Secrets.register(API_V3_KEY);
  }
  static final long NOW = 1_700_000_000L;
  static final String ORDER_JSON =
      "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\",\"out_order_no\":\"ORDER1\","
          + "\"service_id\":\"500001\",\"order_id\":\"15646546545165651651\",\"state\":\"USER_ACCEPTED\","
          + "\"finish_ticket\":\"T1\",\"new_field\":1}";

  final ResponseVerifier verifier = ResponseVerifier.builder()
      .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic()).clock(() -> NOW).build();
  final NotificationParser parser = new NotificationParser(verifier, API_V3_KEY);

  /** AES-256-GCM with Bouncy Castle's lightweight API: independent of the parser's JDK Cipher. */
  static String encrypt(String key, String nonce, String aad, String plaintext) {
    try {
      GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
      gcm.init(true, new AEADParameters(new KeyParameter(key.getBytes(StandardCharsets.UTF_8)), 128,
          nonce.getBytes(StandardCharsets.UTF_8), aad.getBytes(StandardCharsets.UTF_8)));
      byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[gcm.getOutputSize(in.length)];
      int n = gcm.processBytes(in, 0, in.length, out, 0);
      gcm.doFinal(out, n);
      return Base64.getEncoder().encodeToString(out);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String envelope(String eventType, String algorithm, String ciphertext) {
    return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2015-05-20T13:29:35+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"" + eventType + "\",\"summary\":\"支付成功\","
        + "\"resource\":{\"original_type\":\"payscore\",\"algorithm\":\"" + algorithm + "\",\"ciphertext\":\""
        + ciphertext + "\",\"nonce\":\"fdasflkja484\",\"associated_data\":\"payscore\"}}";
  }

  static String body(String eventType, String plaintext) {
    return envelope(eventType, "AEAD_AES_256_GCM", encrypt(API_V3_KEY, "fdasflkja484", "payscore", plaintext));
  }

  static Map<String, List<String>> headers(String body, long timestamp, String signaturePrefix) {
    String signature = IndependentRsa.sign(TestKeys.wechatPay().getPrivate(),
        WechatPayResponses.message(Long.toString(timestamp), "nonce1", body.getBytes(StandardCharsets.UTF_8)));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Request-ID", Collections.singletonList("REQ-N"));
    headers.put("Wechatpay-Timestamp", Collections.singletonList(Long.toString(timestamp)));
    headers.put("Wechatpay-Nonce", Collections.singletonList("nonce1"));
    headers.put("Wechatpay-Signature", Collections.singletonList(signaturePrefix + signature));
    headers.put("Wechatpay-Serial", Collections.singletonList(TestKeys.PUBLIC_KEY_ID));
    return headers;
  }

  PayScoreNotification parse(String body) throws Exception {
    return parser.parse(HeaderSource.of(headers(body, NOW, "")), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesUserAcceptedIntoATypedOrder() throws Exception {
    PayScoreNotification n = parse(body("PAYSCORE.USER_ACCEPTED", ORDER_JSON));
    assertTrue(n instanceof PayScoreNotification.UserAccepted, n.toString());
    PayScoreNotification.UserAccepted accepted = (PayScoreNotification.UserAccepted) n;
    assertEquals("EV-2018022511223320873", n.getId());
    assertEquals("ORDER1", accepted.getOrder().getOutOrderNo());
    assertEquals(PayafterOrderState.USER_ACCEPTED, accepted.getOrder().getState());
    assertEquals("T1", accepted.getOrder().getFinishTicket());
    assertEquals(ORDER_JSON, n.getResourceJson());
    assertEquals("2015-05-20T13:29:35+08:00", n.getCreateTime());
  }

  @Test
  void parsesUserPaidAndKeepsUnknownStatesAsUnknown() throws Exception {
    PayScoreNotification n = parse(body("PAYSCORE.USER_PAID", ORDER_JSON.replace("USER_ACCEPTED", "DONE")));
    assertTrue(n instanceof PayScoreNotification.UserPaid);
    assertEquals(PayafterOrderState.UNKNOWN, ((PayScoreNotification.UserPaid) n).getOrder().getState());
  }

  static final String REFUND_JSON =
      "{\"mchid\":\"1230000109\",\"out_trade_no\":\"ORDER1\",\"transaction_id\":\"4200000000201912021234567890\","
          + "\"out_refund_no\":\"REFUND1\",\"refund_id\":\"50000000382019052709732678859\","
          + "\"refund_status\":\"SUCCESS\",\"success_time\":\"2020-12-01T16:18:12+08:00\","
          + "\"user_received_account\":\"支付用户零钱\",\"amount\":{\"total\":39500,\"refund\":10000,"
          + "\"payer_total\":39500,\"payer_refund\":10000,\"payer_currency\":\"CNY\"},\"sp_mchid\":\"1\"}";

  @Test
  void parsesRefundSuccessIntoATypedRefund() throws Exception {
    PayScoreNotification n = parse(body("REFUND.SUCCESS", REFUND_JSON));
    assertTrue(n instanceof PayScoreNotification.RefundSucceeded, n.toString());
    RefundNotification refund = ((PayScoreNotification.RefundSucceeded) n).getRefund();
    assertEquals("REFUND.SUCCESS", n.getEventType());
    assertEquals("REFUND1", refund.getOutRefundNo());
    assertEquals("4200000000201912021234567890", refund.getTransactionId());
    assertEquals(RefundStatus.SUCCESS, refund.getRefundStatus());
    assertEquals(Long.valueOf(10000), refund.getAmount().getRefund());
    assertEquals(Long.valueOf(39500), refund.getAmount().getTotal());
    assertEquals(REFUND_JSON, n.getResourceJson());
  }

  @Test
  void parsesRefundAbnormalAndClosedIntoTheirOwnTypes() throws Exception {
    PayScoreNotification abnormal =
        parse(body("REFUND.ABNORMAL", REFUND_JSON.replace("\"SUCCESS\"", "\"ABNORMAL\"")));
    assertTrue(abnormal instanceof PayScoreNotification.RefundAbnormal, abnormal.toString());
    assertEquals(RefundStatus.ABNORMAL, ((PayScoreNotification.RefundEvent) abnormal).getRefund().getRefundStatus());
    PayScoreNotification closed =
        parse(body("REFUND.CLOSED", REFUND_JSON.replace("\"SUCCESS\"", "\"REVOKED_BY_BANK\"")));
    assertTrue(closed instanceof PayScoreNotification.RefundClosed, closed.toString());
    assertEquals(RefundStatus.UNKNOWN, ((PayScoreNotification.RefundEvent) closed).getRefund().getRefundStatus(),
        "a status this version does not know reads as UNKNOWN");
  }

  @Test
  void aRefundResourceWithoutItsStatusIsMalformed() {
    String body = body("REFUND.SUCCESS", REFUND_JSON.replace("\"refund_status\":\"SUCCESS\",", ""));
    WechatPayNotificationException e = assertThrows(WechatPayNotificationException.class, () -> parse(body));
    assertEquals(WechatPayNotificationException.Reason.MALFORMED_RESOURCE, e.getReason());
    assertTrue(e.getMessage().contains("not a refund") && e.getMessage().contains("refund_status"), e.getMessage());
  }

  @Test
  void unknownEventTypeKeepsTheDecryptedJson() throws Exception {
    PayScoreNotification n = parse(body("PAYSCORE.SOMETHING_NEW", "{\"a\":[1,2]}"));
    assertTrue(n instanceof PayScoreNotification.Unknown);
    assertEquals("PAYSCORE.SOMETHING_NEW", n.getEventType());
    assertEquals("{\"a\":[1,2]}", n.getResourceJson());
  }

  @Test
  void lowerCaseHeadersVerify() throws Exception {
    String body = body("PAYSCORE.USER_ACCEPTED", ORDER_JSON);
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers(body, NOW, "").forEach((k, v) -> lower.put(k.toLowerCase(), v));
    assertTrue(parser.parse(HeaderSource.of(lower), body.getBytes(StandardCharsets.UTF_8))
        instanceof PayScoreNotification.UserAccepted);
  }

  @Test
  void probeAndStaleNotificationsFailVerification() {
    String body = body("PAYSCORE.USER_ACCEPTED", ORDER_JSON);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    WechatPaySignatureException probe = assertThrows(WechatPaySignatureException.class,
        () -> parser.parse(HeaderSource.of(headers(body, NOW, "WECHATPAY/SIGNTEST/")), bytes));
    assertEquals(WechatPaySignatureException.Reason.PROBE_SIGNATURE, probe.getReason());
    assertEquals(0, probe.getHttpStatus());
    WechatPaySignatureException stale = assertThrows(WechatPaySignatureException.class,
        () -> parser.parse(HeaderSource.of(headers(body, NOW - 301, "")), bytes));
    assertEquals(WechatPaySignatureException.Reason.STALE_TIMESTAMP, stale.getReason());
    String tampered = body.replace("支付成功", "支付失败");
    WechatPaySignatureException mismatch = assertThrows(WechatPaySignatureException.class,
        () -> parser.parse(HeaderSource.of(headers(body, NOW, "")), tampered.getBytes(StandardCharsets.UTF_8)));
    assertEquals(WechatPaySignatureException.Reason.SIGNATURE_MISMATCH, mismatch.getReason());
  }

  @Test
  void tamperedCiphertextFailsDecryptionEvenWhenSigned() {
    String ciphertext = encrypt(API_V3_KEY, "fdasflkja484", "payscore", ORDER_JSON);
    byte[] raw = Base64.getDecoder().decode(ciphertext);
    raw[3] ^= 1;
    String body = envelope("PAYSCORE.USER_ACCEPTED", "AEAD_AES_256_GCM", Base64.getEncoder().encodeToString(raw));
    WechatPayNotificationException e = assertThrows(WechatPayNotificationException.class, () -> parse(body));
    assertEquals(WechatPayNotificationException.Reason.DECRYPTION_FAILED, e.getReason());
    assertEquals("REQ-N", e.getRequestId());
  }

  @Test
  void wrongApiV3KeyFailsDecryption() {
    String body = envelope("PAYSCORE.USER_ACCEPTED", "AEAD_AES_256_GCM",
        encrypt("b7cde1ef52f6d2e6f1c2a0b3d4e5f6a7", "fdasflkja484", "payscore", ORDER_JSON));
    WechatPayNotificationException e = assertThrows(WechatPayNotificationException.class, () -> parse(body));
    assertEquals(WechatPayNotificationException.Reason.DECRYPTION_FAILED, e.getReason());
    assertFalse(e.getMessage().contains(API_V3_KEY));
  }

  @Test
  void unsupportedAlgorithmAndMalformedBodiesAreTyped() {
    WechatPayNotificationException sm4 = assertThrows(WechatPayNotificationException.class,
        () -> parse(envelope("PAYSCORE.USER_ACCEPTED", "AEAD_CHACHA20_POLY1305", "AAAAAAAAAAAAAAAAAAAAAA==")));
    assertEquals(WechatPayNotificationException.Reason.UNSUPPORTED_ALGORITHM, sm4.getReason());
    assertEquals(WechatPayNotificationException.Reason.MALFORMED,
        assertThrows(WechatPayNotificationException.class, () -> parse("[]")).getReason());
    assertEquals(WechatPayNotificationException.Reason.MALFORMED,
        assertThrows(WechatPayNotificationException.class, () -> parse("{\"id\":\"x\",\"event_type\":\"E\"}")).getReason());
    assertEquals(WechatPayNotificationException.Reason.MALFORMED_RESOURCE, assertThrows(WechatPayNotificationException.class,
        () -> parse(body("PAYSCORE.USER_PAID", "{\"fees\":\"not a list\"}"))).getReason());
  }

  @Test
  void decryptsAeadSm4GcmUnderTheFirst16BytesOfSm3OfTheApiV3Key() throws Exception {
    // Built with Bouncy Castle's SM3 and SM4-GCM directly, not through the parser's code.
    org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
    byte[] keyBytes = API_V3_KEY.getBytes(StandardCharsets.UTF_8);
    sm3.update(keyBytes, 0, keyBytes.length);
    byte[] digest = new byte[32];
    sm3.doFinal(digest, 0);
    GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new org.bouncycastle.crypto.engines.SM4Engine());
    gcm.init(true, new AEADParameters(new KeyParameter(java.util.Arrays.copyOf(digest, 16)), 128,
        "fdasflkja484".getBytes(StandardCharsets.UTF_8), "payscore".getBytes(StandardCharsets.UTF_8)));
    byte[] in = ORDER_JSON.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[gcm.getOutputSize(in.length)];
    gcm.doFinal(out, gcm.processBytes(in, 0, in.length, out, 0));
    String body = envelope("PAYSCORE.USER_ACCEPTED", "AEAD_SM4_GCM", Base64.getEncoder().encodeToString(out));
    PayScoreNotification n = parse(body);
    assertEquals("ORDER1", ((PayScoreNotification.UserAccepted) n).getOrder().getOutOrderNo());
    out[5] ^= 1;
    String tampered = envelope("PAYSCORE.USER_ACCEPTED", "AEAD_SM4_GCM", Base64.getEncoder().encodeToString(out));
    assertEquals(WechatPayNotificationException.Reason.DECRYPTION_FAILED,
        assertThrows(WechatPayNotificationException.class, () -> parse(tampered)).getReason());
  }

  @Test
  void apiV3KeyMustBe32Bytes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NotificationParser(verifier, "short"));
    assertEquals("apiV3Key: must be 32 bytes, got 5", e.getMessage());
  }

  @Test
  void toStringLeavesTheResourceOut() throws Exception {
    PayScoreNotification n = parse(body("PAYSCORE.USER_ACCEPTED", ORDER_JSON));
    assertEquals("UserAccepted{id=EV-2018022511223320873, event_type=PAYSCORE.USER_ACCEPTED}", n.toString());
  }

  @Test
  void refusesABodyOverItsLimitUnread() {
    NotificationParser parser = new NotificationParser(
        ResponseVerifier.builder().publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic()).build(),
        "0123456789abcdef0123456789abcdef", 2048);
    byte[] big = new byte[2049];
    WechatPayNotificationException e = assertThrows(WechatPayNotificationException.class,
        () -> parser.parse(name -> java.util.Collections.emptyList(), big));
    assertEquals(WechatPayNotificationException.Reason.TOO_LARGE, e.getReason());
    // At the limit it is read (and here fails verification: no signature headers).
    assertThrows(dev.payscore.exception.WechatPaySignatureException.class,
        () -> parser.parse(name -> java.util.Collections.emptyList(), new byte[2048]));
    assertThrows(IllegalArgumentException.class, () -> new NotificationParser(
        ResponseVerifier.builder().publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic()).build(),
        "0123456789abcdef0123456789abcdef", 1023));
  }
}
