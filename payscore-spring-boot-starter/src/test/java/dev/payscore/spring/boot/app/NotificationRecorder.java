package dev.payscore.spring.boot.app;

import dev.payscore.notify.PayScoreNotification;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The application's listener: records each typed event; can be told to fail once for an order. */
@Component
public class NotificationRecorder {
  private final List<PayScoreNotification.UserAccepted> accepted = new CopyOnWriteArrayList<>();
  private final List<PayScoreNotification.UserPaid> paid = new CopyOnWriteArrayList<>();
  private final List<PayScoreNotification.RefundEvent> refunds = new CopyOnWriteArrayList<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  @EventListener
  void onAccepted(PayScoreNotification.UserAccepted event) {
    calls.add(event.getId());
    failIfAsked(event);
    accepted.add(event);
  }

  @EventListener
  void onPaid(PayScoreNotification.UserPaid event) {
    calls.add(event.getId());
    failIfAsked(event);
    paid.add(event);
  }

  @EventListener
  void onRefund(PayScoreNotification.RefundEvent event) {
    calls.add(event.getId());
    refunds.add(event);
  }

  /** The refund events (REFUND.SUCCESS, ABNORMAL, CLOSED) recorded about a refund. */
  public List<PayScoreNotification.RefundEvent> refunds(String outRefundNo) {
    return refunds.stream().filter(e -> outRefundNo.equals(e.getRefund().getOutRefundNo())).toList();
  }

  private void failIfAsked(PayScoreNotification.OrderEvent event) {
    if (failOnce.remove(event.getOrder().getOutOrderNo())) {
      throw new IllegalStateException("injected failure of the listener for " + event.getOrder().getOutOrderNo());
    }
  }

  /** Makes the next event about this order fail in the listener. */
  public void failOnceFor(String outOrderNo) {
    failOnce.add(outOrderNo);
  }

  /** The USER_ACCEPTED events recorded about an order. */
  public List<PayScoreNotification.UserAccepted> accepted(String outOrderNo) {
    return accepted.stream().filter(e -> outOrderNo.equals(e.getOrder().getOutOrderNo())).toList();
  }

  /** The USER_PAID events recorded about an order. */
  public List<PayScoreNotification.UserPaid> paid(String outOrderNo) {
    return paid.stream().filter(e -> outOrderNo.equals(e.getOrder().getOutOrderNo())).toList();
  }

  /** How many times the listener was called with this notification id, failures included. */
  public long calls(String notificationId) {
    return calls.stream().filter(notificationId::equals).count();
  }
}
