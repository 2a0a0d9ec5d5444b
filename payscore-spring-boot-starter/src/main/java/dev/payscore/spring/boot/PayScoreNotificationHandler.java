package dev.payscore.spring.boot;

import dev.payscore.notify.PayScoreNotification;

/**
 * Handles a verified, decrypted, deduplicated notification. The endpoint answers WeChat Pay 204
 * only after this returns; when it throws, the endpoint answers 500 and WeChat Pay sends the
 * notification again.
 *
 * <p>By default the starter's handler publishes the notification as an application event, to
 * listen to by its type:
 *
 * <pre>{@code
 * @EventListener
 * void onPaid(PayScoreNotification.UserPaid paid) {
 *   orders.markPaid(paid.getOrder().getOutOrderNo());
 * }
 * }</pre>
 *
 * <p>Define a bean of this type instead to handle notifications yourself (no event is published
 * then).
 */
@FunctionalInterface
public interface PayScoreNotificationHandler {
  /**
   * Handles a notification; return only once it is safely recorded.
   *
   * @param notification a {@link PayScoreNotification.UserAccepted}, {@link
   *     PayScoreNotification.UserPaid}, a {@link PayScoreNotification.RefundEvent} or {@link
   *     PayScoreNotification.Unknown}
   * @throws Exception to have WeChat Pay send the notification again
   */
  void handle(PayScoreNotification notification) throws Exception;
}
