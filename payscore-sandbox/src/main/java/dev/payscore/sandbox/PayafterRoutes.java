package dev.payscore.sandbox;

import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.UserServiceState;
import dev.payscore.model.SyncPayafterOrderRequest;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Routes a request to its call (the pay-after orders, the user service state, refunds), checking on the
 * way what WeChat Pay checks, in its order: the route (404 {@code NOT_FOUND}); {@code Accept} and {@code
 * User-Agent} (400 {@code INVALID_REQUEST}); the signature (401 {@code SIGN_ERROR}); the body and query
 * (400 {@code PARAM_ERROR}); then the order's or refund's rules.
 */
final class PayafterRoutes {
  private static final String COLLECTION = "/v3/payscore/payafter-orders";
  private static final String USER_SERVICE_STATE = "/v3/payscore/user-service-state";
  private static final String REFUNDS = "/v3/refund/domestic/refunds";

  /** The answer to a request, and whether its signature verified. */
  static final class Outcome {
    final Answer answer;
    final boolean signatureVerified;

    Outcome(Answer answer, boolean signatureVerified) {
      this.answer = answer;
      this.signatureVerified = signatureVerified;
    }
  }

  private final SandboxKeys keys;
  private final RequestAuthenticator authenticator;
  private final RequestBodyReader bodies;
  private final OrderBook book;
  private final RefundBook refunds;
  private final UserServiceStates userStates;
  private final Answers answers;

  PayafterRoutes(SandboxKeys keys, RequestAuthenticator authenticator, RequestBodyReader bodies, OrderBook book,
      RefundBook refunds, UserServiceStates userStates, Answers answers) {
    this.keys = keys;
    this.authenticator = authenticator;
    this.bodies = bodies;
    this.book = book;
    this.refunds = refunds;
    this.userStates = userStates;
    this.answers = answers;
  }

  Outcome route(SandboxRequest request) {
    String path = request.target();
    String query = "";
    int mark = path.indexOf('?');
    if (mark >= 0) {
      query = path.substring(mark + 1);
      path = path.substring(0, mark);
    }
    String method = request.method();
    boolean collection = path.equals(COLLECTION);
    String[] action = collection ? null : action(path);
    boolean createRefund = path.equals(REFUNDS) && method.equals("POST");
    String refundNo = method.equals("GET") ? refundNumber(path) : null;
    boolean userState = path.equals(USER_SERVICE_STATE) && method.equals("GET");
    if (!(collection && (method.equals("POST") || method.equals("GET")))
        && !(action != null && method.equals("POST")) && !createRefund && refundNo == null && !userState) {
      return new Outcome(answers.error(404, "NOT_FOUND", "请求的资源不存在: " + method + " " + path, null), false);
    }
    if (isBlank(request.header("Accept")) || isBlank(request.header("User-Agent"))) {
      return new Outcome(answers.invalidRequest("Http头缺少Accept或User-Agent"), false);
    }
    String signatureProblem = authenticator.problem(request);
    if (signatureProblem != null) {
      return new Outcome(answers.error(401, "SIGN_ERROR", "签名错误: " + signatureProblem, null), false);
    }
    Answer answer;
    try {
      if (createRefund) {
        answer = refunds.create(bodies.read(request, CreateRefundRequest.class));
      } else if (refundNo != null) {
        answer = refunds.query(decode(refundNo));
      } else if (userState) {
        answer = userState(query);
      } else if (collection) {
        answer = method.equals("GET") ? query(query) : create(request);
      } else {
        answer = act(decode(action[0]), action[1], request);
      }
    } catch (Refused refused) {
      answer = refused.answer;
    }
    return new Outcome(answer, true);
  }

  /**
   * Matches {@code /v3/payscore/payafter-orders/{out_order_no}/{complete|cancel|sync}}.
   *
   * @return the raw order number and the verb, or {@code null}
   */
  static String @Nullable [] action(String path) {
    if (!path.startsWith(COLLECTION + "/")) {
      return null;
    }
    int start = COLLECTION.length() + 1;
    int slash = path.indexOf('/', start);
    if (slash <= start || path.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    String verb = path.substring(slash + 1);
    if (!verb.equals("complete") && !verb.equals("cancel") && !verb.equals("sync")) {
      return null;
    }
    return new String[] {path.substring(start, slash), verb};
  }

  /**
   * Matches {@code /v3/refund/domestic/refunds/{out_refund_no}}.
   *
   * @return the raw refund number, or {@code null}
   */
  static @Nullable String refundNumber(String path) {
    if (!path.startsWith(REFUNDS + "/")) {
      return null;
    }
    String number = path.substring(REFUNDS.length() + 1);
    return number.isEmpty() || number.indexOf('/') >= 0 ? null : number;
  }

  private Answer act(String outOrderNo, String verb, SandboxRequest request) throws Refused {
    switch (verb) {
      case "complete":
        return book.complete(outOrderNo, bodies.read(request, CompletePayafterOrderRequest.class));
      case "cancel":
        return book.cancel(outOrderNo, bodies.read(request, CancelPayafterOrderRequest.class));
      default:
        return book.sync(outOrderNo, bodies.read(request, SyncPayafterOrderRequest.class));
    }
  }

  private Answer create(SandboxRequest request) throws Refused {
    String serial = request.header("Wechatpay-Serial");
    java.security.PrivateKey fieldKey = keys.fieldKey(serial);
    if (fieldKey == null) {
      return answers.invalidRequest(
          "Wechatpay-Serial must name the WeChat Pay key the personal fields are encrypted with");
    }
    CreatePayafterOrderRequest body = bodies.read(request, CreatePayafterOrderRequest.class);
    String[] names = {"name", "phone", "userid", "address"};
    String[] values = {body.getName(), body.getPhone(), body.getUserid(), body.getAddress()};
    String[] plain = new String[4];
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        plain[i] = SandboxKeys.decryptField(fieldKey, values[i]);
        if (plain[i] == null) {
          return answers.paramError("/" + names[i], "not RSA-OAEP ciphertext under " + serial);
        }
      }
    }
    // RSA-OAEP is randomised: compare repeats by their plaintext, not their ciphertext.
    return book.create(body.newBuilder().name(plain[0]).phone(plain[1]).userid(plain[2]).address(plain[3]).build());
  }

  private Answer userState(String query) {
    Map<String, String> params = params(query);
    for (String name : new String[] {"service_id", "appid", "openid"}) {
      if (isBlank(params.get(name))) {
        return answers.paramError(name, "required", "query");
      }
    }
    return answers.ok(UserServiceState.class,
        userStates.answer(params.get("appid"), params.get("service_id"), params.get("openid")));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return params;
  }

  private Answer query(String query) {
    Map<String, String> params = params(query);
    String appid = params.get("appid");
    String serviceId = params.get("service_id");
    if (isBlank(serviceId) || isBlank(appid)) {
      return answers.paramError(isBlank(serviceId) ? "service_id" : "appid", "required", "query");
    }
    String outOrderNo = params.get("out_order_no");
    String queryId = params.get("query_id");
    if ((outOrderNo == null) == (queryId == null)) {
      return answers.paramError("out_order_no", "give exactly one of out_order_no and query_id", "query");
    }
    return book.query(outOrderNo, queryId, appid, serviceId);
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.trim().isEmpty();
  }

  /** Decodes a path segment or query part ({@code +} stays a plus); bad escapes stay as they are. */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
