package dev.payscore;

import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.exception.WechatPayResponseException;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.model.ErrorResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>Request: the body's bytes (the converter's own as they are, any other body's copied once) are
 * signed and sent as those very bytes; {@code Authorization},
 * {@code Accept}, {@code User-Agent} and {@code Wechatpay-Serial} are set (never appended). Answer:
 * the body is buffered whole (up to a limit) without being consumed, and a 2xx is verified over a
 * copy of those exact bytes before the response is handed on, or a {@link
 * WechatPaySignatureException} is thrown and nothing is handed on; a non-2xx becomes a {@link
 * WechatPayApiException}, verified when it carries a signature. Every failure is an {@link
 * IOException}, so asynchronous calls report it to {@code onFailure}.
 *
 * <p>With automatic platform certificates: before a call is sent while the client holds no key, the
 * certificates are downloaded; an answer under a serial the client does not know causes a download
 * (at most once a minute, see {@link PlatformCertificates}) and is verified again. The download's own
 * 2xx answer ({@link CertificateDownloader.Tag}) is handed on unverified: the downloader verifies it.
 */
final class WechatPayInterceptor implements Interceptor {
  private static final byte[] EMPTY = new byte[0];

  private final RequestSigner signer;
  private final AtomicReference<ResponseVerifier> verifier;
  private final String userAgent;
  private final long maxResponseBytes;
  private final @Nullable PayScoreLogger logger;
  private final boolean logBodies;
  /** Binds error bodies; its ErrorResponse adapter is looked up at the first error, not before. */
  private final Moshi moshi;
  private final @Nullable PlatformCertificates certificates;

  WechatPayInterceptor(
      RequestSigner signer,
      AtomicReference<ResponseVerifier> verifier,
      String userAgent,
      long maxResponseBytes,
      @Nullable PayScoreLogger logger,
      boolean logBodies,
      Moshi moshi,
      @Nullable PlatformCertificates certificates) {
    this.signer = signer;
    this.verifier = verifier;
    this.userAgent = userAgent;
    this.maxResponseBytes = maxResponseBytes;
    this.logger = logger;
    this.logBodies = logBodies;
    this.moshi = moshi;
    this.certificates = certificates;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean download = CertificateDownloader.isDownload(request);
    if (certificates != null && !download) {
      certificates.current(); // the first download, before anything is sent, when no key is held yet
    }
    String canonicalUrl = canonicalUrl(request.url());
    byte[] requestBody = bodyBytes(request);
    long startNanos = System.nanoTime();
    Response response = chain.proceed(sign(request, canonicalUrl, requestBody));
    byte[] answer = read(response);
    Verification verification = download && response.isSuccessful()
        ? Verification.DEFERRED : verify(response, answer);
    if (certificates != null && !download && verification.failure != null
        && verification.failure.getReason() == WechatPaySignatureException.Reason.UNKNOWN_SERIAL) {
      verification = verifyAfterLearning(response, answer, verification.failure);
    }
    log(request, canonicalUrl, response, answer, verification, startNanos);
    return map(request, requestBody, response, answer, verification);
  }

  /** The encoded path and query exactly as sent: what the signature covers. */
  private static String canonicalUrl(HttpUrl url) {
    return url.encodedQuery() == null ? url.encodedPath() : url.encodedPath() + '?' + url.encodedQuery();
  }

