package dev.payscore.spring.boot;

/**
 * Where the starter records its calls and notifications; Micrometer's when the application has a
 * {@code MeterRegistry} ({@link MicrometerPayScoreMetrics}), nowhere otherwise.
 */
interface PayScoreMetrics {
  /** Records nothing. */
  PayScoreMetrics NONE = new PayScoreMetrics() {
    @Override
    public void call(String operation, CallOutcome outcome, String code, long nanos) {
    }

    @Override
    public void notification(String eventType, NotificationOutcome outcome) {
    }
  };

  /**
   * Records one call of the API.
   *
   * @param operation the API method, e.g. {@code completePayafterOrder}
   * @param outcome how it ended
   * @param code WeChat Pay's error code, the signature failure's reason, the network failure's
   *     exception, or {@code NONE}
   * @param nanos how long it took
   */
  void call(String operation, CallOutcome outcome, String code, long nanos);

  /**
   * Records one notification received.
   *
   * @param eventType its verified {@code event_type}, or {@code UNVERIFIED}
   * @param outcome what the endpoint did with it
   */
  void notification(String eventType, NotificationOutcome outcome);
}
