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

  /** A request kept, with what the sandbox answered: for the control API's request log. */
  static final class Entry {
    /** 1 for the first request since the start or the last {@link #clear()}, then 2, 3, ... */
    final long sequence;
    final SandboxRequest request;
    final boolean signatureVerified;
    /** The answer's status, 0 when the connection was dropped without one. */
    final int status;
    /** The answer's {@code Request-ID}, empty when there was no answer. */
    final String requestId;

    Entry(long sequence, SandboxRequest request, boolean signatureVerified, int status, String requestId) {
      this.sequence = sequence;
      this.request = request;
      this.signatureVerified = signatureVerified;
      this.status = status;
      this.requestId = requestId;
    }
  }

  private final ArrayDeque<Entry> kept = new ArrayDeque<>();
  private long count;

  /** Keeps a request, dropping the oldest beyond {@link #MAX_REQUESTS}. */
  void add(SandboxRequest request, boolean signatureVerified) {
    add(request, signatureVerified, 0, "");
  }

  /** Keeps a request and the status and {@code Request-ID} of its answer. */
  void add(SandboxRequest request, boolean signatureVerified, int status, String requestId) {
    SandboxRequest cut = request.cut(signatureVerified ? MAX_BODY : MAX_UNVERIFIED_BODY);
    synchronized (this) {
      if (kept.size() == MAX_REQUESTS) {
        kept.removeFirst();
      }
      count++;
      kept.addLast(new Entry(count, cut, signatureVerified, status, requestId));
    }
  }

  /** The requests kept, oldest first. */
  synchronized List<SandboxRequest> snapshot() {
    List<SandboxRequest> requests = new ArrayList<>(kept.size());
    for (Entry entry : kept) {
      requests.add(entry.request);
    }
    return requests;
  }

  /** The entries kept with a sequence number above {@code after}, oldest first. */
  synchronized List<Entry> entriesAfter(long after) {
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : kept) {
      if (entry.sequence > after) {
        entries.add(entry);
      }
    }
    return entries;
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
