package dev.payscore.sandbox;

import dev.payscore.auth.Clock;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.SignedMessage;
import dev.payscore.internal.crypto.Signatures;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a request's {@code Authorization} as WeChat Pay does: the scheme, the merchant id, the serial,
 * a ±300 s timestamp window, and the signature over the exact method, target and body bytes received,
 * through the client's crypto core. The header is read in one pass, in time linear in its length.
 */
final class RequestAuthenticator {
  /** The window for request timestamps, as for answers. */
  static final long WINDOW_SECONDS = 300;

  private final String merchantId;
  private final String merchantSerialNumber;
  private final Signatures.Verifier verifier;
  private final SignatureScheme scheme;
  private final Clock clock;

  RequestAuthenticator(String merchantId, String merchantSerialNumber, PublicKey merchantPublicKey,
      SignatureScheme scheme, Clock clock) {
    this.merchantId = merchantId;
    this.merchantSerialNumber = merchantSerialNumber;
    this.verifier = Signatures.verifier(merchantPublicKey, null);
    this.scheme = scheme;
    this.clock = clock;
  }

  /** Returns what is wrong with the request's signature, or {@code null} when it verifies. */
  @Nullable String problem(SandboxRequest request) {
    List<String> authorizations = request.headers("Authorization");
    if (authorizations.isEmpty()) {
      return "Authorization is missing";
    }
    if (authorizations.size() > 1) {
      return "Authorization is given twice";
    }
    String authorization = authorizations.get(0);
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equals(scheme.authorizationScheme())) {
      return "the scheme must be " + scheme.authorizationScheme();
    }
    Map<String, String> params = parameters(authorization, space + 1);
    if (params == null) {
      return "Authorization must be name=\"value\" pairs separated by commas, each name once";
    }
    if (!merchantId.equals(params.get("mchid"))) {
      return "mchid does not match";
    }
    if (!merchantSerialNumber.equalsIgnoreCase(String.valueOf(params.get("serial_no")))) {
      return "商户证书序列号有误 (serial_no does not match)";
    }
    String nonce = params.get("nonce_str");
    String timestamp = params.get("timestamp");
    String signature = params.get("signature");
    if (nonce == null || timestamp == null || signature == null) {
      return "nonce_str, timestamp and signature are required";
    }
    if (!isCanonicalDecimal(timestamp)) {
      return "timestamp is not a number";
    }
    long seconds = Long.parseLong(timestamp);
    if (Math.abs(seconds - clock.epochSeconds()) > WINDOW_SECONDS) {
      return "timestamp is outside the window";
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return "the signature does not verify";
    }
    byte[] head = SignedMessage.requestHead(request.method(), request.target(), seconds, nonce);
    return verifier.verify(decoded, head, request.bodyBytes(), SignedMessage.END)
        ? null : "the signature does not verify";
  }

  /**
   * Reads {@code name="value"} pairs separated by commas (spaces allowed around them) from {@code from}
   * on, in one pass; a name is letters, digits and {@code _}, a value has no {@code "}.
   *
   * @return the pairs, or {@code null} when the text is anything else or names a parameter twice
   */
  static @Nullable Map<String, String> parameters(String text, int from) {
    Map<String, String> params = new HashMap<>();
    int i = skipSpaces(text, from);
    while (i < text.length()) {
      int nameStart = i;
      while (i < text.length() && isNameChar(text.charAt(i))) {
        i++;
      }
      if (i == nameStart || i + 1 >= text.length() || text.charAt(i) != '=' || text.charAt(i + 1) != '"') {
        return null;
      }
      String name = text.substring(nameStart, i);
      int valueStart = i + 2;
      int quote = text.indexOf('"', valueStart);
      if (quote < 0 || params.put(name, text.substring(valueStart, quote)) != null) {
        return null;
      }
      i = skipSpaces(text, quote + 1);
      if (i < text.length()) {
        if (text.charAt(i) != ',') {
          return null;
        }
        i = skipSpaces(text, i + 1);
        if (i == text.length()) {
          return null; // a trailing comma
        }
      }
    }
    return params.isEmpty() ? null : params;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Digits only, no leading zero, at most 18 (no overflow), as {@code Long.toString} writes them. */
  private static boolean isCanonicalDecimal(String value) {
    if (value.isEmpty() || value.length() > 18 || (value.charAt(0) == '0' && value.length() > 1)) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
