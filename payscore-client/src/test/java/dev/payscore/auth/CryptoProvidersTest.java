package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
  static List<Provider> natives() {
    return Arrays.asList(
        com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE,
        org.conscrypt.Conscrypt.newProvider());
  }

  @Test
  void prefersAccpThenConscryptWithoutRegisteringEither() {
    Provider provider = CryptoProviders.nativeProvider();
    assertNotNull(provider, "ACCP and Conscrypt are test dependencies");
    assertEquals("AmazonCorrettoCryptoProvider", provider.getName());
    assertNull(Security.getProvider("AmazonCorrettoCryptoProvider"), "never registered globally");
    assertNull(Security.getProvider("Conscrypt"), "never registered globally");
  }

  @Test
  void nativeAndJdkSignaturesAreByteIdentical() {
    RequestSigner jdk = new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL,
        TestKeys.merchant().getPrivate(), () -> 1554208460L, () -> "n0nce", null);
    for (Provider provider : natives()) {
      RequestSigner fast = new RequestSigner(TestKeys.MERCHANT_ID, TestKeys.MERCHANT_SERIAL,
          TestKeys.merchant().getPrivate(), () -> 1554208460L, () -> "n0nce", provider);
      assertEquals(provider.getName(), fast.providerName());
      for (int size : new int[] {0, 1, 714, 4096}) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        // Twice each: the second call reuses the thread's initialised Signature.
        for (int i = 0; i < 2; i++) {
          assertEquals(jdk.authorization("POST", "/v3/x", body), fast.authorization("POST", "/v3/x", body),
              provider.getName() + ", " + size + " bytes");
        }
      }
    }
  }

  @Test
  void nativeVerifiersAcceptAndRejectLikeTheJdkOne() throws Exception {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    long now = 1_700_000_000L;
    String signature = dev.payscore.testing.IndependentRsa.sign(TestKeys.wechatPay().getPrivate(),
        dev.payscore.testing.WechatPayResponses.message(Long.toString(now), "n", body));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", Collections.singletonList(Long.toString(now)));
    headers.put("Wechatpay-Nonce", Collections.singletonList("n"));
    headers.put("Wechatpay-Signature", Collections.singletonList(signature));
    headers.put("Wechatpay-Serial", Collections.singletonList(TestKeys.PUBLIC_KEY_ID));
    for (Provider provider : natives()) {
      ResponseVerifier verifier = ResponseVerifier.builder()
          .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
          .clock(() -> now).provider(provider).build();
      verifier.verify(HeaderSource.of(headers), body);
      verifier.verify(HeaderSource.of(headers), body);
      body[2] ^= 1;
      assertThrows(dev.payscore.exception.WechatPaySignatureException.class,
          () -> verifier.verify(HeaderSource.of(headers), body), provider.getName());
      body[2] ^= 1;
      verifier.verify(HeaderSource.of(headers), body);
    }
  }
}
