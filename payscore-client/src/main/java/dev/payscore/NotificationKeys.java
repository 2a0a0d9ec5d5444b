package dev.payscore;

import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.NotificationVerifier;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.exception.WechatPaySignatureException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Verifies notifications with a client's keys in force at that moment. With automatic platform
 * certificates, a notification under a serial the client does not know causes the same
 * single-flight, rate-limited download as an answer does, then one more verification; when no
 * download is allowed or it fails, the first failure stands (the download failure suppressed in it).
 */
final class NotificationKeys implements NotificationVerifier {
  private final AtomicReference<ResponseVerifier> verifier;
  private final @Nullable PlatformCertificates certificates;

  NotificationKeys(AtomicReference<ResponseVerifier> verifier, @Nullable PlatformCertificates certificates) {
    this.verifier = verifier;
    this.certificates = certificates;
  }

  @Override
  public void verify(HeaderSource headers, byte[] body) throws WechatPaySignatureException {
    ResponseVerifier current = verifier.get();
    if (current == null) {
      current = firstDownload(headers);
    }
    try {
      current.verify(headers, body);
    } catch (WechatPaySignatureException failure) {
      if (certificates == null || failure.getReason() != WechatPaySignatureException.Reason.UNKNOWN_SERIAL) {
        throw failure;
      }
      List<String> serials = headers.values("Wechatpay-Serial");
      boolean learnt;
      try {
        learnt = certificates.learn(serials.get(0).trim(), "a notification");
      } catch (IOException | RuntimeException downloadFailed) {
        failure.addSuppressed(downloadFailed);
        throw failure;
      }
      if (!learnt) {
        throw failure;
      }
      verifier.get().verify(headers, body);
    }
  }

  /** No key yet (automatic certificates before the first call): download them now. */
  private ResponseVerifier firstDownload(HeaderSource headers) throws WechatPaySignatureException {
    IOException failed = null;
    if (certificates != null) {
      try {
        return certificates.current();
      } catch (IOException e) {
        failed = e;
      }
    }
    List<String> requestIds = headers.values("Request-ID");
    WechatPaySignatureException failure = new WechatPaySignatureException(
        WechatPaySignatureException.Reason.UNKNOWN_SERIAL,
        "the client holds no WeChat Pay key yet and the platform certificates could not be downloaded",
        requestIds.isEmpty() ? null : requestIds.get(0), 0);
    if (failed != null) {
      failure.addSuppressed(failed);
    }
    throw failure;
  }
}
