package dev.payscore.exception;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A notification whose signature verified could not be opened: malformed, encrypted with an
 * unsupported algorithm, or not decryptable with the APIv3 key (a tampered ciphertext or the wrong
 * key). Answer WeChat Pay with a 4xx/5xx so that it sends the notification again.
 */
public final class WechatPayNotificationException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The body is not a WeChat Pay notification envelope, or its resource is missing a field. */
    MALFORMED,
    /** The resource is encrypted with an algorithm this client does not support. */
    UNSUPPORTED_ALGORITHM,
    /** AES-GCM authentication failed: the ciphertext, nonce or associated data was altered, or the APIv3 key is wrong. */
    DECRYPTION_FAILED,
    /** The decrypted resource does not match the contract's model. */
    MALFORMED_RESOURCE,
    /** The body is larger than the parser's limit (default 1 MiB); it was not read. */
    TOO_LARGE
  }

  /** What went wrong. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason what went wrong
   * @param detail a description without key material or plaintext
   * @param requestId the notification's {@code Request-ID}, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public WechatPayNotificationException(
      Reason reason, String detail, @Nullable String requestId, @Nullable Throwable cause) {
    super("Notification rejected, " + requireNonNull(reason, "reason == null") + ": " + detail, 0,
        requestId, cause);
    this.reason = reason;
  }

  /**
   * Returns what went wrong.
   *
   * @return the reason
   */
  public Reason getReason() {
    return reason;
  }
}
