package dev.payscore.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 requests from a connection as a strict server does, within fixed limits, and refuses
 * the rest with the status to answer: 400 for a malformed request (bare LF or CR, a header line without
 * a name and colon, obs-fold, no or two {@code Host}, two {@code Content-Length}s, {@code
 * Content-Length} with {@code Transfer-Encoding}, a coding other than {@code chunked}, bad chunk
 * framing); 414 for a request line over {@link #MAX_LINE}; 431 for a header line over {@link #MAX_LINE}
 * or a head over {@link #MAX_HEAD}; 413 for a body over {@link #MAX_BODY}, counted in {@code long}; 505
 * for another HTTP version. A body is held only as its bytes arrive, never as announced.
 */
final class HttpRequestReader {
  static final int MAX_LINE = 8 * 1024;
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_BODY = 1024 * 1024;
  private static final int PIECE = 16 * 1024;

  /** One request as read. */
  static final class Request {
    final String method;
    final String target;
    final String version;
    final List<String[]> headers;
    final byte[] body;

    Request(String method, String target, String version, List<String[]> headers, byte[] body) {
      this.method = method;
      this.target = target;
      this.version = version;
      this.headers = headers;
      this.body = body;
    }
  }

  /** A request the server refuses: answer {@code status}, then close the connection. */
  static final class Refusal extends IOException {
    private static final long serialVersionUID = 1L;

    final int status;

    Refusal(int status, String reason) {
      super(reason);
      this.status = status;
    }
  }

  private final InputStream in;
  private final byte[] piece = new byte[PIECE];
  private int headBytes;

  HttpRequestReader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads the next request.
   *
   * @return the request, or {@code null} when the connection ended cleanly between requests
   * @throws Refusal when the request must be refused
   * @throws IOException when the connection fails
   */
  @Nullable Request read() throws IOException {
    headBytes = 0;
    String requestLine = headLine(414, true);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = headLine(414, true); // empty lines before a request are allowed (RFC 9112, 2.2)
    }
    if (requestLine == null) {
      return null;
    }
    int first = requestLine.indexOf(' ');
    int second = requestLine.indexOf(' ', first + 1);
    if (first <= 0 || second < 0 || requestLine.indexOf(' ', second + 1) >= 0
        || !isToken(requestLine, 0, first)) {
      throw new Refusal(400, "malformed request line");
    }
    String target = requestLine.substring(first + 1, second);
    String version = requestLine.substring(second + 1);
    if (!target.startsWith("/")) {
      throw new Refusal(400, "the request target must be a path");
    }
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw version.matches("HTTP/[0-9]\\.[0-9]")
          ? new Refusal(505, "HTTP/1.1 only") : new Refusal(400, "malformed request line");
    }
    List<String[]> headers = new ArrayList<>();
    for (String line = headLine(431, false); !line.isEmpty(); line = headLine(431, false)) {
      headers.add(header(line));
    }
    int hosts = count(headers, "Host");
    if (hosts > 1 || (hosts == 0 && version.equals("HTTP/1.1"))) {
      throw new Refusal(400, "exactly one Host header is required");
    }
    byte[] body = body(headers);
    return new Request(requestLine.substring(0, first), target, version, headers, body);
  }

  private byte[] body(List<String[]> headers) throws IOException {
    int lengths = count(headers, "Content-Length");
    int encodings = count(headers, "Transfer-Encoding");
    if (lengths > 1) {
      throw new Refusal(400, "Content-Length given twice");
    }
    if (encodings > 0 && lengths > 0) {
      throw new Refusal(400, "Content-Length and Transfer-Encoding together");
    }
    if (encodings > 0) {
      if (encodings > 1 || !"chunked".equalsIgnoreCase(find(headers, "Transfer-Encoding"))) {
        throw new Refusal(400, "Transfer-Encoding must be chunked");
      }
      return chunked();
    }
    if (lengths == 0) {
      return new byte[0];
    }
    String length = find(headers, "Content-Length");
    if (length.isEmpty() || !allDigits(length, 0, length.length())) {
      throw new Refusal(400, "Content-Length must be digits");
    }
    if (length.length() > 9 || Long.parseLong(length) > MAX_BODY) {
      throw new Refusal(413, "the body is over " + MAX_BODY + " bytes");
    }
    int n = Integer.parseInt(length);
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(n, PIECE));
    readInto(body, n);
    return body.toByteArray();
  }

  /**
   * Reads a chunked body. The data counts against {@link #MAX_BODY} as each size is read, digit by digit
   * in {@code long}; the framing (size lines, extensions, CRLFs) against as much again.
   */
  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(PIECE);
    long total = 0;
    long framing = 0;
    while (true) {
      String sizeLine = line(MAX_LINE, 400, false);
      framing += sizeLine.length() + 4;
      if (framing > MAX_BODY) {
        throw new Refusal(413, "the chunked body's framing is over " + MAX_BODY + " bytes");
      }
      int end = 0;
      long size = 0;
      for (int digit; end < sizeLine.length() && (digit = hexDigit(sizeLine.charAt(end))) >= 0; end++) {
        size = size * 16 + digit;
        if (total + size > MAX_BODY) {
          throw new Refusal(413, "the body is over " + MAX_BODY + " bytes");
        }
      }
      int ext = end;
      while (ext < sizeLine.length() && (sizeLine.charAt(ext) == ' ' || sizeLine.charAt(ext) == '\t')) {
        ext++;
      }
      if (end == 0 || (ext < sizeLine.length() && sizeLine.charAt(ext) != ';')) {
        throw new Refusal(400, "malformed chunk size");
      }
      if (size == 0) {
        for (String trailer = headLine(431, false); !trailer.isEmpty(); trailer = headLine(431, false)) {
          header(trailer); // checked, then dropped
        }
        return body.toByteArray();
      }
      total += size;
      readInto(body, (int) size);
      if (!line(0, 400, false).isEmpty()) {
        throw new Refusal(400, "chunk data longer than its size");
      }
    }
  }

  /** Reads exactly {@code n} bytes into {@code body}, a piece at a time, as they arrive. */
  private void readInto(ByteArrayOutputStream body, int n) throws IOException {
    int left = n;
    while (left > 0) {
      int r = in.read(piece, 0, Math.min(left, piece.length));
      if (r < 0) {
        throw new Refusal(400, "the body is cut short");
      }
      body.write(piece, 0, r);
      left -= r;
    }
  }

  /** A line of the head or trailers: at most {@link #MAX_LINE} bytes, all within {@link #MAX_HEAD}. */
  private @Nullable String headLine(int tooLong, boolean endAllowed) throws IOException {
    String line = line(MAX_LINE, tooLong, endAllowed);
    if (line != null) {
      headBytes += line.length() + 2;
      if (headBytes > MAX_HEAD) {
        throw new Refusal(431, "the request head is over " + MAX_HEAD + " bytes");
      }
    }
    return line;
  }

  /**
   * Reads a line ended by CRLF (bare LF or CR refused) of at most {@code max} bytes (else {@code
   * tooLong}).
   *
   * @return the line without CRLF; {@code null} at the end of the stream before any byte when {@code
   *     endAllowed}
   */
  private @Nullable String line(int max, int tooLong, boolean endAllowed) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (endAllowed && line.size() == 0) {
          return null;
        }
        throw new Refusal(400, "the request is cut short");
      }
      if (b == '\r') {
        if (in.read() != '\n') {
          throw new Refusal(400, "CR without LF");
        }
        return new String(line.toByteArray(), StandardCharsets.UTF_8);
      }
      if (b == '\n') {
        throw new Refusal(400, "LF without CR");
      }
      if ((b < 0x20 && b != '\t') || b == 0x7f) {
        throw new Refusal(400, "a control character in the head");
      }
      if (line.size() == max) {
        throw new Refusal(tooLong, "a line is over " + max + " bytes");
      }
      line.write(b);
    }
  }

  /** Splits {@code name: value}; refuses a line that is not a token, a colon and a value. */
  private static String[] header(String line) throws Refusal {
    int colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line, 0, colon)) {
      throw new Refusal(400, "malformed header line");
    }
    return new String[] {line.substring(0, colon), line.substring(colon + 1).trim()};
  }

  private static boolean isToken(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return to > from;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int count(List<String[]> headers, String name) {
    int count = 0;
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        count++;
      }
    }
    return count;
  }

  /** The value of the first header named {@code name} (case-insensitive), or {@code null}. */
  static @Nullable String find(List<String[]> headers, String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }
}
