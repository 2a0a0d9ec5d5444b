package dev.payscore.notify;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.testing.IndependentRsa;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: {@link NotificationParser} over what a notification sender controls. Three shapes
 * (the first byte picks one, mod 3): headers and body as given (the rest is the timestamp, nonce,
 * signature and serial headers, then the body, separated by the first four newlines), unsigned (the fuzzer meets the signature
 * check); a fuzzed envelope JSON signed by the target with the WeChat Pay test key (the fuzzer gets
 * past the signature into the envelope; the rest is the body); a fuzzed resource plaintext sealed with AEAD_AES_256_GCM
 * under the APIv3 key and put in a signed envelope (the second byte picks the event type, the rest
 * is the plaintext; the fuzzer gets past both into the typed
 * notification).
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>the only exceptions are the documented {@link WechatPaySignatureException} and {@link
 *       WechatPayNotificationException}; a parsed notification is not null and prints (its
 *       {@code toString()} does not throw);
 *   <li>bounded: the body is capped at {@link NotificationParser#DEFAULT_MAX_BODY_BYTES}; per-input
 *       time is libFuzzer's {@code -timeout} in the {@code fuzz} profile, memory the fork's {@code -Xmx}.
 * </ul>
 */
class NotificationParserFuzzTest {
  private static final String API_V3_KEY = "a7cde1ef52f6d2e6f1c2a0b3d4e5f6a7";
  private static final long NOW = 1_700_000_000L;
  private static final NotificationParser PARSER = new NotificationParser(ResponseVerifier.builder()
      .publicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic()).clock(() -> NOW).build(), API_V3_KEY);

  static {
    dev.payscore.testing.Secrets.register(API_V3_KEY);
  }

  @FuzzTest
  void parsesOrRefusesAnyNotification(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int shape = (input[0] & 0xff) % 3;
    Map<String, List<String>> headers;
    byte[] body;
    if (shape == 0) {
      String[] parts = new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1).split("\n", 5);
      if (parts.length < 5) {
        return;
      }
      headers = new LinkedHashMap<>();
      headers.put("Wechatpay-Timestamp", Collections.singletonList(parts[0]));
      headers.put("Wechatpay-Nonce", Collections.singletonList(parts[1]));
      headers.put("Wechatpay-Signature", Collections.singletonList(parts[2]));
      headers.put("Wechatpay-Serial", Collections.singletonList(parts[3]));
      body = parts[4].getBytes(StandardCharsets.ISO_8859_1);
    } else if (shape == 1) {
      body = Arrays.copyOfRange(input, 1, input.length);
      headers = signed(body);
    } else {
      String[] events = {"PAYSCORE.USER_ACCEPTED", "PAYSCORE.USER_PAID", "PAYSCORE.USER_CONFIRM",
          "PAYSCORE.USER_OPEN_SERVICE", "PAYSCORE.OTHER"};
      String eventType = events[(input[1] & 0xff) % events.length];
      byte[] plaintext = Arrays.copyOfRange(input, 2, input.length);
      String ciphertext = Base64.getEncoder().encodeToString(seal(plaintext));
      body = ("{\"id\":\"EV-1\",\"create_time\":\"2015-05-20T13:29:35+08:00\",\"resource_type\":\"encrypt-resource\","
          + "\"event_type\":\"" + escape(eventType) + "\",\"summary\":\"s\",\"resource\":{\"original_type\":\"payscore\","
          + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\"" + ciphertext + "\",\"nonce\":\"fdasflkja484\","
          + "\"associated_data\":\"payscore\"}}").getBytes(StandardCharsets.UTF_8);
      headers = signed(body);
    }
    try {
      PayScoreNotification notification = PARSER.parse(HeaderSource.of(headers), body);
      assertNotNull(notification);
      assertNotNull(notification.toString());
    } catch (WechatPaySignatureException | WechatPayNotificationException expected) {
      assertNotNull(expected.getMessage());
    }
  }

  private static Map<String, List<String>> signed(byte[] body) {
    String signature = IndependentRsa.sign(TestKeys.wechatPay().getPrivate(),
        WechatPayResponses.message(Long.toString(NOW), "nonce1", body));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Request-ID", Collections.singletonList("REQ-N"));
    headers.put("Wechatpay-Timestamp", Collections.singletonList(Long.toString(NOW)));
    headers.put("Wechatpay-Nonce", Collections.singletonList("nonce1"));
    headers.put("Wechatpay-Signature", Collections.singletonList(signature));
    headers.put("Wechatpay-Serial", Collections.singletonList(TestKeys.PUBLIC_KEY_ID));
    return headers;
  }

  /** AES-256-GCM with Bouncy Castle's lightweight API, independent of the parser's JDK Cipher. */
  private static byte[] seal(byte[] plaintext) {
    try {
      org.bouncycastle.crypto.modes.GCMBlockCipher gcm = (org.bouncycastle.crypto.modes.GCMBlockCipher)
          org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(org.bouncycastle.crypto.engines.AESEngine.newInstance());
      gcm.init(true, new org.bouncycastle.crypto.params.AEADParameters(
          new org.bouncycastle.crypto.params.KeyParameter(API_V3_KEY.getBytes(StandardCharsets.UTF_8)), 128,
          "fdasflkja484".getBytes(StandardCharsets.UTF_8), "payscore".getBytes(StandardCharsets.UTF_8)));
      byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
      int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
      gcm.doFinal(out, n);
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
