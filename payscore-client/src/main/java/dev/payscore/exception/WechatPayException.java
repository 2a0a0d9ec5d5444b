package dev.payscore.exception;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure that payscore-client reports about a call to WeChat Pay.
 *
 * <p>It is an {@link IOException}, so Retrofit's {@code execute()} throws it and {@code enqueue}
 * callbacks receive it in {@code onFailure}. The subclasses say what went wrong:
 *
 * <ul>
 *   <li>{@link WechatPayApiException}: WeChat Pay answered with an error status;
 *   <li>{@link WechatPaySignatureException}: an answer failed signature verification and was
 *       discarded;
 *   <li>{@link WechatPayResponseException}: a verified answer could not be read as the contract
 *       says;
 *   <li>{@link WechatPayCertificateException}: a platform certificate download was refused.
 * </ul>
 *
 * <p>Transport failures (connection refused, timeouts) stay plain {@link IOException}s. Messages
 * carry the HTTP status, the WeChat Pay code and the {@code Request-ID}, never a key, signature or
 * Authorization value.
 */
public class WechatPayException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0. */
  private final int httpStatus;
  /** The Request-ID, or null. */
  private final @Nullable String requestId;

  WechatPayException(String message, int httpStatus, @Nullable String requestId) {
    super(Printable.of(message) + suffix(httpStatus, requestId));
    this.httpStatus = httpStatus;
    this.requestId = requestId;
  }

  WechatPayException(
      String message, int httpStatus, @Nullable String requestId, @Nullable Throwable cause) {
    super(Printable.of(message) + suffix(httpStatus, requestId), cause);
    this.httpStatus = httpStatus;
    this.requestId = requestId;
  }

  private static String suffix(int httpStatus, @Nullable String requestId) {
    StringBuilder out = new StringBuilder();
    if (httpStatus != 0) {
      out.append("HTTP ").append(httpStatus);
    }
    if (requestId != null) {
      out.append(out.length() == 0 ? "" : ", ").append("Request-ID ").append(Printable.of(requestId));
    }
    return out.length() == 0 ? "" : " (" + out + ")";
  }

  /**
   * Returns the HTTP status of the answer.
   *
   * @return the status, or 0 when there was no HTTP answer (e.g. a notification)
   */
  public int getHttpStatus() {
    return httpStatus;
  }

  /**
   * Returns the {@code Request-ID} of the answer, to quote to WeChat Pay support.
   *
   * @return the id, or {@code null} when the answer had none
   */
  public @Nullable String getRequestId() {
    return requestId;
  }
}
