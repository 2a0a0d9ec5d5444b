package example;

import dev.payscore.sandbox.PayScoreSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded WeChat Pay stand-in for the tests and for {@code mvn spring-boot:test-run}: started
 * once, its throwaway keys written as PEM files to a temporary directory (deleted at exit), and the
 * payscore.* properties that point the application at it.
 */
final class ExampleSandbox {
  private static final PayScoreSandbox SANDBOX = PayScoreSandbox.start();
  private static final Map<String, String> PROPERTIES = new LinkedHashMap<>();

  static {
    try {
      Path keys = Files.createTempDirectory("payscore-example-keys");
      Path privateKey = write(keys.resolve("apiclient_key.pem"), "PRIVATE KEY", SANDBOX.merchantPrivateKey().getEncoded());
      Path publicKey = write(keys.resolve("pub_key.pem"), "PUBLIC KEY", SANDBOX.wechatPayPublicKey().getEncoded());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        SANDBOX.close();
        privateKey.toFile().delete();
        publicKey.toFile().delete();
        keys.toFile().delete();
      }));
      PROPERTIES.put("payscore.base-url", SANDBOX.url());
      PROPERTIES.put("payscore.merchant-id", SANDBOX.merchantId());
      PROPERTIES.put("payscore.merchant-serial-number", SANDBOX.merchantSerialNumber());
      PROPERTIES.put("payscore.private-key", "file:" + privateKey);
      PROPERTIES.put("payscore.wechat-pay-public-key-id", SANDBOX.wechatPayPublicKeyId());
      PROPERTIES.put("payscore.wechat-pay-public-key", "file:" + publicKey);
      PROPERTIES.put("payscore.api-v3-key", SANDBOX.apiV3Key());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExampleSandbox() {}

  static PayScoreSandbox sandbox() {
    return SANDBOX;
  }

  static Map<String, String> properties() {
    return PROPERTIES;
  }

  private static Path write(Path file, String type, byte[] der) throws IOException {
    String pem = "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    Files.write(file, pem.getBytes(StandardCharsets.US_ASCII));
    return file;
  }
}
