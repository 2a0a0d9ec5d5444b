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
    Path out = Paths.get(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(out);
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
          .forks(1)
          .warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(5).measurementTime(TimeValue.seconds(2))
          .addProfiler(GCProfiler.class)
          .jvmArgsAppend("-Dbench.url=" + url, "-Dbench.keys=" + keysDir, "-Xmx1g")
          .build();
      Collection<RunResult> results = new Runner(options).run();

      Map<String, Double> cpu = cpuPerCall(BenchKeys.load(keysDir), url);
      String ownJar = classpath; // the child JVMs get the same class path minus native providers
      String coldClasspath = Arrays.stream(ownJar.split(File.pathSeparator))
          .filter(e -> !e.contains("conscrypt") && !e.contains("Corretto"))
          .collect(Collectors.joining(File.pathSeparator));
      Map<String, Double> cold = new LinkedHashMap<>();
      for (String which : new String[] {"ours", "official"}) {
        cold.put(which, coldStartMedianMs(java, coldClasspath, which, url, keysDir, 7));
      }
      String report = report(results, cpu, cold);
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
    com.wechat.pay.java.core.http.HttpClient official = Clients.official(keys);
    for (int i = 0; i < 3000; i++) {
      Clients.callOfficial(official, url);
    }
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < 3000; i++) {
      Clients.callOfficial(official, url);
    }
    micros.put("official (JDK)", (threads.getCurrentThreadCpuTime() - start) / 1000.0 / 3000);
    return micros;
  }

  /** The floor benchmark's name for the provider the client picks by itself. */
  static String nativeName() {
    java.security.Provider provider = CryptoProviders.nativeProvider();
    return provider == null ? "JDK" : provider.getName().startsWith("Amazon") ? "ACCP" : "Conscrypt";
  }

  static double coldStartMedianMs(String java, String classpath, String which, String url, Path keys, int runs)
      throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(java, "-cp", classpath, ColdStart.class.getName(), which, url,
          keys.toString()).redirectErrorStream(true).start();
      String output = new String(readAll(process), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("OK " + which)) {
        throw new IllegalStateException("cold start " + which + " failed: " + output);
      }
      times.add((System.nanoTime() - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }

  private static byte[] readAll(Process process) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = process.getInputStream().read(buffer)) != -1; ) {
      bytes.write(buffer, 0, n);
    }
    return bytes.toByteArray();
  }

  static String report(Collection<RunResult> results, Map<String, Double> cpu, Map<String, Double> cold) {
    Map<String, Double> throughput = new LinkedHashMap<>();
    Map<String, Double> alloc = new LinkedHashMap<>();
    Map<String, double[]> latency = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String provider = result.getParams().getParam("provider");
      String key = provider == null ? name : name + "/" + provider;
      Result<?> primary = result.getPrimaryResult();
      if (result.getParams().getMode() == Mode.Throughput) {
        double perSecond = primary.getScore() * (benchmark.contains("Floor") ? 1 : 1000); // client: ops/ms
        throughput.put(key, perSecond);
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
          if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
            alloc.put(key, secondary.getValue().getScore());
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
        .append("| client | threads | calls/s | × official | p50 µs | p99 µs | bytes/call | × official |\n|---|---|---|---|---|---|---|---|\n");
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
      md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.0f | %.0f | %.0f | %.2f |%n", row[0], row[2], ops,
          ops / throughput.get(row[3]), lat[0], lat[1], bytes == null ? Double.NaN : bytes,
          bytes == null || officialBytes == null ? Double.NaN : bytes / officialBytes));
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
    md.append("\n### Cold start: fresh JVM to the first verified complete answer (median of 7; no native provider)\n\n| client | ms | × official |\n|---|---|---|\n");
    for (Map.Entry<String, Double> entry : cold.entrySet()) {
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n", entry.getKey(), entry.getValue(),
          entry.getValue() / cold.get("official")));
    }
    return md.toString();
  }
}
