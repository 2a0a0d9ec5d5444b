package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.spring.boot.NotificationDeduplicator.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryNotificationDeduplicatorTest {
  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final TestClock clock = new TestClock();
  private final InMemoryNotificationDeduplicator deduplicator =
      new InMemoryNotificationDeduplicator(3, Duration.ofHours(25), clock);

  @Test
  void aProcessedIdIsADuplicate() {
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
    deduplicator.processed("EV-1");

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
    assertThat(deduplicator.claim("EV-2")).isEqualTo(Claim.NEW);
  }

  @Test
  void aClaimedIdIsInProgressUntilProcessed() {
    deduplicator.claim("EV-1");

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.IN_PROGRESS);
    deduplicator.processed("EV-1");
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
  }

  @Test
  void aReleasedIdIsNewAgain() {
    deduplicator.claim("EV-1");
    deduplicator.release("EV-1");

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
  }

  @Test
  void releasingAProcessedIdKeepsItProcessed() {
    deduplicator.claim("EV-1");
    deduplicator.processed("EV-1");
    deduplicator.release("EV-1");

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
  }

  @Test
  void idsAreForgottenAfterTheirTimeToLive() {
    deduplicator.claim("EV-1");
    deduplicator.processed("EV-1");
    clock.advance(Duration.ofHours(25).minusMillis(1));
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);

    clock.advance(Duration.ofMillis(1));

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
  }

  @Test
  void theTimeToLiveCountsFromProcessing() {
    deduplicator.claim("EV-1");
    clock.advance(Duration.ofHours(20));
    deduplicator.processed("EV-1");
    clock.advance(Duration.ofHours(20));

    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
  }

  @Test
  void beyondTheBoundTheOldestIdsAreForgotten() {
    for (String id : new String[] {"EV-1", "EV-2", "EV-3", "EV-4"}) {
      deduplicator.claim(id);
      deduplicator.processed(id);
    }

    assertThat(deduplicator.size()).isEqualTo(3);
    assertThat(deduplicator.claim("EV-2")).isEqualTo(Claim.DUPLICATE);
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
  }

  @Test
  void refusesABoundOrTimeToLiveThatCannotWork() {
    assertThrows(IllegalArgumentException.class,
        () -> new InMemoryNotificationDeduplicator(0, Duration.ofHours(1), clock));
    assertThrows(IllegalArgumentException.class,
        () -> new InMemoryNotificationDeduplicator(1, Duration.ZERO, clock));
  }
}
