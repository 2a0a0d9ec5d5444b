package dev.payscore.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.model.ValidationException;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayNotificationException;
import dev.payscore.exception.WechatPayResponseException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.ContractModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import retrofit2.Call;

/** The shared machinery of the API commands: read and check a body, call, print, map failures to exit codes. */
abstract class ApiCommand implements Callable<Integer> {
  static final Moshi MOSHI = new Moshi.Builder().add(dev.payscore.model.ModelAdapters.FACTORY).build();

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
    try {
      return run();
    } catch (ValidationException e) {
      return fail(ExitCode.INVALID_REQUEST, "the request breaks the contract: " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    } catch (WechatPayApiException e) {
      return fail(ExitCode.API_ERROR, e.getMessage(), e);
    } catch (WechatPaySignatureException e) {
      return fail(ExitCode.SIGNATURE_FAILURE, e.getMessage(), e);
    } catch (WechatPayResponseException | WechatPayNotificationException e) {
      return fail(ExitCode.UNREADABLE_RESPONSE, e.getMessage(), e);
    } catch (BodyException e) {
      return fail(ExitCode.INVALID_REQUEST, e.getMessage(), e);
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
    try (ClientOptions.Connection connection = options.connect(io, seed)) {
      T answer = factory.create(connection.client).execute().body();
      JsonAdapter<T> adapter = MOSHI.adapter(answerType);
      io.out.println(adapter.indent("  ").toJson(answer));
      return ExitCode.OK;
    }
  }

  /** A request body that cannot be read as JSON. */
  static final class BodyException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyException(String message) {
      super(message);
    }
  }

  /**
   * Reads a body from a file (or standard input for null or "-") and checks it against the contract:
   * unknown fields and nulls are errors, never silently dropped.
   */
  <T extends ContractModel> T readBody(String file, Class<T> type) throws IOException {
    byte[] bytes = file == null || file.equals("-") ? readAll(io.in) : Files.readAllBytes(Paths.get(file));
    String json = new String(bytes, StandardCharsets.UTF_8);
    Object raw;
    T body;
    String model = type.getSimpleName();
    try {
      raw = MOSHI.adapter(Object.class).fromJson(json);
      body = MOSHI.adapter(type).failOnUnknown().fromJson(json);
    } catch (JsonDataException e) {
      throw new ValidationException(model, Collections.singletonList(e.getMessage()));
    } catch (IOException e) {
      throw new BodyException("cannot read the request: not JSON (" + e.getMessage() + ")");
    }
    if (body == null) {
      throw new BodyException("cannot read the request: the body is null");
    }
    String nullField = firstNull("", raw);
    if (nullField != null) {
      throw new ValidationException(model,
          Collections.singletonList(nullField + ": null is not allowed (omit the field)"));
    }
    body.validate();
    return body;
  }

  private static String firstNull(String path, Object value) {
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String child = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
        String deeper = entry.getValue() == null ? child : firstNull(child, entry.getValue());
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        String child = path + "[" + i + "]";
        String deeper = list.get(i) == null ? child : firstNull(child, list.get(i));
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  int fail(int code, String message, Throwable cause) {
    io.err.println("payscore: " + message);
    if (options != null && options.verbose && cause != null) {
      cause.printStackTrace(io.err);
    }
    return code;
  }
}
