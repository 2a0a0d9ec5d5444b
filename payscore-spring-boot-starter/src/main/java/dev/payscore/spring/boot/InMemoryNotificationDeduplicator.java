package dev.payscore.spring.boot;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link NotificationDeduplicator}: ids in memory, each kept for a time to live, at most
 * {@code maxEntries} of them (the oldest forgotten first). Ids are lost on restart and not shared
 * between instances.
 */
final class InMemoryNotificationDeduplicator implements NotificationDeduplicator {
  private final int maxEntries;
  private final long ttlMillis;
  private final Clock clock;
  /** Id to the time its entry expires, oldest first (every change re-inserts at the end). */
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  private record Entry(boolean processed, long expiresAtMillis) {
  }

  InMemoryNotificationDeduplicator(int maxEntries, Duration ttl, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries: must be at least 1, got " + maxEntries);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl: must be more than 0, got " + ttl);
    }
    this.maxEntries = maxEntries;
    this.ttlMillis = ttl.toMillis();
    this.clock = requireNonNull(clock, "clock == null");
  }

  @Override
  public synchronized Claim claim(String notificationId) {
    requireNonNull(notificationId, "notificationId == null");
    long now = clock.millis();
    expire(now);
    Entry entry = entries.get(notificationId);
    if (entry != null) {
      return entry.processed() ? Claim.DUPLICATE : Claim.IN_PROGRESS;
    }
    entries.put(notificationId, new Entry(false, now + ttlMillis));
    bound();
    return Claim.NEW;
  }

  @Override
  public synchronized void processed(String notificationId) {
    requireNonNull(notificationId, "notificationId == null");
    entries.remove(notificationId);
    entries.put(notificationId, new Entry(true, clock.millis() + ttlMillis));
    bound();
  }

  @Override
  public synchronized void release(String notificationId) {
    requireNonNull(notificationId, "notificationId == null");
    Entry entry = entries.get(notificationId);
    if (entry != null && !entry.processed()) {
      entries.remove(notificationId);
    }
  }

  /** How many ids are remembered now. */
  synchronized int size() {
    return entries.size();
  }

  private void expire(long now) {
    Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
    while (oldestFirst.hasNext() && oldestFirst.next().getValue().expiresAtMillis() <= now) {
      oldestFirst.remove();
    }
  }

  private void bound() {
    Iterator<String> oldestFirst = entries.keySet().iterator();
    while (entries.size() > maxEntries) {
      oldestFirst.next();
      oldestFirst.remove();
    }
  }

  @Override
  public String toString() {
    return "InMemoryNotificationDeduplicator{maxEntries=" + maxEntries + ", ttl=" + Duration.ofMillis(ttlMillis) + "}";
  }
}
