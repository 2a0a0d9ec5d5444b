package dev.payscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.payscore.testing.ScannedOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers the build puts next to the jar (target/payscore, target/payscore.cmd) run the CLI:
 * with the class-data archive when the Java is the one that built it, and plain {@code java -jar},
 * silently, when the archive is missing, unusable, or the Java differs. Runs after {@code package}
 * (the surefire execution {@code launcher-test}); functional only, nothing is timed.
 */
class LauncherTest {
  static final Path TARGET = Paths.get(System.getProperty("payscore.builddir", "target"));
  static final Path USED = Paths.get(System.getProperty("payscore.basedir", "."), "examples/complete-service-used.json");
  static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
  static final String JAVA_HOME = System.getProperty("java.home");

  /** One run of a launcher. */
  static final class Run {
    final int code;
    final String out;
    final String err;

    Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }
  }

  /** Runs the launcher in {@code dir} with JAVA_HOME set (null: unset) and the JDK_JAVA_OPTIONS given (null: none). */
  static Run launch(Path dir, String javaHome, String javaOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(WINDOWS
        ? Arrays.asList("cmd", "/c", dir.resolve("payscore.cmd").toString())
        : Collections.singletonList(dir.resolve("payscore").toString()));
    command.addAll(Arrays.asList(args));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    env.remove("JDK_JAVA_OPTIONS");
    if (javaHome == null) {
      env.remove("JAVA_HOME");
    } else {
      env.put("JAVA_HOME", javaHome);
    }
    if (javaOptions != null) {
      env.put("JDK_JAVA_OPTIONS", javaOptions);
    }
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish: " + command);
    }
    Run run = new Run(process.exitValue(), read(out), read(err));
    ScannedOutput.record(run.out);
    ScannedOutput.record(run.err);
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** The launchers and the jar copied into a fresh directory, without the archive. */
  static Path copyWithoutArchive(Path dir) throws IOException {
    for (String name : new String[] {"payscore", "payscore.cmd", "payscore-cli.jar"}) {
      Files.copy(TARGET.resolve(name), dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return dir;
  }

  @Test
  void printsTheVersion() throws Exception {
    Run run = launch(TARGET, JAVA_HOME, null, "--version");
    assertEquals(0, run.code, run.err);
    assertEquals(PayScoreCli.version(), run.out.trim());
    assertEquals("", run.err);
  }

  @Test
  void completesAnOrderAgainstTheEmbeddedSandboxPassingArgumentsUnchanged(@TempDir Path dir) throws Exception {
    Path body = Files.createDirectories(dir.resolve("a dir with spaces")).resolve("body.json");
    Files.copy(USED, body);
    Run run = launch(TARGET, null, null, "complete", "--out-order-no", "LAUNCHED", "--request", body.toString());
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("\"out_order_no\": \"LAUNCHED\""), run.out);
    assertEquals(2, launch(TARGET, null, null, "complete", "--request", body.toString()).code,
        "the exit code passes through");
  }

  @Test
  void usesTheArchiveWhenItsJavaRunsIt() throws Exception {
    assumeTrue(Files.exists(TARGET.resolve("payscore.jsa")), "no archive was built (-Dcds.skip=true)");
    assumeFalse(WINDOWS, "checked on Unix");
    Path log = Files.createTempFile("classes", ".log");
    Run run = launch(TARGET, JAVA_HOME, "-Xlog:class+load=info:file=" + log, "--version");
    assertEquals(0, run.code, run.err);
    assertTrue(read(log).contains("source: shared objects file (top)"), "classes came from payscore.jsa");
    Files.delete(log);
  }

  @Test
  void runsPlainJavaWhenAnotherJavaRunsIt(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(TARGET.resolve("payscore.jsa")), "no archive was built (-Dcds.skip=true)");
    assumeFalse(WINDOWS, "checked on Unix");
    // Another Java home: a wrapper script (not a link, which the launcher would follow) around this java.
    Path bin = Files.createDirectories(dir.resolve("other-jdk/bin"));
    Path java = bin.resolve("java");
    Files.write(java, ("#!/bin/sh\nexec '" + Paths.get(JAVA_HOME, "bin", "java") + "' \"$@\"\n")
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(java.toFile().setExecutable(true));
    Path log = dir.resolve("classes.log");
    Run run = launch(TARGET, dir.resolve("other-jdk").toString(), "-Xlog:class+load=info:file=" + log, "--version");
    assertEquals(0, run.code, run.err);
    assertEquals(PayScoreCli.version(), run.out.trim());
    assertFalse(read(log).contains("shared objects file (top)"), "payscore.jsa was not used");
  }

  @Test
  void runsPlainJavaSilentlyWithoutTheArchive(@TempDir Path dir) throws Exception {
    Run run = launch(copyWithoutArchive(dir), JAVA_HOME, null, "--version");
    assertEquals(0, run.code, run.err);
    assertEquals(PayScoreCli.version(), run.out.trim());
    assertEquals("", run.err);
  }

  @Test
  void ignoresAnArchiveItCannotUseSilently(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(TARGET.resolve("payscore.jsa")), "no archive was built (-Dcds.skip=true)");
    copyWithoutArchive(dir);
    // The archive of another jar (this copy's time stamp differs), then one that is not an archive.
    Files.copy(TARGET.resolve("payscore.jsa"), dir.resolve("payscore.jsa"));
    assertTrue(dir.resolve("payscore-cli.jar").toFile().setLastModified(System.currentTimeMillis() - 60_000));
    for (int i = 0; i < 2; i++) {
      Run run = launch(dir, JAVA_HOME, null, "--version");
      assertEquals(0, run.code, run.err);
      assertEquals(PayScoreCli.version(), run.out.trim());
      assertEquals("", run.err);
      Files.delete(dir.resolve("payscore.jsa"));
      Files.write(dir.resolve("payscore.jsa"), "not an archive".getBytes(StandardCharsets.UTF_8));
    }
  }
}
