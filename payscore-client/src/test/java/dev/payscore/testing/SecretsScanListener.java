package dev.payscore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A suite-wide secrets scan (registered through META-INF/services). It scans what the code under test
 * logged and printed into {@link ScannedOutput} (clients' log lines, the CLI's out and err), every
 * failure's messages, and, as a backstop, anything written to standard out and err during the run
 * (passed through, so a test that prints is still seen). When the test plan ends it looks for every
 * registered {@link Secrets secret}; a find is written to {@code target/secrets-leak.txt}, which the
 * enforcer plugin refuses in {@code verify}.
 */
public final class SecretsScanListener implements TestExecutionListener {
  static final Path REPORT = Paths.get(System.getProperty("payscore.builddir", "target"), "secrets-leak.txt");

  private final ScannedOutput output;
  private final Supplier<List<String>> secrets;
  private final Path report;
  private final boolean suite;
  private final ByteArrayOutputStream standardStreams = new ByteArrayOutputStream();
  private PrintStream console;
  private PrintStream originalOut;
  private PrintStream originalErr;

  /** The suite's scan, as the JUnit Platform loads it. */
  public SecretsScanListener() {
    this(ScannedOutput.suite(), Secrets::known, REPORT, null);
  }

  /**
   * A scan of {@code output} for {@code secrets}, reporting to {@code report}, with its one-line
   * verdict on {@code console}; with a null console it is the suite's scan, which also copies the
   * standard streams and prints its verdict on standard out.
   */
  SecretsScanListener(ScannedOutput output, Supplier<List<String>> secrets, Path report, PrintStream console) {
    this.output = output;
    this.secrets = secrets;
    this.report = report;
    this.suite = console == null;
    this.console = console;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    try {
      Files.deleteIfExists(report);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (suite) {
      originalOut = System.out;
      originalErr = System.err;
      console = originalOut;
      System.setOut(tee(originalOut));
      System.setErr(tee(originalErr));
    }
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (standardStreams) {
          standardStreams.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (standardStreams) {
          standardStreams.write(bytes, offset, length);
        }
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    result.getThrowable().ifPresent(t -> {
      for (Throwable cause = t; cause != null; cause = cause.getCause()) {
        output.append(String.valueOf(cause));
      }
    });
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (suite) {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String printed;
    synchronized (standardStreams) {
      printed = new String(standardStreams.toByteArray(), StandardCharsets.UTF_8);
    }
    String text = output.text() + printed;
    List<String> known = secrets.get();
    List<String> leaks = scan(text, known);
    console.println("secrets scan: " + known.size() + " secrets looked for in " + text.length()
        + " characters logged, printed and failed (" + printed.length() + " of them on standard out and err): "
        + leaks.size() + " found" + (leaks.isEmpty() ? "" : ", see " + report));
    if (!leaks.isEmpty()) {
      try {
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.write(report, String.join("\n", leaks).getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Returns, for each secret found in the text, where: a line number, never any of the text. */
  static List<String> scan(String text, List<String> secrets) {
    List<String> leaks = new ArrayList<>();
    for (String secret : secrets) {
      int at = text.indexOf(secret);
      if (at >= 0) {
        int line = 1;
        for (int i = 0; i < at; i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        leaks.add("a registered secret (" + secret.length() + " characters) appears on line " + line
            + " of the scanned text");
      }
    }
    return leaks;
  }
}
