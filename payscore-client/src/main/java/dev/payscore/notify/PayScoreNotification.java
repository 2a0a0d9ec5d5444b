package dev.payscore.notify;

import static java.util.Objects.requireNonNull;

import dev.payscore.model.PayafterOrder;
import dev.payscore.model.RefundNotification;
import org.jspecify.annotations.Nullable;

/**
 * A verified, decrypted WeChat Pay notification of a pay-after merchant. The subclass says which
 * event it is: {@link UserAccepted} ({@code PAYSCORE.USER_ACCEPTED}), {@link UserPaid} ({@code
 * PAYSCORE.USER_PAID}), {@link RefundSucceeded} ({@code REFUND.SUCCESS}), {@link RefundAbnormal}
 * ({@code REFUND.ABNORMAL}), {@link RefundClosed} ({@code REFUND.CLOSED}) or {@link Unknown} (any
 * other type; its decrypted JSON is kept).
 *
 * <p>The same notification may arrive more than once: deduplicate by {@link #getId()}.
 */
public abstract class PayScoreNotification {
  /** {@code PAYSCORE.USER_ACCEPTED}. */
  public static final String USER_ACCEPTED = "PAYSCORE.USER_ACCEPTED";

  /** {@code PAYSCORE.USER_PAID}. */
  public static final String USER_PAID = "PAYSCORE.USER_PAID";

  /** {@code REFUND.SUCCESS}. */
  public static final String REFUND_SUCCESS = "REFUND.SUCCESS";

  /** {@code REFUND.ABNORMAL}. */
  public static final String REFUND_ABNORMAL = "REFUND.ABNORMAL";

  /** {@code REFUND.CLOSED}. */
  public static final String REFUND_CLOSED = "REFUND.CLOSED";

  private final String id;
  private final @Nullable String createTime;
  private final String eventType;
  private final @Nullable String resourceType;
  private final @Nullable String summary;
  private final String resourceJson;

  PayScoreNotification(
      String id,
      @Nullable String createTime,
      String eventType,
      @Nullable String resourceType,
      @Nullable String summary,
      String resourceJson) {
    this.id = requireNonNull(id);
    this.createTime = createTime;
    this.eventType = requireNonNull(eventType);
    this.resourceType = resourceType;
    this.summary = summary;
    this.resourceJson = requireNonNull(resourceJson);
  }

  /**
   * Returns the notification id, the key to deduplicate by.
   *
   * @return e.g. {@code EV-2018022511223320873}
   */
  public String getId() {
    return id;
  }

  /**
   * Returns when WeChat Pay created the notification.
   *
   * @return RFC 3339 text, e.g. {@code 2015-05-20T13:29:35+08:00}, or {@code null}
   */
  public @Nullable String getCreateTime() {
    return createTime;
  }

  /**
   * Returns the event type.
   *
   * @return e.g. {@code PAYSCORE.USER_ACCEPTED}
   */
  public String getEventType() {
    return eventType;
  }

  /**
   * Returns the resource type.
   *
   * @return e.g. {@code encrypt-resource}, or {@code null}
   */
  public @Nullable String getResourceType() {
    return resourceType;
  }

  /**
   * Returns WeChat Pay's summary.
   *
   * @return the summary, or {@code null}
   */
  public @Nullable String getSummary() {
    return summary;
  }

  /**
   * Returns the decrypted resource as JSON text. It may hold personal data: log with care.
   *
   * @return the plaintext JSON
   */
  public String getResourceJson() {
    return resourceJson;
  }

  /** Returns id and event type only: the resource may hold personal data. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", event_type=" + eventType + "}";
  }

  /** An order event whose resource is an order ({@link PayafterOrder}, unknown fields ignored). */
  public abstract static class OrderEvent extends PayScoreNotification {
    private final PayafterOrder order;

    OrderEvent(String id, @Nullable String createTime, String eventType,
        @Nullable String resourceType, @Nullable String summary, String resourceJson,
        PayafterOrder order) {
      super(id, createTime, eventType, resourceType, summary, resourceJson);
      this.order = requireNonNull(order);
    }

    /**
     * Returns the order the event is about. Query the order for its authoritative state.
     *
     * @return the decrypted order
     */
    public PayafterOrder getOrder() {
      return order;
    }
  }

  /** {@code PAYSCORE.USER_ACCEPTED}: the user accepted the order (用户确认订单). */
  public static final class UserAccepted extends OrderEvent {
    UserAccepted(String id, @Nullable String createTime, @Nullable String resourceType,
        @Nullable String summary, String resourceJson, PayafterOrder order) {
      super(id, createTime, USER_ACCEPTED, resourceType, summary, resourceJson, order);
    }
  }

  /** {@code PAYSCORE.USER_PAID}: the user paid (用户支付成功). */
  public static final class UserPaid extends OrderEvent {
    UserPaid(String id, @Nullable String createTime, @Nullable String resourceType,
        @Nullable String summary, String resourceJson, PayafterOrder order) {
      super(id, createTime, USER_PAID, resourceType, summary, resourceJson, order);
    }
  }

  /**
   * A refund event, whose resource is a refund ({@link RefundNotification}, unknown fields ignored).
   */
  public abstract static class RefundEvent extends PayScoreNotification {
    private final RefundNotification refund;

    RefundEvent(String id, @Nullable String createTime, String eventType,
        @Nullable String resourceType, @Nullable String summary, String resourceJson,
        RefundNotification refund) {
      super(id, createTime, eventType, resourceType, summary, resourceJson);
      this.refund = requireNonNull(refund);
    }

    /**
     * Returns the refund the event is about. Query the refund for its authoritative status.
     *
     * @return the decrypted refund
     */
    public RefundNotification getRefund() {
      return refund;
    }
  }

  /** {@code REFUND.SUCCESS}: the money was given back (退款成功). */
  public static final class RefundSucceeded extends RefundEvent {
    RefundSucceeded(String id, @Nullable String createTime, @Nullable String resourceType,
        @Nullable String summary, String resourceJson, RefundNotification refund) {
      super(id, createTime, REFUND_SUCCESS, resourceType, summary, resourceJson, refund);
    }
  }

  /**
   * {@code REFUND.ABNORMAL}: the refund failed at the user's bank (退款异常), e.g. a cancelled or
   * frozen card; handle it in the merchant platform.
   */
  public static final class RefundAbnormal extends RefundEvent {
    RefundAbnormal(String id, @Nullable String createTime, @Nullable String resourceType,
        @Nullable String summary, String resourceJson, RefundNotification refund) {
      super(id, createTime, REFUND_ABNORMAL, resourceType, summary, resourceJson, refund);
    }
  }

  /** {@code REFUND.CLOSED}: the refund was closed (退款关闭). */
  public static final class RefundClosed extends RefundEvent {
    RefundClosed(String id, @Nullable String createTime, @Nullable String resourceType,
        @Nullable String summary, String resourceJson, RefundNotification refund) {
      super(id, createTime, REFUND_CLOSED, resourceType, summary, resourceJson, refund);
    }
  }

  /** Any other event type: read {@link #getResourceJson()}. */
  public static final class Unknown extends PayScoreNotification {
    Unknown(String id, @Nullable String createTime, String eventType,
        @Nullable String resourceType, @Nullable String summary, String resourceJson) {
      super(id, createTime, eventType, resourceType, summary, resourceJson);
    }
  }
}
