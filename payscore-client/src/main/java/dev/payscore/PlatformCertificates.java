package dev.payscore;

import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.exception.WechatPayCertificateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one client's platform certificates current; its state is this client's only. A download
 * happens when the client holds no key yet (before its first call is sent, or its first
 * notification is verified), when an answer or a notification arrives under a serial the client
 * does not know (at most once a minute for that reason), on {@link
 * #refresh()}, and on the user's executor if one was given. Downloads are single-flight: one at a
 * time, and a caller that waited for another's download uses its result. A download that fails any
 * check changes nothing.
 */
final class PlatformCertificates {
  /** The shortest time between two downloads caused by unknown serials. */
  static final long UNKNOWN_SERIAL_INTERVAL_SECONDS = 60;

  /** A monotonic time source, replaceable in tests. */
  interface Ticker {
    long nanoTime();
  }

  static final Ticker SYSTEM_TICKER = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  };

  private final CertificateDownloader downloader;
  private final AtomicReference<ResponseVerifier> verifier;
  private final SignatureScheme scheme;
  private final String merchantSerialNumber;
  private final @Nullable PayScoreLogger logger;
  private final Ticker ticker;
  private final Object lock = new Object();
  /** Guarded by lock: whether and when an unknown serial last caused a download. */
  private boolean downloadedForUnknownSerial;
  private long lastUnknownSerialDownload;
  private volatile @Nullable ScheduledFuture<?> schedule;

  PlatformCertificates(CertificateDownloader downloader, AtomicReference<ResponseVerifier> verifier,
      SignatureScheme scheme, String merchantSerialNumber, @Nullable PayScoreLogger logger, Ticker ticker) {
    this.downloader = downloader;
    this.verifier = verifier;
    this.scheme = scheme;
    this.merchantSerialNumber = merchantSerialNumber;
    this.logger = logger;
    this.ticker = ticker;
  }

  /** The {@code algorithm_type} the client's own certificates are listed under. */
  String algorithmType() {
    return scheme == SignatureScheme.SM2 ? "SM2" : "RSA";
  }

  CertificateDownloader downloader() {
    return downloader;
  }

  /** Returns the verifier in force, downloading the certificates first when the client holds no key. */
  ResponseVerifier current() throws IOException {
    ResponseVerifier current = verifier.get();
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      current = verifier.get();
      if (current == null) {
        refreshLocked("the client holds no WeChat Pay key yet");
        current = verifier.get();
      }
      return current;
    }
  }

  /**
   * An answer arrived under {@code serial}, which the client did not know when it verified it.
   * Returns true when the keys may have changed since (another caller's download, or one made
   * now), so that verification is worth repeating; false when no download was allowed (the last
   * one for an unknown serial was less than a minute ago).
   */
  boolean learn(String serial) throws IOException {
    return learn(serial, "an answer");
  }

  /** Like {@link #learn(String)}, for {@code what} (an answer, a notification) under {@code serial}. */
  boolean learn(String serial, String what) throws IOException {
    synchronized (lock) {
      ResponseVerifier current = verifier.get();
      if (current != null && current.keys().contains(serial)) {
        return true;
      }
      long now = ticker.nanoTime();
      if (downloadedForUnknownSerial
          && now - lastUnknownSerialDownload < TimeUnit.SECONDS.toNanos(UNKNOWN_SERIAL_INTERVAL_SECONDS)) {
        log("platform certificates: not downloaded again for the unknown serial " + serial
            + ": the last download for an unknown serial was less than "
            + UNKNOWN_SERIAL_INTERVAL_SECONDS + " s ago");
        return false;
      }
      downloadedForUnknownSerial = true;
      lastUnknownSerialDownload = now;
      refreshLocked(what + " arrived under the unknown serial " + serial);
      return true;
    }
  }

  /** Downloads the certificates and puts them in force. */
  List<PlatformCertificate> refresh() throws IOException {
    return refresh("asked");
  }

  private List<PlatformCertificate> refresh(String why) throws IOException {
    synchronized (lock) {
      return refreshLocked(why);
    }
  }

  /** Refreshes on the user's executor, first at once, then every period; failures keep the keys in force. */
  void scheduleOn(ScheduledExecutorService executor, long period, TimeUnit unit) {
    schedule = executor.scheduleWithFixedDelay(new Runnable() {
      @Override
      public void run() {
        try {
          refresh("scheduled");
        } catch (IOException | RuntimeException e) {
          log("platform certificates: the scheduled refresh failed, the certificates in force are kept: "
              + e.getMessage());
        }
      }
    }, 0, period, unit);
  }

  /** Stops the scheduled refresh, if any. */
  void cancel() {
    ScheduledFuture<?> scheduled = schedule;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  private List<PlatformCertificate> refreshLocked(String why) throws IOException {
    List<PlatformCertificate> downloaded;
    try {
      downloaded = downloader.download(algorithmType(), verifier.get());
      install(downloaded);
    } catch (IOException e) {
      log("platform certificates: download failed (" + why + "), the keys in force are kept: " + e.getMessage());
      throw e;
    }
    List<String> serials = new ArrayList<>();
    for (PlatformCertificate certificate : downloaded) {
      serials.add(certificate.serialNumber());
    }
    log("platform certificates: downloaded " + serials + " (" + why + ")");
    return downloaded;
  }

  /**
   * Puts a downloaded list in force: the WeChat Pay public key stays, every platform certificate the
   * client held is replaced by the list. The certificate requests name ({@code Wechatpay-Serial}, and
   * the key personal fields are encrypted for) stays the same while it is listed, so that a body
   * encrypted just before a refresh is sent under its own serial; otherwise it is the newest.
   */
  private void install(List<PlatformCertificate> downloaded) throws WechatPayCertificateException {
    while (true) {
      ResponseVerifier before = verifier.get();
      final String inUse = before != null ? before.keys().preferredId() : null;
      List<PlatformCertificate> newestFirst = new ArrayList<>(downloaded);
      Collections.sort(newestFirst, new Comparator<PlatformCertificate>() {
        @Override
        public int compare(PlatformCertificate a, PlatformCertificate b) {
          boolean aInUse = a.serialNumber().equals(inUse);
          boolean bInUse = b.serialNumber().equals(inUse);
          return aInUse != bInUse ? (aInUse ? -1 : 1) : b.notAfter().compareTo(a.notAfter());
        }
      });
      ResponseVerifier.Builder builder = before != null ? before.newBuilder() : downloader.verifierBuilder();
      if (before != null) {
        for (String id : before.keys().ids()) {
          if (!id.startsWith("PUB_KEY_ID_")) {
            builder.removeKey(id);
          }
        }
      }
      for (PlatformCertificate certificate : newestFirst) {
        CertificateDownloader.register(builder, certificate);
      }
      ResponseVerifier after = builder.build();
      if (after.keys().contains(merchantSerialNumber)) {
        throw new WechatPayCertificateException(WechatPayCertificateException.Reason.MALFORMED,
            "a listed certificate has the merchant's own serial " + merchantSerialNumber, 0, null, null);
      }
      String misfit = after.keys().misfit(scheme);
      if (misfit != null) {
        throw new WechatPayCertificateException(WechatPayCertificateException.Reason.MALFORMED, misfit, 0,
            null, null);
      }
      if (verifier.compareAndSet(before, after)) {
        return;
      }
    }
  }

  private void log(String line) {
    if (logger != null) {
      logger.log(line);
    }
  }
}
