package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import dev.payscore.auth.Clock;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.Refund;
import dev.payscore.model.RefundAmount;
import dev.payscore.model.RefundChannel;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundFundsAccount;
import dev.payscore.model.RefundNotification;
import dev.payscore.model.RefundNotificationAmount;
import dev.payscore.model.RefundStatus;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's refunds and WeChat Pay's rules for them. A refund names a paid order by its {@code
 * transaction_id} (the order's {@code finish_transaction_id}); unknown, it is 404 {@code
 * RESOURCE_NOT_EXISTS}. {@code amount.total} must be what the order collected (400 {@code
 * PARAM_ERROR}); the order's refunds together, closed ones aside, never exceed it (400 {@code
 * INVALID_REQUEST}). {@code out_refund_no} is the key: an identical repeat gets the same refund as it
 * stands, a different body under the same number 400 {@code INVALID_REQUEST}. A refund starts {@code
 * PROCESSING} and moves once, to {@code SUCCESS}, {@code ABNORMAL} or {@code CLOSED}. Thread-safe: one
 * lock for the book.
 */
final class RefundBook {
  /** Where the sandbox says the money went, as WeChat Pay does for a refund to the user's change. */
  static final String USER_RECEIVED_ACCOUNT = "支付用户零钱";

  /** One refund: what was asked, and where it stands. */
  static final class Record {
    final CreateRefundRequest request;
    final String refundId;
    final String transactionId;
    final long total;
    final long refund;
    final String createTime;
    RefundStatus status = RefundStatus.PROCESSING;
    @Nullable String successTime;

    Record(CreateRefundRequest request, String refundId, String transactionId, long total, long refund,
        String createTime) {
      this.request = request;
      this.refundId = refundId;
      this.transactionId = transactionId;
      this.total = total;
      this.refund = refund;
      this.createTime = createTime;
    }
  }

  private final Map<String, Record> refunds = new LinkedHashMap<>();
  private final String merchantId;
  private final OrderBook orders;
  private final Ids ids;
  private final Answers answers;
  private final Clock clock;

  RefundBook(String merchantId, OrderBook orders, Ids ids, Answers answers, Clock clock) {
    this.merchantId = merchantId;
    this.orders = orders;
    this.ids = ids;
    this.answers = answers;
    this.clock = clock;
  }

  /** Asks for a refund (the body already checked against the contract), or replays one. */
  synchronized Answer create(CreateRefundRequest body) {
    Record existing = refunds.get(body.getOutRefundNo());
    if (existing != null) {
      if (existing.request.equals(body)) {
        return answers.ok(Refund.class, view(existing));
      }
      return answers.invalidRequest("退款单号已存在: out_refund_no " + body.getOutRefundNo()
          + " was asked for with other parameters");
    }
    String transactionId = body.getTransactionId();
    Order order = transactionId == null ? null : orders.byTransactionId(transactionId);
    if (order == null) {
      // Pay-after orders are paid by a transaction WeChat Pay makes: the sandbox knows no out_trade_no.
      return answers.error(404, "RESOURCE_NOT_EXISTS", "订单不存在: "
          + (transactionId == null ? "the sandbox knows paid orders by transaction_id only" : "no paid order has this transaction_id"),
          null);
    }
    long total;
    synchronized (order) {
      total = order.total();
    }
    long asked = body.getAmount().getRefund();
    if (body.getAmount().getTotal() != total) {
      return answers.paramError("/amount/total", "total must be the order's amount, " + total);
    }
    long refunded = 0;
    for (Record record : refunds.values()) {
      if (record.transactionId.equals(transactionId) && record.status != RefundStatus.CLOSED) {
        refunded += record.refund;
      }
    }
    if (refunded + asked > total) {
      return answers.invalidRequest("申请退款金额超过订单可退金额: " + (total - refunded) + " of " + total
          + " left to refund, " + asked + " asked");
    }
    Record record = new Record(body, ids.refundId(), transactionId, total, asked, rfc3339(clock.epochSeconds()));
    refunds.put(body.getOutRefundNo(), record);
    return answers.ok(Refund.class, view(record));
  }

  /** A refund by its number, or 404 {@code RESOURCE_NOT_EXISTS}. */
  synchronized Answer query(String outRefundNo) {
    Record record = refunds.get(outRefundNo);
    if (record == null) {
      return answers.error(404, "RESOURCE_NOT_EXISTS", "退款单不存在", null);
    }
    return answers.ok(Refund.class, view(record));
  }

  /**
   * Moves a {@code PROCESSING} refund to {@code to}.
   *
   * @return the refund's notification resource, as JSON
   * @throws IllegalStateException when there is no such refund or it is no longer processing
   */
  synchronized String settle(String outRefundNo, RefundStatus to) {
    Record record = refunds.get(requireNonNull(outRefundNo, "outRefundNo == null"));
    if (record == null) {
      throw new IllegalStateException("no refund " + outRefundNo);
    }
    if (record.status != RefundStatus.PROCESSING) {
      throw new IllegalStateException("refund " + outRefundNo + " is " + record.status + ", not PROCESSING");
    }
    record.status = to;
    if (to == RefundStatus.SUCCESS) {
      record.successTime = rfc3339(clock.epochSeconds());
    }
    return answers.json(RefundNotification.class, RefundNotification.builder()
        .mchid(merchantId).transactionId(record.transactionId).outRefundNo(outRefundNo)
        .refundId(record.refundId).refundStatus(record.status).successTime(record.successTime)
        .userReceivedAccount(USER_RECEIVED_ACCOUNT)
        .amount(RefundNotificationAmount.builder().total(record.total).refund(record.refund)
            .payerTotal(record.total).payerRefund(record.refund).build())
        .build());
  }

  /** Where the refund asked its notifications to go, or {@code null}. */
  synchronized @Nullable String notifyUrl(String outRefundNo) {
    Record record = refunds.get(outRefundNo);
    return record == null ? null : record.request.getNotifyUrl();
  }

  /** Forgets every refund. */
  synchronized void clear() {
    refunds.clear();
  }

  /** A refund's status, or {@code null} when there is no such refund. */
  synchronized @Nullable RefundStatus status(String outRefundNo) {
    Record record = refunds.get(requireNonNull(outRefundNo, "outRefundNo == null"));
    return record == null ? null : record.status;
  }

  private Refund view(Record record) {
    return Refund.builder()
        .refundId(record.refundId).outRefundNo(record.request.getOutRefundNo())
        .transactionId(record.transactionId).channel(RefundChannel.ORIGINAL)
        .userReceivedAccount(USER_RECEIVED_ACCOUNT).successTime(record.successTime)
        .createTime(record.createTime).status(record.status).fundsAccount(RefundFundsAccount.UNSETTLED)
        .amount(RefundAmount.builder().total(record.total).refund(record.refund)
            .payerTotal(record.total).payerRefund(record.refund)
            .settlementRefund(record.refund).settlementTotal(record.total).discountRefund(0L)
            .currency(RefundCurrency.CNY).build())
        .build();
  }

  /** RFC 3339 in Beijing time, as WeChat Pay writes its times: {@code 2020-12-01T16:18:12+08:00}. */
  static String rfc3339(long epochSeconds) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);
    format.setTimeZone(TimeZone.getTimeZone("GMT+08:00"));
    return format.format(new Date(epochSeconds * 1000L));
  }
}
