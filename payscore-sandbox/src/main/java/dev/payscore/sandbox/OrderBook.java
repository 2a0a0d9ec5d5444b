package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CancelPayafterOrderResponse;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderResponse;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.model.SyncPayafterOrderResponse;
import dev.payscore.model.SyncType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's orders and WeChat Pay's rules for them: which call may move which order (see {@link
 * Order.Event}), and the replay rule for a repeated complete or cancel: identical parameters get the
 * first answer again (under a new {@code Request-ID}), different ones 400 {@code PARAM_ERROR}. Each
 * order is changed under its own lock. Thread-safe.
 */
final class OrderBook {
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  /** Paid orders by the transaction WeChat Pay collected them with. */
  private final Map<String, Order> transactions = new ConcurrentHashMap<>();
  private final String merchantId;
  private final Ids ids;
  private final Answers answers;

  OrderBook(String merchantId, Ids ids, Answers answers) {
    this.merchantId = merchantId;
    this.ids = ids;
    this.answers = answers;
  }

  // -- What tests do to orders directly. ---------------------------------------------------------

  /**
   * Adds an order the user has accepted, with {@code finishTicket} or, when {@code null}, a new one.
   *
   * @return the finish ticket
   * @throws IllegalArgumentException when a field is empty
   * @throws IllegalStateException when the order number is taken
   */
  String seed(String outOrderNo, String appid, String serviceId, @Nullable String finishTicket) {
    Order order = new Order(nonEmpty(outOrderNo, "outOrderNo"), nonEmpty(appid, "appid"),
        nonEmpty(serviceId, "serviceId"), ids.orderId(), PayafterOrderState.USER_ACCEPTED, null);
    String ticket = finishTicket != null ? nonEmpty(finishTicket, "finishTicket") : ids.finishTicket();
    order.addTicket(ticket);
    if (orders.putIfAbsent(outOrderNo, order) != null) {
      throw new IllegalStateException("order " + outOrderNo + " exists already");
    }
    return ticket;
  }

  /**
   * Adds an order WeChat Pay has collected ({@code USER_PAID}) for {@code totalAmount}: seeded, then
   * completed and paid by the same rules as through the API.
   *
   * @return the transaction id ({@code finish_transaction_id})
   * @throws IllegalArgumentException when a field is empty or the amount not positive
   * @throws IllegalStateException when the order number or transaction id is taken
   */
  String seedPaid(String outOrderNo, String appid, String serviceId, long totalAmount, String paySuccTime,
      @Nullable String transactionId) {
    if (totalAmount <= 0) {
      throw new IllegalArgumentException("totalAmount: must be > 0, got " + totalAmount);
    }
    String ticket = seed(outOrderNo, appid, serviceId, null);
    Answer completed = complete(outOrderNo, CompletePayafterOrderRequest.builder().appid(appid)
        .serviceId(serviceId).finishType(FinishType.SERVICE_USED).totalAmount(totalAmount).finishTicket(ticket)
        .build());
    if (completed.status != 200) {
      throw new IllegalStateException("order " + outOrderNo + " could not be completed: HTTP " + completed.status);
    }
    return userPays(outOrderNo, paySuccTime, transactionId);
  }

  /** The user accepts a created order: returns the new finish ticket. */
  String accept(String outOrderNo) {
    Order order = existing(outOrderNo);
    synchronized (order) {
      order.apply(Order.Event.ACCEPT);
      String ticket = ids.finishTicket();
      order.addTicket(ticket);
      return ticket;
    }
  }

  /**
   * WeChat Pay collects a finished order at {@code paySuccTime} ({@code yyyyMMddHHmmss}), under a new
   * transaction id, or under {@code transactionId} when given.
   *
   * @return the transaction id
   */
  String userPays(String outOrderNo, String paySuccTime, @Nullable String transactionId) {
    Order order = existing(outOrderNo);
    String id = transactionId != null ? nonEmpty(transactionId, "transactionId") : ids.transactionId();
    synchronized (order) {
      if (!order.allows(Order.Event.USER_PAYS)) {
        order.apply(Order.Event.USER_PAYS); // throws, saying which state the order is in
      }
      if (transactions.putIfAbsent(id, order) != null) {
        throw new IllegalStateException("transaction " + id + " exists already");
      }
      order.apply(Order.Event.USER_PAYS);
      order.paySuccTime = paySuccTime;
      order.transactionId = id;
    }
    return id;
  }

