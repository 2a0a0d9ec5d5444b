package dev.payscore.cli;

import dev.payscore.internal.crypto.KeyPairs;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code payscore} command line: {@code payscore complete} completes a pay-after order (and
 * {@code refund} refunds a paid one) against WeChat Pay or, with no credentials, against the embedded
 * sandbox; {@code payscore certificates} downloads the platform certificates; {@code payscore sandbox}
 * runs the sandbox as a standalone server. Exit codes: see {@link ExitCode}.
 */
@Command(
    name = "payscore",
    mixinStandardHelpOptions = true,
    versionProvider = PayScoreCli.Version.class,
    description = "WeChat Pay Score pay-after orders (微信支付分 先享后付), signed and verified.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:unexpected failure (a bug: please report it)",
      "2:usage or input error (options; a file that is missing, a directory, unreadable, not UTF-8 text"
          + " or too large); nothing was sent",
      "3:the request body breaks the contract (not strict UTF-8 JSON, over 1 MiB, an unknown field, a"
          + " null, a string for a number, ...) or a parameter does; nothing was sent",
      "4:WeChat Pay answered with an error (code and message printed)",
      "5:the answer failed signature verification and was discarded",
      "6:network failure (connection, timeout); the outcome may be unknown",
      "7:the verified answer (or notification) could not be read; the outcome is unknown",
      "8:the platform certificates were refused (the APIv3 key is wrong, a certificate was altered, has"
          + " another serial or expired, the list is signed by an untrusted key) or there are none (the"
          + " merchant uses the WeChat Pay public key); nothing was written"
    })
public final class PayScoreCli implements Runnable {
  /** The commands that call WeChat Pay, or the embedded sandbox without credentials. */
  private static final java.util.List<String> API_COMMANDS =
      java.util.Arrays.asList("create", "query", "complete", "cancel", "sync", "refund", "refund-query",
          "user-state");
  /** The options that give credentials (any one of them means no sandbox). */
  private static final String[] CREDENTIALS =
      {"--mchid", "--serial", "--private-key", "--wechatpay-public-key-id", "--wechatpay-public-key"};

  /** The subcommands, in the order the help lists them. */
  private static final Class<?>[] COMMANDS = {
    CreateCommand.class, QueryCommand.class, CompleteCommand.class, CancelCommand.class,
    SyncCommand.class, RefundCommand.class, RefundQueryCommand.class, UserStateCommand.class,
    NotifyParseCommand.class, CertificatesCommand.class, SandboxCommand.class
  };

  /** Environment and streams of one run, so that tests can run the CLI in-process. */
  static final class Io {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
      this.in = in;
      this.out = out;
      this.err = err;
      this.env = env;
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the CLI with the process's streams and environment, and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new Io(System.in, System.out, System.err, System.getenv())));
  }

  static int run(String[] args, Io io) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli would print, without building the command model first.
      io.out.println(version());
      io.out.flush();
      return ExitCode.OK;
    }
    if (startsSandbox(args, io.env)) {
      // The embedded sandbox will need two throwaway RSA-2048 key pairs (100-300 ms each): they are
      // made side by side while the command line is parsed and the body read and checked.
      KeyPairs.prefetchRsa(2);
    }
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (ApiCommand.class.isAssignableFrom(type) || type == SandboxCommand.class) {
          return type.cast(type.getDeclaredConstructor(PayScoreCli.Io.class).newInstance(io));
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
    CommandLine commandLine = new CommandLine(new PayScoreCli(), factory);
    // picocli reads every option of a command when it is added: when the first argument names a
    // command, only that one is added; otherwise (help, a mistyped command) all of them are.
    boolean named = false;
    for (Class<?> command : COMMANDS) {
      named |= args.length > 0 && args[0].equals(name(command));
    }
    for (Class<?> command : COMMANDS) {
      if (!named || args[0].equals(name(command))) {
        commandLine.addSubcommand(name(command), new CommandLine(command, factory));
      }
    }
    commandLine.setOut(new PrintWriter(io.out, true));
    commandLine.setErr(new PrintWriter(io.err, true));
    commandLine.setDefaultValueProvider(
        option -> {
          String variable = null;
          if (option instanceof CommandLine.Model.OptionSpec) {
            variable = Environment.variableFor(((CommandLine.Model.OptionSpec) option).longestName());
          }
          return variable == null ? null : io.env.get(variable);
        });
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          io.err.println("payscore: unexpected failure: " + exception);
          exception.printStackTrace(io.err);
          return ExitCode.UNEXPECTED;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Whether this run will most likely start the embedded sandbox with RSA keys: an API command and no
   * credential given as an option or in the environment, no {@code sm2}, no help. Read before picocli
   * parses anything, so that the sandbox's keys can be started early; a wrong guess costs CPU only.
   */
  static boolean startsSandbox(String[] args, Map<String, String> env) {
    if (args.length == 0 || !API_COMMANDS.contains(args[0])) {
      return false;
    }
    for (String arg : args) {
      if (arg.equalsIgnoreCase("sm2") || arg.equalsIgnoreCase("--scheme=sm2") || arg.equals("-h")
          || arg.equals("--help")) {
        return false;
      }
      for (String credential : CREDENTIALS) {
        if (arg.equals(credential) || arg.startsWith(credential + "=")) {
          return false;
        }
      }
    }
    for (String credential : CREDENTIALS) {
      String value = env.get(Environment.variableFor(credential));
      if (value != null && !value.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** The version line, from the library's resources: {@code payscore 0.1.0}. */
  static String version() {
    java.util.Properties properties = new java.util.Properties();
    try (InputStream in = PayScoreCli.class.getResourceAsStream("/dev/payscore/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (java.io.IOException e) {
      // reported as unknown below
    }
    return "payscore " + properties.getProperty("version", "unknown");
  }

  /** Gives picocli the version line. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {version()};
    }
  }
}
