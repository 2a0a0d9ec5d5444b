package dev.payscore.internal.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The framing of APIv3 signed messages: every line ends with {@code \n}, the body is the last line.
 * A request's message is {@code METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\nBODY\n}; an answer's or a
 * notification's is {@code TIMESTAMP\nNONCE\nBODY\n}. The parts are signed in order, so the body is
 * never copied: {@code sign(head, body, END)}.
 */
public final class SignedMessage {
  /** The last part of every message: the newline after the body. */
  public static final byte[] END = {'\n'};

  private SignedMessage() {
  }

  /**
   * Returns the head of a request's message: {@code METHOD\nCANONICAL_URL\nTIMESTAMP\nNONCE\n}.
   *
   * @param method the HTTP method as sent
   * @param canonicalUrl the encoded path and query as sent
   * @param timestamp Unix epoch seconds
   * @param nonce the nonce
   * @return UTF-8 bytes
   */
  public static byte[] requestHead(String method, String canonicalUrl, long timestamp, String nonce) {
    return lines(method, canonicalUrl, Long.toString(timestamp), nonce);
  }

  /**
   * Returns the head of an answer's or notification's message: {@code TIMESTAMP\nNONCE\n}.
   *
   * @param timestamp the {@code Wechatpay-Timestamp} value as received
   * @param nonce the {@code Wechatpay-Nonce} value
   * @return UTF-8 bytes
   */
  public static byte[] answerHead(String timestamp, String nonce) {
    return lines(timestamp, nonce);
  }

  /**
   * The parts, each followed by {@code \n}, in UTF-8: written straight into the array when they are
   * ASCII (the usual case, and the same bytes), through a String otherwise.
   */
  private static byte[] lines(String... parts) {
    int length = parts.length;
    for (String part : parts) {
      length += part.length();
    }
    byte[] out = new byte[length];
    int position = 0;
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c >= 0x80) {
          StringBuilder text = new StringBuilder(length + 8);
          for (String each : parts) {
            text.append(each).append('\n');
          }
          return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        out[position++] = (byte) c;
      }
      out[position++] = '\n';
    }
    return out;
  }

  /**
   * Returns head, body and {@link #END} as one array (for tests and tools; signing takes the parts).
   *
   * @param head the head
   * @param body the body bytes
   * @return the whole message
   */
  public static byte[] whole(byte[] head, byte[] body) {
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    return message;
  }
}
