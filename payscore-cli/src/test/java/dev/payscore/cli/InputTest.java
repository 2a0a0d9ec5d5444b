package dev.payscore.cli;

import static dev.payscore.cli.PayScoreCliTest.assertOneLineNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.cli.PayScoreCliTest.Run;
import dev.payscore.testing.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input is read with a limit: an endless or huge one is refused after limit + 1 bytes, on one
 * line, with the exit code of its option (3 for a request body, 2 for the rest).
 */
class InputTest {
  /** An endless stream of zeros that counts what it hands out and the largest read asked of it. */
  static final class Zeros extends InputStream {
    long delivered;
    int largestRead;

    @Override
    public int read() {
      delivered++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      largestRead = Math.max(largestRead, len);
      Arrays.fill(b, off, off + len, (byte) 0);
      delivered += len;
      return len;
    }
  }

  @Test
  void refusesAnEndlessStreamAfterLimitPlusOneBytes() {
    for (int limit : new int[] {0, 1, 8191, 8192, 65536, Input.BODY_LIMIT}) {
      Zeros zeros = new Zeros();
      Input.InputException e = assertThrows(Input.InputException.class,
          () -> Input.atMost(zeros, limit, "standard input", ExitCode.INVALID_REQUEST));
      assertEquals(limit + 1L, zeros.delivered, "limit " + limit);
      assertTrue(zeros.largestRead <= limit + 1, "limit " + limit);
      assertEquals(ExitCode.INVALID_REQUEST, e.exitCode);
      assertEquals("standard input: over " + Input.describe(limit) + ", refused", e.getMessage());
    }
  }

  @Test
  void readsEndlessStandardInputNoFurtherThanTheLimit() {
    Zeros zeros = new Zeros();
    Input.InputException e = assertThrows(Input.InputException.class,
        () -> Input.fileOrStandardInput("--request", "-", zeros, Input.BODY_LIMIT, ExitCode.INVALID_REQUEST));
    assertEquals(Input.BODY_LIMIT + 1L, zeros.delivered);
    assertEquals("standard input: over 1 MiB (1048576 bytes), refused", e.getMessage());
    assertEquals(ExitCode.INVALID_REQUEST, e.exitCode);
  }

