package dev.payscore.cli;

import dev.payscore.internal.JvmOnly;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.ValidationException;
import dev.payscore.WechatPayApiException;
import dev.payscore.WechatPayResponseException;
import dev.payscore.WechatPaySignatureException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.sandbox.PayScoreSandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore complete}: validates, signs, sends, verifies, prints. */
@Command(
    name = "complete",
    mixinStandardHelpOptions = true,
    description = {
      "Complete a pay-after order (完结先享后付订单): POST /v3/payscore/payafter-orders/{out_order_no}/complete.",
      "The body is checked against the contract before anything is sent, and the answer is verified",
      "before it is printed. With no credentials, runs against the embedded sandbox (the order is seeded)."
    })
@JvmOnly
final class CompleteCommand implements Callable<Integer> {
  private final PayScoreCli.Io io;

  @Option(names = "--out-order-no", required = true, description = "The merchant order number (商户服务订单号).")
  String outOrderNo;

  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/); '-' or absent reads standard input.")
  String request;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL (default https://api.mch.weixin.qq.com/; https://api2.mch.weixin.qq.com/ is the backup). Env PAYSCORE_ENDPOINT.")
  String endpoint;

  @Option(names = "--mchid", description = "Merchant id (商户号). Env PAYSCORE_MCHID.")
  String mchid;

  @Option(names = "--serial", description = "Merchant API certificate serial. Env PAYSCORE_SERIAL.")
  String serial;

  @Option(names = "--private-key", paramLabel = "FILE", description = "apiclient_key.pem. Env PAYSCORE_PRIVATE_KEY.")
  String privateKey;

  @Option(names = "--wechatpay-public-key-id", paramLabel = "PUB_KEY_ID_…",
      description = "WeChat Pay public key id. Env PAYSCORE_WECHATPAY_PUBLIC_KEY_ID.")
  String wechatPayPublicKeyId;

  @Option(names = "--wechatpay-public-key", paramLabel = "FILE",
      description = "WeChat Pay public key, pub_key.pem. Env PAYSCORE_WECHATPAY_PUBLIC_KEY.")
  String wechatPayPublicKey;

  @Option(names = "--verbose", description = "Show the signed request (Authorization redacted), Request-ID, and stack traces.")
  boolean verbose;

  CompleteCommand(PayScoreCli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    List<String> given = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    credential("--mchid", mchid, given, missing);
    credential("--serial", serial, given, missing);
    credential("--private-key", privateKey, given, missing);
    credential("--wechatpay-public-key-id", wechatPayPublicKeyId, given, missing);
    credential("--wechatpay-public-key", wechatPayPublicKey, given, missing);
    if (!given.isEmpty() && !missing.isEmpty()) {
      return fail(ExitCode.USAGE, "credentials are incomplete: also give " + String.join(", ", missing)
          + " (or none of them, to use the embedded sandbox)", null);
    }

    CompletePayafterOrderRequest body;
    try {
      body = readRequest();
    } catch (ValidationException e) {
      return fail(ExitCode.INVALID_REQUEST, "the request breaks the contract: " + e.getMessage(), e);
    } catch (IOException e) {
      return fail(ExitCode.INVALID_REQUEST, "cannot read the request: " + e.getMessage(), e);
    }

    PayScoreSandbox sandbox = null;
    try {
      PayScoreClient.Builder builder;
      if (given.isEmpty()) {
        sandbox = PayScoreSandbox.start();
        if (body.getFinishTicket() != null) {
          sandbox.createOrder(outOrderNo, body.getAppid(), body.getServiceId(), body.getFinishTicket());
        } else {
          sandbox.createOrder(outOrderNo, body.getAppid(), body.getServiceId());
        }
        io.err.println("payscore: no credentials given: using the embedded sandbox at " + sandbox.url()
            + " (order " + outOrderNo + " seeded)");
        builder = sandbox.clientBuilder();
      } else {
        builder = PayScoreClient.builder()
            .merchantId(mchid)
            .merchantSerialNumber(serial)
            .merchantPrivateKey(read(privateKey))
            .wechatPayPublicKey(wechatPayPublicKeyId, read(wechatPayPublicKey));
        if (endpoint != null) {
          builder.baseUrl(endpoint);
        }
      }
      if (verbose) {
        builder.logger(line -> io.err.println("payscore: " + line)).logBodies(true)
            .okHttpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .addNetworkInterceptor(new RequestPrinter(io)).build());
      }
      PayScoreClient client = builder.build();
      CompletePayafterOrderResponse response =
          client.payafterOrders().completePayafterOrder(outOrderNo, body).execute().body();
      io.out.println(pretty(new Moshi.Builder().build().adapter(CompletePayafterOrderResponse.class), response));
      return ExitCode.OK;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    } catch (WechatPayApiException e) {
      return fail(ExitCode.API_ERROR, e.getMessage(), e);
    } catch (WechatPaySignatureException e) {
      return fail(ExitCode.SIGNATURE_FAILURE, e.getMessage(), e);
    } catch (WechatPayResponseException e) {
      return fail(ExitCode.UNREADABLE_RESPONSE, e.getMessage(), e);
    } catch (IOException e) {
      return fail(ExitCode.NETWORK_FAILURE, "network failure: " + e, e);
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  private static void credential(String name, String value, List<String> given, List<String> missing) {
    (value == null || value.isEmpty() ? missing : given).add(name);
  }

  private CompletePayafterOrderRequest readRequest() throws IOException {
    byte[] bytes = request == null || request.equals("-") ? readAll(io.in) : Files.readAllBytes(Paths.get(request));
    String json = new String(bytes, StandardCharsets.UTF_8);
    Moshi moshi = new Moshi.Builder().build();
    Object raw;
    CompletePayafterOrderRequest body;
    try {
      raw = moshi.adapter(Object.class).fromJson(json);
      // failOnUnknown: a field the contract does not know is an error, never silently dropped.
      body = moshi.adapter(CompletePayafterOrderRequest.class).failOnUnknown().fromJson(json);
    } catch (JsonDataException e) {
      throw new ValidationException("CompletePayafterOrderRequest",
          java.util.Collections.singletonList(e.getMessage()));
    } catch (IOException e) {
      throw new IOException("not JSON (" + e.getMessage() + ")", e);
    }
    if (body == null) {
      throw new IOException("the body is null");
    }
    String nullField = firstNull("", raw);
    if (nullField != null) {
      throw new ValidationException("CompletePayafterOrderRequest",
          java.util.Collections.singletonList(nullField + ": null is not allowed (omit the field)"));
    }
    body.validate();
    return body;
  }

  private static String firstNull(String path, Object value) {
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String child = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
        if (entry.getValue() == null) {
          return child;
        }
        String deeper = firstNull(child, entry.getValue());
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        String child = path + "[" + i + "]";
        if (list.get(i) == null) {
          return child;
        }
        String deeper = firstNull(child, list.get(i));
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static String read(String file) {
    try {
      return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private static <T> String pretty(JsonAdapter<T> adapter, T value) {
    return adapter.indent("  ").toJson(value);
  }

  private int fail(int code, String message, Throwable cause) {
    io.err.println("payscore: " + message);
    if (verbose && cause != null) {
      cause.printStackTrace(io.err);
    }
    return code;
  }

  /** Prints the signed request's headers, with the Authorization value redacted. */
  @JvmOnly
  static final class RequestPrinter implements Interceptor {
    private final PayScoreCli.Io io;

    RequestPrinter(PayScoreCli.Io io) {
      this.io = io;
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      io.err.println("payscore: > " + request.method() + " " + request.url().encodedPath());
      for (String name : request.headers().names()) {
        String value = request.header(name);
        if (name.equalsIgnoreCase("Authorization")) {
          int space = value.indexOf(' ');
          value = (space > 0 ? value.substring(0, space) : "") + " [redacted]";
        }
        io.err.println("payscore: > " + name + ": " + value);
      }
      okhttp3.Response response = chain.proceed(request);
      io.err.println("payscore: < HTTP " + response.code() + ", Request-ID: " + response.header("Request-ID"));
      return response;
    }
  }
}
