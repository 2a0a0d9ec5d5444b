package dev.payscore.cli;

import dev.payscore.auth.PemKeys;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore sandbox}: the embedded sandbox as a standalone server on 127.0.0.1. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Run the WeChat Pay sandbox as a standalone server on 127.0.0.1 and print its URL and keys,",
      "so that an application in any language can be pointed at it. Stops on Ctrl-C."
    })
final class SandboxCommand implements Callable<Integer> {
  private final PayScoreCli.Io io;

  @Option(names = "--port", description = "Port on 127.0.0.1 (default: a free one).")
  int port;

  @Option(names = "--keys-dir", paramLabel = "DIR",
      description = "Where to write the sandbox's key files (default: a new temporary directory).")
  Path keysDir;

  @Option(names = "--order", paramLabel = "OUT_ORDER_NO:APPID:SERVICE_ID",
      description = "Seed an accepted order; repeatable.")
  List<String> orders = new ArrayList<>();

  @Option(names = "--mchid", description = "The merchant id to expect (default 1900000109).")
  String mchid = "1900000109";

  @Option(names = "--merchant-public-key", paramLabel = "FILE",
      description = "Use your own merchant key (apiclient_cert.pem or a public key PEM) instead of a generated one.")
  Path merchantPublicKey;

  @Option(names = "--serial", description = "Serial of your merchant certificate, with --merchant-public-key.")
  String serial;

  @Option(names = "--duration", paramLabel = "SECONDS", hidden = true,
      description = "Stop after this many seconds (for tests).")
  long durationSeconds;

  SandboxCommand(PayScoreCli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    PayScoreSandbox.Builder builder = PayScoreSandbox.builder().port(port).merchantId(mchid);
    if (merchantPublicKey != null) {
      if (serial == null) {
        io.err.println("payscore: --merchant-public-key needs --serial");
        return ExitCode.USAGE;
      }
      String pem = new String(Files.readAllBytes(merchantPublicKey), StandardCharsets.UTF_8);
      builder.merchantKey(serial, pem.contains("BEGIN CERTIFICATE")
          ? PemKeys.certificate(pem).getPublicKey() : PemKeys.publicKey(pem));
    }
    try (PayScoreSandbox sandbox = builder.start()) {
      for (String order : orders) {
        String[] parts = order.split(":", 3);
        if (parts.length != 3) {
          io.err.println("payscore: --order must be OUT_ORDER_NO:APPID:SERVICE_ID, got " + order);
          return ExitCode.USAGE;
        }
        sandbox.createOrder(parts[0], parts[1], parts[2]);
      }
      Path dir = keysDir != null ? Files.createDirectories(keysDir) : Files.createTempDirectory("payscore-sandbox");
      Path publicKey = dir.resolve("pub_key.pem");
      Files.write(publicKey, pem("PUBLIC KEY", sandbox.wechatPayPublicKey().getEncoded()));
      io.out.println("PayScore sandbox listening on " + sandbox.url());
      io.out.println("  merchant id (--mchid):                 " + sandbox.merchantId());
      io.out.println("  merchant serial (--serial):            " + sandbox.merchantSerialNumber());
      if (merchantPublicKey == null) {
        Path privateKey = dir.resolve("apiclient_key.pem");
        Files.write(privateKey, pem("PRIVATE KEY", sandbox.merchantPrivateKey().getEncoded()));
        io.out.println("  merchant private key (--private-key):  " + privateKey + "  (throwaway, generated)");
      }
      io.out.println("  WeChat Pay public key id:              " + sandbox.wechatPayPublicKeyId());
      io.out.println("  WeChat Pay public key:                 " + publicKey);
      for (String order : orders) {
        io.out.println("  order:                                 " + order);
      }
      io.out.println("Stop with Ctrl-C.");
      io.out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      if (durationSeconds > 0) {
        stop.await(durationSeconds, TimeUnit.SECONDS);
      } else {
        stop.await();
      }
      return ExitCode.OK;
    } catch (IOException e) {
      io.err.println("payscore: " + e.getMessage());
      return ExitCode.NETWORK_FAILURE;
    }
  }

  private static byte[] pem(String label, byte[] der) {
    String text = "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
