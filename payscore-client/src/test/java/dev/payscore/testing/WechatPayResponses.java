package dev.payscore.testing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Builds WeChat Pay answers signed the way WeChat Pay signs them, and checks merchant requests the
 * way WeChat Pay checks them, with Bouncy Castle's lightweight RSA (independent of the library).
 */
public final class WechatPayResponses {
  private WechatPayResponses() {}

  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** A 2xx or error answer signed by the WeChat Pay key under {@link TestKeys#PUBLIC_KEY_ID}. */
  public static MockResponse signed(int status, String body) {
    return signed(status, body, System.currentTimeMillis() / 1000, TestKeys.PUBLIC_KEY_ID,
        TestKeys.wechatPay().getPrivate());
  }

  public static MockResponse signed(
      int status, String body, long timestamp, String serial, PrivateKey key) {
    String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature = IndependentRsa.sign(key, message(Long.toString(timestamp), nonce, bytes));
    Secrets.register(signature);
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("Request-ID", "08F78BB5AF0610D302839A9E0328DCDB1004")
        .setHeader("Wechatpay-Timestamp", Long.toString(timestamp))
        .setHeader("Wechatpay-Nonce", nonce)
        .setHeader("Wechatpay-Signature", signature)
        .setHeader("Wechatpay-Serial", serial)
        .setHeader("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
        .setBody(body);
  }

  public static byte[] message(String timestamp, String nonce, byte[] body) {
    byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 1] = '\n';
    return out;
  }

  /** A request's signed message, framed independently of the production code. */
  public static byte[] requestMessage(String method, String canonicalUrl, long timestamp, String nonce, byte[] body) {
    byte[] head = (method + "\n" + canonicalUrl + "\n" + timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 1] = '\n';
    return out;
  }

  /** Parses {@code WECHATPAY2-SHA256-RSA2048 k="v",…} into its parameters; the scheme under "". */
  public static Map<String, String> authorization(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    int space = header.indexOf(' ');
    out.put("", header.substring(0, space));
    Matcher m = PARAM.matcher(header.substring(space + 1));
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  /**
   * Verifies a recorded request as WeChat Pay would: the signature over the request line's raw
   * target and the exact body bytes received, with the merchant's public key.
   */
  public static boolean requestSignatureValid(RecordedRequest request, PublicKey merchantKey) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return false;
    }
    Map<String, String> auth = authorization(header);
    Secrets.register(header);
    Secrets.register(auth.get("signature"));
    byte[] body = request.getBody().clone().readByteArray();
    String head = request.getMethod() + "\n" + request.getPath() + "\n" + auth.get("timestamp")
        + "\n" + auth.get("nonce_str") + "\n";
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[headBytes.length + body.length + 1];
    System.arraycopy(headBytes, 0, message, 0, headBytes.length);
    System.arraycopy(body, 0, message, headBytes.length, body.length);
    message[message.length - 1] = '\n';
    return "WECHATPAY2-SHA256-RSA2048".equals(auth.get(""))
        && IndependentRsa.verify(merchantKey, message, auth.get("signature"));
  }
}
