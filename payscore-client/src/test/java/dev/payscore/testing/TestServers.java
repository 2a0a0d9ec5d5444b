package dev.payscore.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.MockWebServer;

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
