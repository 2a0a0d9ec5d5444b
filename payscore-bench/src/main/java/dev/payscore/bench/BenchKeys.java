package dev.payscore.bench;

import dev.payscore.auth.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/** Keys generated per benchmark run, written as PEM files that every process of the run reads. */
final class BenchKeys {
  static final String MCHID = "1900000109";
  static final String SERIAL = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";
  static final String PUB_KEY_ID = "PUB_KEY_ID_0114232134912410000000000000";
  static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";

  final PrivateKey merchantPrivate;
  final PublicKey wechatPayPublic;
  final PrivateKey wechatPayPrivate;
  final Path merchantPem;
  final Path wechatPayPublicPem;
  final Path wechatPayPrivatePem;

  private BenchKeys(Path dir) throws IOException {
    merchantPem = dir.resolve("apiclient_key.pem");
    wechatPayPublicPem = dir.resolve("pub_key.pem");
    wechatPayPrivatePem = dir.resolve("wechatpay_private.pem");
    merchantPrivate = PemKeys.privateKey(read(merchantPem));
    wechatPayPublic = PemKeys.publicKey(read(wechatPayPublicPem));
    wechatPayPrivate = PemKeys.privateKey(read(wechatPayPrivatePem));
  }

  /** Generates fresh keys into the directory given, for running the pieces by hand. */
  public static void main(String[] args) throws Exception {
    generate(java.nio.file.Files.createDirectories(java.nio.file.Paths.get(args[0])));
  }

  /** Generates fresh keys into a directory. */
  static Path generate(Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair merchant = generator.generateKeyPair();
    KeyPair wechatPay = generator.generateKeyPair();
    Files.write(dir.resolve("apiclient_key.pem"), pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
    Files.write(dir.resolve("pub_key.pem"), pem("PUBLIC KEY", wechatPay.getPublic().getEncoded()));
    Files.write(dir.resolve("wechatpay_private.pem"), pem("PRIVATE KEY", wechatPay.getPrivate().getEncoded()));
    return dir;
  }

  static BenchKeys load(Path dir) throws IOException {
    return new BenchKeys(dir);
  }

  static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] pem(String label, byte[] der) {
    return ("-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n").getBytes(StandardCharsets.UTF_8);
  }
}
