package dev.payscore.exception;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A platform certificate download ({@code GET /v3/certificates}) was refused: nothing of it was
 * used, and a client keeps the certificates it had. {@link #getReason()} says which check failed.
 */
public final class WechatPayCertificateException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /**
     * WeChat Pay has no platform certificates for this merchant ({@code RESOURCE_NOT_EXISTS} or
     * {@code NOT_FOUND}), or listed none: the merchant verifies with the WeChat Pay public key
     * (微信支付公钥), to be registered with its {@code PUB_KEY_ID_…}.
     */
    NO_CERTIFICATES,
    /**
     * A certificate did not decrypt under the APIv3 key: the key is wrong, or the ciphertext, nonce
     * or associated data was altered.
     */
    DECRYPTION_FAILED,
    /**
     * The list or a decrypted certificate cannot be read: not the contract's JSON, an unknown
     * encryption algorithm, not Base64, not an X.509 certificate, or a key that is neither RSA nor
     * SM2 or does not fit the client's signature scheme.
     */
    MALFORMED,
    /** A certificate's serial number is not the {@code serial_no} listed with it. */
    SERIAL_MISMATCH,
    /** A certificate is outside its validity period: expired, or not yet valid. */
    OUTSIDE_VALIDITY,
    /**
     * The list is signed under a key that is not trusted for it: not one the client already
     * trusted (when it trusted any), or none of the listed certificates (on a first download).
     */
    UNTRUSTED_SIGNER,
    /** The list's signature failed verification (altered, stale, a probe); the cause says how. */
    SIGNATURE_INVALID
  }

  /** Which check failed. */
  private final Reason reason;

  /**
   * Creates the exception. The client creates it; applications may create one in tests of their own
   * error handling.
   *
   * @param reason which check failed
   * @param detail what was seen, without key material or plaintext
   * @param httpStatus the HTTP status of the download, or 0
   * @param requestId the {@code Request-ID} of the download, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public WechatPayCertificateException(Reason reason, String detail, int httpStatus,
      @Nullable String requestId, @Nullable Throwable cause) {
    super("Platform certificates refused, " + requireNonNull(reason, "reason == null") + ": "
        + requireNonNull(detail, "detail == null"), httpStatus, requestId, cause);
    this.reason = reason;
  }

  /**
   * Returns which check failed.
   *
   * @return the reason
   */
  public Reason getReason() {
    return reason;
  }
}
