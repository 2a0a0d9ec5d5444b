package dev.payscore.auth;

/**
 * The source of the current time, in Unix epoch seconds; replace it in tests to freeze time.
 *
 * <pre>{@code
 * Clock frozen = () -> 1554208460L;
 * }</pre>
 */
public interface Clock {
  /** The system clock. */
  Clock SYSTEM =
      new Clock() {
        @Override
        public long epochSeconds() {
          return System.currentTimeMillis() / 1000L;
        }

        @Override
        public String toString() {
          return "Clock.SYSTEM";
        }
      };

  /**
   * Returns the current time.
   *
   * @return seconds since 1970-01-01T00:00:00Z
   */
  long epochSeconds();
}
