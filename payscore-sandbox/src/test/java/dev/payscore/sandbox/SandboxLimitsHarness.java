package dev.payscore.sandbox;

import dev.payscore.auth.NonceGenerator;
import dev.payscore.auth.RequestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Measures what the sandbox costs under hostile input; not a test (nothing is asserted, it prints).
 * Run once by hand with the module's test class path:
 *
 * <pre>
 * java -Xmx256m -cp ... dev.payscore.sandbox.SandboxLimitsHarness heap   # 10,000 signed 1 MiB requests
 * java -cp ... dev.payscore.sandbox.SandboxLimitsHarness cpu             # 64 KB Authorization headers
 * </pre>
 */
final class SandboxLimitsHarness {
  private static final String PATH = "/v3/payscore/payafter-orders/HARNESS/complete";

  private SandboxLimitsHarness() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("heap")) {
      heap(10_000);
    } else if (args.length == 1 && args[0].equals("cpu")) {
      cpu();
      parser();
    } else {
      System.err.println("usage: SandboxLimitsHarness heap|cpu");
    }
  }

  /** Sends {@code count} signed requests with 1 MiB bodies on one connection, then reports the heap. */
  static void heap(int count) throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.start();
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port(sandbox))) {
      socket.setSoTimeout(30_000);
      RequestSigner signer = new RequestSigner(sandbox.merchantId(), sandbox.merchantSerialNumber(),
          sandbox.merchantPrivateKey(), () -> System.currentTimeMillis() / 1000, NonceGenerator.SECURE);
      byte[] filler = new byte[1024 * 1024];
      Arrays.fill(filler, (byte) 'x');
      String prefix = "{\"appid\":\"wx\",\"service_id\":\"500001\",\"finish_type\":2,\"total_amount\":1,\"x\":\"";
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      json.write(prefix.getBytes(StandardCharsets.UTF_8));
      json.write(filler, 0, 1024 * 1024 - prefix.length() - 2);
      json.write("\"}".getBytes(StandardCharsets.UTF_8));
      byte[] body = json.toByteArray();
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      long start = System.nanoTime();
      int answered = 0;
      try {
        for (int i = 0; i < count; i++) {
          String head = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
              + "User-Agent: harness\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
              + "Authorization: " + signer.authorization("POST", PATH, body) + "\r\n\r\n";
          out.write(head.getBytes(StandardCharsets.UTF_8));
          out.write(body);
          out.flush();
          readAnswer(in);
          answered++;
        }
      } catch (IOException e) {
        System.out.println("connection failed after " + answered + " answers: " + e);
      }
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      long peakOld = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getName().contains("Old Gen")) {
          peakOld = pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("answers: %d of %d 1 MiB requests in %d s%n", answered, count, seconds);
      System.out.printf("heap used after GC: %.1f MiB (max %.1f MiB); old gen peak %.1f MiB%n",
          heap.getUsed() / 1048576.0, heap.getMax() / 1048576.0, peakOld / 1048576.0);
      System.out.printf("requests kept: %d, requestCount(): %d%n", sandbox.requests().size(), sandbox.requestCount());
    }
  }

  /** Sends one request whose Authorization header is {@code length} bytes; reports CPU time spent. */
  static void cpu() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.start()) {
      for (int length : new int[] {100, 100, 8_000, 65_000}) { // the first two warm up
        char[] a = new char[length - "WECHATPAY2-SHA256-RSA2048 ".length()];
        Arrays.fill(a, 'a');
        String authorization = "WECHATPAY2-SHA256-RSA2048 " + new String(a);
        long cpu = processCpuNanos();
        long wall = System.nanoTime();
        String status;
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port(sandbox))) {
          socket.setSoTimeout(120_000);
          String head = "POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
              + "User-Agent: harness\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
              + "Authorization: " + authorization + "\r\n\r\n{}";
          socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
          status = readAnswer(socket.getInputStream());
        } catch (IOException e) {
          status = "no answer: " + e;
        }
        System.out.printf("Authorization of %d bytes: %s; process CPU %d ms, wall %d ms%n", length, status,
            (processCpuNanos() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
      }
    }
  }

  /**
   * Reads one 64 KiB Authorization value (the scheme and 64 KiB of letters, no {@code =}) with the
   * regular expression the sandbox used before ({@code (\w+)="([^"]*)"}, found repeatedly) and with
   * {@link RequestAuthenticator#parameters}; reports the CPU time of each, on this thread.
   */
  static void parser() {
    char[] a = new char[64 * 1024];
    Arrays.fill(a, 'a');
    String value = new String(a);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(value);
      int found = 0;
      while (m.find()) {
        found++;
      }
      long regex = threads.getCurrentThreadCpuTime() - cpu;
      cpu = threads.getCurrentThreadCpuTime();
      Object parsed = RequestAuthenticator.parameters(value, 0);
      long onePass = threads.getCurrentThreadCpuTime() - cpu;
      System.out.printf("64 KiB value: old regex %d ms (%d pairs), one-pass reader %.3f ms (%s)%n",
          regex / 1_000_000, found, onePass / 1e6, parsed == null ? "refused" : "read");
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static int port(PayScoreSandbox sandbox) {
    String url = sandbox.url();
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
  }

  /** Reads one answer (head and Content-Length body); returns its status line. */
  static String readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.length() + " bytes of head");
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    for (int i = 0; i < length; i++) {
      if (in.read() < 0) {
        throw new IOException("body cut short");
      }
    }
    return head.substring(0, head.indexOf("\r\n"));
  }
}
