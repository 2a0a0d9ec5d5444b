package dev.payscore.spring.boot;

import org.jspecify.annotations.Nullable;

/**
 * What the endpoint did with a notification, and what it answered: the {@code outcome} tag of
 * {@code payscore.notifications}.
 */
enum NotificationOutcome {
  /** Verified, new, handled: 204. */
  HANDLED(204, null),
  /** Verified, handled before: 204 without handling it again. */
  DUPLICATE(204, null),
  /** Verified, being handled by another delivery now: 503, WeChat Pay sends it again. */
  IN_PROGRESS(503, "the notification is being handled; send it again later"),
  /** The signature did not verify (probe, stale, tampered, unknown key): 401, nothing handled. */
  SIGNATURE_FAILURE(401, "signature verification failed"),
  /** The body is larger than payscore.notify.max-body-size: 413, not read. */
  TOO_LARGE(413, "the notification is too large"),
  /** Verified, but not a notification the parser can read: 400. */
  MALFORMED(400, "the notification is malformed"),
  /** Verified, but the resource does not decrypt with the APIv3 key (a wrong key?): 500. */
  UNDECRYPTABLE(500, "the notification cannot be decrypted"),
  /** The deduplicator failed (its store down?): 500, nothing handled. */
  DEDUPLICATION_ERROR(500, "the notification cannot be handled now"),
  /** The handler threw: 500, WeChat Pay sends it again. */
  HANDLER_ERROR(500, "the notification cannot be handled now");

  private final int status;
  private final @Nullable String failureMessage;

  NotificationOutcome(int status, @Nullable String failureMessage) {
    this.status = status;
    this.failureMessage = failureMessage;
  }

  /** The HTTP status to answer. */
  int status() {
    return status;
  }

  /** The body of a failure answer, as WeChat Pay asks for it; {@code null} for a 204. */
  @Nullable String failureBody() {
    return failureMessage == null ? null : "{\"code\":\"FAIL\",\"message\":\"" + failureMessage + "\"}";
  }
}
