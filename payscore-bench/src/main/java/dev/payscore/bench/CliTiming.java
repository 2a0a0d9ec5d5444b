package dev.payscore.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line's wall time, fresh processes each run, interleaved so that a load change hits every
 * command alike, median of the runs, against {@code java -version} as the baseline: {@code payscore
 * --version} and {@code payscore complete} against the embedded sandbox through the launcher (with the
 * class-data archive), and {@code java -jar payscore-cli.jar complete} (no launcher, no archive).
 */
final class CliTiming {
  /** One timed command: what it runs and what its output must hold. */
  private static final class Command {
    final String label;
    final List<String> argv;
    final String expected;

    Command(String label, List<String> argv, String expected) {
      this.label = label;
      this.argv = argv;
      this.expected = expected;
    }
  }

  private CliTiming() {}

  /** Label to median milliseconds, in the order of the report; the first is {@code java -version}. */
  static Map<String, Double> medians(Path cliTarget, Path request, int runs) throws Exception {
    String javaHome = System.getProperty("java.home");
    String java = Paths.get(javaHome, "bin", "java").toString();
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    Path launcher = cliTarget.resolve(windows ? "payscore.cmd" : "payscore");
    Path jar = cliTarget.resolve("payscore-cli.jar");
    if (!Files.isRegularFile(launcher) || !Files.isRegularFile(jar)) {
      throw new IllegalStateException("no CLI in " + cliTarget + ": run the bench from the root (mvn -B -Pbench verify)");
    }
    List<String> run = windows ? Arrays.asList("cmd", "/c", launcher.toString()) : Arrays.asList(launcher.toString());
    List<String> complete = Arrays.asList("complete", "--out-order-no", "CLI-TIMING", "--request", request.toString());
    List<Command> commands = Arrays.asList(
        new Command("java -version", Arrays.asList(java, "-version"), "version"),
        new Command("payscore --version", concat(run, Arrays.asList("--version")), "payscore "),
        new Command("payscore complete (embedded sandbox)", concat(run, complete), "\"out_order_no\": \"CLI-TIMING\""),
        new Command("java -jar payscore-cli.jar complete (no launcher, no archive)",
            concat(Arrays.asList(java, "-jar", jar.toString()), complete), "\"out_order_no\": \"CLI-TIMING\""));
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      for (Command command : commands) {
        times.computeIfAbsent(command.label, k -> new ArrayList<>()).add(timeOnce(command, javaHome));
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      List<Double> sorted = new ArrayList<>(entry.getValue());
      sorted.sort(null);
      medians.put(entry.getKey(), sorted.get(sorted.size() / 2));
    }
    return medians;
  }

  private static double timeOnce(Command command, String javaHome) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command.argv).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    long start = System.nanoTime();
    Process process = builder.start();
    String output = readAll(process.getInputStream());
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.label + " did not finish");
    }
    double millis = (System.nanoTime() - start) / 1e6;
    if (process.exitValue() != 0 || !output.contains(command.expected)) {
      throw new IllegalStateException(command.label + " failed (exit " + process.exitValue() + "): " + output);
    }
    return millis;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = in.read(buffer)) != -1; ) {
      bytes.write(buffer, 0, n);
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }
}
