package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target: the sandbox's HTTP/1.1 request parser over any bytes a client of the sandbox sends
 * (request line, headers, {@code Content-Length}, chunked bodies, trailers, pipelined requests).
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>the only exception is {@link HttpRequestReader.Refusal} with a status of 400, 413, 414, 431 or
 *       505 (the connection is a byte array: no other {@link IOException} can happen);
 *   <li>a request that is read has a token method, a target starting with {@code /}, HTTP/1.0 or
 *       HTTP/1.1, at most one Host header, and a body of at most {@link HttpRequestReader#MAX_BODY} bytes;
 *   <li>round trip: the request written again with a {@code Content-Length} framing (and no
 *       {@code Transfer-Encoding}) reads back as the same method, target, version, headers and body;
 *   <li>bounded: at most one pass over the input (reads are bounded by the limits above, not by
 *       numbers in the input); the per-input time bound is libFuzzer's {@code -timeout} in the
 *       {@code fuzz} profile, the memory bound the fork's {@code -Xmx}.
 * </ul>
 */
class HttpRequestReaderFuzzTest {

  @FuzzTest
  void readsOrRefusesAnyBytes(byte[] bytes) throws IOException {
    HttpRequestReader reader = new HttpRequestReader(new ByteArrayInputStream(bytes));
    while (true) {
      HttpRequestReader.Request request;
      try {
        request = reader.read();
      } catch (HttpRequestReader.Refusal refusal) {
        int s = refusal.status;
        assertTrue(s == 400 || s == 413 || s == 414 || s == 431 || s == 505, "status " + s);
        assertNotNull(refusal.getMessage());
        return;
      }
      if (request == null) {
        return;
      }
      check(request);
      roundTrip(request);
    }
  }

  private static void check(HttpRequestReader.Request request) {
    assertTrue(!request.method.isEmpty() && request.method.indexOf(' ') < 0, request.method);
    assertTrue(request.target.startsWith("/"), request.target);
    assertTrue(request.version.equals("HTTP/1.1") || request.version.equals("HTTP/1.0"));
    assertTrue(request.body.length <= HttpRequestReader.MAX_BODY);
    int hosts = 0;
    for (String[] header : request.headers) {
      hosts += header[0].equalsIgnoreCase("Host") ? 1 : 0;
    }
    assertTrue(hosts <= 1);
  }

  /** Writes the request again with Content-Length framing and reads it back. */
  private static void roundTrip(HttpRequestReader.Request request) throws IOException {
    List<String[]> headers = new ArrayList<>();
    for (String[] header : request.headers) {
      if (!header[0].equalsIgnoreCase("Content-Length") && !header[0].equalsIgnoreCase("Transfer-Encoding")) {
        headers.add(header);
      }
    }
    StringBuilder head = new StringBuilder();
    head.append(request.method).append(' ').append(request.target).append(' ').append(request.version).append("\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Content-Length: ").append(request.body.length).append("\r\n\r\n");
    String text = head.toString();
    if (text.indexOf('\uFFFD') >= 0) {
      return; // the reader decoded malformed UTF-8: written again it is other (longer) bytes
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] headBytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(headBytes, 0, headBytes.length);
    out.write(request.body, 0, request.body.length);
    HttpRequestReader.Request again = new HttpRequestReader(new ByteArrayInputStream(out.toByteArray())).read();
    assertNotNull(again);
    assertEquals(request.method, again.method);
    assertEquals(request.target, again.target);
    assertEquals(request.version, again.version);
    assertArrayEquals(request.body, again.body);
    assertEquals(headers.size() + 1, again.headers.size());
    for (int i = 0; i < headers.size(); i++) {
      assertArrayEquals(headers.get(i), again.headers.get(i));
    }
  }
}
