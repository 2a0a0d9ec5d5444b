package dev.payscore.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A raw HTTP/1.1 connection to a sandbox on 127.0.0.1, for requests no HTTP client would send. */
final class RawHttp implements Closeable {
  /** How long a read may wait before the test fails: a bound, not a timing. */
  static final int READ_BOUND_MILLIS = 20_000;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  RawHttp(PayScoreSandbox sandbox) throws IOException {
    String url = sandbox.url();
    int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
    socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
    socket.setSoTimeout(READ_BOUND_MILLIS);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new java.io.BufferedInputStream(socket.getInputStream());
  }

  /** Writes text as it is (ISO-8859-1, so that every char is one byte). */
  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Ends what this side sends (a half-close), as a client that has nothing more to send. */
  RawHttp endOfRequest() throws IOException {
    socket.shutdownOutput();
    return this;
  }

  /** Writes {@code count} bytes of {@code x}; stops quietly when the server has closed the connection. */
  RawHttp sendFiller(long count) {
    byte[] piece = new byte[64 * 1024];
    java.util.Arrays.fill(piece, (byte) 'x');
    try {
      for (long left = count; left > 0; left -= piece.length) {
        out.write(piece, 0, (int) Math.min(left, piece.length));
      }
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server refused and closed: the answer is read next
    }
    return this;
  }

  /** Reads one answer; returns its status code, or -1 when the connection ended with no answer. */
  int status() throws IOException {
    String head = head();
    if (head == null) {
      return -1;
    }
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      if (in.read() < 0) {
        throw new IOException("answer body cut short");
      }
    }
    return Integer.parseInt(head.substring(9, 12));
  }

  /** Whether the server closed the connection (the next read meets the end of the stream). */
  boolean closedByServer() throws IOException {
    return in.read() < 0;
  }

  private String head() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b;
      try {
        b = in.read();
      } catch (java.net.SocketException reset) {
        b = -1;
      }
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return new String(head.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
