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
    return new StringBuilder(method.length() + canonicalUrl.length() + nonce.length() + 24)
        .append(method).append('\n').append(canonicalUrl).append('\n').append(timestamp).append('\n')
        .append(nonce).append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the head of an answer's or notification's message: {@code TIMESTAMP\nNONCE\n}.
   *
   * @param timestamp the {@code Wechatpay-Timestamp} value as received
   * @param nonce the {@code Wechatpay-Nonce} value
   * @return UTF-8 bytes
   */
  public static byte[] answerHead(String timestamp, String nonce) {
    return new StringBuilder(timestamp.length() + nonce.length() + 2)
        .append(timestamp).append('\n').append(nonce).append('\n').toString()
        .getBytes(StandardCharsets.UTF_8);
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
