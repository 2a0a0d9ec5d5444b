package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's HTTP/1.1 server over raw sockets: strict framing, limits, and answers to all of it. */
class LoopbackHttpServerTest {
  static final String PATH = "/v3/payscore/payafter-orders/X/complete";
  static final String HEAD = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
      + "User-Agent: raw\r\nContent-Type: application/json\r\n";
  static PayScoreSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = PayScoreSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Sends a request; returns the status of the answer (-1 for none) after checking the server closed. */
  static int refusal(String request) throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      int status = raw.send(request).endOfRequest().status();
      assertTrue(status < 0 || raw.closedByServer(), "the connection stays open after " + status);
      return status;
    }
  }

  /** The sandbox still answers on a new connection. */
  static void stillServes() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      assertEquals(404, raw.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").status());
    }
  }

  @Test
  void answersAnUnsignedRequestWith401AndKeepsTheConnection() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      assertEquals(401, raw.send(HEAD + "Content-Length: 2\r\n\r\n{}").status());
      assertEquals(401, raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n").status());
      assertEquals(404, raw.send("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n").status());
    }
  }

  @Test
  void refusesAChunkSizeThatOverflowsAnIntWith413() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n7fffffff\r\n").sendFiller(1536 * 1024);
      assertEquals(413, raw.status());
    }
    try (RawHttp raw = new RawHttp(sandbox)) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n").sendFiller(64 * 1024);
      assertEquals(413, raw.status());
    }
    stillServes();
  }

  @Test
  void refusesChunksAddingUpToMoreThan1MiBWith413() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 3; i++) {
        raw.send("80000\r\n").sendFiller(0x80000).send("\r\n");
      }
      assertEquals(413, raw.status());
    }
  }

  @Test
  void acceptsABodyOfExactly1MiBInChunks() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n");
      raw.send("80000;ext=1\r\n").sendFiller(0x80000).send("\r\n80000\r\n").sendFiller(0x80000).send("\r\n0\r\n\r\n");
      assertEquals(401, raw.status());
    }
  }

  @Test
  void refusesAContentLengthOverTheLimitWith413BeforeReadingIt() throws IOException {
    assertEquals(413, refusal(HEAD + "Content-Length: 1048577\r\n\r\n"));
    assertEquals(413, refusal(HEAD + "Content-Length: 99999999999999999999999\r\n\r\n"));
    stillServes();
  }

  @Test
  void refusesMalformedRequestsWith400() throws IOException {
    String[] malformed = {
      "GARBAGE\r\n\r\n",
      "POST  " + PATH + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST http://127.0.0.1" + PATH + " HTTP/1.1\r\nHost: x\r\n\r\n",
      HEAD + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      HEAD + "Transfer-Encoding: xchunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
      HEAD + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      HEAD + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
      HEAD + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x",
      HEAD + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
      HEAD + "Content-Length: +2\r\n\r\n{}",
      HEAD + "Content-Length: 2\n\n{}",
      HEAD + "Bad Header: 1\r\nContent-Length: 0\r\n\r\n",
      HEAD + "NoColon\r\nContent-Length: 0\r\n\r\n",
      HEAD + "X-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n",
      "POST " + PATH + " HTTP/1.1\r\nAccept: */*\r\nContent-Length: 0\r\n\r\n",
      "POST " + PATH + " HTTP/1.1\r\nHost: a\r\nHost: b\r\nContent-Length: 0\r\n\r\n",
      HEAD + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}x\r\n0\r\n\r\n",
      HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
      HEAD + "Content-Length: 10\r\n\r\n{}",
    };
    for (String request : malformed) {
      assertEquals(400, refusal(request), request);
    }
  }

  @Test
  void refusesOtherHttpVersionsWith505() throws IOException {
    assertEquals(505, refusal("GET / HTTP/2.0\r\nHost: x\r\n\r\n"));
  }

  @Test
  void refusesAHeaderLineOver8KiBWith431() throws IOException {
    assertEquals(431, refusal(HEAD + "Authorization: WECHATPAY2-SHA256-RSA2048 " + repeat('a', 8200)
        + "\r\nContent-Length: 0\r\n\r\n"));
  }

  @Test
  void refusesAHeadOver64KiBWith431() throws IOException {
    StringBuilder request = new StringBuilder(HEAD);
    for (int i = 0; i < 10; i++) {
      request.append("X-Filler-").append(i).append(": ").append(repeat('a', 8000)).append("\r\n");
    }
    assertEquals(431, refusal(request.append("Content-Length: 0\r\n\r\n").toString()));
  }

  @Test
  void refusesARequestLineOver8KiBWith414() throws IOException {
    assertEquals(414, refusal("GET /" + repeat('a', 8200) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @Test
  void answersAHostileAuthorizationJustUnder8KiBWith401() throws IOException {
    try (RawHttp raw = new RawHttp(sandbox)) {
      raw.send(HEAD + "Authorization: WECHATPAY2-SHA256-RSA2048 " + repeat('a', 8000)
          + "\r\nContent-Length: 2\r\n\r\n{}");
      assertEquals(401, raw.status());
    }
  }

  static String repeat(char c, int count) {
    char[] chars = new char[count];
    java.util.Arrays.fill(chars, c);
    return new String(chars);
  }
}