  /**
   * The request body's bytes: those of the converter's own body as they are, any other body's
   * copied once; refuses bodies that cannot be read twice.
   */
  private static byte[] bodyBytes(Request request) throws IOException {
    RequestBody body = request.body();
    if (body == null) {
      return EMPTY;
    }
    if (body instanceof JsonBody) {
      return ((JsonBody) body).bytes;
    }
    if (body.isDuplex() || body.isOneShot()) {
      throw new IOException("a one-shot or duplex request body cannot be signed");
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  /** Step 1: the request as sent, carrying exactly the signed bytes and the APIv3 headers. */
  private Request sign(Request request, String canonicalUrl, byte[] body) {
    Request.Builder signed = request.newBuilder();
    RequestBody original = request.body();
    if (original != null && !(original instanceof JsonBody)) { // a JsonBody sends exactly these bytes already
      signed.method(request.method(), RequestBody.create(body, original.contentType()));
    }
    if (logger != null) {
      logger.log("--> " + request.method() + ' ' + canonicalUrl + " (" + body.length + "-byte body)"
          + (logBodies && body.length > 0 ? '\n' + new String(body, StandardCharsets.UTF_8) : ""));
    }
    ResponseVerifier current = verifier.get();
    if (current != null) {
      signed.header("Wechatpay-Serial", current.keys().preferredId());
    }
    return signed
        .header("Authorization", signer.authorization(request.method(), canonicalUrl, body))
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .build();
  }

  /** Downloads the certificates once more (rate-limited) and verifies again; else the first failure. */
  private Verification verifyAfterLearning(Response response, byte[] answer,
      WechatPaySignatureException failure) {
    try {
      if (certificates.learn(String.valueOf(response.header("Wechatpay-Serial")).trim())) {
        return verify(response, answer);
      }
    } catch (IOException | RuntimeException downloadFailed) {
      failure.addSuppressed(downloadFailed);
    }
    return new Verification(false, failure);
  }

  /** Step 2: the answer's body, whole (up to the limit), without consuming the response. */
  private byte[] read(Response response) throws IOException {
    try {
      return readWhole(response.body(), response.code(), response.header("Request-ID"));
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
  }

  /** The outcome of step 3: verified, failed (with why), not signed at all, or left to the downloader. */
  private static final class Verification {
    /** A certificate download's 2xx: the downloader verifies it with the certificates it carries. */
    static final Verification DEFERRED = new Verification(false, null);

    final boolean verified;
    final @Nullable WechatPaySignatureException failure;

    Verification(boolean verified, @Nullable WechatPaySignatureException failure) {
      this.verified = verified;
      this.failure = failure;
    }

    String describe() {
      return this == DEFERRED ? "signature checked by the certificate download"
          : verified ? "signature verified" : failure != null ? "signature " + failure.getReason() : "unsigned";
    }
  }

  /** Step 3: a 2xx, and any answer that carries a signature, is verified over the exact bytes. */
  private Verification verify(Response response, byte[] answer) {
    final okhttp3.Headers headers = response.headers();
    ResponseVerifier current = verifier.get();
    if (current == null && response.isSuccessful()) {
      // Not reached with automatic certificates (downloaded before sending); never trusted unverified.
      return new Verification(false, new WechatPaySignatureException(
          WechatPaySignatureException.Reason.UNKNOWN_SERIAL, "the client holds no WeChat Pay key yet",
          response.header("Request-ID"), response.code()));
    }
    if (current == null || (!response.isSuccessful() && headers.get("Wechatpay-Signature") == null)) {
      return new Verification(false, null);
    }
    try {
      current.verify(new HeaderSource() {
        @Override
        public List<String> values(String name) {
          return WechatPayInterceptor.values(headers, name);
        }
      }, answer, response.code());
      return new Verification(true, null);
    } catch (WechatPaySignatureException e) {
      return new Verification(false, e);
    }
  }

  /**
   * The values of a header, as {@code headers.values(name)} gives them, without a new list when the
   * header appears once or not at all (the usual case for each {@code Wechatpay-*} header).
   */
  static List<String> values(okhttp3.Headers headers, String name) {
    String first = null;
    List<String> all = null;
    for (int i = 0, size = headers.size(); i < size; i++) {
      if (headers.name(i).equalsIgnoreCase(name)) {
        if (first == null) {
          first = headers.value(i);
        } else {
          if (all == null) {
            all = new ArrayList<>();
            all.add(first);
          }
          all.add(headers.value(i));
        }
      }
    }
    return all != null ? Collections.unmodifiableList(all)
        : first != null ? Collections.singletonList(first) : Collections.<String>emptyList();
  }

  private void log(Request request, String canonicalUrl, Response response, byte[] answer,
      Verification verification, long startNanos) {
    if (logger == null) {
      return;
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    logger.log("<-- " + response.code() + ' ' + request.method() + ' ' + canonicalUrl
        + " Request-ID=" + response.header("Request-ID") + " (" + tookMs + " ms, " + answer.length
        + "-byte body, " + verification.describe() + ')'
        + (logBodies && verification.verified && answer.length > 0
            ? '\n' + new String(answer, StandardCharsets.UTF_8) : ""));
  }

  /**
   * Step 4: a verified 2xx with a body about what the request asked is handed on (an empty one is
   * a {@link WechatPayResponseException}, one about another order a {@link
   * WechatPaySignatureException} with reason {@code ANSWER_MISMATCH}); a 2xx that failed verification throws its {@link
   * WechatPaySignatureException} and nothing of it is handed on; any other answer becomes a {@link
   * WechatPayApiException}.
   */
  private Response map(Request request, byte[] requestBody, Response response, byte[] answer,
      Verification verification) throws IOException {
    int status = response.code();
    String requestId = response.header("Request-ID");
    if (response.isSuccessful() && verification.failure == null) {
      if (answer.length == 0 || status == 204 || status == 205) {
        response.close();
        // Every operation answers with JSON: without it the outcome is unknown.
        throw new WechatPayResponseException("WeChat Pay answered " + status + " without a body where"
            + " JSON was expected: the outcome is unknown, query the order", status, requestId, null);
      }
      if (verification == Verification.DEFERRED) {
        return response; // the downloader verifies it and reads it
      }
      String mismatch = AnswerMatcher.mismatch(signer.merchantId(), request.method(), request.url(),
          requestBody, answer);
      if (mismatch != null) {
        response.close();
        throw new WechatPaySignatureException(WechatPaySignatureException.Reason.ANSWER_MISMATCH,
            mismatch, requestId, status);
      }
      AnswerContext.set(status, requestId);
      return response;
    }
    response.close();
    if (verification.failure != null && response.isSuccessful()) {
      throw verification.failure;
    }
    throw apiException(status, requestId, answer, verification.verified);
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
        error = moshi.adapter(ErrorResponse.class).fromJson(reader);
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
