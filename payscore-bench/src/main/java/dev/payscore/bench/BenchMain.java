package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.CryptoProviders;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and prints one table of same-run ratios: the crypto floor, the
 * client against the official SDK (JMH, one run, the responder in another process), the client's
 * CPU per call beyond the crypto, and cold starts (fresh JVMs, median). Writes report.md into the
 * directory given as the first argument (the bench profile passes payscore-bench/target/bench).
 *
 * <p>{@code mvn -B -Pbench verify -DskipTests} (see docs/performance.md).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    // -Dbench.quick=true: shorter iterations and fewer fresh processes, for trying things by hand; the
    // bench profile runs the full set.
    boolean quick = Boolean.getBoolean("bench.quick");
    int freshRuns = quick ? 3 : 7;
    Path out = Paths.get(args.length > 0 ? args[0] : "target/bench");
    Path cliTarget = Paths.get(args.length > 1 ? args[1] : "payscore-cli/target");
    Files.createDirectories(out);
    String ourBody = new com.squareup.moshi.Moshi.Builder().build()
        .adapter(dev.payscore.model.CompletePayafterOrderRequest.class).toJson(Clients.REQUEST);
    if (!Official.REQUEST_JSON.equals(ourBody)) {
      throw new IllegalStateException("the official SDK's body differs from ours: " + ourBody);
    }
    Path keysDir = BenchKeys.generate(Files.createDirectories(out.resolve("keys")));
    String classpath = System.getProperty("java.class.path");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    Process responder = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath,
        SignedResponder.class.getName(), keysDir.toString()).redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(responder.getInputStream(), StandardCharsets.UTF_8));
    String first = lines.readLine();
    if (first == null || !first.startsWith("URL ")) {
      throw new IllegalStateException("the responder did not start: " + first);
    }
    String url = first.substring(4);
    try {
      Options options = new OptionsBuilder()
          .include(FloorBenchmark.class.getName())
          .include(ClientBenchmark.class.getName())
          .include(OverheadBenchmark.class.getName())
          .forks(1)
          .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
          .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
          .addProfiler(GCProfiler.class)
          .addProfiler(ThreadCpuProfiler.class)
          .jvmArgsAppend("-Dbench.url=" + url, "-Dbench.keys=" + keysDir, "-Xmx1g")
          .build();
      Collection<RunResult> results = new Runner(options).run();

      Map<String, Double> cpu = cpuPerCall(BenchKeys.load(keysDir), url);
      Object[] overhead = alternating(java, classpath, url, keysDir, "pipeline", "bare", 20_000, quick ? 10 : 40, 250);
      Object[] floorJdk = alternating(java, classpath, url, keysDir, "ours-jdk", "floor-jdk", 1500, quick ? 6 : 30, 40);
      Object[] floorNative = alternating(java, classpath, url, keysDir, "ours-native", "floor-native", 5000,
          quick ? 6 : 30, 100);
      String ownJar = classpath; // the child JVMs get the same class path minus native providers
      String coldClasspath = Arrays.stream(ownJar.split(File.pathSeparator))
          .filter(e -> !e.contains("conscrypt") && !e.contains("Corretto"))
          .collect(Collectors.joining(File.pathSeparator));
      Map<String, Double> cold = coldStartMediansMs(java, coldClasspath, url, keysDir, freshRuns);
      Map<String, Double> cli = CliTiming.medians(cliTarget,
          Paths.get("examples", "complete-service-used.json").toAbsolutePath(), freshRuns);
      String report = report(results, cpu, overhead, floorJdk, floorNative, cold, cli, freshRuns);
      System.out.println(report);
      Files.write(out.resolve("report.md"), report.getBytes(StandardCharsets.UTF_8));
    } finally {
      responder.getOutputStream().close();
      responder.destroy();
      responder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Thread CPU per call on one thread, after warm-up, for our client with the JDK and native providers. */
  static Map<String, Double> cpuPerCall(BenchKeys keys, String url) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> micros = new LinkedHashMap<>();
    PayScoreClient jdk = Clients.ours(keys, url, null);
    PayScoreClient boring = Clients.ours(keys, url, CryptoProviders.nativeProvider());
    for (Map.Entry<String, PayScoreClient> entry : Arrays.asList(
        new java.util.AbstractMap.SimpleEntry<>("JDK", jdk),
        new java.util.AbstractMap.SimpleEntry<>(nativeName(), boring))) {
      for (int i = 0; i < 3000; i++) {
        Clients.callOurs(entry.getValue());
      }
      int calls = 3000;
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) {
        Clients.callOurs(entry.getValue());
      }
      micros.put(entry.getKey(), (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls);
    }
    com.wechat.pay.java.core.http.HttpClient official = Official.client(keys);
    for (int i = 0; i < 3000; i++) {
      Official.call(official, url);
    }
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < 3000; i++) {
      Official.call(official, url);
    }
    micros.put("official (JDK)", (threads.getCurrentThreadCpuTime() - start) / 1000.0 / 3000);
    return micros;
  }

  /** Totals of one kind of call over the measured rounds of {@link #alternating}. */
  static final class Totals {
    long calls;
    long wallNanos;
    long cpuNanos;
    long bytes;

    double wallMicros() {
      return wallNanos / 1000.0 / calls;
    }

    double cpuMicros() {
      return cpuNanos / 1000.0 / calls;
    }

    double bytesPerCall() {
      return bytes / (double) calls;
    }

    double perSecond() {
      return calls * 1e9 / wallNanos;
    }
  }

  /**
   * Two kinds of {@link CallWorker} call, each in a JVM of its own (so that neither shares the other's
   * JIT profile), warmed up, then measured in alternating rounds (so that a change of load hits both
   * alike).
   *
   * @return the totals of the two kinds, and the lowest and highest per-round CPU ratio a/b in [2]
   */
  static Object[] alternating(String java, String classpath, String url, Path keys, String a, String b,
      int warmCalls, int rounds, int perRound) throws Exception {
    Process[] workers = new Process[2];
    BufferedReader[] answers = new BufferedReader[2];
    java.io.PrintStream[] commands = new java.io.PrintStream[2];
    String[] kinds = {a, b};
    try {
      for (int i = 0; i < 2; i++) {
        workers[i] = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, CallWorker.class.getName(), kinds[i], url,
            keys.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        answers[i] = new BufferedReader(new InputStreamReader(workers[i].getInputStream(), StandardCharsets.UTF_8));
        commands[i] = new java.io.PrintStream(workers[i].getOutputStream(), true, "UTF-8");
        String ready = answers[i].readLine();
        if (!"READY".equals(ready)) {
          throw new IllegalStateException(kinds[i] + " worker did not start: " + ready);
        }
      }
      for (int i = 0; i < 2; i++) {
        round(commands[i], answers[i], kinds[i], warmCalls);
      }
      Totals[] totals = {new Totals(), new Totals()};
      double minRatio = Double.MAX_VALUE;
      double maxRatio = 0;
      for (int round = 0; round < rounds; round++) {
        long[][] measured = new long[2][];
        for (int i = 0; i < 2; i++) {
          measured[i] = round(commands[i], answers[i], kinds[i], perRound);
          totals[i].calls += perRound;
          totals[i].wallNanos += measured[i][0];
          totals[i].cpuNanos += measured[i][1];
          totals[i].bytes += measured[i][2];
        }
        double ratio = measured[0][1] / (double) measured[1][1];
        minRatio = Math.min(minRatio, ratio);
        maxRatio = Math.max(maxRatio, ratio);
      }
      for (int i = 0; i < 2; i++) {
        commands[i].println();
        if (!workers[i].waitFor(60, TimeUnit.SECONDS) || workers[i].exitValue() != 0) {
          throw new IllegalStateException(kinds[i] + " worker failed (every call must sign and verify once)");
        }
      }
      return new Object[] {totals[0], totals[1], new double[] {minRatio, maxRatio}};
    } finally {
      for (Process worker : workers) {
        if (worker != null) {
          worker.destroy();
        }
      }
    }
  }

  private static long[] round(java.io.PrintStream command, BufferedReader answer, String kind, int calls)
      throws java.io.IOException {
    command.println(calls);
    String line = answer.readLine();
    if (line == null) {
      throw new IllegalStateException(kind + " worker stopped");
    }
    String[] parts = line.split(" ");
    return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  /** The floor benchmark's name for the provider the client picks by itself. */
  static String nativeName() {
    java.security.Provider provider = CryptoProviders.nativeProvider();
    return provider == null ? "JDK" : provider.getName().startsWith("Amazon") ? "ACCP" : "Conscrypt";
  }

  /**
   * Cold starts, interleaved (ours, ours with TLS set up, official; again and again) so that a load
   * change hits all three alike; the median of each.
   */
  static Map<String, Double> coldStartMediansMs(String java, String classpath, String url, Path keys, int runs)
      throws Exception {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      for (String which : new String[] {"ours", "ours-tls", "official"}) {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(), which, url,
            keys.toString()).redirectErrorStream(true).start();
        String output = new String(readAll(process), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("OK " + which)) {
          throw new IllegalStateException("cold start " + which + " failed: " + output);
        }
        times.computeIfAbsent(which, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
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

  private static byte[] readAll(Process process) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = process.getInputStream().read(buffer)) != -1; ) {
      bytes.write(buffer, 0, n);
    }
    return bytes.toByteArray();
  }

  static String report(Collection<RunResult> results, Map<String, Double> cpu, Object[] overhead, Object[] floorJdk,
      Object[] floorNative, Map<String, Double> cold,
      Map<String, Double> cli, int freshRuns) {
    Map<String, Double> throughput = new LinkedHashMap<>();
    Map<String, Double> alloc = new LinkedHashMap<>();
    Map<String, Double> cpuPerOp = new LinkedHashMap<>();
    Map<String, double[]> latency = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String provider = result.getParams().getParam("provider");
      String key = provider == null ? name : name + "/" + provider;
      Result<?> primary = result.getPrimaryResult();
      if (result.getParams().getMode() == Mode.Throughput) {
        double perSecond = primary.getScore() * (benchmark.contains("Floor") ? 1 : 1000); // the others: ops/ms
        throughput.put(key, perSecond);
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
          if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
            alloc.put(key, secondary.getValue().getScore());
          } else if (secondary.getKey().endsWith("cpu.thread.norm")) {
            cpuPerOp.put(key, secondary.getValue().getScore());
          }
        }
      } else if (result.getParams().getMode() == Mode.SampleTime) {
        latency.put(key, new double[] {
            primary.getStatistics().getPercentile(50) * 1000, primary.getStatistics().getPercentile(99) * 1000});
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("## Benchmarks (one run; ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs)\n\n");
    md.append("### Crypto floor (RSA-2048 SHA256withRSA; ops/s; ratio to JDK)\n\n| provider | sign 714 B | × JDK | verify | × JDK |\n|---|---|---|---|---|\n");
    for (String provider : new String[] {"JDK", "BC", "Conscrypt", "ACCP"}) {
      Double sign = throughput.get("sign/" + provider);
      Double verify = throughput.get("verify/" + provider);
      if (sign != null && verify != null) {
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.2f |%n", provider, sign,
            sign / throughput.get("sign/JDK"), verify, verify / throughput.get("verify/JDK")));
      }
    }
    md.append("\n### Verified complete calls (client vs official wechatpay-java 0.2.17, same OkHttp, same run)\n\n")
        .append("| client | threads | calls/s | × official | p50 µs | p99 µs | bytes/call | × official | CPU µs/call |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    String[][] rows = {
      {"payscore-client, JDK crypto", "oursJdk1", "1", "official1"},
      {"payscore-client, " + nativeName(), "oursNative1", "1", "official1"},
      {"wechatpay-java 0.2.17", "official1", "1", "official1"},
      {"payscore-client, " + nativeName(), "oursNative2", "2", "official2"},
      {"wechatpay-java 0.2.17", "official2", "2", "official2"},
    };
    for (String[] row : rows) {
      Double ops = throughput.get(row[1]);
      if (ops == null) {
        continue;
      }
      double[] lat = latency.getOrDefault(row[1], new double[] {Double.NaN, Double.NaN});
      Double bytes = alloc.get(row[1]);
      Double officialBytes = alloc.get(row[3]);
      md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.0f | %.0f | %.0f | %.2f | %.0f |%n", row[0], row[2],
          ops, ops / throughput.get(row[3]), lat[0], lat[1], bytes == null ? Double.NaN : bytes,
          bytes == null || officialBytes == null ? Double.NaN : bytes / officialBytes,
          cpuPerOp.getOrDefault(row[1], Double.NaN)));
    }
    md.append("\n(CPU µs/call: thread CPU of the calling threads per call; target for bytes/call with JDK crypto:"
        + " ≤ 0.75× official.)\n");

    Totals pipeline = (Totals) overhead[0];
    Totals bareCalls = (Totals) overhead[1];
    double[] spread = (double[]) overhead[2];
    md.append("\n### Overhead: the client pipeline with no-op crypto vs a bare OkHttp call (one thread)\n\n")
        .append("Same bytes and headers sent, same answer read, same OkHttp timeouts; the pipeline's signature and")
        .append(" verification are a JCA provider that does no arithmetic (bench only). JMH: each in its own fork,")
        .append(" one after the other. Alternating: each in a JVM of its own, measured in alternating rounds of 250")
        .append(" calls after 20,000 warm-up calls, so that a change of load hits both alike.\n\n")
        .append("| call | CPU µs/call (JMH) | CPU µs/call (alternating) | bytes/call (JMH) | bytes/call (alternating) | calls/s (JMH) |\n")
        .append("|---|---|---|---|---|---|\n");
    String[][] overheadRows = {{"client pipeline, no-op crypto", "pipelineNoCrypto"}, {"bare OkHttp call", "bareOkHttp"}};
    Totals[] overheadTotals = {pipeline, bareCalls};
    for (int i = 0; i < 2; i++) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.0f | %.0f |%n", overheadRows[i][0],
          cpuPerOp.getOrDefault(overheadRows[i][1], Double.NaN), overheadTotals[i].cpuMicros(),
          alloc.getOrDefault(overheadRows[i][1], Double.NaN), overheadTotals[i].bytesPerCall(),
          throughput.getOrDefault(overheadRows[i][1], Double.NaN)));
    }
    md.append(String.format(Locale.ROOT,
        "| **ratio** (target ≤ 1.3 CPU, ≤ 1.5 bytes) | **%.2f** | **%.2f** (rounds %.2f to %.2f) | **%.2f** | **%.2f** | %.2f |%n",
        cpuPerOp.getOrDefault("pipelineNoCrypto", Double.NaN) / cpuPerOp.getOrDefault("bareOkHttp", Double.NaN),
        pipeline.cpuMicros() / bareCalls.cpuMicros(), spread[0], spread[1],
        alloc.getOrDefault("pipelineNoCrypto", Double.NaN) / alloc.getOrDefault("bareOkHttp", Double.NaN),
        pipeline.bytesPerCall() / bareCalls.bytesPerCall(),
        throughput.getOrDefault("pipelineNoCrypto", Double.NaN) / throughput.getOrDefault("bareOkHttp", Double.NaN)));

    md.append("\n### Against the physical limit: one bare loopback call + one signature + one verification\n\n")
        .append("Measured: our full verified call and the composed floor (the bare call above, then a signature of a")
        .append(" 714-byte message, then a verification, with the same provider), each in a JVM of its own, in")
        .append(" alternating rounds. Composed: 1 / (1/bare + 1/sign + 1/verify) from the JMH rows above, which ran")
        .append(" minutes apart.\n\n")
        .append("| provider | floor calls/s (measured) | our calls/s (measured) | **our share** (target ≥ 0.9) | floor calls/s (composed) | our calls/s (JMH) | share (composed) |\n")
        .append("|---|---|---|---|---|---|---|\n");
    Double bare = throughput.get("bareOkHttp");
    Object[][] floors = {{"JDK", "oursJdk1", floorJdk}, {nativeName(), "oursNative1", floorNative}};
    for (Object[] row : floors) {
      Totals ours = (Totals) ((Object[]) row[2])[0];
      Totals floor = (Totals) ((Object[]) row[2])[1];
      Double sign = throughput.get("sign/" + row[0]);
      Double verify = throughput.get("verify/" + row[0]);
      Double oursJmh = throughput.get((String) row[1]);
      double composed = bare == null || sign == null || verify == null ? Double.NaN : 1 / (1 / bare + 1 / sign + 1 / verify);
      double jmh = oursJmh == null ? Double.NaN : oursJmh;
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | **%.2f** | %.0f | %.0f | %.2f |%n", row[0],
          floor.perSecond(), ours.perSecond(), ours.perSecond() / floor.perSecond(), composed, jmh, jmh / composed));
    }

    md.append("\n### Client CPU per call beyond the signature and verification (one thread)\n\n| client / provider | CPU µs/call | sign+verify µs (floor) | beyond crypto µs |\n|---|---|---|---|\n");
    for (Map.Entry<String, Double> entry : cpu.entrySet()) {
      String provider = entry.getKey().startsWith("official") ? "JDK" : entry.getKey();
      Double sign = throughput.get("sign/" + provider);
      Double verify = throughput.get("verify/" + provider);
      double crypto = sign == null || verify == null ? Double.NaN : 1e6 / sign + 1e6 / verify;
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", entry.getKey(), entry.getValue(), crypto,
          entry.getValue() - crypto));
    }
    md.append("\n### Cold start: fresh JVM to the first verified complete answer (median of ").append(freshRuns)
        .append(", interleaved; no native provider)\n\n| client | ms | × official (target ≤ 0.85) |\n|---|---|---|\n");
    String[][] coldRows = {
      {"ours", "payscore-client (http:// loopback: no TLS set up)"},
      {"ours-tls", "payscore-client with OkHttp's TLS set up, as for https://"},
      {"official", "wechatpay-java 0.2.17"},
    };
    for (String[] row : coldRows) {
      Double ms = cold.get(row[0]);
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n", row[1], ms, ms / cold.get("official")));
    }
    md.append("\n### Command line: wall time of a fresh process (median of ").append(freshRuns)
        .append(", interleaved)\n\n| command | ms | × java -version |\n|---|---|---|\n");
    double javaVersion = cli.values().iterator().next();
    for (Map.Entry<String, Double> entry : cli.entrySet()) {
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n", entry.getKey(), entry.getValue(),
          entry.getValue() / javaVersion));
    }
    md.append("\n(Target: payscore --version ≤ 250 ms; payscore complete ≤ 0.5× its time before this work, see"
        + " docs/performance.md.)\n");
    return md.toString();
  }
}
