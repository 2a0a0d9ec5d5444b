package dev.payscore.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * A suite-wide secrets scan (registered through META-INF/services): it copies everything the whole
 * test run writes to standard out and err, and every failure's messages, and at the end looks for
 * every registered {@link Secrets secret}. A leak is written to {@code target/secrets-leak.txt},
 * which the enforcer plugin refuses in {@code verify}.
 */
public final class SecretsScanListener implements TestExecutionListener {
  static final Path REPORT = Paths.get(System.getProperty("payscore.builddir", "target"), "secrets-leak.txt");

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<String> failures = new ArrayList<>();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    try {
      Files.deleteIfExists(REPORT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (captured) {
          captured.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        original.write(bytes, offset, length);
        synchronized (captured) {
          captured.write(bytes, offset, length);
        }
      }
    };
    try {
      return new PrintStream(both, true, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    result.getThrowable().ifPresent(t -> {
      synchronized (failures) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
          failures.add(String.valueOf(cause));
        }
      }
    });
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    System.setOut(originalOut);
    System.setErr(originalErr);
    String text;
    synchronized (captured) {
      text = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    }
    synchronized (failures) {
      text = text + "\n" + String.join("\n", failures);
    }
    List<String> leaks = scan(text, Secrets.known());
    originalOut.println("secrets scan: " + Secrets.known().size() + " secrets looked for in " + text.length()
        + " characters of output and failure messages: " + leaks.size() + " found");
    if (!leaks.isEmpty()) {
      try {
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, String.join("\n", leaks).getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      originalErr.println("secrets scan: LEAK, see " + REPORT);
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
            + " of the captured output");
      }
    }
    return leaks;
  }
}
