package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.model.ValidationException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.Discount;
import dev.payscore.model.FinishType;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.payscore.testing.Seeded;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-based tests of signing, verification and validation (seeded generators). */
class SignatureProperties {
  static final long NOW = 1_700_000_000L;
  static final ResponseVerifier VERIFIER = ResponseVerifier.builder()
      .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic()).clock(() -> NOW).build();

  /** Text without surrogates: what a request may carry. */
  static String text(Random random) {
    return Seeded.string(random, ' ', '\u9fff', 1, 40);
  }

  @Test
  void anyValidRequestIsSignedSoThatAnIndependentVerifierAccepts() {
    Seeded.forAll("anyValidRequestIsSigned", 60, random -> signed(text(random), text(random),
        Seeded.between(random, 0L, Long.MAX_VALUE), Seeded.between(random, 0, 5),
        Seeded.string(random, '\u0001', '\ud7ff', 1, 32)));
  }

  void signed(String appid, String serviceId, long total, int discounts, String outOrderNo) {
    List<Discount> list = new ArrayList<>(Collections.nCopies(discounts,
        Discount.builder().discountName(appid).discountAmount(1L).build()));
    CompletePayafterOrderRequest request = CompletePayafterOrderRequest.builder().appid(appid).serviceId(serviceId)
        .finishType(FinishType.SERVICE_USED).totalAmount(total).discounts(list).build();
    byte[] body = new com.squareup.moshi.Moshi.Builder().build().adapter(CompletePayafterOrderRequest.class)
        .toJson(request).getBytes(StandardCharsets.UTF_8);
    String path = "/v3/payscore/payafter-orders/" + okhttp3.HttpUrl.get("http://h/").newBuilder()
        .addPathSegment(outOrderNo).build().encodedPath().substring(1) + "/complete";
    RequestSigner signer = new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL,
        TestKeys.merchant().getPrivate(), () -> NOW, () -> "N0nce");
    Map<String, String> auth = WechatPayResponses.authorization(signer.authorization("POST", path, body));
    byte[] message = dev.payscore.testing.WechatPayResponses.requestMessage("POST", path, NOW, "N0nce", body);
    assertTrue(IndependentRsa.verify(TestKeys.merchant().getPublic(), message, auth.get("signature")));
  }

  @Test
  void anySingleByteChangeIsRefused() {
    Seeded.forAll("anySingleByteChangeIsRefused", 80, random -> changed(Seeded.between(random, 0, 3),
        Seeded.between(random, 0, 10_000), Seeded.between(random, 1, 255)));
  }

  void changed(int part, int position, int flip) {
    byte[] body = "{\"appid\":\"wx\",\"order_id\":\"15646546545165651651\"}".getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(NOW);
    String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
    String signature = IndependentRsa.sign(TestKeys.wechatPay().getPrivate(),
        WechatPayResponses.message(timestamp, nonce, body));
    switch (part) {
      case 0:
        body[position % body.length] ^= (byte) flip;
        break;
      case 1:
        timestamp = change(timestamp, position, flip);
        break;
      case 2:
        nonce = change(nonce, position, flip);
        break;
      default:
        signature = changeBase64(signature, position, flip);
        break;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Collections.singletonList(timestamp));
    headers.put("Wechatpay-Nonce", Collections.singletonList(nonce));
    headers.put("Wechatpay-Signature", Collections.singletonList(signature));
    headers.put("Wechatpay-Serial", Collections.singletonList(TestKeys.PUBLIC_KEY_ID));
    byte[] received = body;
    assertThrows(WechatPaySignatureException.class, () -> VERIFIER.verify(HeaderSource.of(headers), received));
  }

  /**
   * Replaces one Base64 character with another Base64 character, outside the final group (whose
   * last characters may carry padding bits that decode to the same bytes).
   */
  static String changeBase64(String value, int position, int flip) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char[] chars = value.toCharArray();
    int i = position % (chars.length - 4);
    int current = alphabet.indexOf(chars[i]);
    chars[i] = alphabet.charAt((current + 1 + flip % 63) % 64);
    return new String(chars);
  }

  /** Replaces one character with another printable one (headers carry text). */
  static String change(String value, int position, int flip) {
    char[] chars = value.toCharArray();
    int i = position % chars.length;
    char replacement = (char) ('!' + ((chars[i] - '!' + (flip % 93)) % 94));
    if (replacement == chars[i]) {
      replacement = chars[i] == 'A' ? 'B' : 'A';
    }
    chars[i] = replacement;
    return new String(chars);
  }

  @Test
  void anyBrokenConstraintIsRefusedNamingTheField() {
    Seeded.forAll("anyBrokenConstraintIsRefusedNamingTheField", 60, random -> broken(
        Seeded.between(random, Long.MIN_VALUE, -1L), Seeded.between(random, 6, 50), Seeded.between(random, 0, 2)));
  }

  void broken(long negative, int tooMany, int which) {
    CompletePayafterOrderRequest.Builder builder = CompletePayafterOrderRequest.builder().appid("wx").serviceId("1");
    String field;
    if (which == 0) {
      builder.totalAmount(negative);
      field = "total_amount";
    } else if (which == 1) {
      builder.discounts(new ArrayList<>(Collections.nCopies(tooMany, Discount.builder().build())));
      field = "discounts";
    } else {
      builder.appid("");
      field = "appid";
    }
    ValidationException e = assertThrows(ValidationException.class, builder::build);
    assertEquals(1, e.getViolations().size(), e.getMessage());
    assertTrue(e.getViolations().get(0).startsWith(field + ": "), e.getMessage());
  }
}
