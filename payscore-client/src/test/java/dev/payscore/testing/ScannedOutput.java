package dev.payscore.testing;

import dev.payscore.PayScoreLogger;

/**
 * What the code under test logs and prints during the suite, kept in memory for {@link
 * SecretsScanListener} instead of going to standard out: tests give their clients {@link #logger()}
 * and hand the CLI's captured streams to {@link #record(String)}. Nothing here is printed.
 */
public final class ScannedOutput {
  private static final ScannedOutput SUITE = new ScannedOutput();

  private final StringBuilder text = new StringBuilder();

  ScannedOutput() {}

  /** The suite's capture, the one {@link SecretsScanListener} scans when the test plan ends. */
  static ScannedOutput suite() {
    return SUITE;
  }

  /** A logger for a client under test: every line goes to the suite's secrets scan. */
  public static PayScoreLogger logger() {
    return SUITE::append;
  }

  /** Hands text the code under test printed (a CLI run's out and err) to the suite's secrets scan. */
  public static void record(String printed) {
    SUITE.append(printed);
  }

  synchronized void append(String printed) {
    text.append(printed).append('\n');
  }

  synchronized String text() {
    return text.toString();
  }
}
