package dev.payscore.sandbox;

import java.io.BufferedInputStream;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1, written on a plain socket so that the sandbox controls
 * every byte of an answer (header case, duplicate headers, resets), which the JDK's HttpServer does
 * not allow. Keep-alive; Content-Length or chunked request bodies; one thread per connection. Requests
 * are read by {@link HttpRequestReader}, strictly and within limits; a refused one is answered with its
 * status (400, 413, 414, 431, 505) and the connection closed.
 */
final class LoopbackHttpServer implements Closeable {

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
      HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(s.getInputStream()));
      OutputStream out = s.getOutputStream();
      while (!closed) {
        HttpRequestReader.Request request;
        try {
          request = reader.read();
        } catch (HttpRequestReader.Refusal refusal) {
          refuse(s, out, refusal);
          return;
        }
        if (request == null) {
          return;
        }
        Exchange exchange = new Exchange(request, s, out);
        handler.handle(exchange);
        if (exchange.connectionDone) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or the handler failed: drop the connection.
    } finally {
      synchronized (open) {
        open.remove(socket);
      }
    }
  }

  /**
   * Answers a refused request with its status and a plain-text reason, unsigned (WeChat Pay's front
   * ends answer so), then closes: output first, then input once what the client still sends is read
   * and dropped (bounded), so that the answer is not lost to a reset.
   */
  private static void refuse(Socket socket, OutputStream out, HttpRequestReader.Refusal refusal) throws IOException {
    byte[] body = (refusal.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + refusal.status + " " + Exchange.reason(refusal.status) + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.flush();
    socket.shutdownOutput();
    socket.setSoTimeout(1_000);
    byte[] drain = new byte[8192];
    InputStream in = socket.getInputStream();
    long left = 2L * HttpRequestReader.MAX_BODY;
    try {
      for (int r = in.read(drain); r > 0 && left > 0; r = in.read(drain)) {
        left -= r;
      }
    } catch (IOException ignored) {
      // closing anyway
    }
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

    Exchange(HttpRequestReader.Request request, Socket socket, OutputStream out) {
      this.method = request.method;
      this.target = request.target;
      this.headers = request.headers;
      this.body = request.body;
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
      String connection = HttpRequestReader.find(headers, "Connection");
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

    static String reason(int status) {
      switch (status) {
        case 200: return "OK";
        case 204: return "No Content";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 415: return "Unsupported Media Type";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 505: return "HTTP Version Not Supported";
        default: return "Status";
      }
    }
  }
}
