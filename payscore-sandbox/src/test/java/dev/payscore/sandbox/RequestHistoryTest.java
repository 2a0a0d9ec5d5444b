package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.RequestSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's bounded memory of requests, through its public API. */
class RequestHistoryTest {
  static final String PATH = "/v3/payscore/payafter-orders/H1/complete";
  static final OkHttpClient HTTP = new OkHttpClient();
  PayScoreSandbox sandbox;

  @BeforeEach
  void start() {
    sandbox = PayScoreSandbox.start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** A JSON body of {@code size} bytes with one long unknown field. */
  static byte[] body(int size) {
    String prefix = "{\"appid\":\"wx\",\"service_id\":\"1\",\"finish_type\":2,\"total_amount\":1,\"x\":\"";
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(prefix.getBytes(StandardCharsets.UTF_8), 0, body, 0, prefix.length());
    body[size - 2] = '"';
    body[size - 1] = '}';
    return body;
  }

  int post(byte[] body, boolean signed) throws IOException {
    Request.Builder request = new Request.Builder().url(sandbox.url() + PATH.substring(1))
        .post(RequestBody.create(body, MediaType.get("application/json")))
        .header("Accept", "application/json").header("User-Agent", "test");
    if (signed) {
      request.header("Authorization", new RequestSigner(sandbox.merchantId(), sandbox.merchantSerialNumber(),
          sandbox.merchantPrivateKey()).authorization("POST", PATH, body));
    }
    try (Response response = HTTP.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  @Test
  void keepsTheLast1000RequestsAndCountsThemAll() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      for (int i = 0; i < 1100; i++) {
        assertEquals(404, raw.send("GET /nowhere?n=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").status());
      }
    }
    List<SandboxRequest> kept = sandbox.requests();
    assertEquals(1000, kept.size());
    assertEquals(1100, sandbox.requestCount());
    assertEquals("/nowhere?n=100", kept.get(0).target());
    assertEquals("/nowhere?n=1099", kept.get(999).target());
  }

  @Test
  void keepsTheFirst64KiBOfAVerifiedRequestsBody() throws IOException {
    byte[] body = body(100_000);
    assertEquals(400, post(body, true)); // verified, then PARAM_ERROR for the unknown field
    SandboxRequest kept = sandbox.requests().get(0);
    assertTrue(kept.bodyTruncated());
    assertEquals(64 * 1024, kept.body().length);
    assertTrue(Arrays.equals(Arrays.copyOf(body, 64 * 1024), kept.body()));
  }

  @Test
  void keepsOnlyTheFirst1KiBOfAnUnverifiedRequestsBody() throws IOException {
    assertEquals(401, post(body(100_000), false));
    SandboxRequest kept = sandbox.requests().get(0);
    assertTrue(kept.bodyTruncated());
    assertEquals(1024, kept.body().length);
    assertTrue(kept.toString().endsWith("(1024-byte body, cut)"), kept.toString());
  }

  @Test
  void keepsSmallBodiesWhole() throws IOException {
    byte[] body = body(500);
    assertEquals(401, post(body, false));
    SandboxRequest kept = sandbox.requests().get(0);
    assertFalse(kept.bodyTruncated());
    assertTrue(Arrays.equals(body, kept.body()));
  }

  @Test
  void clearRequestsForgetsThemAndResetsTheCount() throws IOException {
    post(body(500), false);
    post(body(500), false);
    sandbox.clearRequests();
    assertTrue(sandbox.requests().isEmpty());
    assertEquals(0, sandbox.requestCount());
    post(body(500), false);
    assertEquals(1, sandbox.requests().size());
    assertEquals(1, sandbox.requestCount());
  }
}
