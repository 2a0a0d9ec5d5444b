package dev.payscore.exception;

import dev.payscore.model.ErrorDetail;
import org.jspecify.annotations.Nullable;

/**
 * WeChat Pay answered with a status outside 2xx.
 *
 * <p>The error body {@code {"code":…,"message":…,"detail":{…}}} is parsed for you; an answer that is
 * not such JSON (a proxy's HTML page, an empty body) still arrives as this exception, with {@link
 * #getCode()} {@code null} and the text in {@link #getRawBody()}.
 *
 * <pre>{@code
 * try {
 *   client.payafterOrders().completePayafterOrder(outOrderNo, request).execute();
 * } catch (WechatPayApiException e) {
 *   if (e.isRetryable()) {
 *     // 5xx, 429 or SYSTEM_ERROR: retry later with the same parameters
 *   } else if ("PARAM_ERROR".equals(e.getCode())) {
 *     // fix the request: e.getDetail() names the field
 *   }
 * }
 * }</pre>
 */
public final class WechatPayApiException extends WechatPayException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_RAW_BODY = 2048;

  /** The WeChat Pay error code, or null. */
  private final @Nullable String code;
  /** WeChat Pay's message, or null. */
  private final @Nullable String errorMessage;
  private final transient @Nullable ErrorDetail detail;
  /** The body as received, at most 2,048 characters. */
  private final String rawBody;
  /** Whether the error answer verified as signed by WeChat Pay. */
  private final boolean signatureVerified;

  /**
   * Creates the exception. The client creates it from an error answer; applications may create one
   * in tests of their own error handling.
   *
   * @param httpStatus the HTTP status
   * @param requestId the {@code Request-ID}, or {@code null}
   * @param code WeChat Pay's error code, or {@code null}
   * @param errorMessage WeChat Pay's message, or {@code null}
   * @param detail WeChat Pay's {@code detail}, or {@code null}
   * @param rawBody the body as received (kept up to 2,048 characters)
   * @param signatureVerified whether the answer verified as signed by WeChat Pay
   */
  public WechatPayApiException(
      int httpStatus,
      @Nullable String requestId,
      @Nullable String code,
      @Nullable String errorMessage,
      @Nullable ErrorDetail detail,
      String rawBody,
      boolean signatureVerified) {
    super(describe(httpStatus, code, errorMessage, detail, signatureVerified), httpStatus, requestId);
    this.code = code;
    this.errorMessage = errorMessage;
    this.detail = detail;
    this.rawBody = rawBody.length() > MAX_RAW_BODY ? rawBody.substring(0, MAX_RAW_BODY) : rawBody;
    this.signatureVerified = signatureVerified;
  }

  private static String describe(
      int httpStatus,
      @Nullable String code,
      @Nullable String errorMessage,
      @Nullable ErrorDetail detail,
      boolean signatureVerified) {
    StringBuilder out = new StringBuilder("WeChat Pay answered ");
    if (code != null) {
      out.append(code);
      if (errorMessage != null) {
        out.append(": ").append(errorMessage);
      }
    } else {
      out.append("HTTP ").append(httpStatus).append(" without a WeChat Pay error body");
    }
    if (detail != null && (detail.getField() != null || detail.getIssue() != null)) {
      out.append(" [");
      if (detail.getField() != null) {
        out.append("field ").append(detail.getField());
      }
      if (detail.getIssue() != null) {
        out.append(detail.getField() != null ? ": " : "").append(detail.getIssue());
      }
      out.append(']');
    }
    out.append(signatureVerified ? "; signed by WeChat Pay" : "; not signed (unverified)");
    return out.toString();
  }

  /**
   * Returns the WeChat Pay error code.
   *
   * @return e.g. {@code PARAM_ERROR}, or {@code null} when the body was not a WeChat Pay error
   */
  public @Nullable String getCode() {
    return code;
  }

  /**
   * Returns the human-readable message WeChat Pay gave.
   *
   * @return e.g. {@code 参数错误}, or {@code null}
   */
  public @Nullable String getErrorMessage() {
    return errorMessage;
  }

  /**
   * Returns where the request went wrong, when WeChat Pay said.
   *
   * @return the detail, or {@code null}
   */
  public @Nullable ErrorDetail getDetail() {
    return detail;
  }

  /**
   * Returns the body as received (at most 2,048 characters), for answers that are not JSON.
   *
   * @return the raw body text, possibly empty
   */
  public String getRawBody() {
    return rawBody;
  }

  /**
   * Returns whether the error answer carried a WeChat Pay signature that verified. Error answers
   * need not be signed; an unsigned one may come from a proxy.
   *
   * @return true when the content is known to come from WeChat Pay
   */
  public boolean isSignatureVerified() {
    return signatureVerified;
  }

  /**
   * Returns whether the same request may be retried later unchanged: 5xx, 429 and {@code
   * SYSTEM_ERROR} answers. Anything else needs the request or the order state fixed first.
   *
   * @return true for 5xx, 429 and {@code SYSTEM_ERROR}
   */
  public boolean isRetryable() {
    int status = getHttpStatus();
    return status >= 500 || status == 429 || "SYSTEM_ERROR".equals(code);
  }
}
