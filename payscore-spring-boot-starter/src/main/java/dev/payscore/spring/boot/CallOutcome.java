package dev.payscore.spring.boot;

import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.ValidationException;
import java.io.IOException;

/** How a call of the API ended: the {@code outcome} tag of {@code payscore.client.requests}. */
enum CallOutcome {
  /** A verified answer was read. */
  SUCCESS,
  /** The request broke the contract; nothing was sent. */
  INVALID_REQUEST,
  /** WeChat Pay answered with an error: the {@code code} tag holds its code. */
  API_ERROR,
  /** The answer failed signature verification: the {@code code} tag holds the reason. */
  SIGNATURE_FAILURE,
  /** A verified answer could not be read as the contract says. */
  INVALID_RESPONSE,
  /** No answer: connection, timeout or cancellation; the {@code code} tag holds the exception. */
  NETWORK_ERROR,
  /** Anything else: the {@code code} tag holds the exception. */
  UNKNOWN_ERROR;

  /** The {@code code} tag when there is none. */
  static final String NO_CODE = "NONE";

  /** The outcome of a call that threw. */
  static CallOutcome of(Throwable failure) {
    if (failure instanceof ValidationException) {
      return INVALID_REQUEST;
    }
    if (failure instanceof WechatPayApiException) {
      return API_ERROR;
    }
    if (failure instanceof WechatPaySignatureException) {
      return SIGNATURE_FAILURE;
    }
    if (failure instanceof WechatPayResponseException) {
      return INVALID_RESPONSE;
    }
    return failure instanceof IOException ? NETWORK_ERROR : UNKNOWN_ERROR;
  }

  /** The {@code code} tag of a call that threw: a bounded set of values. */
  static String code(Throwable failure) {
    if (failure instanceof WechatPayApiException api) {
      return api.getCode() != null ? api.getCode() : "HTTP_" + api.getHttpStatus();
    }
    if (failure instanceof WechatPaySignatureException signature) {
      return signature.getReason().name();
    }
    if (failure instanceof ValidationException || failure instanceof WechatPayResponseException) {
      return NO_CODE;
    }
    return failure.getClass().getSimpleName();
  }
}
