package dev.payscore;

/**
 * Receives the client's log lines when logging is switched on with {@link
 * PayScoreClient.Builder#logger(PayScoreLogger)}.
 *
 * <p>Lines carry method, path, status, {@code Request-ID} and timings; bodies only with {@link
 * PayScoreClient.Builder#logBodies(boolean)}. The Authorization value and signatures are never
 * logged.
 *
 * <pre>{@code
 * PayScoreClient client = PayScoreClient.builder()
 *     ...
 *     .logger(line -> log.info(line))
 *     .build();
 * }</pre>
 */
public interface PayScoreLogger {
  /**
   * Logs one line.
   *
   * @param line the line, without a trailing newline
   */
  void log(String line);
}