  @Test
  void readsUpToTheLimitWhole() throws Exception {
    for (int size : new int[] {0, 1, 8191, 8192, 8193, 65535, 65536}) {
      byte[] data = new byte[size];
      new java.util.Random(size).nextBytes(data);
      assertArrayEquals(data, Input.atMost(new ByteArrayInputStream(data), 65536, "x", ExitCode.USAGE));
    }
    InputStream trickle = new InputStream() {
      int left = 3;

      @Override
      public int read() {
        return left-- > 0 ? 'a' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
    assertArrayEquals("aaa".getBytes(StandardCharsets.US_ASCII), Input.atMost(trickle, 3, "x", ExitCode.USAGE));
  }

  @Test
  void describesLimitsAndReasons() {
    assertEquals("1 MiB (1048576 bytes)", Input.describe(Input.BODY_LIMIT));
    assertEquals("64 KiB (65536 bytes)", Input.describe(Input.SMALL_LIMIT));
    assertEquals("1000 bytes (1000 bytes)", Input.describe(1000));
  }

  @Test
  void refusesMissingFilesDirectoriesAndTextThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Input.InputException missing = assertThrows(Input.InputException.class,
        () -> Input.file("--request", dir.resolve("nope").toString(), 10, ExitCode.INVALID_REQUEST));
    assertEquals("--request " + dir.resolve("nope") + ": cannot read (no such file)", missing.getMessage());
    assertEquals(ExitCode.USAGE, missing.exitCode);
    Input.InputException directory = assertThrows(Input.InputException.class,
        () -> Input.file("--request", dir.toString(), 10, ExitCode.INVALID_REQUEST));
    assertEquals("--request " + dir + ": is a directory, not a file", directory.getMessage());
    assertEquals(ExitCode.USAGE, directory.exitCode);
    Path latin1 = dir.resolve("latin1.pem");
    Files.write(latin1, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    Input.InputException text = assertThrows(Input.InputException.class,
        () -> Input.text("--private-key", latin1.toString()));
    assertEquals("--private-key " + latin1 + ": not UTF-8 text", text.getMessage());
    Files.write(latin1, "café".getBytes(StandardCharsets.UTF_8));
    assertEquals("café", Input.text("--private-key", latin1.toString()));
  }

  /** Every option that reads a file, with the file it reads and the exit code of a too large one. */
  static List<Object[]> everyReadingOption(Path dir) throws Exception {
    // Valid keys, so that each option is the first to fail.
    Path privateKey = dir.resolve("apiclient_key.pem");
    Files.write(privateKey, TestKeys.pkcs8Pem(TestKeys.merchant().getPrivate()).getBytes(StandardCharsets.UTF_8));
    Path key = dir.resolve("pub_key.pem");
    Files.write(key, TestKeys.pem("PUBLIC KEY", TestKeys.wechatPay().getPublic().getEncoded())
        .getBytes(StandardCharsets.UTF_8));
    Path headers = dir.resolve("headers.txt");
    Files.write(headers, "Wechatpay-Nonce: n\n".getBytes(StandardCharsets.UTF_8));
    String used = PayScoreCliTest.USED;
    List<String> credentials = Arrays.asList("--mchid", "1900000109", "--serial", "1A",
        "--private-key", privateKey.toString(), "--wechatpay-public-key-id", "PUB_KEY_ID_1",
        "--wechatpay-public-key", key.toString());
    List<String> notify = Arrays.asList("notify-parse", "--body", used, "--headers", headers.toString(),
        "--wechatpay-public-key-id", "PUB_KEY_ID_1", "--wechatpay-public-key", key.toString(),
        "--api-v3-key", headers.toString());
    List<Object[]> options = new ArrayList<>();
    String[][] bodies = {{"create", "create.json"}, {"complete", "complete-service-used.json"},
      {"cancel", "cancel.json"}, {"sync", "sync.json"}};
    for (String[] body : bodies) {
      String command = body[0];
      List<String> args = new ArrayList<>(Arrays.asList(command, "--request",
          PayScoreCliTest.BASE.resolve("examples").resolve(body[1]).toString()));
      if (!command.equals("create")) {
        args.addAll(Arrays.asList("--out-order-no", "X"));
      }
      options.add(new Object[] {args, "--request", Input.BODY_LIMIT, ExitCode.INVALID_REQUEST});
      List<String> withCredentials = new ArrayList<>(args);
      withCredentials.addAll(credentials);
      options.add(new Object[] {withCredentials, "--private-key", Input.SMALL_LIMIT, ExitCode.USAGE});
    }
    List<String> query = new ArrayList<>(Arrays.asList("query", "--service-id", "1", "--appid", "wx", "--out-order-no", "X"));
    query.addAll(credentials);
    options.add(new Object[] {query, "--wechatpay-public-key", Input.SMALL_LIMIT, ExitCode.USAGE});
    options.add(new Object[] {notify, "--body", Input.BODY_LIMIT, ExitCode.USAGE});
    options.add(new Object[] {notify, "--headers", Input.SMALL_LIMIT, ExitCode.USAGE});
    options.add(new Object[] {notify, "--wechatpay-public-key", Input.SMALL_LIMIT, ExitCode.USAGE});
    options.add(new Object[] {notify, "--api-v3-key", Input.SMALL_LIMIT, ExitCode.USAGE});
    options.add(new Object[] {Arrays.asList("sandbox", "--merchant-public-key", key.toString(), "--serial", "1A",
        "--duration", "1"), "--merchant-public-key", Input.SMALL_LIMIT, ExitCode.USAGE});
    return options;
  }

  static Run runWith(List<String> args, String option, String file) {
    List<String> changed = new ArrayList<>(args);
    changed.set(changed.indexOf(option) + 1, file);
    return PayScoreCliTest.run("", Collections.<String, String>emptyMap(), changed.toArray(new String[0]));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOptionRefusesAFileOverItsLimitOnOneLine(@TempDir Path dir) throws Exception {
    for (Object[] option : everyReadingOption(dir)) {
      String name = (String) option[1];
      int limit = (Integer) option[2];
      Path huge = dir.resolve("huge-" + limit);
      if (!Files.exists(huge)) {
        Files.write(huge, new byte[limit + 1]);
      }
      Run run = runWith((List<String>) option[0], name, huge.toString());
      assertEquals((int) (Integer) option[3], run.code, option[0] + " " + name + " -> " + run.err);
      assertOneLineNoStackTrace(run);
      assertEquals("payscore: " + name + " " + huge + ": over " + Input.describe(limit) + ", refused",
          run.err.trim(), option[0].toString());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOptionRefusesAnEndlessFileOnOneLine(@TempDir Path dir) throws Exception {
    Path zero = Paths.get("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
    for (Object[] option : everyReadingOption(dir)) {
      String name = (String) option[1];
      Run run = runWith((List<String>) option[0], name, zero.toString());
      assertEquals((int) (Integer) option[3], run.code, option[0] + " " + name + " -> " + run.err);
      assertOneLineNoStackTrace(run);
      assertEquals("payscore: " + name + " /dev/zero: over " + Input.describe((Integer) option[2]) + ", refused",
          run.err.trim());
    }
  }

  @Test
  void refusesAStandardInputOverTheLimit() {
    char[] spaces = new char[Input.BODY_LIMIT + 1];
    Arrays.fill(spaces, ' ');
    Run run = PayScoreCliTest.run(new String(spaces), Collections.<String, String>emptyMap(),
        "complete", "--out-order-no", "X");
    assertEquals(ExitCode.INVALID_REQUEST, run.code, run.err);
    assertOneLineNoStackTrace(run);
    assertEquals("payscore: standard input: over 1 MiB (1048576 bytes), refused", run.err.trim());
  }

  @Test
  void readsABodyOfExactlyTheLimit() {
    char[] spaces = new char[Input.BODY_LIMIT];
    Arrays.fill(spaces, ' ');
    Run run = PayScoreCliTest.run(new String(spaces), Collections.<String, String>emptyMap(),
        "complete", "--out-order-no", "X");
    assertEquals(ExitCode.INVALID_REQUEST, run.code, run.err);
    assertOneLineNoStackTrace(run);
    assertEquals("payscore: the request breaks the contract: CompletePayafterOrderRequest is invalid: "
        + "(root): not JSON: the body is empty", run.err.trim());
  }
}
