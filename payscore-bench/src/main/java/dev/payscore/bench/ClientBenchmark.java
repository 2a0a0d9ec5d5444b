package dev.payscore.bench;

import com.wechat.pay.java.core.http.HttpClient;
import dev.payscore.PayScoreClient;
import dev.payscore.auth.CryptoProviders;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * A full verified complete call against the signed responder (another process on 127.0.0.1):
 * payscore-client with the JDK provider and with the native one, and the official wechatpay-java
 * 0.2.17 on the same OkHttp, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClientBenchmark {
  private PayScoreClient oursJdk;
  private PayScoreClient oursNative;
  private HttpClient official;
  private String url;

  @Setup
  public void setUp() throws Exception {
    url = System.getProperty("bench.url");
    BenchKeys keys = BenchKeys.load(Paths.get(System.getProperty("bench.keys")));
    oursJdk = Clients.ours(keys, url, null);
    oursNative = Clients.ours(keys, url, CryptoProviders.nativeProvider());
    official = Official.client(keys);
  }

  @Benchmark
  @Threads(1)
  public String oursJdk1() throws Exception {
    return Clients.callOurs(oursJdk);
  }

  @Benchmark
  @Threads(1)
  public String oursNative1() throws Exception {
    return Clients.callOurs(oursNative);
  }

  @Benchmark
  @Threads(1)
  public String official1() {
    return Official.call(official, url);
  }

  @Benchmark
  @Threads(2)
  public String oursNative2() throws Exception {
    return Clients.callOurs(oursNative);
  }

  @Benchmark
  @Threads(2)
  public String official2() {
    return Official.call(official, url);
  }
}
