package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payscore.spring.boot.NotificationDeduplicator.Claim;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** The README's JDBC deduplicator, on an in-memory H2. */
class JdbcNotificationDeduplicatorTest {
  private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
      .generateUniqueName(true).build();
  private final JdbcTemplate jdbc = new JdbcTemplate(database);
  private final JdbcNotificationDeduplicator deduplicator;

  JdbcNotificationDeduplicatorTest() {
    jdbc.execute("CREATE TABLE payscore_notification (id VARCHAR(64) PRIMARY KEY, state VARCHAR(11) NOT NULL,"
        + " claimed_at TIMESTAMP NOT NULL)");
    deduplicator = new JdbcNotificationDeduplicator(jdbc);
  }

  @AfterEach
  void shutdown() {
    database.shutdown();
  }

  @Test
  void claimsProcessesAndReleasesLikeTheInMemoryOne() {
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.IN_PROGRESS);
    deduplicator.release("EV-1");
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.NEW);
    deduplicator.processed("EV-1");
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
    deduplicator.release("EV-1");
    assertThat(deduplicator.claim("EV-1")).isEqualTo(Claim.DUPLICATE);
  }

  @Test
  void anAbandonedClaimIsTakenOver() {
    jdbc.update("INSERT INTO payscore_notification VALUES ('EV-2', 'IN_PROGRESS', ?)",
        Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));

    assertThat(deduplicator.claim("EV-2")).isEqualTo(Claim.NEW);
    assertThat(deduplicator.claim("EV-2")).isEqualTo(Claim.IN_PROGRESS);
  }
}
