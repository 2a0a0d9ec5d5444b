package dev.payscore.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests the sandbox received, bounded: the last {@link #MAX_REQUESTS}, each body cut to {@link
 * #MAX_BODY} bytes, or to {@link #MAX_UNVERIFIED_BODY} when its signature did not verify (or was never
 * checked). At most about 1,000 x (64 KiB body + 64 KiB head) whatever the traffic. Thread-safe.
 */
final class RequestHistory {
  static final int MAX_REQUESTS = 1000;
  static final int MAX_BODY = 64 * 1024;
  static final int MAX_UNVERIFIED_BODY = 1024;

  private final ArrayDeque<SandboxRequest> kept = new ArrayDeque<>();
  private long count;

  /** Keeps a request, dropping the oldest beyond {@link #MAX_REQUESTS}. */
  void add(SandboxRequest request, boolean signatureVerified) {
    SandboxRequest cut = request.cut(signatureVerified ? MAX_BODY : MAX_UNVERIFIED_BODY);
    synchronized (this) {
      if (kept.size() == MAX_REQUESTS) {
        kept.removeFirst();
      }
      kept.addLast(cut);
      count++;
    }
  }

  /** The requests kept, oldest first. */
  synchronized List<SandboxRequest> snapshot() {
    return new ArrayList<>(kept);
  }

  /** How many requests were added since the start or the last {@link #clear()}, kept or not. */
  synchronized long count() {
    return count;
  }

  /** Forgets every request and resets the count. */
  synchronized void clear() {
    kept.clear();
    count = 0;
  }
}
