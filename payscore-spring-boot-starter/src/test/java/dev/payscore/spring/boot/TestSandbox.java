package dev.payscore.spring.boot;

import dev.payscore.auth.HeaderSource;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.testing.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * One sandbox for the whole test run, its generated keys written as PEM files to a temporary
 * directory (deleted at exit; no key is ever committed), and the properties pointing at it.
 */
public final class TestSandbox {
  private static final PayScoreSandbox SANDBOX = PayScoreSandbox.start();
  private static final List<String> NOTIFICATION_HEADERS = List.of("Content-Type", "Request-ID",
      "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial", "Wechatpay-Signature-Type",
      "Wechatpay-Signature");
  private static final Path KEYS;
  private static final Path PRIVATE_KEY;
  private static final Path PUBLIC_KEY;

  static {
    Secrets.register(SANDBOX.apiV3Key());
    Secrets.registerKey(SANDBOX.merchantPrivateKey().getEncoded());
    try {
      KEYS = Files.createTempDirectory("payscore-starter-keys");
      PRIVATE_KEY = write("apiclient_key.pem", pem("PRIVATE KEY", SANDBOX.merchantPrivateKey().getEncoded()));
      PUBLIC_KEY = write("pub_key.pem", pem("PUBLIC KEY", SANDBOX.wechatPayPublicKey().getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      SANDBOX.close();
      for (Path file : new Path[] {PRIVATE_KEY, PUBLIC_KEY, KEYS}) {
        file.toFile().delete();
      }
    }));
  }

  private TestSandbox() {}

  public static PayScoreSandbox sandbox() {
    return SANDBOX;
  }

  public static Path privateKeyFile() {
    return PRIVATE_KEY;
  }

  public static Path publicKeyFile() {
    return PUBLIC_KEY;
  }

  /** The {@code sandbox.*} values the test application.yml refers to. */
  public static Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("sandbox.merchant-id", SANDBOX.merchantId());
    values.put("sandbox.merchant-serial-number", SANDBOX.merchantSerialNumber());
    values.put("sandbox.private-key", "file:" + PRIVATE_KEY);
    values.put("sandbox.wechat-pay-public-key-id", SANDBOX.wechatPayPublicKeyId());
    values.put("sandbox.wechat-pay-public-key", "file:" + PUBLIC_KEY);
    values.put("sandbox.api-v3-key", SANDBOX.apiV3Key());
    values.put("sandbox.url", SANDBOX.url());
    return values;
  }

  /** The complete {@code payscore.*} properties for the sandbox, APIv3 key included, as runners take them. */
  public static String[] properties() {
    return values().entrySet().stream()
        .map(e -> e.getKey().replace("sandbox.url", "sandbox.base-url").replace("sandbox.", "payscore.") + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** The properties without the APIv3 key. */
  public static String[] clientProperties() {
    return java.util.Arrays.stream(properties()).filter(p -> !p.startsWith("payscore.api-v3-key=")).toArray(String[]::new);
  }

  /** A notification exactly as the sandbox sends it: its headers and body bytes. */
  public record Notification(Map<String, String> headers, byte[] body) {
    public Notification withBody(byte[] other) {
      return new Notification(headers, other);
    }

    /** The headers as the parser takes them. */
    public HeaderSource headerSource() {
      Map<String, List<String>> lists = new LinkedHashMap<>();
      headers.forEach((name, value) -> lists.put(name, List.of(value)));
      return HeaderSource.of(lists);
    }
  }

  /** Has the sandbox sign and send a notification about an order, and captures it undelivered. */
  public static Notification capture(String eventType, String outOrderNo) throws Exception {
    try (MockWebServer capture = new MockWebServer()) {
      capture.enqueue(new MockResponse().setResponseCode(500));
      capture.start(InetAddress.getByName("127.0.0.1"), 0);
      SANDBOX.sendNotification(capture.url("/notify").toString(), eventType, outOrderNo);
      RecordedRequest request = capture.takeRequest(5, TimeUnit.SECONDS);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : NOTIFICATION_HEADERS) {
        if (request.getHeader(name) != null) {
          headers.put(name, request.getHeader(name));
        }
      }
      return new Notification(headers, request.getBody().readByteArray());
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static Path write(String name, String text) throws IOException {
    Path file = KEYS.resolve(name);
    Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
    return file;
  }
}
