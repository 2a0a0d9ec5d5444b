package dev.payscore.spring.boot;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

// README jdbc deduplicator begin
/**
 * Notification ids in a table that every instance of the application shares:
 * CREATE TABLE payscore_notification (id VARCHAR(64) PRIMARY KEY, state VARCHAR(11) NOT NULL,
 *                                     claimed_at TIMESTAMP NOT NULL)
 */
public class JdbcNotificationDeduplicator implements NotificationDeduplicator {
  /** A claim older than this was abandoned (its instance died while handling): take it over. */
  private static final Duration LEASE = Duration.ofMinutes(5);

  private final JdbcTemplate jdbc;

  public JdbcNotificationDeduplicator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Claim claim(String id) {
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.update("INSERT INTO payscore_notification (id, state, claimed_at) VALUES (?, 'IN_PROGRESS', ?)", id, now);
      return Claim.NEW;
    } catch (DuplicateKeyException e) {
      int takenOver = jdbc.update("UPDATE payscore_notification SET claimed_at = ?"
          + " WHERE id = ? AND state = 'IN_PROGRESS' AND claimed_at < ?",
          now, id, Timestamp.from(now.toInstant().minus(LEASE)));
      if (takenOver == 1) {
        return Claim.NEW;
      }
      List<String> state = jdbc.queryForList("SELECT state FROM payscore_notification WHERE id = ?", String.class, id);
      return state.contains("PROCESSED") ? Claim.DUPLICATE : Claim.IN_PROGRESS;
    }
  }

  @Override
  public void processed(String id) {
    jdbc.update("UPDATE payscore_notification SET state = 'PROCESSED' WHERE id = ?", id);
  }

  @Override
  public void release(String id) {
    jdbc.update("DELETE FROM payscore_notification WHERE id = ? AND state = 'IN_PROGRESS'", id);
  }
}
// README jdbc deduplicator end
