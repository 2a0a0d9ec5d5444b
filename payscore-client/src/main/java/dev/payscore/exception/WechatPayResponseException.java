package dev.payscore.exception;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx answer could not be read as the contract says: empty, not JSON, truncated, of the wrong
 * shape, missing a required property, or larger than the client accepts. Nothing half-parsed is
 * returned.
 *
 * <p>The outcome of the call at WeChat Pay is unknown: query the order before you retry.
 */
public final class WechatPayResponseException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception. The client creates it; applications may create one in tests of their own
   * error handling.
   *
   * @param message what could not be read
   * @param httpStatus the HTTP status, or 0 when unknown
   * @param requestId the {@code Request-ID}, or {@code null} when unknown
   * @param cause the parser's failure, or {@code null}
   */
  public WechatPayResponseException(
      String message, int httpStatus, @Nullable String requestId, @Nullable Throwable cause) {
    super(message, httpStatus, requestId, cause);
  }
}
