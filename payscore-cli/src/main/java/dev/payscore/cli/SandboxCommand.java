package dev.payscore.cli;

import dev.payscore.auth.PemKeys;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
      description = "Use your own merchant key (apiclient_cert.pem or a public key PEM, at most 64 KiB) instead of a generated one.")
  Path merchantPublicKey;

  @Option(names = "--serial", description = "Serial of your merchant certificate, with --merchant-public-key.")
  String serial;

  @Option(names = "--notify-url", paramLabel = "URL",
      description = "Post every notification (PAYSCORE.USER_ACCEPTED, PAYSCORE.USER_PAID) to this http://127.0.0.1 or localhost URL.")
  String notifyUrl;

  @Option(names = "--api-v3-key", paramLabel = "FILE",
      description = "The APIv3 key to encrypt notifications with (32 letters and digits; default: a generated one, written to the keys directory).")
  Path apiV3KeyFile;

  @Option(names = "--scheme", paramLabel = "rsa|sm2", defaultValue = "rsa",
      description = "Signature scheme: rsa (default) or sm2 (国密: SM2 keys, SM2/SM3 signatures, SM4 notifications).")
  String scheme;

  @Option(names = "--platform-certificates",
      description = "Certificate mode: sign with a platform certificate instead of the WeChat Pay public key,"
          + " and serve GET /v3/certificates (try: payscore certificates --endpoint …).")
  boolean platformCertificates;

  @Option(names = "--json",
      description = "Print one JSON object (URL, ids, key files, APIv3 key, console URL and control token, seeded orders) on stdout instead of text.")
  boolean json;

  @Option(names = "--duration", paramLabel = "SECONDS", hidden = true,
      description = "Stop after this many seconds (for tests).")
  long durationSeconds;

  SandboxCommand(PayScoreCli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    try {
      return serve();
    } catch (Input.InputException e) {
      io.err.println("payscore: " + e.getMessage());
      return e.exitCode;
    }
  }

  private int serve() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0 to 65535, got " + port);
    }
    if (!mchid.matches("[0-9]{1,32}")) {
      throw usage("--mchid must be digits (a WeChat Pay merchant id)");
    }
    if ((serial != null) != (merchantPublicKey != null)) {
      throw usage("--merchant-public-key and --serial go together");
    }
    List<String[]> seeds = seeds();
    PayScoreSandbox.Builder builder = PayScoreSandbox.builder().port(port).merchantId(mchid);
    if (platformCertificates) {
      builder.platformCertificates();
    }
    if ("sm2".equalsIgnoreCase(scheme)) {
      builder.scheme(SignatureScheme.SM2);
    } else if (!"rsa".equalsIgnoreCase(scheme)) {
      throw usage("--scheme must be rsa or sm2, got " + scheme);
    }
    if (apiV3KeyFile != null) {
      String key = Input.text("--api-v3-key", apiV3KeyFile.toString()).trim();
      if (!key.matches("[A-Za-z0-9]{32}")) {
        throw usage("--api-v3-key " + apiV3KeyFile + ": must hold 32 letters and digits, got " + key.length()
            + " characters");
      }
      builder.apiV3Key(key);
    }
    if (merchantPublicKey != null) {
      String pem = Input.text("--merchant-public-key", merchantPublicKey.toString());
      try {
        builder.merchantKey(serial, pem.contains("BEGIN CERTIFICATE")
            ? PemKeys.certificate(pem).getPublicKey() : PemKeys.publicKey(pem));
      } catch (IllegalArgumentException e) {
        throw usage("--merchant-public-key " + merchantPublicKey
            + ": not a PEM certificate (BEGIN CERTIFICATE) or public key (BEGIN PUBLIC KEY)");
      }
    }
    Path dir = keysDirectory();
    PayScoreSandbox started;
    try {
      started = builder.start();
    } catch (UncheckedIOException e) {
      throw usage("cannot listen on 127.0.0.1" + (port == 0 ? "" : " port " + port)
          + " (" + Input.reason(e.getCause()) + ")");
    }
    try (PayScoreSandbox sandbox = started) {
      if (notifyUrl != null) {
        try {
          sandbox.notifyTo(notifyUrl);
        } catch (IllegalArgumentException e) {
          throw usage("--notify-url must be an http://127.0.0.1 or http://localhost URL, got " + notifyUrl);
        }
      }
      List<String> tickets = new ArrayList<>();
      for (String[] seed : seeds) {
        tickets.add(sandbox.createOrder(seed[0], seed[1], seed[2]));
      }
      Path publicKey = dir.resolve("pub_key.pem");
      Path privateKey = dir.resolve("apiclient_key.pem");
      Path apiV3Key = apiV3KeyFile != null ? apiV3KeyFile : dir.resolve("apiv3_key.txt");
      Map<String, Path> certificates = new LinkedHashMap<>();
      try {
        if (platformCertificates) {
          for (Map.Entry<String, String> certificate : sandbox.platformCertificates().entrySet()) {
            Path file = dir.resolve("wechatpay_" + certificate.getKey() + ".pem");
            Files.write(file, certificate.getValue().getBytes(StandardCharsets.UTF_8));
            certificates.put(certificate.getKey(), file);
          }
        } else {
          Files.write(publicKey, pem("PUBLIC KEY", sandbox.wechatPayPublicKey().getEncoded()));
        }
        if (merchantPublicKey == null) {
          Files.write(privateKey, pem("PRIVATE KEY", sandbox.merchantPrivateKey().getEncoded()));
        }
        if (apiV3KeyFile == null) {
          Files.write(apiV3Key, sandbox.apiV3Key().getBytes(StandardCharsets.US_ASCII));
        }
      } catch (IOException e) {
        throw usage("--keys-dir " + dir + ": cannot write the key files (" + Input.reason(e) + ")");
      }
      SandboxStartup startup = new SandboxStartup(sandbox, merchantPublicKey == null ? privateKey : null,
          platformCertificates ? null : publicKey, certificates, apiV3Key, seeds, tickets);
      io.out.println(json ? startup.json() : startup.text());
      io.out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      if (durationSeconds > 0) {
        stop.await(durationSeconds, TimeUnit.SECONDS);
      } else {
        stop.await();
      }
      return ExitCode.OK;
    }
  }

  /** The --order values as (out_order_no, appid, service_id), checked as the client checks them. */
  private List<String[]> seeds() {
    List<String[]> seeds = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String order : orders) {
      String[] parts = order.split(":", 3);
      if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
        throw usage("--order must be OUT_ORDER_NO:APPID:SERVICE_ID, none of them empty, got " + order);
      }
      if (parts[0].equals(".") || parts[0].equals("..")) {
        throw usage("--order " + order + ": OUT_ORDER_NO must not be \".\" or \"..\" (it would change the path)");
      }
      if (!seen.add(parts[0])) {
        throw usage("--order " + order + ": order " + parts[0] + " is given twice");
      }
      seeds.add(parts);
    }
    return seeds;
  }

  private Path keysDirectory() {
    try {
      return keysDir != null ? Files.createDirectories(keysDir) : Files.createTempDirectory("payscore-sandbox");
    } catch (IOException e) {
      throw usage(keysDir != null
          ? "--keys-dir " + keysDir + ": cannot create the directory (" + Input.reason(e) + ")"
          : "cannot create a temporary directory for the keys (" + Input.reason(e) + "): give --keys-dir");
    }
  }

  private static Input.InputException usage(String message) {
    return new Input.InputException(ExitCode.USAGE, message);
  }

  private static byte[] pem(String label, byte[] der) {
    String text = "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
