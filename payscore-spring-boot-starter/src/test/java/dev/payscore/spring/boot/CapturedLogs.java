package dev.payscore.spring.boot;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.payscore.testing.ScannedOutput;

/**
 * The tests' only log appender (logback-test.xml): every line goes to the suite's secrets scan and
 * to a buffer tests can read, and nothing is printed.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {
  private static final StringBuilder TEXT = new StringBuilder();

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line = new StringBuilder()
        .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
        .append(event.getFormattedMessage());
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append('\n').append(ThrowableProxyUtil.asString(thrown));
    }
    ScannedOutput.record(line.toString());
    synchronized (TEXT) {
      TEXT.append(line).append('\n');
    }
  }

  /** Everything logged so far in this JVM. */
  public static String text() {
    synchronized (TEXT) {
      return TEXT.toString();
    }
  }

  /** What was logged after {@code mark}, a length of {@link #text()} taken earlier. */
  public static String since(int mark) {
    synchronized (TEXT) {
      return TEXT.substring(Math.min(mark, TEXT.length()));
    }
  }

  /** A mark for {@link #since}. */
  public static int mark() {
    synchronized (TEXT) {
      return TEXT.length();
    }
  }
}
