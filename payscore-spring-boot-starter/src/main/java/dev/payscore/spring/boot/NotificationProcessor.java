package dev.payscore.spring.boot;

import dev.payscore.auth.HeaderSource;
import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns the raw bytes of a notification into one handling at most: verify and decrypt ({@link
 * NotificationParser}), claim its id ({@link NotificationDeduplicator}), hand it to the {@link
 * PayScoreNotificationHandler}, then mark it processed, or release it when the handler failed. No
 * HTTP types: the servlet filter is its adapter.
 */
final class NotificationProcessor {
  static final String UNVERIFIED = "UNVERIFIED";
  private static final Log log = LogFactory.getLog(NotificationProcessor.class);

  private final NotificationParser parser;
  private final NotificationDeduplicator deduplicator;
  private final PayScoreNotificationHandler handler;
  private final PayScoreMetrics metrics;

  NotificationProcessor(NotificationParser parser, NotificationDeduplicator deduplicator,
      PayScoreNotificationHandler handler, PayScoreMetrics metrics) {
    this.parser = parser;
    this.deduplicator = deduplicator;
    this.handler = handler;
    this.metrics = metrics;
  }

  NotificationOutcome process(HeaderSource headers, byte[] body) {
    PayScoreNotification notification;
    try {
      notification = parser.parse(headers, body);
    } catch (WechatPaySignatureException e) {
      log.warn("PayScore notification refused (401): " + e.getMessage());
      return record(UNVERIFIED, NotificationOutcome.SIGNATURE_FAILURE);
    } catch (WechatPayNotificationException e) {
      NotificationOutcome outcome = switch (e.getReason()) {
        case TOO_LARGE -> NotificationOutcome.TOO_LARGE;
        case DECRYPTION_FAILED, UNSUPPORTED_ALGORITHM -> NotificationOutcome.UNDECRYPTABLE;
        case MALFORMED, MALFORMED_RESOURCE -> NotificationOutcome.MALFORMED;
      };
      if (outcome == NotificationOutcome.UNDECRYPTABLE) {
        log.error("PayScore notification verified but not decrypted (" + outcome.status() + "): " + e.getMessage()
            + "; check payscore.api-v3-key");
      } else {
        log.warn("PayScore notification refused (" + outcome.status() + "): " + e.getMessage());
      }
      return record(UNVERIFIED, outcome);
    }
    String id = notification.getId();
    String type = notification.getEventType();
    NotificationDeduplicator.Claim claim;
    try {
      claim = deduplicator.claim(id);
    } catch (RuntimeException e) {
      log.error("PayScore notification " + id + " (" + type + ") not handled: the deduplicator failed", e);
      return record(type, NotificationOutcome.DEDUPLICATION_ERROR);
    }
    if (claim == NotificationDeduplicator.Claim.DUPLICATE) {
      log.debug("PayScore notification " + id + " (" + type + ") was handled before: acknowledged again");
      return record(type, NotificationOutcome.DUPLICATE);
    }
    if (claim == NotificationDeduplicator.Claim.IN_PROGRESS) {
      log.info("PayScore notification " + id + " (" + type + ") is being handled now: WeChat Pay will send it again");
      return record(type, NotificationOutcome.IN_PROGRESS);
    }
    try {
      handler.handle(notification);
    } catch (Exception e) {
      release(id);
      log.error("PayScore notification " + id + " (" + type + ") failed in its handler (500): WeChat Pay will"
          + " send it again", e);
      return record(type, NotificationOutcome.HANDLER_ERROR);
    }
    try {
      deduplicator.processed(id);
    } catch (RuntimeException e) {
      // Handled all the same: a 204 stops WeChat Pay's deliveries, which is what the handler earned.
      log.warn("PayScore notification " + id + " (" + type + ") handled, but not recorded as handled", e);
    }
    return record(type, NotificationOutcome.HANDLED);
  }

  private void release(String id) {
    try {
      deduplicator.release(id);
    } catch (RuntimeException e) {
      log.warn("PayScore notification " + id + ": its claim could not be released", e);
    }
  }

  private NotificationOutcome record(String type, NotificationOutcome outcome) {
    metrics.notification(type, outcome);
    return outcome;
  }
}
