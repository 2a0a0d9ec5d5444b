package dev.payscore.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmarks' server, run in a process of its own so that its CPU and allocations stay out of
 * the client's figures: on 127.0.0.1, it answers every request with one pre-signed complete answer
 * (re-signed every 60 s, inside the 5-minute window), written in a single send with TCP_NODELAY so
 * that no Nagle / delayed-ACK stall (40 ms) enters the measurement. It does not check requests.
 */
public final class SignedResponder {
  static final String ANSWER =
      "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1900000109\",\"out_order_no\":\"1234323JKHDFE1243252\","
          + "\"service_id\":\"500001\",\"order_id\":\"15646546545165651651\"}";

  private SignedResponder() {}

  public static void main(String[] args) throws Exception {
    BenchKeys keys = BenchKeys.load(Paths.get(args[0]));
    AtomicReference<byte[]> answer = new AtomicReference<>(sign(keys));
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "responder");
      t.setDaemon(true);
      return t;
    });
    threads.execute(() -> {
      while (true) {
        try {
          Thread.sleep(60_000);
          answer.set(sign(keys));
        } catch (Exception e) {
          return;
        }
      }
    });
    ServerSocket server = new ServerSocket(0, 128, InetAddress.getByName("127.0.0.1"));
    threads.execute(() -> {
      while (true) {
        try {
          Socket socket = server.accept();
          socket.setTcpNoDelay(true);
          threads.execute(() -> serve(socket, answer));
        } catch (IOException e) {
          return;
        }
      }
    });
    System.out.println("URL http://127.0.0.1:" + server.getLocalPort() + "/");
    System.out.flush();
    long deadline = System.currentTimeMillis() + TimeUnit.HOURS.toMillis(2);
    while (System.in.read() != -1 && System.currentTimeMillis() < deadline) {
      // serve until the parent closes our standard input
    }
    System.exit(0);
  }

  private static void serve(Socket socket, AtomicReference<byte[]> answer) {
    try (Socket s = socket) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        int contentLength = 0;
        String line = line(in);
        if (line == null) {
          return;
        }
        while ((line = line(in)) != null && !line.isEmpty()) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            contentLength = Integer.parseInt(line.substring(15).trim());
          }
        }
        for (int i = 0; i < contentLength; i++) {
          if (in.read() < 0) {
            return;
          }
        }
        out.write(answer.get());
        out.flush();
      }
    } catch (IOException e) {
      // client gone
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        return line.substring(0, end);
      }
      line.append((char) b);
    }
    return null;
  }

  static byte[] sign(BenchKeys keys) throws Exception {
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    String nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.wechatPayPrivate);
    signature.update((timestamp + "\n" + nonce + "\n" + ANSWER + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\n"
        + "Request-ID: 08F78BB5AF0610D302839A9E0328DCDB1004\r\n"
        + "Wechatpay-Timestamp: " + timestamp + "\r\n"
        + "Wechatpay-Nonce: " + nonce + "\r\n"
        + "Wechatpay-Serial: " + BenchKeys.PUB_KEY_ID + "\r\n"
        + "Wechatpay-Signature-Type: WECHATPAY2-SHA256-RSA2048\r\n"
        + "Wechatpay-Signature: " + Base64.getEncoder().encodeToString(signature.sign()) + "\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }
}
