package dev.payscore.spring.boot;

import dev.payscore.notify.PayScoreNotification;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The default handler: publishes the notification as the payload of an application event, so that
 * {@code @EventListener} methods taking a {@link PayScoreNotification} type receive it. Listeners
 * run on the request's thread (unless the application made its event multicaster asynchronous), so
 * an exception in one reaches the endpoint, which answers 500.
 */
final class EventPublishingNotificationHandler implements PayScoreNotificationHandler {
  private final ApplicationEventPublisher publisher;

  EventPublishingNotificationHandler(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void handle(PayScoreNotification notification) {
    publisher.publishEvent(notification);
  }
}