  /** The order WeChat Pay collected under {@code transactionId}, or {@code null}. */
  @Nullable Order byTransactionId(String transactionId) {
    return transactions.get(transactionId);
  }

  /** The user lets a created order expire: {@code CREATED} becomes {@code REVOKED}. */
  void expire(String outOrderNo) {
    Order order = existing(outOrderNo);
    synchronized (order) {
      order.apply(Order.Event.EXPIRE);
    }
  }

  /** The query view of every order, as JSON objects, in order-number order. */
  List<String> viewsJson() {
    List<String> views = new ArrayList<>();
    for (Order order : new TreeMap<>(orders).values()) {
      synchronized (order) {
        views.add(answers.json(PayafterOrder.class, order.view(merchantId)));
      }
    }
    return views;
  }

  /** Forgets every order. */
  void clear() {
    orders.clear();
    transactions.clear();
  }

  @Nullable SandboxOrder snapshot(String outOrderNo) {
    Order order = orders.get(requireNonNull(outOrderNo, "outOrderNo == null"));
    if (order == null) {
      return null;
    }
    synchronized (order) {
      return order.snapshot();
    }
  }

  /** The query view of an order, as JSON. */
  String viewJson(String outOrderNo) {
    Order order = existing(outOrderNo);
    synchronized (order) {
      return answers.json(PayafterOrder.class, order.view(merchantId));
    }
  }

  private Order existing(String outOrderNo) {
    Order order = orders.get(requireNonNull(outOrderNo, "outOrderNo == null"));
    if (order == null) {
      throw new IllegalStateException("no order " + outOrderNo);
    }
    return order;
  }

  private static String nonEmpty(String value, String name) {
    if (requireNonNull(value, name + " == null").isEmpty()) {
      throw new IllegalArgumentException(name + ": must not be empty");
    }
    return value;
  }

  // -- The API's calls: each returns WeChat Pay's answer. -----------------------------------------

  /** Creates an order ({@code personal} fields of {@code plain} already decrypted), or replays one. */
  Answer create(CreatePayafterOrderRequest plain) {
    Order order = new Order(plain.getOutOrderNo(), plain.getAppid(), plain.getServiceId(), ids.orderId(),
        PayafterOrderState.CREATED, plain);
    Order existing = orders.putIfAbsent(order.outOrderNo, order);
    if (existing == null) {
      return createAnswer(order);
    }
    synchronized (existing) {
      if (plain.equals(existing.create)) {
        return createAnswer(existing);
      }
    }
    return answers.invalidRequest("订单已存在: out_order_no is taken by another order");
  }

