package dev.payscore.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * MockWebServer with TCP_NODELAY on accepted sockets: MockWebServer 4.x writes an answer's headers and
 * body separately, and with Nagle's algorithm each call then waits ~40 ms for a delayed ACK.
 */
public final class TestServers {
  private TestServers() {}

  public static MockWebServer mockWebServer() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(new java.net.InetSocketAddress(port));
        return socket;
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(new java.net.InetSocketAddress(port), backlog);
        return socket;
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
      }
    });
    return server;
  }

  /**
   * A {@link #mockWebServer()} started on 127.0.0.1 that gives every request the answer {@code
   * answer} supplies at that moment: for fuzz targets, which set the answer before each call.
   */
  public static MockWebServer answering(Supplier<MockResponse> answer) throws IOException {
    MockWebServer server = mockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.get();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /**
   * Drops the requests {@code server} has recorded. MockWebServer keeps every request it serves (each
   * in an 8 KiB okio segment) until a test takes it: over a long fuzzing run that alone filled a 1 GiB
   * heap.
   */
  public static void forgetRecordedRequests(MockWebServer server) {
    try {
      while (server.takeRequest(0, TimeUnit.SECONDS) != null) {
        // drop it
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
