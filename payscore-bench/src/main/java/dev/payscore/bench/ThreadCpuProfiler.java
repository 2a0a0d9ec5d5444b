package dev.payscore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark threads per operation ({@code cpu.thread.norm}, µs/op): the thread CPU
 * time (user + system) that JMH's worker threads used during an iteration, over the operations of
 * that iteration, counted the way {@code -prof gc} counts bytes. A synchronous OkHttp call runs
 * entirely on the calling thread, so this is the client's own CPU per call, without the time spent
 * waiting for the server (which runs in another process).
 */
public final class ThreadCpuProfiler implements InternalProfiler {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private Map<Long, Long> before = Collections.emptyMap();

  @Override
  public String getDescription() {
    return "thread CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = workerCpu();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long nanos = 0;
    for (Map.Entry<Long, Long> entry : workerCpu().entrySet()) {
      nanos += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    return Collections.singletonList(
        new ScalarResult("cpu.thread.norm", ops == 0 ? Double.NaN : nanos / 1000.0 / ops, "µs/op", AggregationPolicy.AVG));
  }

  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().contains("jmh-worker")) {
        long nanos = threads.getThreadCpuTime(thread.getId());
        if (nanos >= 0) {
          cpu.put(thread.getId(), nanos);
        }
      }
    }
    return cpu;
  }
}
