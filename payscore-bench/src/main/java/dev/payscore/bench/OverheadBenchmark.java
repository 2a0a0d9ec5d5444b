package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the client costs beyond the wire and the RSA arithmetic: the full pipeline of a complete call
 * (validation, serialisation, the signing interceptor, verification bookkeeping, the answer check,
 * deserialisation) with {@link NoopCrypto} in place of the signature and the verification, beside a
 * bare OkHttp call that sends the same bytes and headers and reads the same answer, on an OkHttp
 * client with the same timeouts. Both against the signed responder in its own process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OverheadBenchmark {
  private PayScoreClient pipeline;
  private OkHttpClient bare;
  private String completeUrl;
  private Headers headers;
  private byte[] body;
  private MediaType contentType;
  private long pipelineCalls;

  @Setup
  public void setUp() throws Exception {
    String url = System.getProperty("bench.url");
    BenchKeys keys = BenchKeys.load(Paths.get(System.getProperty("bench.keys")));
    pipeline = Clients.ours(keys, url, new NoopCrypto());
    completeUrl = url + "v3/payscore/payafter-orders/" + Clients.OUT_ORDER_NO + "/complete";
    // One call through the pipeline with a recording network interceptor: the bare call sends what it sent.
    Request[] sent = new Request[1];
    Buffer sentBody = new Buffer();
    OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      sent[0] = chain.request();
      chain.request().body().writeTo(sentBody);
      return chain.proceed(chain.request());
    }).build();
    PayScoreClient recorded = PayScoreClient.builder()
        .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
        .merchantPrivateKey(keys.merchantPrivate)
        .wechatPayPublicKey(BenchKeys.PUB_KEY_ID, keys.wechatPayPublic)
        .baseUrl(url).cryptoProvider(new NoopCrypto()).okHttpClient(recording).build();
    Clients.callOurs(recorded);
    recorded.close();
    Headers.Builder copied = new Headers.Builder();
    for (String name : sent[0].headers().names()) {
      // OkHttp's bridge adds these itself, to both calls alike.
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Accept-Encoding") && !name.equalsIgnoreCase("Content-Length")
          && !name.equalsIgnoreCase("Content-Type")) {
        for (String value : sent[0].headers(name)) {
          copied.add(name, value);
        }
      }
    }
    headers = copied.build();
    if (headers.get("Authorization") == null || headers.get("User-Agent") == null) {
      throw new IllegalStateException("the recorded request lacks the APIv3 headers: " + headers.names());
    }
    contentType = sent[0].body().contentType();
    body = sentBody.readByteArray();
    // The same transport settings as PayScoreClient's defaults, so that only the pipeline differs.
    bare = new OkHttpClient.Builder()
        .connectTimeout(5_000, TimeUnit.MILLISECONDS)
        .readTimeout(10_000, TimeUnit.MILLISECONDS)
        .writeTimeout(10_000, TimeUnit.MILLISECONDS)
        .callTimeout(30_000, TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false)
        .build();
    if (bareCall() != SignedResponder.ANSWER.length()) {
      throw new IllegalStateException("the bare call did not read the answer");
    }
    NoopCrypto.SIGNS.set(0);
    NoopCrypto.VERIFIES.set(0);
  }

  /** Every pipeline call signed once and verified once (with the no-op), or the figures mean nothing. */
  @TearDown(Level.Trial)
  public void checkEveryCallSignedAndVerified() {
    if (NoopCrypto.SIGNS.get() != pipelineCalls || NoopCrypto.VERIFIES.get() != pipelineCalls) {
      throw new IllegalStateException("pipeline calls " + pipelineCalls + ", signed " + NoopCrypto.SIGNS.get()
          + ", verified " + NoopCrypto.VERIFIES.get());
    }
  }

  @Benchmark
  @Threads(1)
  public String pipelineNoCrypto() throws IOException {
    pipelineCalls++;
    return Clients.callOurs(pipeline);
  }

  @Benchmark
  @Threads(1)
  public int bareOkHttp() throws IOException {
    return bareCall();
  }

  private int bareCall() throws IOException {
    Request request = new Request.Builder().url(completeUrl).headers(headers)
        .post(RequestBody.create(body, contentType)).build();
    try (Response response = bare.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }
}
