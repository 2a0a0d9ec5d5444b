package dev.payscore.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.internal.json.StrictJson;
import dev.payscore.model.ValidationException;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.ContractModel;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import retrofit2.Call;

/** The shared machinery of the API commands: read and check a body, call, print, map failures to exit codes. */
abstract class ApiCommand implements Callable<Integer> {
  static final Moshi MOSHI = new Moshi.Builder().add(dev.payscore.model.ModelAdapters.FACTORY).build();
  static final StrictJson STRICT = new StrictJson(MOSHI);

  final PayScoreCli.Io io;

  @Mixin ClientOptions options;

  ApiCommand(PayScoreCli.Io io) {
    this.io = io;
  }

  /** Builds the call; may seed the sandbox first. */
  interface CallFactory<T> {
    Call<T> create(PayScoreClient client) throws IOException;
  }

  @Override
  public final Integer call() {
    List<String> missing = options.missingCredentials();
    if (usesClient() && !missing.isEmpty()) {
      return fail(ExitCode.USAGE, "credentials are incomplete: also give " + String.join(", ", missing)
          + " (or none of them, to use the embedded sandbox)", null);
    }
    if (usesClient() && options.endpoint != null && !options.endpoint.isEmpty() && options.sandboxMode()) {
      return fail(ExitCode.USAGE, "--endpoint (or PAYSCORE_ENDPOINT) needs the credentials: give --mchid, "
          + "--serial, --private-key, --wechatpay-public-key-id and --wechatpay-public-key (without them "
          + "the embedded sandbox answers)", null);
    }
    try {
      return run();
    } catch (Input.InputException e) {
      return fail(e.exitCode, e.getMessage(), e);
    } catch (ValidationException e) {
      return fail(ExitCode.INVALID_REQUEST, "the request breaks the contract: " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    } catch (WechatPayCertificateException e) {
      return fail(ExitCode.CERTIFICATES_REFUSED, e.getMessage(), e);
    } catch (WechatPayApiException e) {
      return fail(ExitCode.API_ERROR, e.getMessage(), e);
    } catch (WechatPaySignatureException e) {
      return fail(ExitCode.SIGNATURE_FAILURE, e.getMessage(), e);
    } catch (WechatPayResponseException | WechatPayNotificationException e) {
      return fail(ExitCode.UNREADABLE_RESPONSE, e.getMessage(), e);
    } catch (IOException e) {
      return fail(ExitCode.NETWORK_FAILURE, "network failure: " + e, e);
    }
  }

  abstract int run() throws IOException;

  /** Whether the command calls WeChat Pay (and so needs all credentials or none). */
  boolean usesClient() {
    return true;
  }

  /** Runs one call on a client (or the seeded sandbox) and prints the verified answer. */
  <T> int execute(Class<T> answerType, ClientOptions.Seed seed, CallFactory<T> factory) throws IOException {
    try (ClientOptions.Connection connection = options.connect(io)) {
      Call<T> call = factory.create(connection.client);
      // Converts the parameters and the body: one that breaks the contract is refused here, before the
      // sandbox is seeded or anything is sent.
      call.request();
      if (connection.sandbox != null) {
        seed.plant(connection.sandbox);
        io.err.println("payscore: no credentials given: using the embedded sandbox at " + connection.sandbox.url());
      }
      T answer = call.execute().body();
      JsonAdapter<T> adapter = MOSHI.adapter(answerType);
      io.out.println(adapter.indent("  ").toJson(answer));
      return ExitCode.OK;
    }
  }

  /**
   * Reads a body from a file (or standard input for null or "-"), at most {@link Input#BODY_LIMIT}
   * bytes, strictly ({@link StrictJson}: UTF-8, no unknown field, no null, no string for a number, ...)
   * and checks it against the contract.
   */
  <T extends ContractModel> T readBody(String file, Class<T> type) {
    byte[] bytes = Input.fileOrStandardInput("--request", file, io.in, Input.BODY_LIMIT,
        ExitCode.INVALID_REQUEST);
    T body;
    try {
      body = STRICT.read(bytes, type);
    } catch (StrictJson.Violation e) {
      throw new ValidationException(type.getSimpleName(), Collections.singletonList(e.getMessage()));
    }
    body.validate();
    return body;
  }

  int fail(int code, String message, Throwable cause) {
    // One line: some messages (the client builder's) list their problems on several.
    io.err.println("payscore: " + String.valueOf(message).replaceAll("\\s*\\R\\s*", " "));
    if (options != null && options.verbose && cause != null) {
      cause.printStackTrace(io.err);
    }
    return code;
  }
}
