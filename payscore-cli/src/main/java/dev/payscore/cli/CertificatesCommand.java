package dev.payscore.cli;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.PlatformCertificate;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore certificates}: downloads, checks and writes the platform certificates. */
@Command(
    name = "certificates",
    mixinStandardHelpOptions = true,
    description = {
      "Download the WeChat Pay platform certificates (下载平台证书): GET /v3/certificates.",
      "Each is decrypted with the APIv3 key, read as X.509, its serial and validity checked, and the",
      "answer's signature verified (with the WeChat Pay public key if given, else with the listed",
      "certificates) before anything is written: one wechatpay_<serial>.pem per certificate in --output.",
      "Needs --mchid, --serial, --private-key and --api-v3-key; with none of them, runs against the",
      "embedded sandbox in certificate mode."
    })
final class CertificatesCommand extends ApiCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--api-v3-key", paramLabel = "FILE",
      description = "A file holding the 32-byte APIv3 key. Env PAYSCORE_API_V3_KEY (the key's file).")
  String apiV3Key;

  @Option(names = "--algorithm", paramLabel = "RSA|SM2|ALL", defaultValue = "RSA",
      description = "Which certificates to list (default RSA).")
  String algorithm;

  @Option(names = "--output", paramLabel = "DIR", required = true,
      description = "Where to write wechatpay_<serial>.pem (created if missing).")
  String output;

  CertificatesCommand(PayScoreCli.Io io) {
    super(io);
  }

  /** The credentials are checked here: the WeChat Pay public key is optional for this command. */
  @Override
  boolean usesClient() {
    return false;
  }

  @Override
  int run() throws IOException {
    if (!algorithm.equals("RSA") && !algorithm.equals("SM2") && !algorithm.equals("ALL")) {
      throw new IllegalArgumentException("--algorithm must be RSA, SM2 or ALL, got " + algorithm);
    }
    boolean sandboxMode = isEmpty(options.mchid) && isEmpty(options.serial) && isEmpty(options.privateKey);
    if (!sandboxMode && (isEmpty(options.mchid) || isEmpty(options.serial) || isEmpty(options.privateKey)
        || isEmpty(apiV3Key))) {
      throw new IllegalArgumentException("credentials are incomplete: give --mchid, --serial, --private-key and"
          + " --api-v3-key (or none of the first three, to use the embedded sandbox)");
    }
    if (isEmpty(options.wechatPayPublicKeyId) != isEmpty(options.wechatPayPublicKey)) {
      throw new IllegalArgumentException("--wechatpay-public-key-id and --wechatpay-public-key go together");
    }
    if (sandboxMode && (!isEmpty(options.endpoint) || !isEmpty(options.wechatPayPublicKeyId))) {
      throw new IllegalArgumentException("--endpoint (or PAYSCORE_ENDPOINT) and the WeChat Pay public key need"
          + " the credentials: give --mchid, --serial, --private-key and --api-v3-key (without them the"
          + " embedded sandbox answers)");
    }
    if (Files.exists(Paths.get(output)) && !Files.isDirectory(Paths.get(output))) {
      throw new Input.InputException(ExitCode.USAGE, "--output " + output + ": exists and is not a directory");
    }
    PayScoreSandbox sandbox = null;
    try {
      PayScoreClient.Builder builder;
      if (sandboxMode) {
        sandbox = PayScoreSandbox.builder().scheme(options.signatureScheme()).platformCertificates().start();
        builder = sandbox.clientBuilder();
        // Only a key given on the command line replaces the sandbox's (not one from the environment).
        if (spec.commandLine().getParseResult().hasMatchedOption("--api-v3-key")) {
          builder.apiV3Key(readApiV3Key());
        }
        io.err.println("payscore: no credentials given: using the embedded sandbox at " + sandbox.url());
      } else {
        builder = PayScoreClient.builder()
            .merchantId(options.mchid)
            .merchantSerialNumber(options.serial)
            .merchantPrivateKey(Input.text("--private-key", options.privateKey))
            .signatureScheme(options.signatureScheme())
            .apiV3Key(readApiV3Key())
            .autoPlatformCertificates();
        if (!isEmpty(options.wechatPayPublicKeyId)) {
          builder.wechatPayPublicKey(options.wechatPayPublicKeyId,
              Input.text("--wechatpay-public-key", options.wechatPayPublicKey));
        }
        if (options.endpoint != null) {
          builder.baseUrl(options.endpoint);
        }
      }
      options.verbose(builder, io);
      List<PlatformCertificate> certificates = builder.build().downloadPlatformCertificates(algorithm);
      Path directory = outputDirectory(); // only once the certificates passed every check
      for (PlatformCertificate certificate : certificates) {
        Path file = directory.resolve("wechatpay_" + certificate.serialNumber() + ".pem");
        try {
          Files.write(file, certificate.pem().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new Input.InputException(ExitCode.USAGE, "--output " + output + ": cannot write " + file.getFileName()
              + " (" + Input.reason(e) + ")");
        }
        io.out.println(certificate.serialNumber() + "  " + certificate.scheme() + "  effective "
            + rfc3339(certificate.notBefore()) + "  expires " + rfc3339(certificate.notAfter()) + "  " + file);
      }
      return ExitCode.OK;
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private String readApiV3Key() {
    String key = Input.text("--api-v3-key", apiV3Key).trim();
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes != 32) {
      throw new IllegalArgumentException("--api-v3-key " + apiV3Key + ": the APIv3 key must be 32 bytes, got " + bytes);
    }
    return key;
  }

  private Path outputDirectory() {
    try {
      return Files.createDirectories(Paths.get(output));
    } catch (IOException e) {
      throw new Input.InputException(ExitCode.USAGE,
          "--output " + output + ": cannot create the directory (" + Input.reason(e) + ")");
    } catch (java.nio.file.InvalidPathException e) {
      throw new Input.InputException(ExitCode.USAGE, "--output " + output + ": not a valid path");
    }
  }

  /** As WeChat Pay writes times: RFC 3339 in Beijing time. */
  private static String rfc3339(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);
    format.setTimeZone(TimeZone.getTimeZone("GMT+08:00"));
    return format.format(date);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
