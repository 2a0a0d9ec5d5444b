package dev.payscore;

import dev.payscore.exception.WechatPayException;
import dev.payscore.exception.WechatPayApiException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries what {@link RetryPolicy} allows. It runs before the signing interceptor, so every attempt
 * is signed afresh; the request, and so its body, is the same object each time.
 */
final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final HttpUrl baseUrl;
  private final Random random = new Random();

  RetryInterceptor(RetryPolicy policy, HttpUrl baseUrl) {
    this.policy = policy;
    this.baseUrl = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    long backoff = policy.initialBackoffMillis;
    for (int attempt = 1; ; attempt++) {
      Request attemptRequest = attempt == 1 ? request : onRetryHost(request);
      IOException failure;
      try {
        return chain.proceed(attemptRequest);
      } catch (IOException e) {
        failure = e;
      }
      if (attempt >= policy.maxAttempts || !retryable(failure)) {
        throw failure;
      }
      long wait = backoff / 2 + (backoff > 1 ? (long) (random.nextDouble() * (backoff - backoff / 2)) : 0);
      long elapsed = (System.nanoTime() - start) / 1_000_000L;
      if (elapsed + wait > policy.maxTotalMillis) {
        throw failure;
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("retry wait interrupted");
        interrupted.initCause(failure);
        throw interrupted;
      }
      backoff = Math.min(policy.maxBackoffMillis, backoff * 2);
    }
  }

  /** Safe to retry: nothing was sent, or WeChat Pay asked for a retry with the same parameters. */
  static boolean retryable(IOException failure) {
    if (failure instanceof WechatPayApiException) {
      return ((WechatPayApiException) failure).isRetryable();
    }
    if (failure instanceof WechatPayException) {
      return false; // signature or unreadable answer: the outcome is unknown
    }
    if (failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException) {
      return true;
    }
    if (failure instanceof SocketTimeoutException) {
      String message = failure.getMessage();
      return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }
    return false;
  }

  private Request onRetryHost(Request request) {
    HttpUrl backup = policy.backupBaseUrl;
    if (backup == null) {
      return request;
    }
    String url = request.url().toString();
    String base = baseUrl.toString();
    if (!url.startsWith(base)) {
      return request;
    }
    return request.newBuilder().url(backup.toString() + url.substring(base.length())).build();
  }
}