  private Answer createAnswer(Order order) {
    return answers.ok(CreatePayafterOrderResponse.class, CreatePayafterOrderResponse.builder()
        .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo).serviceId(order.serviceId)
        .orderId(order.orderId).miniprogramBusinesstype("payafterorder")
        .miniprogramAppid("wxd8f3793ea3b935b8").miniprogramPath("pages/use/use")
        .packageValue("sandbox-" + order.orderId).build());
  }

  /** Finds an order by exactly one of its numbers; 404 unless appid and service_id match too. */
  Answer query(@Nullable String outOrderNo, @Nullable String queryId, String appid, String serviceId) {
    Order order = outOrderNo != null ? orders.get(outOrderNo) : byOrderId(queryId);
    if (order == null) {
      return answers.orderNotExist();
    }
    synchronized (order) {
      if (!order.appid.equals(appid) || !order.serviceId.equals(serviceId)) {
        return answers.orderNotExist();
      }
      return answers.ok(PayafterOrder.class, order.view(merchantId));
    }
  }

  private @Nullable Order byOrderId(@Nullable String orderId) {
    for (Order order : orders.values()) {
      if (order.orderId.equals(orderId)) {
        return order;
      }
    }
    return null;
  }

  /**
   * Completes an accepted order. Besides the contract, WeChat Pay needs {@code finish_type} and {@code
   * total_amount}, and {@code total_amount} 0 with {@code finish_type} 1.
   */
  Answer complete(String outOrderNo, CompletePayafterOrderRequest body) {
    if (body.getFinishType() == null) {
      return answers.paramError("/finish_type", "finish_type is required");
    }
    if (body.getTotalAmount() == null) {
      return answers.paramError("/total_amount", "total_amount is required");
    }
    boolean unused = body.getFinishType() == FinishType.SERVICE_NOT_USED;
    if (unused && body.getTotalAmount() != 0L) {
      return answers.paramError("/total_amount", "total_amount must be 0 when finish_type is 1");
    }
    Order.Event event = unused ? Order.Event.COMPLETE_UNUSED : Order.Event.COMPLETE;
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      Answer replayed = replay(order.completion, body, "completed");
      if (replayed != null) {
        return replayed;
      }
      if (!order.allows(event)) {
        return invalidState(order);
      }
      if (body.getFinishTicket() != null && !order.issued(body.getFinishTicket())) {
        return answers.paramError("/finish_ticket", "校验完结凭证错误: not a ticket this order issued");
      }
      Answer answer = answers.ok(CompletePayafterOrderResponse.class, CompletePayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo)
          .serviceId(order.serviceId).orderId(order.orderId).build());
      order.apply(event);
      order.completion = new Order.Call<>(body, answer);
      return answer;
    });
  }

  /** Cancels an order not yet completed. */
  Answer cancel(String outOrderNo, CancelPayafterOrderRequest body) {
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      Answer replayed = replay(order.cancellation, body, "cancelled");
      if (replayed != null) {
        return replayed;
      }
      if (!order.allows(Order.Event.CANCEL)) {
        return invalidState(order);
      }
      Answer answer = answers.ok(CancelPayafterOrderResponse.class, CancelPayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo)
          .serviceId(order.serviceId).orderId(order.orderId).build());
      order.apply(Order.Event.CANCEL);
      order.cancellation = new Order.Call<>(body, answer);
      return answer;
    });
  }

  /** Records a payment made outside Pay Score on a finished (or already paid) order. */
  Answer sync(String outOrderNo, SyncPayafterOrderRequest body) {
    if (body.getType() != SyncType.ORDER_PAID) {
      return answers.paramError("/type", "type must be Order_Paid");
    }
    String paidTime = body.getDetail() == null ? null : body.getDetail().getPaidTime();
    if (paidTime == null || paidTime.trim().isEmpty()) {
      return answers.paramError("/detail/paid_time", "paid_time is required");
    }
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      if (!order.allows(Order.Event.SYNC_PAID)) {
        return invalidState(order);
      }
      order.apply(Order.Event.SYNC_PAID);
      order.paySuccTime = paidTime;
      return answers.ok(SyncPayafterOrderResponse.class, SyncPayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo).orderId(order.orderId).build());
    });
  }

  /** What a call does to an order, under the order's lock. */
  private interface OrderAction {
    Answer apply(Order order);
  }

  /** Finds the order (404 otherwise), locks it, checks appid and service_id, then runs the action. */
  private Answer onOrder(String outOrderNo, String appid, String serviceId, OrderAction action) {
    Order order = orders.get(outOrderNo);
    if (order == null) {
      return answers.orderNotExist();
    }
    synchronized (order) {
      if (!order.appid.equals(appid)) {
        return answers.paramError("/appid", "appid differs from the order's");
      }
      if (!order.serviceId.equals(serviceId)) {
        return answers.paramError("/service_id", "service_id differs from the order's");
      }
      return action.apply(order);
    }
  }

  /**
   * A repeat of a call already made on an order: the first answer for identical parameters (with a new
   * Request-ID), PARAM_ERROR for different ones; {@code null} when there was no first call.
   */
  private <R> @Nullable Answer replay(Order.@Nullable Call<R> first, R repeat, String verb) {
    if (first == null) {
      return null;
    }
    if (repeat.equals(first.request)) {
      return first.answer.withRequestId(answers.requestId());
    }
    return answers.paramError("/", "订单重入参数校验失败: the order was " + verb + " with other parameters");
  }

  private Answer invalidState(Order order) {
    return answers.invalidRequest("当前订单状态不合法: " + order.state());
  }
}
