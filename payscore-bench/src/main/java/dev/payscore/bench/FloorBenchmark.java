package dev.payscore.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The crypto floor: bare SHA256withRSA (RSA-2048, PKCS#1 v1.5) sign of a 714-byte message and verify
 * of a response message, per provider. Each provider instance is used explicitly; none is registered.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FloorBenchmark {
  @Param({"JDK", "BC", "Conscrypt", "ACCP"})
  public String provider;

  private Signature signer;
  private Signature verifier;
  private byte[] requestMessage;
  private byte[] responseMessage;
  private byte[] responseSignature;

  @Setup
  public void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Provider p = provider(provider);
    signer = p == null ? Signature.getInstance("SHA256withRSA") : Signature.getInstance("SHA256withRSA", p);
    signer.initSign(pair.getPrivate());
    verifier = p == null ? Signature.getInstance("SHA256withRSA") : Signature.getInstance("SHA256withRSA", p);
    verifier.initVerify(pair.getPublic());
    requestMessage = new byte[714];
    Arrays.fill(requestMessage, (byte) 'a');
    responseMessage = ("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n" + SignedResponder.ANSWER + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Signature once = Signature.getInstance("SHA256withRSA");
    once.initSign(pair.getPrivate());
    once.update(responseMessage);
    responseSignature = once.sign();
  }

  static Provider provider(String name) throws Exception {
    switch (name) {
      case "JDK":
        return null;
      case "BC":
        return new org.bouncycastle.jce.provider.BouncyCastleProvider();
      case "Conscrypt":
        return org.conscrypt.Conscrypt.newProvider();
      case "ACCP":
        return com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
      default:
        throw new IllegalArgumentException(name);
    }
  }

  @Benchmark
  public byte[] sign() throws Exception {
    signer.update(requestMessage);
    return signer.sign();
  }

  @Benchmark
  public boolean verify() throws Exception {
    verifier.update(responseMessage);
    return verifier.verify(responseSignature);
  }
}
