package dev.payscore.sandbox;

import static dev.payscore.model.PayafterOrderState.CREATED;
import static dev.payscore.model.PayafterOrderState.FINISHED;
import static dev.payscore.model.PayafterOrderState.REVOKED;
import static dev.payscore.model.PayafterOrderState.USER_ACCEPTED;
import static dev.payscore.model.PayafterOrderState.USER_PAID;

import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's state of one order: a state machine over {@link PayafterOrderState}, moved only by an
 * {@link Event} from the states that event allows; its finish tickets; and the first complete and cancel
 * calls, for replays. Not thread-safe: callers hold the order's own lock.
 */
final class Order {
  /** What can happen to an order, and the states it can happen in. */
  enum Event {
    /** The user accepts the order in WeChat. */
    ACCEPT(USER_ACCEPTED, CREATED),
    /** The merchant completes the order, the service used ({@code finish_type} 2). */
    COMPLETE(FINISHED, USER_ACCEPTED),
    /** The merchant completes the order, the service not used ({@code finish_type} 1). */
    COMPLETE_UNUSED(REVOKED, USER_ACCEPTED),
    /** The user lets a created order expire without accepting it (the sandbox's control API). */
    EXPIRE(REVOKED, CREATED),
    /** The merchant cancels the order. */
    CANCEL(REVOKED, CREATED, USER_ACCEPTED),
    /** WeChat Pay collects the payment. */
    USER_PAYS(USER_PAID, FINISHED),
    /** The merchant syncs a payment made elsewhere ({@code Order_Paid}); repeatable. */
    SYNC_PAID(USER_PAID, FINISHED, USER_PAID);

    final PayafterOrderState to;
    final EnumSet<PayafterOrderState> from;

    Event(PayafterOrderState to, PayafterOrderState first, PayafterOrderState... more) {
      this.to = to;
      this.from = EnumSet.of(first, more);
    }
  }

  /** A call already made on an order, and the answer it got, for replays. */
  static final class Call<R> {
    final R request;
    final Answer answer;

    Call(R request, Answer answer) {
      this.request = request;
      this.answer = answer;
    }
  }

  final String outOrderNo;
  final String appid;
  final String serviceId;
  final String orderId;
  private PayafterOrderState state;
  private final List<String> finishTickets = new ArrayList<>();
  /** The create request with its personal fields decrypted; {@code null} for a seeded order. */
  final @Nullable CreatePayafterOrderRequest create;
  @Nullable String paySuccTime;
  /** The transaction WeChat Pay collected the order with ({@code finish_transaction_id}); refunds name it. */
  @Nullable String transactionId;
  @Nullable Call<CompletePayafterOrderRequest> completion;
  @Nullable Call<CancelPayafterOrderRequest> cancellation;

  Order(String outOrderNo, String appid, String serviceId, String orderId, PayafterOrderState state,
      @Nullable CreatePayafterOrderRequest create) {
    this.outOrderNo = outOrderNo;
    this.appid = appid;
    this.serviceId = serviceId;
    this.orderId = orderId;
    this.state = state;
    this.create = create;
  }

  PayafterOrderState state() {
    return state;
  }

  /** Whether {@code event} can happen in the current state. */
  boolean allows(Event event) {
    return event.from.contains(state);
  }

  /**
   * Moves the order on.
   *
   * @throws IllegalStateException when the event cannot happen in the current state
   */
  void apply(Event event) {
    if (!allows(event)) {
      throw new IllegalStateException("order " + outOrderNo + " is " + state + ", not " + describe(event.from));
    }
    state = event.to;
  }

  void addTicket(String ticket) {
    finishTickets.add(ticket);
  }

  boolean issued(String ticket) {
    return finishTickets.contains(ticket);
  }

  @Nullable String latestTicket() {
    return finishTickets.isEmpty() ? null : finishTickets.get(finishTickets.size() - 1);
  }

  SandboxOrder snapshot() {
    CreatePayafterOrderRequest c = create;
    return new SandboxOrder(outOrderNo, appid, serviceId, orderId, String.valueOf(state.getValue()),
        latestTicket(), c == null ? null : c.getName(), c == null ? null : c.getPhone(),
        c == null ? null : c.getUserid(), c == null ? null : c.getAddress());
  }

  /** The query view of the order, as WeChat Pay answers a query and sends it in notifications. */
  PayafterOrder view(String merchantId) {
    PayafterOrder.Builder view = PayafterOrder.builder()
        .appid(appid).mchid(merchantId).outOrderNo(outOrderNo).serviceId(serviceId)
        .orderId(orderId).state(state).finishTicket(latestTicket()).paySuccTime(paySuccTime)
        .finishTransactionId(transactionId);
    if (create != null) {
      view.serviceStartTime(create.getServiceStartTime())
          .serviceIntroduction(create.getServiceIntroduction())
          .riskAmount(create.getRiskAmount())
          .attach(create.getAttach())
          .fees(create.getFees());
    }
    Call<CompletePayafterOrderRequest> completed = completion;
    if (completed != null) {
      CompletePayafterOrderRequest c = completed.request;
      view.finishType(c.getFinishType())
          .totalAmount(c.getTotalAmount())
          .fees(c.getFees())
          .discounts(c.getDiscounts())
          .realServiceStartTime(c.getRealServiceStartTime())
          .realServiceEndTime(c.getRealServiceEndTime())
          .realServiceEndLocation(c.getRealServiceEndLocation());
    }
    return view.build();
  }

  /** The amount WeChat Pay collected: the completed {@code total_amount}, 0 before completion. */
  long total() {
    Call<CompletePayafterOrderRequest> completed = completion;
    Long total = completed == null ? null : completed.request.getTotalAmount();
    return total == null ? 0L : total;
  }

  private static String describe(EnumSet<PayafterOrderState> states) {
    StringBuilder text = new StringBuilder();
    for (PayafterOrderState s : states) {
      text.append(text.length() == 0 ? "" : " or ").append(s);
    }
    return text.toString();
  }
}
