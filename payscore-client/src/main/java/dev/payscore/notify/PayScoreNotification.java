package dev.payscore.notify;

import static java.util.Objects.requireNonNull;

import dev.payscore.model.PayafterOrder;
import org.jspecify.annotations.Nullable;

/**
 * A verified, decrypted Pay Score notification. The subclass says which event it is:
 * {@link UserAccepted} ({@code PAYSCORE.USER_ACCEPTED}), {@link UserPaid} ({@code PAYSCORE.USER_PAID})
 * or {@link Unknown} (any other type; its decrypted JSON is kept).
 *
 * <p>The same notification may arrive more than once: deduplicate by {@link #getId()}.
 */
public abstract class PayScoreNotification {
  /** {@code PAYSCORE.USER_ACCEPTED}. */
  public static final String USER_ACCEPTED = "PAYSCORE.USER_ACCEPTED";

  /** {@code PAYSCORE.USER_PAID}. */
  public static final String USER_PAID = "PAYSCORE.USER_PAID";

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

  /** Any other event type: read {@link #getResourceJson()}. */
  public static final class Unknown extends PayScoreNotification {
    Unknown(String id, @Nullable String createTime, String eventType,
        @Nullable String resourceType, @Nullable String summary, String resourceJson) {
      super(id, createTime, eventType, resourceType, summary, resourceJson);
    }
  }
}
