package dev.payscore.spring.boot;

/**
 * Remembers which notifications were handled, by notification id, so that one delivered twice is
 * handled once. The endpoint claims an id after the signature verified (an unverified body never
 * reaches it), then marks it {@link #processed} when the handler returned, or {@link #release}s it
 * when the handler failed, so that WeChat Pay's next delivery is handled again.
 *
 * <p>The default keeps ids in memory (see {@code payscore.notify.deduplication.*}): enough for one
 * instance. Several instances, or handling that must survive a restart, need a shared store:
 * define a bean of this type (the README shows one on JDBC). Implementations must be thread-safe.
 */
public interface NotificationDeduplicator {
  /** What {@link #claim} found. */
  enum Claim {
    /** The id is new and now claimed: handle the notification. */
    NEW,
    /** The id was handled already: acknowledge without handling it again. */
    DUPLICATE,
    /** Another delivery of the id is being handled now: ask WeChat Pay to send it again later. */
    IN_PROGRESS
  }

  /**
   * Claims a notification id before its handler runs.
   *
   * @param notificationId the verified notification's id
   * @return whether to handle it
   */
  Claim claim(String notificationId);

  /**
   * Records that a claimed notification was handled: later deliveries are {@link Claim#DUPLICATE}.
   *
   * @param notificationId the id
   */
  void processed(String notificationId);

  /**
   * Gives up a claim after the handler failed: the next delivery is {@link Claim#NEW} again.
   *
   * @param notificationId the id
   */
  void release(String notificationId);
}
