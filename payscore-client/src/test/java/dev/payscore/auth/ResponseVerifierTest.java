package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPaySignatureException.Reason;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseVerifierTest {
  private static final long NOW = 1_700_000_000L;
  private static final String NONCE = "c5ac7061fccab6bf3e254dcf98995b8c";
  private static final byte[] BODY =
      "{\"appid\":\"wxd678efh567hg6787\",\"order_id\":\"15646546545165651651\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final ResponseVerifier verifier =
      ResponseVerifier.builder()
          .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
          .clock(() -> NOW)
          .build();

  private static Map<String, List<String>> headers(long timestamp, String serial, KeyPair signer) {
    String signature =
        IndependentRsa.sign(
            signer.getPrivate(), WechatPayResponses.message(Long.toString(timestamp), NONCE, BODY));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Request-ID", Collections.singletonList("REQ-1"));
    headers.put("Wechatpay-Timestamp", Collections.singletonList(Long.toString(timestamp)));
    headers.put("Wechatpay-Nonce", Collections.singletonList(NONCE));
    headers.put("Wechatpay-Signature", Collections.singletonList(signature));
    headers.put("Wechatpay-Serial", Collections.singletonList(serial));
    return headers;
  }

  private static Map<String, List<String>> good() {
    return headers(NOW, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay());
  }

  private Reason failure(Map<String, List<String>> headers, byte[] body) {
    WechatPaySignatureException e =
        assertThrows(
            WechatPaySignatureException.class,
            () -> verifier.verify(HeaderSource.of(headers), body));
    assertEquals("REQ-1", e.getRequestId());
    return e.getReason();
  }

  @Test
  void acceptsCorrectSignature() {
    assertDoesNotThrow(() -> verifier.verify(HeaderSource.of(good()), BODY));
  }

  @Test
  void acceptsLowerCaseHeaderNamesFromAProxy() {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    good().forEach((k, v) -> lower.put(k.toLowerCase(), v));
    assertDoesNotThrow(() -> verifier.verify(HeaderSource.of(lower), BODY));
  }

  @Test
  void rejectsEachMissingHeader() {
    for (String name :
        Arrays.asList("Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial")) {
      Map<String, List<String>> headers = good();
      headers.remove(name);
      assertEquals(Reason.MISSING_HEADER, failure(headers, BODY), name);
    }
  }

  @Test
  void rejectsDuplicatedHeaderWithDifferentValues() {
    Map<String, List<String>> headers = good();
    headers.put("Wechatpay-Serial", Arrays.asList(TestKeys.PUBLIC_KEY_ID, "PUB_KEY_ID_OTHER"));
    assertEquals(Reason.DUPLICATE_HEADER, failure(headers, BODY));
  }

  @Test
  void acceptsTimestampOneSecondInsideTheWindowAndRejectsOneOutside() {
    for (long skew : new long[] {-300, 300}) {
      Map<String, List<String>> inside = headers(NOW + skew, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay());
      assertDoesNotThrow(() -> verifier.verify(HeaderSource.of(inside), BODY), "skew " + skew);
    }
    for (long skew : new long[] {-301, 301}) {
      assertEquals(
          Reason.STALE_TIMESTAMP,
          failure(headers(NOW + skew, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay()), BODY),
          "skew " + skew);
    }
  }

  @Test
  void rejectsStaleTimestampEvenWithValidSignature() {
    assertEquals(Reason.STALE_TIMESTAMP,
        failure(headers(NOW - 3600, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay()), BODY));
  }

  @Test
  void windowIsConfigurable() {
    ResponseVerifier narrow = ResponseVerifier.builder()
        .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .clock(() -> NOW).windowSeconds(10).build();
    Map<String, List<String>> eleven = headers(NOW - 11, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay());
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> narrow.verify(HeaderSource.of(eleven), BODY));
    assertEquals(Reason.STALE_TIMESTAMP, e.getReason());
  }

  @Test
  void rejectsMalformedTimestamp() {
    Map<String, List<String>> headers = good();
    headers.put("Wechatpay-Timestamp", Collections.singletonList("yesterday"));
    assertEquals(Reason.MALFORMED_TIMESTAMP, failure(headers, BODY));
  }

  @Test
  void rejectsProbeSignatureWithoutCrashingOnBase64() {
    Map<String, List<String>> headers = good();
    headers.put("Wechatpay-Signature",
        Collections.singletonList("WECHATPAY/SIGNTEST/" + headers.get("Wechatpay-Signature").get(0)));
    assertEquals(Reason.PROBE_SIGNATURE, failure(headers, BODY));
  }

  @Test
  void rejectsUndecodableSignature() {
    Map<String, List<String>> headers = good();
    headers.put("Wechatpay-Signature", Collections.singletonList("%%%not base64%%%"));
    assertEquals(Reason.MALFORMED_SIGNATURE, failure(headers, BODY));
  }

  @Test
  void rejectsUnknownSerial() {
    assertEquals(Reason.UNKNOWN_SERIAL, failure(headers(NOW, "PUB_KEY_ID_999", TestKeys.wechatPay()), BODY));
  }

  @Test
  void rejectsTamperedBodyAndWrongKey() {
    byte[] tampered = Arrays.copyOf(BODY, BODY.length);
    tampered[10] ^= 1;
    assertEquals(Reason.SIGNATURE_MISMATCH, failure(good(), tampered));
    assertEquals(Reason.SIGNATURE_MISMATCH, failure(headers(NOW, TestKeys.PUBLIC_KEY_ID, TestKeys.other()), BODY));
    Map<String, List<String>> nonce = good();
    nonce.put("Wechatpay-Nonce", Collections.singletonList("other"));
    assertEquals(Reason.SIGNATURE_MISMATCH, failure(nonce, BODY));
  }

  @Test
  void verifiesWithPublicKeyAndCertificateSideBySide() throws Exception {
    KeyPair platform = TestKeys.generate();
    X509Certificate certificate = TestKeys.certificate(platform, new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E1", 16));
    ResponseVerifier both = ResponseVerifier.builder()
        .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .certificate(certificate)
        .clock(() -> NOW)
        .build();
    assertTrue(both.keys().contains("5157F09EFDC096DE15EBE81A47057A7232F1B8E1"));
    assertDoesNotThrow(() -> both.verify(HeaderSource.of(good()), BODY));
    assertDoesNotThrow(() -> both.verify(HeaderSource.of(
        headers(NOW, "5157F09EFDC096DE15EBE81A47057A7232F1B8E1", platform)), BODY));
    // The certificate's key does not verify the public key's signatures, nor the reverse.
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> both.verify(HeaderSource.of(headers(NOW, "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            TestKeys.wechatPay())), BODY));
    assertEquals(Reason.SIGNATURE_MISMATCH, e.getReason());
    assertEquals(TestKeys.PUBLIC_KEY_ID, both.keys().preferredId());
  }

  @Test
  void keysAreScopedToTheInstance() {
    ResponseVerifier other = ResponseVerifier.builder()
        .publicKey("PUB_KEY_ID_0000000000000024101100397200000006", TestKeys.other().getPublic())
        .clock(() -> NOW).build();
    assertFalse(other.keys().contains(TestKeys.PUBLIC_KEY_ID));
    assertTrue(verifier.keys().contains(TestKeys.PUBLIC_KEY_ID));
    assertFalse(verifier.keys().contains("PUB_KEY_ID_0000000000000024101100397200000006"));
  }

  @Test
  void builderRefusesNoKeyAndBadIds() {
    assertThrows(IllegalStateException.class, () -> ResponseVerifier.builder().build());
    assertThrows(IllegalArgumentException.class,
        () -> ResponseVerifier.builder().publicKey("0114232134912410000000000000", TestKeys.wechatPay().getPublic()));
    assertThrows(IllegalArgumentException.class, () -> ResponseVerifier.builder()
        .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.other().getPublic()));
  }

  @Test
  void failureMessagesNeverHoldTheSignature() {
    List<Map<String, List<String>>> cases = new ArrayList<>();
    cases.add(headers(NOW - 999, TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay()));
    cases.add(headers(NOW, TestKeys.PUBLIC_KEY_ID, TestKeys.other()));
    cases.add(headers(NOW, "PUB_KEY_ID_1", TestKeys.wechatPay()));
    for (Map<String, List<String>> headers : cases) {
      String signature = headers.get("Wechatpay-Signature").get(0);
      WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
          () -> verifier.verify(HeaderSource.of(headers), BODY));
      assertFalse(e.getMessage().contains(signature.substring(0, 16)), e.getMessage());
      assertTrue(e.getMessage().contains("REQ-1"), e.getMessage());
    }
  }

  @Test
  void exposesItsKeysWindowAndADerivedCopy() throws Exception {
    assertEquals(java.util.Collections.singleton(TestKeys.PUBLIC_KEY_ID), verifier.keys().ids());
    assertEquals(300, verifier.windowSeconds());
    assertEquals("ResponseVerifier{keys=[" + TestKeys.PUBLIC_KEY_ID + "], window=300s}", verifier.toString());
    ResponseVerifier copy = verifier.newBuilder().build();
    copy.verify(HeaderSource.of(good()), BODY);
    assertEquals(verifier.keys().ids(), copy.keys().ids());
    X509Certificate certificate = TestKeys.certificate(TestKeys.other(), BigInteger.valueOf(0xABCDEF));
    ResponseVerifier certificateOnly = ResponseVerifier.builder().certificate(certificate).build();
    assertEquals("ABCDEF", certificateOnly.keys().preferredId());
    assertEquals(TestKeys.PUBLIC_KEY_ID, verifier.keys().preferredId());
  }

  @Test
  void unknownSerialIsQuotedPrintableAndShort() {
    String serial = "PUB_KEY_ID_\u0001" + new String(new char[80]).replace('\0', '9');
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> verifier.verify(HeaderSource.of(headers(NOW, serial, TestKeys.wechatPay())), BODY));
    assertEquals(Reason.UNKNOWN_SERIAL, e.getReason());
    assertTrue(e.getMessage().contains("PUB_KEY_ID_?999"), e.getMessage());
    assertTrue(e.getMessage().contains("…"), e.getMessage());
    assertFalse(e.getMessage().contains(new String(new char[70]).replace('\0', '9')), e.getMessage());
    String exactly64 = "PUB_KEY_ID_" + new String(new char[53]).replace('\0', '7');
    WechatPaySignatureException shortOne = assertThrows(WechatPaySignatureException.class,
        () -> verifier.verify(HeaderSource.of(headers(NOW, exactly64, TestKeys.wechatPay())), BODY));
    assertTrue(shortOne.getMessage().contains(exactly64 + ";"), shortOne.getMessage());
  }

  @Test
  void timestampsOfMoreThan18DigitsAreMalformed() {
    Map<String, List<String>> nineteen = good();
    nineteen.put("Wechatpay-Timestamp", Collections.singletonList("1000000000000000000"));
    assertEquals(Reason.MALFORMED_TIMESTAMP, failure(nineteen, BODY));
    Map<String, List<String>> eighteen = good();
    eighteen.put("Wechatpay-Timestamp", Collections.singletonList("100000000000000000"));
    assertEquals(Reason.STALE_TIMESTAMP, failure(eighteen, BODY));
  }

  @Test
  void emptyDecodedSignatureIsMalformed() {
    Map<String, List<String>> headers = good();
    headers.put("Wechatpay-Signature", Collections.singletonList("===="));
    assertEquals(Reason.MALFORMED_SIGNATURE, failure(headers, BODY));
  }

  @Test
  void builderRefusesNonRsaKeysAndWindowsOutOfRange() throws Exception {
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    java.security.KeyPair pair = ec.generateKeyPair();
    assertThrows(IllegalArgumentException.class,
        () -> ResponseVerifier.builder().publicKey(TestKeys.PUBLIC_KEY_ID, pair.getPublic()));
    X509Certificate ecCertificate = ecCertificate(pair);
    assertThrows(IllegalArgumentException.class, () -> ResponseVerifier.builder().certificate(ecCertificate));
    assertThrows(IllegalArgumentException.class, () -> ResponseVerifier.builder().windowSeconds(-1));
    assertThrows(IllegalArgumentException.class, () -> ResponseVerifier.builder().windowSeconds(3601));
    ResponseVerifier.builder().windowSeconds(0);
    ResponseVerifier.builder().windowSeconds(3600);
  }

  static X509Certificate ecCertificate(java.security.KeyPair pair) throws Exception {
    org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=ec");
    long now = System.currentTimeMillis();
    return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.ONE,
            new java.util.Date(now - 1000), new java.util.Date(now + 86_400_000L), name, pair.getPublic())
            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }
}
