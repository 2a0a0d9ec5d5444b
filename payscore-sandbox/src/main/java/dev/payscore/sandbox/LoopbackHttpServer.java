package dev.payscore.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1, written on a plain socket so that the sandbox controls
 * every byte of an answer (header case, duplicate headers, resets), which the JDK's HttpServer does
 * not allow. Keep-alive; Content-Length or chunked request bodies; one thread per connection.
 */
final class LoopbackHttpServer implements Closeable {
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_BODY = 1024 * 1024;

  /** What the handler does with one request. */
  interface Handler {
    void handle(Exchange exchange) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final ExecutorService threads;
  private final Handler handler;
  private final List<Socket> open = new ArrayList<>();
  private volatile boolean closed;

  LoopbackHttpServer(int port, Handler handler) throws IOException {
    this.handler = handler;
    this.serverSocket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "payscore-sandbox");
              thread.setDaemon(true);
              return thread;
            });
    threads.execute(this::acceptLoop);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        synchronized (open) {
          open.add(socket);
        }
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      s.setSoTimeout(60_000);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (!closed) {
        Exchange exchange = read(in, s, out);
        if (exchange == null) {
          return;
        }
        handler.handle(exchange);
        if (exchange.connectionDone) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away or sent garbage: drop the connection.
    } finally {
      synchronized (open) {
        open.remove(socket);
      }
    }
  }

  private static Exchange read(InputStream in, Socket socket, OutputStream out) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("bad request line");
    }
    List<String[]> headers = new ArrayList<>();
    int headBytes = requestLine.length();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      headBytes += line.length();
      if (headBytes > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
      }
    }
    byte[] body = new byte[0];
    String length = find(headers, "Content-Length");
    String encoding = find(headers, "Transfer-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      body = chunked(in);
    } else if (length != null) {
      int n = Integer.parseInt(length);
      if (n < 0 || n > MAX_BODY) {
        throw new IOException("request body too large");
      }
      body = new byte[n];
      int read = 0;
      while (read < n) {
        int r = in.read(body, read, n - read);
        if (r < 0) {
          throw new IOException("request body cut short");
        }
        read += r;
      }
    }
    return new Exchange(parts[0], parts[1], headers, body, socket, out);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      if (sizeLine == null) {
        throw new IOException("chunked body cut short");
      }
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (true) {
          String trailer = line(in);
          if (trailer == null || trailer.isEmpty()) {
            return body.toByteArray();
          }
        }
      }
      if (body.size() + size > MAX_BODY) {
        throw new IOException("request body too large");
      }
      for (int i = 0; i < size; i++) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("chunked body cut short");
        }
        body.write(b);
      }
      line(in);
    }
  }

  static String find(List<String[]> headers, String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
      }
      line.write(b);
      if (line.size() > MAX_HEAD) {
        throw new IOException("line too long");
      }
    }
    return line.size() == 0 ? null : line.toString("UTF-8");
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    synchronized (open) {
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request and the means to answer it. */
  static final class Exchange {
    final String method;
    final String target;
    final List<String[]> headers;
    final byte[] body;
    private final Socket socket;
    private final OutputStream out;
    boolean connectionDone;

    Exchange(String method, String target, List<String[]> headers, byte[] body, Socket socket,
        OutputStream out) {
      this.method = method;
      this.target = target;
      this.headers = headers;
      this.body = body;
      this.socket = socket;
      this.out = out;
    }

    /** Writes an answer; {@code cutBodyAt} &gt;= 0 resets the connection after that many body bytes. */
    void respond(int status, List<String[]> responseHeaders, byte[] responseBody, int cutBodyAt)
        throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
      for (String[] header : responseHeaders) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      head.append("\r\n");
      byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
      int bodyBytes = cutBodyAt >= 0 ? Math.min(cutBodyAt, responseBody.length) : responseBody.length;
      // One write for head and body: no Nagle / delayed-ACK stall between them.
      byte[] all = new byte[headBytes.length + bodyBytes];
      System.arraycopy(headBytes, 0, all, 0, headBytes.length);
      System.arraycopy(responseBody, 0, all, headBytes.length, bodyBytes);
      out.write(all);
      out.flush();
      if (cutBodyAt >= 0) {
        reset();
        return;
      }
      String connection = find(headers, "Connection");
      if (connection != null && connection.equalsIgnoreCase("close")) {
        connectionDone = true;
      }
    }

    /** Closes the connection without an answer. */
    void drop() throws IOException {
      connectionDone = true;
      socket.close();
    }

    /** Resets the connection (TCP RST). */
    void reset() throws IOException {
      connectionDone = true;
      try {
        socket.setSoLinger(true, 0);
      } catch (SocketException ignored) {
        // close anyway
      }
      socket.close();
    }

    private static String reason(int status) {
      switch (status) {
        case 200: return "OK";
        case 204: return "No Content";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        default: return "Status";
      }
    }
  }
}
