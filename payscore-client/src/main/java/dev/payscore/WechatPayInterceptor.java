package dev.payscore;

import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPayResponseException;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.model.ErrorResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Signs every request and verifies every answer before its body is handed on.
 *
 * <p>Request: the body is copied once, signed, and sent as those very bytes; {@code Authorization},
 * {@code Accept}, {@code User-Agent} and {@code Wechatpay-Serial} are set (never appended). Answer:
 * the body is buffered whole (up to a limit) without being consumed, and a 2xx is verified over a
 * copy of those exact bytes before the response is handed on, or a {@link
 * WechatPaySignatureException} is thrown and nothing is handed on; a non-2xx becomes a {@link
 * WechatPayApiException}, verified when it carries a signature. Every failure is an {@link
 * IOException}, so asynchronous calls report it to {@code onFailure}.
 */
final class WechatPayInterceptor implements Interceptor {
  private static final byte[] EMPTY = new byte[0];

  private final RequestSigner signer;
  private final AtomicReference<ResponseVerifier> verifier;
  private final String userAgent;
  private final long maxResponseBytes;
  private final @Nullable PayScoreLogger logger;
  private final boolean logBodies;
  private final JsonAdapter<ErrorResponse> errorAdapter;

  WechatPayInterceptor(
      RequestSigner signer,
      AtomicReference<ResponseVerifier> verifier,
      String userAgent,
      long maxResponseBytes,
      @Nullable PayScoreLogger logger,
      boolean logBodies,
      JsonAdapter<ErrorResponse> errorAdapter) {
    this.signer = signer;
    this.verifier = verifier;
    this.userAgent = userAgent;
    this.maxResponseBytes = maxResponseBytes;
    this.logger = logger;
    this.logBodies = logBodies;
    this.errorAdapter = errorAdapter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    String canonicalUrl =
        url.encodedQuery() == null ? url.encodedPath() : url.encodedPath() + '?' + url.encodedQuery();

    RequestBody body = request.body();
    byte[] bodyBytes = EMPTY;
    Request.Builder signed = request.newBuilder();
    if (body != null) {
      if (body.isDuplex() || body.isOneShot()) {
        throw new IOException("a one-shot or duplex request body cannot be signed");
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      bodyBytes = buffer.readByteArray();
      // Send exactly the bytes that are signed.
      signed.method(request.method(), RequestBody.create(bodyBytes, body.contentType()));
    }
    signed
        .header("Authorization", signer.authorization(request.method(), canonicalUrl, bodyBytes))
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .header("Wechatpay-Serial", verifier.get().preferredSerial());

    if (logger != null) {
      logger.log(
          "--> " + request.method() + ' ' + canonicalUrl + " (" + bodyBytes.length + "-byte body)"
              + (logBodies && bodyBytes.length > 0
                  ? '\n' + new String(bodyBytes, StandardCharsets.UTF_8)
                  : ""));
    }
    long startNanos = System.nanoTime();
    Response response = chain.proceed(signed.build());

    int status = response.code();
    final okhttp3.Headers headers = response.headers();
    String requestId = headers.get("Request-ID");
    ResponseBody responseBody = response.body();
    byte[] responseBytes;
    try {
      // Buffered whole and copied once; the response's own buffer stays readable downstream.
      responseBytes = readWhole(responseBody, status, requestId);
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
    HeaderSource headerSource =
        new HeaderSource() {
          @Override
          public List<String> values(String name) {
            return headers.values(name);
          }
        };

    boolean verified = false;
    WechatPaySignatureException failure = null;
    if (response.isSuccessful() || headers.get("Wechatpay-Signature") != null) {
      try {
        verifier.get().verify(headerSource, responseBytes, status);
        verified = true;
      } catch (WechatPaySignatureException e) {
        failure = e;
      }
    }
    if (logger != null) {
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      logger.log(
          "<-- " + status + ' ' + request.method() + ' ' + canonicalUrl
              + " Request-ID=" + requestId + " (" + tookMs + " ms, " + responseBytes.length
              + "-byte body, "
              + (verified ? "signature verified" : failure != null ? "signature " + failure.getReason() : "unsigned")
              + ')'
              + (logBodies && verified && responseBytes.length > 0
                  ? '\n' + new String(responseBytes, StandardCharsets.UTF_8)
                  : ""));
    }
    if (response.isSuccessful() && failure == null) {
      return response;
    }
    response.close();
    if (response.isSuccessful()) {
      throw failure; // a 2xx that failed verification: nothing of it is handed on
    }
    throw apiException(status, requestId, responseBytes, verified);
  }

  private byte[] readWhole(@Nullable ResponseBody body, int status, @Nullable String requestId)
      throws IOException {
    if (body == null) {
      return EMPTY;
    }
    if (body.contentLength() > maxResponseBytes) {
      throw tooLarge(status, requestId);
    }
    BufferedSource source = body.source();
    if (source.request(maxResponseBytes + 1)) {
      throw tooLarge(status, requestId);
    }
    Buffer buffer = source.getBuffer();
    final byte[] bytes = new byte[(int) buffer.size()];
    // Copied straight out of the segments: a clone() or snapshot() would share them, and shared
    // segments cannot go back to okio's pool (about 8 KB more garbage per call).
    buffer.copyTo(new OutputStream() {
      private int position;

      @Override
      public void write(int b) {
        bytes[position++] = (byte) b;
      }

      @Override
      public void write(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, bytes, position, length);
        position += length;
      }
    }, 0, bytes.length);
    return bytes;
  }

  private WechatPayResponseException tooLarge(int status, @Nullable String requestId) {
    return new WechatPayResponseException(
        "WeChat Pay's answer is larger than " + maxResponseBytes + " bytes; it was not read",
        status,
        requestId,
        null);
  }

  private WechatPayApiException apiException(
      int status, @Nullable String requestId, byte[] bytes, boolean verified) {
    ErrorResponse error = null;
    if (bytes.length > 0) {
      try {
        JsonReader reader = JsonReader.of(new Buffer().write(bytes));
        error = errorAdapter.fromJson(reader);
      } catch (IOException | RuntimeException notWechatPayJson) {
        error = null; // a proxy's HTML page or other text: reported raw below
      }
    }
    String raw = new String(bytes, StandardCharsets.UTF_8);
    return error == null
        ? new WechatPayApiException(status, requestId, null, null, null, raw, verified)
        : new WechatPayApiException(
            status,
            requestId,
            error.getCode(),
            error.getMessage(),
            error.getDetail(),
            raw,
            verified);
  }
}
