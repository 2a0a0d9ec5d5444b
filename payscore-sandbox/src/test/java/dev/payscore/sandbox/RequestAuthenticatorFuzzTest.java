package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.payscore.auth.Clock;
import dev.payscore.auth.NonceGenerator;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: the sandbox's {@code Authorization} parser and request authentication, over any
 * header text a client of the sandbox sends: a fuzzed header alone, or a valid signed header with
 * fuzzed text put in, for any target and body. Input: byte 0 picks the shape (mod 3: the header
 * alone; a signed header with the text inserted at the offset byte 1 gives; a signed header sent with
 * the text appended to the target), byte 1 the offset, the rest (UTF-8) up to the first newline is
 * the order number in the target, after it the text.
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>no exception at all: {@link RequestAuthenticator#problem} answers {@code null} or a reason,
 *       {@link RequestAuthenticator#parameters} the pairs or {@code null};
 *   <li>round trip: pairs that are read, written again as {@code name="value"} joined by {@code ", "},
 *       read back as the same pairs;
 *   <li>a header signed by the merchant key over the request, unchanged, verifies ({@code null});
 *       the same header sent with a longer target does not (what is signed is what is checked);
 *   <li>bounded: {@code parameters} is one pass (linear); per-input time is libFuzzer's
 *       {@code -timeout} in the {@code fuzz} profile.
 * </ul>
 */
class RequestAuthenticatorFuzzTest {
  private static final long NOW = 1_700_000_000L;
  private static final Clock CLOCK = () -> NOW;
  private static final RequestAuthenticator AUTHENTICATOR = new RequestAuthenticator("1900000109", "AB",
      TestKeys.merchant().getPublic(), SignatureScheme.RSA, CLOCK);
  private static final RequestSigner SIGNER = new RequestSigner("1900000109", "AB",
      TestKeys.merchant().getPrivate(), CLOCK, NonceGenerator.SECURE);

  @FuzzTest
  void parsesOrRefusesAnyAuthorization(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int mode = (input[0] & 0xff) % 3;
    String rest = new String(input, 2, input.length - 2, StandardCharsets.UTF_8);
    int newline = rest.indexOf('\n');
    String target = "/v3/payscore/payafter-orders/" + (newline < 0 ? "ORDER1" : rest.substring(0, newline)) + "/complete";
    String text = newline < 0 ? rest : rest.substring(newline + 1);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String authorization;
    if (mode == 0) {
      authorization = text;
    } else {
      String good = SIGNER.authorization("POST", target, body);
      if (mode == 1) {
        assertNull(AUTHENTICATOR.problem(request(target, body, good)), "a valid signature is refused");
        int at = (input[1] & 0xff) * good.length() / 255;
        authorization = good.substring(0, at) + text + good.substring(at);
      } else {
        String suffix = text; // signed for one target, sent for another
        if (!suffix.isEmpty()) {
          assertNotNull(AUTHENTICATOR.problem(request(target + suffix, body, good)), "verified for another target");
        }
        return;
      }
    }
    AUTHENTICATOR.problem(request(target, body, authorization));
    int space = authorization.indexOf(' ');
    Map<String, String> params = RequestAuthenticator.parameters(authorization, space + 1);
    if (params != null) {
      StringBuilder again = new StringBuilder();
      for (Map.Entry<String, String> e : params.entrySet()) {
        again.append(again.length() == 0 ? "" : ", ").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
      }
      Map<String, String> reread = RequestAuthenticator.parameters(again.toString(), 0);
      assertNotNull(reread, again.toString());
      assertEquals(params, reread);
    }
  }

  private static SandboxRequest request(String target, byte[] body, String authorization) {
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Authorization", authorization});
    return new SandboxRequest("POST", target, headers, body.clone());
  }
}
