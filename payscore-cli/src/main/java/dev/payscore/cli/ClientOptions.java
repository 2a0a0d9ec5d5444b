package dev.payscore.cli;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.sandbox.PayScoreSandbox;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Option;

/** The options every API command shares: credentials (or none: the sandbox), endpoint, verbosity. */
final class ClientOptions {
  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL (default https://api.mch.weixin.qq.com/; https://api2.mch.weixin.qq.com/ is the backup). Env PAYSCORE_ENDPOINT.")
  String endpoint;

  @Option(names = "--mchid", description = "Merchant id (商户号). Env PAYSCORE_MCHID.")
  String mchid;

  @Option(names = "--serial", description = "Merchant API certificate serial. Env PAYSCORE_SERIAL.")
  String serial;

  @Option(names = "--private-key", paramLabel = "FILE", description = "apiclient_key.pem. Env PAYSCORE_PRIVATE_KEY.")
  String privateKey;

  @Option(names = "--wechatpay-public-key-id", paramLabel = "PUB_KEY_ID_…",
      description = "WeChat Pay public key id. Env PAYSCORE_WECHATPAY_PUBLIC_KEY_ID.")
  String wechatPayPublicKeyId;

  @Option(names = "--wechatpay-public-key", paramLabel = "FILE",
      description = "WeChat Pay public key, pub_key.pem. Env PAYSCORE_WECHATPAY_PUBLIC_KEY.")
  String wechatPayPublicKey;

  @Option(names = "--scheme", paramLabel = "rsa|sm2", defaultValue = "rsa",
      description = "Signature scheme: rsa (WECHATPAY2-SHA256-RSA2048, default) or sm2 (国密 WECHATPAY2-SM2-WITH-SM3).")
  String scheme;

  @Option(names = "--verbose", description = "Show the signed request (Authorization redacted), Request-ID, and stack traces.")
  boolean verbose;

  /** What seeds the embedded sandbox before the call, when no credentials are given. */
  interface Seed {
    void plant(PayScoreSandbox sandbox) throws java.io.IOException;
  }

  /** A client, and the sandbox behind it if any. */
  static final class Connection implements AutoCloseable {
    final PayScoreClient client;
    final PayScoreSandbox sandbox;

    Connection(PayScoreClient client, PayScoreSandbox sandbox) {
      this.client = client;
      this.sandbox = sandbox;
    }

    @Override
    public void close() {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  /**
   * Returns the credentials missing when some but not all are given; empty when all or none are.
   */
  List<String> missingCredentials() {
    List<String> given = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    sort("--mchid", mchid, given, missing);
    sort("--serial", serial, given, missing);
    sort("--private-key", privateKey, given, missing);
    sort("--wechatpay-public-key-id", wechatPayPublicKeyId, given, missing);
    sort("--wechatpay-public-key", wechatPayPublicKey, given, missing);
    return given.isEmpty() ? new ArrayList<String>() : missing;
  }

  boolean sandboxMode() {
    return isEmpty(mchid) && isEmpty(serial) && isEmpty(privateKey) && isEmpty(wechatPayPublicKeyId)
        && isEmpty(wechatPayPublicKey);
  }

  /** A client for the credentials, or for a new embedded sandbox (not yet seeded) when none are given. */
  Connection connect(PayScoreCli.Io io) {
    PayScoreSandbox sandbox = null;
    PayScoreClient.Builder builder;
    SignatureScheme signatureScheme = signatureScheme();
    if (sandboxMode()) {
      sandbox = PayScoreSandbox.builder().scheme(signatureScheme).start();
      builder = sandbox.clientBuilder();
    } else {
      builder = PayScoreClient.builder()
          .merchantId(mchid)
          .merchantSerialNumber(serial)
          .merchantPrivateKey(Input.text("--private-key", privateKey))
          .wechatPayPublicKey(wechatPayPublicKeyId, Input.text("--wechatpay-public-key", wechatPayPublicKey))
          .signatureScheme(signatureScheme);
      if (endpoint != null) {
        builder.baseUrl(endpoint);
      }
    }
    verbose(builder, io);
    try {
      return new Connection(builder.build(), sandbox);
    } catch (RuntimeException e) {
      if (sandbox != null) {
        sandbox.close();
      }
      throw e;
    }
  }

  /** With --verbose: log lines, bodies and the signed request's headers (Authorization redacted) on stderr. */
  void verbose(PayScoreClient.Builder builder, PayScoreCli.Io io) {
    if (verbose) {
      builder.logger(line -> io.err.println("payscore: " + line)).logBodies(true)
          .okHttpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false)
              .addNetworkInterceptor(new RequestPrinter(io)).build());
    }
  }

  SignatureScheme signatureScheme() {
    if ("sm2".equalsIgnoreCase(scheme)) {
      return SignatureScheme.SM2;
    }
    if (scheme == null || "rsa".equalsIgnoreCase(scheme)) {
      return SignatureScheme.RSA;
    }
    throw new IllegalArgumentException("--scheme must be rsa or sm2, got " + scheme);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static void sort(String name, String value, List<String> given, List<String> missing) {
    (isEmpty(value) ? missing : given).add(name);
  }
}
