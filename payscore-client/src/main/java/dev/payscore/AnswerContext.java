package dev.payscore;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP status and {@code Request-ID} of the answer being converted, handed from {@link
 * WechatPayInterceptor} to {@link ContractConverterFactory} so that a verified answer that cannot be
 * read still reports both. OkHttp runs the interceptors and Retrofit the converter on the same
 * thread, for {@code execute()} and {@code enqueue()} alike, so a thread-local carries them.
 */
final class AnswerContext {
  private static final ThreadLocal<AnswerContext> CURRENT = new ThreadLocal<>();

  final int httpStatus;
  final @Nullable String requestId;

  private AnswerContext(int httpStatus, @Nullable String requestId) {
    this.httpStatus = httpStatus;
    this.requestId = requestId;
  }

  static void set(int httpStatus, @Nullable String requestId) {
    CURRENT.set(new AnswerContext(httpStatus, requestId));
  }

  /** Returns and forgets the current answer's context; status 0 and no id when there is none. */
  static AnswerContext take() {
    AnswerContext context = CURRENT.get();
    CURRENT.remove();
    return context != null ? context : new AnswerContext(0, null);
  }
}
