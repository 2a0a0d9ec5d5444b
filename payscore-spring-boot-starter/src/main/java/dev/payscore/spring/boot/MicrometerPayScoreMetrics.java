package dev.payscore.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Records on Micrometer: a timer {@code payscore.client.requests} per operation, outcome and code,
 * and a counter {@code payscore.notifications} per event type and outcome.
 */
final class MicrometerPayScoreMetrics implements PayScoreMetrics {
  static final String REQUESTS = "payscore.client.requests";
  static final String NOTIFICATIONS = "payscore.notifications";

  private final MeterRegistry registry;

  MicrometerPayScoreMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void call(String operation, CallOutcome outcome, String code, long nanos) {
    Timer.builder(REQUESTS)
        .description("Calls of the WeChat Pay Pay Score API through payscore-client")
        .tag("operation", operation)
        .tag("outcome", outcome.name())
        .tag("code", code)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void notification(String eventType, NotificationOutcome outcome) {
    Counter.builder(NOTIFICATIONS)
        .description("WeChat Pay Pay Score notifications received")
        .tag("type", eventType)
        .tag("outcome", outcome.name())
        .register(registry)
        .increment();
  }
}
