package dev.payscore.sandbox;

import com.squareup.moshi.Moshi;
import dev.payscore.model.ErrorDetail;
import dev.payscore.model.ErrorResponse;
import dev.payscore.model.ModelAdapters;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Makes answers as WeChat Pay words them: JSON bodies of the contract's models, errors included. */
final class Answers {
  private final Moshi moshi = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
  private final Ids ids;

  Answers(Ids ids) {
    this.ids = ids;
  }

  /** A model as JSON, e.g. an order's query view. */
  <T> String json(Class<T> type, T value) {
    return moshi.adapter(type).toJson(value);
  }

  /** A 200 answer with a model as its body. */
  <T> Answer ok(Class<T> type, T value) {
    return answer(200, json(type, value), "application/json", true);
  }

  /** A signed WeChat Pay error: {@code {"code":…,"message":…,"detail":…}}. */
  Answer error(int status, String code, String message, @Nullable ErrorDetail detail) {
    ErrorResponse error = ErrorResponse.builder().code(code).message(message).detail(detail).build();
    return answer(status, json(ErrorResponse.class, error), "application/json", true);
  }

  /** 400 {@code PARAM_ERROR} about a field of the body ({@code field} a JSON pointer). */
  Answer paramError(String field, String issue) {
    return paramError(field, issue, "body");
  }

  /** 400 {@code PARAM_ERROR} about a field in {@code location} ({@code body} or {@code query}). */
  Answer paramError(String field, String issue, String location) {
    return error(400, "PARAM_ERROR", "参数错误",
        ErrorDetail.builder().field(field).issue(issue).location(location).build());
  }

  /** 400 {@code INVALID_REQUEST}. */
  Answer invalidRequest(String message) {
    return error(400, "INVALID_REQUEST", message, null);
  }

  /** 404 {@code ORDER_NOT_EXIST}. */
  Answer orderNotExist() {
    return error(404, "ORDER_NOT_EXIST", "订单不存在", null);
  }

  /** An answer with any body, e.g. a proxy's unsigned HTML page. */
  Answer answer(int status, String body, String contentType, boolean signed) {
    return new Answer(status, body.getBytes(StandardCharsets.UTF_8), ids.requestId(), contentType, signed);
  }

  /** A fresh {@code Request-ID}. */
  String requestId() {
    return ids.requestId();
  }
}
