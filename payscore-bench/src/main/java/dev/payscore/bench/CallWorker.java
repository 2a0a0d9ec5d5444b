package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.CryptoProviders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.Provider;
import java.security.Signature;
import java.util.Arrays;

/**
 * One kind of call in a JVM of its own, driven round by round by {@link BenchMain} so that two kinds
 * can be compared in alternation (a load change hits both alike) without sharing a JIT profile. Reads
 * lines {@code N} from standard input, makes N calls, answers {@code wallNanos cpuNanos allocatedBytes}
 * of the calling thread; an empty line ends it.
 *
 * <p>Kinds: {@code pipeline} and {@code bare} ({@link OverheadBenchmark}); {@code ours-jdk} and
 * {@code ours-native}, a full verified call of our client; {@code floor-jdk} and {@code floor-native},
 * the composed floor: the bare call, one signature of a 714-byte message and one verification of an
 * answer, with that provider.
 */
public final class CallWorker {
  private CallWorker() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    System.setProperty("bench.url", args[1]);
    System.setProperty("bench.keys", args[2]);
    BenchKeys keys = BenchKeys.load(Paths.get(args[2]));
    Provider provider = kind.endsWith("native") ? CryptoProviders.nativeProvider() : null;
    OverheadBenchmark overhead = new OverheadBenchmark();
    overhead.setUp();
    PayScoreClient ours = Clients.ours(keys, args[1], provider);
    Signature signer = provider == null ? Signature.getInstance("SHA256withRSA")
        : Signature.getInstance("SHA256withRSA", provider);
    signer.initSign(keys.merchantPrivate);
    Signature verifier = provider == null ? Signature.getInstance("SHA256withRSA")
        : Signature.getInstance("SHA256withRSA", provider);
    verifier.initVerify(keys.wechatPayPublic);
    byte[] requestMessage = new byte[714];
    Arrays.fill(requestMessage, (byte) 'a');
    byte[] answerMessage = ("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n" + SignedResponder.ANSWER + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Signature answerSigner = Signature.getInstance("SHA256withRSA");
    answerSigner.initSign(keys.wechatPayPrivate);
    answerSigner.update(answerMessage);
    byte[] answerSignature = answerSigner.sign();

    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    System.out.flush();
    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
      int calls = Integer.parseInt(line.trim());
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      long bytes = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < calls; i++) {
        switch (kind) {
          case "pipeline":
            overhead.pipelineNoCrypto();
            break;
          case "bare":
            overhead.bareOkHttp();
            break;
          case "ours-jdk":
          case "ours-native":
            Clients.callOurs(ours);
            break;
          case "floor-jdk":
          case "floor-native":
            overhead.bareOkHttp();
            signer.update(requestMessage);
            signer.sign();
            verifier.update(answerMessage);
            if (!verifier.verify(answerSignature)) {
              throw new IllegalStateException("the floor's verification failed");
            }
            break;
          default:
            throw new IllegalArgumentException(kind);
        }
      }
      System.out.println((System.nanoTime() - wall) + " " + (threads.getCurrentThreadCpuTime() - cpu) + " "
          + (threads.getCurrentThreadAllocatedBytes() - bytes));
      System.out.flush();
    }
    if (kind.equals("pipeline")) {
      overhead.checkEveryCallSignedAndVerified();
    }
    System.exit(0);
  }
}
