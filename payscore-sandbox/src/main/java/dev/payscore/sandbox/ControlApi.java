package dev.payscore.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's control API and console under {@link #PREFIX}, described by {@code
 * openapi/payscore-sandbox-control.yaml}: list and seed orders, play the user (accept, pay, let expire),
 * resend a notification, queue faults, read the request log, reset. Not WeChat Pay's API, so not signed,
 * but guarded: the server listens on 127.0.0.1 only, the {@code Host} must name this machine, every API
 * call needs the per-run token in {@link #TOKEN_HEADER} (403 otherwise), and a {@code POST} needs a
 * JSON content type (415 otherwise), so that a page of another origin cannot drive it: it gets no CORS
 * headers and cannot send the token header without a preflight, which is refused. The console's own
 * files (HTML, CSS, script) hold no data and are served without the token; the page reads the token from
 * its URL's fragment, which browsers never send. Thread-safe.
 */
final class ControlApi implements LoopbackHttpServer.Handler {
  /** The prefix of every control path; WeChat Pay's paths all start with {@code /v3/}. */
  static final String PREFIX = "/_sandbox/";
  static final String TOKEN_HEADER = "X-Sandbox-Token";
  private static final String API = PREFIX + "api/";

  private final PayScoreSandbox sandbox;
  private final OrderBook book;
  private final RequestHistory history;
  private final byte[] token;
  private final ConsoleFiles files = new ConsoleFiles();
  private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);

  ControlApi(PayScoreSandbox sandbox, OrderBook book, RequestHistory history, String token) {
    this.sandbox = sandbox;
    this.book = book;
    this.history = history;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a request target is the control API's (or the console's). */
  static boolean isControl(String target) {
    return target.startsWith(PREFIX) || target.equals("/_sandbox") || target.startsWith("/_sandbox?");
  }

  /** A refusal: its status, code and message become the JSON answer. */
  private static final class Refused extends Exception {
    final int status;
    final String code;

    Refused(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  public void handle(LoopbackHttpServer.Exchange exchange) throws IOException {
    String path = exchange.target;
    String query = "";
    int mark = path.indexOf('?');
    if (mark >= 0) {
      query = path.substring(mark + 1);
      path = path.substring(0, mark);
    }
    try {
      if (!localHost(HttpRequestReader.find(exchange.headers, "Host"))) {
        throw new Refused(403, "FORBIDDEN", "Host must be 127.0.0.1 or localhost");
      }
      if (!path.startsWith(API)) {
        serveFile(exchange, path);
        return;
      }
      String given = HttpRequestReader.find(exchange.headers, TOKEN_HEADER);
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        throw new Refused(403, "FORBIDDEN", "the " + TOKEN_HEADER + " header must carry this run's control token");
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (exchange.method.equals("POST")) {
        body = jsonBody(exchange);
      } else if (!exchange.method.equals("GET")) {
        throw new Refused(405, "METHOD_NOT_ALLOWED", "only GET and POST");
      }
      answer(exchange, 200, route(exchange.method, path.substring(API.length()), query, body));
    } catch (Refused refused) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", refused.code);
      error.put("message", refused.getMessage());
      answer(exchange, refused.status, json.toJson(error));
    }
  }

  private String route(String method, String path, String query, Map<String, Object> body) throws Refused {
    boolean get = method.equals("GET");
    if (path.equals("orders")) {
      return get ? "{\"orders\":[" + String.join(",", book.viewsJson()) + "]}" : seed(body);
    } else if (path.equals("requests") && get) {
      return requests(query);
    } else if (path.equals("faults") && !get) {
      return fault(body);
    } else if (path.equals("reset") && !get) {
      sandbox.reset();
      return "{}";
    } else if (path.equals("info") && get) {
      return info();
    }
    String[] parts = path.split("/", -1);
    if (parts.length == 3 && parts[0].equals("orders") && !get) {
      return act(decode(parts[1]), parts[2]);
    }
    throw new Refused(404, "NOT_FOUND", "no control call " + method + " " + API + path);
  }

  private String act(String outOrderNo, String action) throws Refused {
    if (book.snapshot(outOrderNo) == null) {
      throw new Refused(404, "ORDER_NOT_EXIST", "no order " + outOrderNo);
    }
    try {
      switch (action) {
        case "accept":
          sandbox.acceptOrder(outOrderNo);
          break;
        case "pay":
          sandbox.userPays(outOrderNo);
          break;
        case "expire":
          sandbox.expireOrder(outOrderNo);
          break;
        case "notify":
          Map<String, Object> sent = new LinkedHashMap<>();
          sent.put("event_type", sandbox.notificationFor(outOrderNo));
          sent.put("receiver_status", (long) sandbox.resendNotification(outOrderNo));
          return json.toJson(sent);
        default:
          throw new Refused(404, "NOT_FOUND", "no control call POST " + API + "orders/{out_order_no}/" + action);
      }
    } catch (IllegalStateException e) {
      throw new Refused(409, "INVALID_STATE", e.getMessage());
    } catch (IOException e) {
      throw new Refused(502, "NOTIFY_FAILED", "the notify URL cannot be reached: " + e.getClass().getSimpleName());
    }
    return book.viewJson(outOrderNo);
  }

  private String seed(Map<String, Object> body) throws Refused {
    String outOrderNo = text(body, "out_order_no", true);
    String ticket = text(body, "finish_ticket", false);
    try {
      if (ticket == null) {
        sandbox.createOrder(outOrderNo, text(body, "appid", true), text(body, "service_id", true));
      } else {
        sandbox.createOrder(outOrderNo, text(body, "appid", true), text(body, "service_id", true), ticket);
      }
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "PARAM_ERROR", e.getMessage());
    } catch (IllegalStateException e) {
      throw new Refused(409, "ORDER_EXISTS", e.getMessage());
    }
    return book.viewJson(outOrderNo);
  }

  private String fault(Map<String, Object> body) throws Refused {
    String name = text(body, "fault", true);
    Object millis = body.get("millis");
    if (millis != null && !(millis instanceof Double && (Double) millis == Math.rint((Double) millis))) {
      throw new Refused(400, "PARAM_ERROR", "millis: must be a whole number");
    }
    try {
      Fault fault = Fault.named(name, millis == null ? 0 : ((Double) millis).longValue());
      sandbox.injectFaults(fault);
      Map<String, Object> queued = new LinkedHashMap<>();
      queued.put("fault", fault.toString());
      return json.toJson(queued);
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "PARAM_ERROR", e.getMessage());
    }
  }

  private String requests(String query) throws Refused {
    long after = 0;
    if (query.startsWith("after=")) {
      try {
        after = Long.parseLong(query.substring("after=".length()));
      } catch (NumberFormatException e) {
        throw new Refused(400, "PARAM_ERROR", "after: must be a whole number");
      }
    } else if (!query.isEmpty()) {
      throw new Refused(400, "PARAM_ERROR", "the only query parameter is after");
    }
    List<Object> list = new ArrayList<>();
    for (RequestHistory.Entry entry : history.entriesAfter(after)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("sequence", entry.sequence);
      item.put("method", entry.request.method());
      item.put("path", entry.request.target());
      item.put("status", (long) entry.status);
      item.put("request_id", entry.requestId);
      item.put("signature_verified", entry.signatureVerified);
      item.put("body", entry.request.bodyUtf8());
      item.put("body_truncated", entry.request.bodyTruncated());
      list.add(item);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("count", history.count());
    page.put("requests", list);
    return json.toJson(page);
  }

  private String info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("url", sandbox.url());
    info.put("mchid", sandbox.merchantId());
    info.put("merchant_name", sandbox.merchantName());
    String notifyUrl = sandbox.notifyUrl();
    info.put("notify_url", notifyUrl);
    info.put("faults", Fault.names());
    return json.serializeNulls().toJson(info);
  }

  private Map<String, Object> jsonBody(LoopbackHttpServer.Exchange exchange) throws Refused {
    String type = HttpRequestReader.find(exchange.headers, "Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new Refused(415, "UNSUPPORTED_MEDIA_TYPE", "a control POST needs Content-Type: application/json");
    }
    String text = new String(exchange.body, StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      return new LinkedHashMap<>();
    }
    Object value;
    try {
      value = json.fromJson(text);
    } catch (IOException | JsonDataException e) {
      throw new Refused(400, "PARAM_ERROR", "the body is not JSON");
    }
    if (!(value instanceof Map)) {
      throw new Refused(400, "PARAM_ERROR", "the body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  private static @Nullable String text(Map<String, Object> body, String field, boolean required) throws Refused {
    Object value = body.get(field);
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String) || ((String) value).isEmpty()) {
      throw new Refused(400, "PARAM_ERROR", field + ": must be a non-empty string");
    }
    return (String) value;
  }

  private static String decode(String segment) throws Refused {
    try {
      String decoded = URLDecoder.decode(segment.replace("+", "%2B"), "UTF-8");
      if (decoded.isEmpty()) {
        throw new Refused(404, "ORDER_NOT_EXIST", "no order number in the path");
      }
      return decoded;
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      throw new Refused(400, "PARAM_ERROR", "out_order_no: not a well-encoded path segment");
    }
  }

  private static boolean localHost(@Nullable String host) {
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host : host.split(":", 2)[0];
    return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost");
  }

  private void serveFile(LoopbackHttpServer.Exchange exchange, String path) throws IOException, Refused {
    if (!exchange.method.equals("GET")) {
      throw new Refused(405, "METHOD_NOT_ALLOWED", "the console's files are read with GET");
    }
    String name = path.equals("/_sandbox") || path.equals(PREFIX) ? "index.html" : path.substring(PREFIX.length());
    ConsoleFiles.File file = files.get(name);
    if (file == null) {
      throw new Refused(404, "NOT_FOUND", "no console file " + path);
    }
    exchange.respond(200, headers(file.contentType, file.bytes.length), file.bytes, -1);
  }

  private static void answer(LoopbackHttpServer.Exchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.respond(status, headers("application/json; charset=utf-8", bytes.length), bytes, -1);
  }

  private static List<String[]> headers(String contentType, int length) {
    return new ArrayList<>(Arrays.asList(
        new String[] {"Content-Type", contentType},
        new String[] {"Content-Length", Integer.toString(length)},
        new String[] {"Cache-Control", "no-store"},
        new String[] {"X-Content-Type-Options", "nosniff"},
        new String[] {"X-Frame-Options", "DENY"},
        new String[] {"Referrer-Policy", "no-referrer"},
        new String[] {"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"}));
  }

}
