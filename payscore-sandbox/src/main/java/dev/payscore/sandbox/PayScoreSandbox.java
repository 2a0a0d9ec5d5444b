package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.model.ValidationException;
import dev.payscore.auth.Clock;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.FieldCipher;
import dev.payscore.internal.crypto.KeyPairs;
import dev.payscore.internal.crypto.SignedMessage;
import dev.payscore.internal.crypto.Signatures;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CancelPayafterOrderResponse;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderResponse;
import dev.payscore.model.ErrorDetail;
import dev.payscore.model.ErrorResponse;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.model.SyncPayafterOrderResponse;
import dev.payscore.model.SyncType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An embedded WeChat Pay stand-in on 127.0.0.1 that behaves like WeChat Pay for the pay-after order
 * API: it checks every request's signature over the exact bytes received, its headers and its body
 * against the contract, keeps order state, and signs every answer, errors included. JVM only.
 *
 * <pre>{@code
 * try (PayScoreSandbox sandbox = PayScoreSandbox.start()) {
 *   sandbox.createOrder("ORDER1", "wxd678efh567hg6787", "500001"); // an order the user has accepted
 *   PayScoreClient client = sandbox.clientBuilder().build();     // wired to the sandbox's keys and URL
 *   client.payafterOrders().completePayafterOrder("ORDER1", request).execute();
 * }
 * }</pre>
 *
 * <p>The whole pay-after lifecycle runs there: create (personal fields decrypted with the platform
 * key, see {@link #order}), {@link #acceptOrder} (the user accepting), query, complete, cancel, sync,
 * {@link #userPays}; with {@link #notifyTo} it posts signed, encrypted notifications to a loopback
 * URL. {@link Builder#scheme} runs it in 国密 (SM2) mode.
 *
 * <p>What it checks, in order: the route; {@code Accept} and {@code User-Agent} (400 {@code
 * INVALID_REQUEST}); the Authorization signature, merchant id, serial and a ±300 s timestamp window
 * (401 {@code SIGN_ERROR}); the body against the contract, including unknown and {@code null} fields
 * (400 {@code PARAM_ERROR}, {@code detail.field} a JSON pointer). It also needs {@code finish_type}
 * and {@code total_amount}, and {@code total_amount} 0 with {@code finish_type} 1: the real server's
 * reading, which the contract does not enforce. Then the order: unknown is 404 {@code
 * ORDER_NOT_EXIST}; a different appid or service_id is 400 {@code PARAM_ERROR}; a repeat of a
 * completed order with identical parameters returns the same answer, with different ones 400 {@code
 * PARAM_ERROR}. {@link #injectFaults(Fault...)} spoils answers on demand. Thread-safe.
 */
public final class PayScoreSandbox implements AutoCloseable {
  /** The default window for request timestamps, as for answers. */
  static final long WINDOW_SECONDS = 300;

  private static final String COLLECTION = "/v3/payscore/payafter-orders";
  private static final Pattern ACTION =
      Pattern.compile("/v3/payscore/payafter-orders/([^/?]+)/(complete|cancel|sync)");
  private static final Pattern AUTH_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Moshi moshi = new Moshi.Builder().add(dev.payscore.model.ModelAdapters.FACTORY).build();
  private final JsonAdapter<Object> anyAdapter = moshi.adapter(Object.class);
  private final JsonAdapter<CompletePayafterOrderRequest> completeAdapter =
      moshi.adapter(CompletePayafterOrderRequest.class);
  private final JsonAdapter<CompletePayafterOrderResponse> completeResponseAdapter =
      moshi.adapter(CompletePayafterOrderResponse.class);
  private final JsonAdapter<ErrorResponse> errorAdapter = moshi.adapter(ErrorResponse.class);
  private final JsonAdapter<CreatePayafterOrderRequest> createAdapter =
      moshi.adapter(CreatePayafterOrderRequest.class);
  private final JsonAdapter<CreatePayafterOrderResponse> createResponseAdapter =
      moshi.adapter(CreatePayafterOrderResponse.class);
  private final JsonAdapter<CancelPayafterOrderRequest> cancelAdapter =
      moshi.adapter(CancelPayafterOrderRequest.class);
  private final JsonAdapter<CancelPayafterOrderResponse> cancelResponseAdapter =
      moshi.adapter(CancelPayafterOrderResponse.class);
  private final JsonAdapter<SyncPayafterOrderRequest> syncAdapter =
      moshi.adapter(SyncPayafterOrderRequest.class);
  private final JsonAdapter<SyncPayafterOrderResponse> syncResponseAdapter =
      moshi.adapter(SyncPayafterOrderResponse.class);
  private final JsonAdapter<PayafterOrder> orderAdapter = moshi.adapter(PayafterOrder.class);

  private final String merchantId;
  private final String merchantSerialNumber;
  private final PublicKey merchantPublicKey;
  private final @Nullable PrivateKey merchantPrivateKey;
  private final String wechatPayPublicKeyId;
  private final KeyPair wechatPayKeys;
  private final Clock clock;
  private final SignatureScheme scheme;
  private final Signatures.Signer answerSigner;
  private final Signatures.Verifier requestVerifier;
  private final LoopbackHttpServer server;
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final List<SandboxRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private final PayScoreNotificationSender notifier;
  private volatile @Nullable String notifyUrl;

  private PayScoreSandbox(Builder builder) throws IOException {
    this.merchantId = builder.merchantId;
    this.scheme = builder.scheme;
    if (builder.merchantPublicKey != null) {
      this.merchantSerialNumber = requireNonNull(builder.merchantSerialNumber);
      this.merchantPublicKey = builder.merchantPublicKey;
      this.merchantPrivateKey = null;
    } else {
      KeyPair merchant = KeyPairs.generate(scheme == SignatureScheme.SM2);
      this.merchantSerialNumber = randomDigits(40, true);
      this.merchantPublicKey = merchant.getPublic();
      this.merchantPrivateKey = merchant.getPrivate();
    }
    this.wechatPayKeys = KeyPairs.generate(scheme == SignatureScheme.SM2);
    this.answerSigner = Signatures.signer(wechatPayKeys.getPrivate(), null);
    this.requestVerifier = Signatures.verifier(merchantPublicKey, null);
    this.wechatPayPublicKeyId = builder.wechatPayPublicKeyId != null
        ? builder.wechatPayPublicKeyId : "PUB_KEY_ID_" + randomDigits(34, false);
    this.clock = builder.clock;
    this.notifier = new PayScoreNotificationSender(wechatPayKeys.getPrivate(), wechatPayPublicKeyId, clock, scheme);
    this.server = new LoopbackHttpServer(builder.port, this::handle);
  }

  /**
   * Starts a sandbox on a free port with freshly generated keys.
   *
   * @return the running sandbox; close it when done
   */
  public static PayScoreSandbox start() {
    return builder().start();
  }

  /**
   * Returns a builder, to set the merchant's own public key, a port or a clock.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the base URL to point a client at.
   *
   * @return e.g. {@code http://127.0.0.1:52341/}
   */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /**
   * Returns a client builder wired to this sandbox: its URL, merchant id and serial, WeChat Pay public
   * key and clock, and the merchant private key when the sandbox generated it.
   *
   * @return a builder; call {@code build()} (after {@code merchantPrivateKey} if you gave your own key)
   */
  public PayScoreClient.Builder clientBuilder() {
    PayScoreClient.Builder builder =
        PayScoreClient.builder()
            .merchantId(merchantId)
            .merchantSerialNumber(merchantSerialNumber)
            .wechatPayPublicKey(wechatPayPublicKeyId, wechatPayKeys.getPublic())
            .baseUrl(url())
            .clock(clock)
            .signatureScheme(scheme);
    if (merchantPrivateKey != null) {
      builder.merchantPrivateKey(merchantPrivateKey);
    }
    return builder;
  }

  /**
   * Creates an order the user has accepted ({@code USER_ACCEPTED}), ready to be completed, as if it
   * had been created through the API and accepted by the user.
   *
   * @param outOrderNo the merchant order number
   * @param appid the appid the order was created with
   * @param serviceId the Pay Score service id
   * @return the finish ticket issued for it (what a query returns as {@code finish_ticket})
   */
  public String createOrder(String outOrderNo, String appid, String serviceId) {
    Order order = newOrder(outOrderNo, appid, serviceId);
    synchronized (order) {
      return order.issueTicket();
    }
  }

  /**
   * Creates an accepted order with a given finish ticket (for request files that carry one).
   *
   * @param outOrderNo the merchant order number
   * @param appid the appid
   * @param serviceId the service id
   * @param finishTicket the ticket complete must carry
   */
  public void createOrder(String outOrderNo, String appid, String serviceId, String finishTicket) {
    Order order = newOrder(outOrderNo, appid, serviceId);
    synchronized (order) {
      order.finishTickets.add(requireNonNull(finishTicket, "finishTicket == null"));
    }
  }

  private Order newOrder(String outOrderNo, String appid, String serviceId) {
    Order order = new Order(requireNonNull(outOrderNo, "outOrderNo == null"),
        requireNonNull(appid, "appid == null"), requireNonNull(serviceId, "serviceId == null"), newOrderId());
    if (orders.putIfAbsent(outOrderNo, order) != null) {
      throw new IllegalStateException("order " + outOrderNo + " exists already");
    }
    return order;
  }

  /**
   * Plays the user accepting a created order in WeChat: {@code CREATED} becomes {@code USER_ACCEPTED},
   * a finish ticket is issued, and {@code PAYSCORE.USER_ACCEPTED} is sent to {@link #notifyTo} if set.
   *
   * @param outOrderNo the merchant order number
   * @return the finish ticket
   * @throws IllegalStateException when there is no such order, or it is not {@code CREATED}
   */
  public String acceptOrder(String outOrderNo) {
    Order order = existing(outOrderNo);
    String ticket;
    synchronized (order) {
      if (!"CREATED".equals(order.state)) {
        throw new IllegalStateException("order " + outOrderNo + " is " + order.state + ", not CREATED");
      }
      order.state = "USER_ACCEPTED";
      ticket = order.issueTicket();
    }
    notifyIfWanted(PayScoreNotificationSender.USER_ACCEPTED, order);
    return ticket;
  }

  /**
   * Plays WeChat Pay collecting a completed order: {@code FINISHED} becomes {@code USER_PAID}, and
   * {@code PAYSCORE.USER_PAID} is sent to {@link #notifyTo} if set.
   *
   * @param outOrderNo the merchant order number
   * @throws IllegalStateException when there is no such order, or it is not {@code FINISHED}
   */
  public void userPays(String outOrderNo) {
    Order order = existing(outOrderNo);
    synchronized (order) {
      if (!"FINISHED".equals(order.state)) {
        throw new IllegalStateException("order " + outOrderNo + " is " + order.state + ", not FINISHED");
      }
      order.state = "USER_PAID";
      order.paySuccTime = new java.text.SimpleDateFormat("yyyyMMddHHmmss", Locale.ROOT)
          .format(new java.util.Date(clock.epochSeconds() * 1000L));
    }
    notifyIfWanted(PayScoreNotificationSender.USER_PAID, order);
  }

  /**
   * Sends signed, AES-GCM encrypted notifications of later events to a URL on this machine.
   *
   * @param url an {@code http://127.0.0.1:…} or {@code http://localhost:…} URL, or {@code null} to stop
   */
  public void notifyTo(@Nullable String url) {
    if (url != null) {
      PayScoreNotificationSender.requireLoopback(url);
    }
    this.notifyUrl = url;
  }

  /**
   * Sends one notification about an order now, whatever its state.
   *
   * @param url the loopback URL to post to
   * @param eventType e.g. {@code PAYSCORE.USER_ACCEPTED}
   * @param outOrderNo the order
   * @return the HTTP status the receiver answered
   * @throws IOException when the receiver cannot be reached
   */
  public int sendNotification(String url, String eventType, String outOrderNo) throws IOException {
    Order order = existing(outOrderNo);
    String resource;
    synchronized (order) {
      resource = orderAdapter.toJson(view(order));
    }
    return notifier.send(url, eventType, resource);
  }

  /**
   * Returns the APIv3 key the sandbox encrypts notifications with (32 characters).
   *
   * @return the key to give {@code NotificationParser}
   */
  public String apiV3Key() {
    return notifier.apiV3Key();
  }

  private void notifyIfWanted(String eventType, Order order) {
    String url = notifyUrl;
    if (url == null) {
      return;
    }
    try {
      sendNotification(url, eventType, order.outOrderNo);
    } catch (IOException e) {
      // WeChat Pay would retry later; the sandbox records nothing and goes on.
    }
  }

  private Order existing(String outOrderNo) {
    Order order = orders.get(requireNonNull(outOrderNo, "outOrderNo == null"));
    if (order == null) {
      throw new IllegalStateException("no order " + outOrderNo);
    }
    return order;
  }

  /**
   * Returns a snapshot of an order.
   *
   * @param outOrderNo the merchant order number
   * @return the order, or {@code null} when there is none
   */
  public @Nullable SandboxOrder order(String outOrderNo) {
    Order order = orders.get(outOrderNo);
    if (order == null) {
      return null;
    }
    synchronized (order) {
      return order.snapshot();
    }
  }

  /**
   * Returns the state of an order.
   *
   * @param outOrderNo the merchant order number
   * @return e.g. {@code USER_ACCEPTED} or {@code FINISHED}, or {@code null} when there is no such order
   */
  public @Nullable String orderState(String outOrderNo) {
    SandboxOrder order = order(outOrderNo);
    return order == null ? null : order.state();
  }

  /**
   * Queues faults; each spoils the answer to one request, in order.
   *
   * @param faults the faults
   */
  public void injectFaults(Fault... faults) {
    for (Fault fault : faults) {
      this.faults.add(requireNonNull(fault, "fault == null"));
    }
  }

  /**
   * Returns the requests received so far, in order.
   *
   * @return a snapshot
   */
  public List<SandboxRequest> requests() {
    return new ArrayList<>(requests);
  }

  /**
   * Returns how many requests were received.
   *
   * @return the count
   */
  public int requestCount() {
    return requests.size();
  }

  /**
   * Returns the merchant id the sandbox expects.
   *
   * @return digits
   */
  public String merchantId() {
    return merchantId;
  }

  /**
   * Returns the merchant certificate serial the sandbox expects.
   *
   * @return upper-case hex
   */
  public String merchantSerialNumber() {
    return merchantSerialNumber;
  }

  /**
   * Returns the merchant private key the sandbox generated (a throwaway test key).
   *
   * @return the key
   * @throws IllegalStateException when the sandbox was given the merchant's own public key
   */
  public PrivateKey merchantPrivateKey() {
    if (merchantPrivateKey == null) {
      throw new IllegalStateException("the sandbox uses the merchant's own key; it has no private key");
    }
    return merchantPrivateKey;
  }

  /**
   * Returns the id of the sandbox's WeChat Pay public key.
   *
   * @return {@code PUB_KEY_ID_} and 34 digits
   */
  public String wechatPayPublicKeyId() {
    return wechatPayPublicKeyId;
  }

  /**
   * Returns the sandbox's WeChat Pay public key, which verifies its answers.
   *
   * @return the key
   */
  public PublicKey wechatPayPublicKey() {
    return wechatPayKeys.getPublic();
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "PayScoreSandbox{" + url() + ", mchid=" + merchantId + "}";
  }

  // ---------------------------------------------------------------------------------------------

  private void handle(LoopbackHttpServer.Exchange exchange) throws IOException {
    SandboxRequest request =
        new SandboxRequest(exchange.method, exchange.target, exchange.headers, exchange.body);
    requests.add(request);
    Fault fault = faults.poll();
    Fault.Kind kind = fault == null ? null : fault.kind;
    if (kind == Fault.Kind.DROP_CONNECTION) {
      exchange.drop();
      return;
    }
    Answer answer;
    if (kind == Fault.Kind.SYSTEM_ERROR) {
      answer = error(500, "SYSTEM_ERROR", "系统繁忙,请稍后重试", null);
    } else if (kind == Fault.Kind.TOO_MANY_REQUESTS) {
      answer = error(429, "FREQUENCY_LIMITED", "频率超限,请降低请求接口频率", null);
    } else if (kind == Fault.Kind.BAD_GATEWAY_HTML) {
      answer = new Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
      answer.contentType = "text/html";
      answer.signed = false;
    } else {
      answer = process(request);
    }
    if (kind == Fault.Kind.DELAY) {
      try {
        Thread.sleep(fault.millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.drop();
        return;
      }
    }
    write(exchange, answer, kind);
  }

  private void write(LoopbackHttpServer.Exchange exchange, Answer answer, Fault.@Nullable Kind kind)
      throws IOException {
    byte[] body = answer.body;
    if (kind == Fault.Kind.TRUNCATED_BODY) {
      body = java.util.Arrays.copyOf(body, body.length / 2);
    } else if (kind == Fault.Kind.EMPTY_BODY) {
      body = new byte[0];
    } else if (kind == Fault.Kind.WRONG_SHAPE) {
      body = "[]".getBytes(StandardCharsets.UTF_8);
    } else if (kind == Fault.Kind.HUGE_BODY) {
      StringBuilder huge = new StringBuilder(10 * 1024 * 1024 + 16).append("{\"appid\":\"");
      while (huge.length() < 10 * 1024 * 1024) {
        huge.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      }
      body = huge.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", answer.contentType});
    headers.add(new String[] {"Request-ID", answer.requestId});
    if (answer.signed && kind != Fault.Kind.UNSIGNED) {
      long timestamp = clock.epochSeconds();
      if (kind == Fault.Kind.STALE_TIMESTAMP) {
        timestamp -= 600;
      } else if (kind == Fault.Kind.FUTURE_TIMESTAMP) {
        timestamp += 600;
      }
      String nonce = randomDigits(32, true);
      byte[] signature = answerSigner.sign(SignedMessage.answerHead(Long.toString(timestamp), nonce), body, SignedMessage.END);
      String encoded = Base64.getEncoder().encodeToString(signature);
      if (kind == Fault.Kind.WRONG_SIGNATURE) {
        signature[signature.length / 2] ^= 0x55;
        encoded = Base64.getEncoder().encodeToString(signature);
      } else if (kind == Fault.Kind.PROBE_SIGNATURE) {
        encoded = ResponseVerifier.PROBE_PREFIX + encoded;
      }
      headers.add(new String[] {"Wechatpay-Nonce", nonce});
      headers.add(new String[] {"Wechatpay-Signature", encoded});
      if (kind == Fault.Kind.DUPLICATE_HEADERS) {
        signature[0] ^= 0x55;
        headers.add(new String[] {"Wechatpay-Signature", Base64.getEncoder().encodeToString(signature)});
      }
      headers.add(new String[] {"Wechatpay-Timestamp", Long.toString(timestamp)});
      headers.add(new String[] {"Wechatpay-Serial",
          kind == Fault.Kind.UNKNOWN_SERIAL ? "PUB_KEY_ID_0000000000000000000000000000000000" : wechatPayPublicKeyId});
      headers.add(new String[] {"Wechatpay-Signature-Type", scheme.authorizationScheme()});
    }
    headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
    if (kind == Fault.Kind.LOWER_CASE_HEADERS) {
      for (String[] header : headers) {
        header[0] = header[0].toLowerCase(Locale.ROOT);
      }
    }
    exchange.respond(answer.status, headers, body, kind == Fault.Kind.RESET_MID_BODY ? body.length / 2 : -1);
  }

  private Answer process(SandboxRequest request) {
    String path = request.target();
    String query = null;
    int mark = path.indexOf('?');
    if (mark >= 0) {
      query = path.substring(mark + 1);
      path = path.substring(0, mark);
    }
    Matcher action = ACTION.matcher(path);
    boolean collection = path.equals(COLLECTION);
    String method = request.method();
    if (!(collection && (method.equals("POST") || method.equals("GET")))
        && !(action.matches() && method.equals("POST"))) {
      return error(404, "NOT_FOUND", "请求的资源不存在: " + method + " " + path, null);
    }
    if (isBlank(request.header("Accept")) || isBlank(request.header("User-Agent"))) {
      return error(400, "INVALID_REQUEST", "Http头缺少Accept或User-Agent", null);
    }
    String signatureProblem = checkSignature(request);
    if (signatureProblem != null) {
      return error(401, "SIGN_ERROR", "签名错误: " + signatureProblem, null);
    }
    if (collection && method.equals("GET")) {
      return query(query == null ? "" : query);
    }
    if (collection) {
      String serial = request.header("Wechatpay-Serial");
      if (!wechatPayPublicKeyId.equals(serial)) {
        return error(400, "INVALID_REQUEST",
            "Wechatpay-Serial must name the WeChat Pay key the personal fields are encrypted with", null);
      }
      Object parsed = parseBody(request, createAdapter);
      return parsed instanceof Answer ? (Answer) parsed : create((CreatePayafterOrderRequest) parsed);
    }
    String outOrderNo = decodePathSegment(action.group(1));
    String verb = action.group(2);
    if (verb.equals("complete")) {
      Object parsed = parseBody(request, completeAdapter);
      return parsed instanceof Answer ? (Answer) parsed : complete(outOrderNo, (CompletePayafterOrderRequest) parsed);
    }
    if (verb.equals("cancel")) {
      Object parsed = parseBody(request, cancelAdapter);
      return parsed instanceof Answer ? (Answer) parsed : cancel(outOrderNo, (CancelPayafterOrderRequest) parsed);
    }
    Object parsed = parseBody(request, syncAdapter);
    return parsed instanceof Answer ? (Answer) parsed : sync(outOrderNo, (SyncPayafterOrderRequest) parsed);
  }

  private Answer create(CreatePayafterOrderRequest body) {
    String[] personal = new String[4];
    String[] names = {"name", "phone", "userid", "address"};
    String[] values = {body.getName(), body.getPhone(), body.getUserid(), body.getAddress()};
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        personal[i] = decrypt(values[i]);
        if (personal[i] == null) {
          return paramError("/" + names[i], "not RSA-OAEP ciphertext under " + wechatPayPublicKeyId);
        }
      }
    }
    // RSA-OAEP is randomised: compare repeats by their plaintext, not their ciphertext.
    CreatePayafterOrderRequest plain = body.newBuilder()
        .name(personal[0]).phone(personal[1]).userid(personal[2]).address(personal[3]).build();
    Order order = new Order(body.getOutOrderNo(), body.getAppid(), body.getServiceId(), newOrderId());
    order.state = "CREATED";
    order.create = plain;
    order.personal = personal;
    Order existing = orders.putIfAbsent(order.outOrderNo, order);
    if (existing != null) {
      synchronized (existing) {
        if (plain.equals(existing.create)) {
          return createAnswer(existing);
        }
      }
      return error(400, "INVALID_REQUEST", "订单已存在: out_order_no is taken by another order", null);
    }
    return createAnswer(order);
  }

  private Answer createAnswer(Order order) {
    CreatePayafterOrderResponse response = CreatePayafterOrderResponse.builder()
        .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo).serviceId(order.serviceId)
        .orderId(order.orderId).miniprogramBusinesstype("payafterorder")
        .miniprogramAppid("wxd8f3793ea3b935b8").miniprogramPath("pages/use/use")
        .packageValue("sandbox-" + order.orderId).build();
    return new Answer(200, createResponseAdapter.toJson(response));
  }

  private Answer query(String query) {
    Map<String, String> params = new java.util.HashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(decodePathSegment(pair.substring(0, eq)), decodePathSegment(pair.substring(eq + 1)));
      }
    }
    if (isBlank(params.get("service_id")) || isBlank(params.get("appid"))) {
      return paramError(isBlank(params.get("service_id")) ? "service_id" : "appid", "required", "query");
    }
    String outOrderNo = params.get("out_order_no");
    String queryId = params.get("query_id");
    if ((outOrderNo == null) == (queryId == null)) {
      return paramError("out_order_no", "give exactly one of out_order_no and query_id", "query");
    }
    Order order = outOrderNo != null ? orders.get(outOrderNo) : byOrderId(queryId);
    if (order == null) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在", null);
    }
    synchronized (order) {
      if (!order.appid.equals(params.get("appid")) || !order.serviceId.equals(params.get("service_id"))) {
        return error(404, "ORDER_NOT_EXIST", "订单不存在", null);
      }
      return new Answer(200, orderAdapter.toJson(view(order)));
    }
  }

  private Answer complete(String outOrderNo, CompletePayafterOrderRequest body) {
    if (body.getFinishType() == null) {
      return paramError("/finish_type", "finish_type is required");
    }
    if (body.getTotalAmount() == null) {
      return paramError("/total_amount", "total_amount is required");
    }
    if (body.getFinishType() == FinishType.SERVICE_NOT_USED && body.getTotalAmount() != 0L) {
      return paramError("/total_amount", "total_amount must be 0 when finish_type is 1");
    }
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      Answer replayed = replay(order.completion, order.completionAnswer, body, "completed");
      if (replayed != null) {
        return replayed;
      }
      if (!"USER_ACCEPTED".equals(order.state)) {
        return error(400, "INVALID_REQUEST", "当前订单状态不合法: " + order.state, null);
      }
      if (body.getFinishTicket() != null && !order.finishTickets.contains(body.getFinishTicket())) {
        return paramError("/finish_ticket", "校验完结凭证错误: not a ticket this order issued");
      }
      CompletePayafterOrderResponse response = CompletePayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo)
          .serviceId(order.serviceId).orderId(order.orderId).build();
      Answer answer = new Answer(200, completeResponseAdapter.toJson(response));
      order.state = body.getFinishType() == FinishType.SERVICE_NOT_USED ? "REVOKED" : "FINISHED";
      order.completion = body;
      order.completionAnswer = answer;
      return answer;
    });
  }

  private Answer cancel(String outOrderNo, CancelPayafterOrderRequest body) {
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      Answer replayed = replay(order.cancellation, order.cancellationAnswer, body, "cancelled");
      if (replayed != null) {
        return replayed;
      }
      if (!"CREATED".equals(order.state) && !"USER_ACCEPTED".equals(order.state)) {
        return error(400, "INVALID_REQUEST", "当前订单状态不合法: " + order.state, null);
      }
      CancelPayafterOrderResponse response = CancelPayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo)
          .serviceId(order.serviceId).orderId(order.orderId).build();
      Answer answer = new Answer(200, cancelResponseAdapter.toJson(response));
      order.state = "REVOKED";
      order.cancellation = body;
      order.cancellationAnswer = answer;
      return answer;
    });
  }

  private Answer sync(String outOrderNo, SyncPayafterOrderRequest body) {
    if (body.getType() != SyncType.ORDER_PAID) {
      return paramError("/type", "type must be Order_Paid");
    }
    if (body.getDetail() == null || isBlank(body.getDetail().getPaidTime())) {
      return paramError("/detail/paid_time", "paid_time is required");
    }
    return onOrder(outOrderNo, body.getAppid(), body.getServiceId(), order -> {
      if (!"FINISHED".equals(order.state) && !"USER_PAID".equals(order.state)) {
        return error(400, "INVALID_REQUEST", "当前订单状态不合法: " + order.state, null);
      }
      order.state = "USER_PAID";
      order.paySuccTime = body.getDetail().getPaidTime();
      SyncPayafterOrderResponse response = SyncPayafterOrderResponse.builder()
          .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo).orderId(order.orderId).build();
      return new Answer(200, syncResponseAdapter.toJson(response));
    });
  }

  /** What a call does to an order, under the order's lock. */
  private interface OrderAction {
    Answer apply(Order order);
  }

  /** Finds the order (404 otherwise), locks it, checks appid and service_id, then runs the action. */
  private Answer onOrder(String outOrderNo, String appid, String serviceId, OrderAction action) {
    Order order = orders.get(outOrderNo);
    if (order == null) {
      return error(404, "ORDER_NOT_EXIST", "订单不存在", null);
    }
    synchronized (order) {
      Answer mismatch = sameOrder(order, appid, serviceId);
      return mismatch != null ? mismatch : action.apply(order);
    }
  }

  /**
   * A repeat of a call already made on an order: the same answer for identical parameters (with a new
   * Request-ID), PARAM_ERROR for different ones; {@code null} when there was no first call.
   */
  private @Nullable Answer replay(@Nullable Object first, @Nullable Answer firstAnswer, Object repeat, String verb) {
    if (first == null || firstAnswer == null) {
      return null;
    }
    if (repeat.equals(first)) {
      return firstAnswer.copyWithNewRequestId(newRequestId());
    }
    return paramError("/", "订单重入参数校验失败: the order was " + verb + " with other parameters");
  }

  private @Nullable Answer sameOrder(Order order, String appid, String serviceId) {
    if (!order.appid.equals(appid)) {
      return paramError("/appid", "appid differs from the order's");
    }
    if (!order.serviceId.equals(serviceId)) {
      return paramError("/service_id", "service_id differs from the order's");
    }
    return null;
  }

  private @Nullable Order byOrderId(String orderId) {
    for (Order order : orders.values()) {
      if (order.orderId.equals(orderId)) {
        return order;
      }
    }
    return null;
  }

  /** The query view of an order; call with its lock held. */
  private PayafterOrder view(Order order) {
    PayafterOrder.Builder view = PayafterOrder.builder()
        .appid(order.appid).mchid(merchantId).outOrderNo(order.outOrderNo).serviceId(order.serviceId)
        .orderId(order.orderId).state(PayafterOrderState.fromValue(order.state))
        .finishTicket(order.finishTickets.isEmpty() ? null : order.finishTickets.get(order.finishTickets.size() - 1))
        .paySuccTime(order.paySuccTime);
    if (order.create != null) {
      view.serviceStartTime(order.create.getServiceStartTime())
          .serviceIntroduction(order.create.getServiceIntroduction())
          .riskAmount(order.create.getRiskAmount())
          .attach(order.create.getAttach())
          .fees(order.create.getFees());
    }
    if (order.completion != null) {
      view.finishType(order.completion.getFinishType())
          .totalAmount(order.completion.getTotalAmount())
          .fees(order.completion.getFees())
          .discounts(order.completion.getDiscounts())
          .realServiceStartTime(order.completion.getRealServiceStartTime())
          .realServiceEndTime(order.completion.getRealServiceEndTime())
          .realServiceEndLocation(order.completion.getRealServiceEndLocation());
    }
    return view.build();
  }

  private @Nullable String decrypt(String base64) {
    try {
      return new String(FieldCipher.decrypt(wechatPayKeys.getPrivate(), Base64.getDecoder().decode(base64)),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Parses a body with the contract's adapter; returns the value or a 400 {@link Answer}. */
  private Object parseBody(SandboxRequest request, JsonAdapter<?> adapter) {
    String contentType = request.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return error(400, "INVALID_REQUEST", "Content-Type must be application/json", null);
    }
    String json = request.bodyUtf8();
    Object raw;
    Object typed;
    try {
      raw = anyAdapter.fromJson(json);
      typed = adapter.fromJson(json);
    } catch (JsonDataException e) {
      return paramError(pointer(e.getMessage()), "body does not match the contract: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      return paramError("/", "body is not valid JSON");
    }
    if (!(raw instanceof Map) || typed == null) {
      return paramError("/", "body must be a JSON object");
    }
    String unknown = firstUnknown("", raw, toValue(adapter, typed));
    if (unknown != null) {
      return paramError(unknown, "unknown field, or null (APIv3 forbids null)");
    }
    try {
      ((dev.payscore.model.ContractModel) typed).validate();
    } catch (ValidationException e) {
      String violation = e.getViolations().get(0);
      int colon = violation.indexOf(": ");
      return paramError(
          "/" + violation.substring(0, colon).replace("[", ".").replace("]", "").replace('.', '/'),
          violation.substring(colon + 2));
    }
    return typed;
  }

  @SuppressWarnings("unchecked")
  private static Object toValue(JsonAdapter<?> adapter, Object typed) {
    return ((JsonAdapter<Object>) adapter).toJsonValue(typed);
  }

  /** The JSON pointer of the first field in {@code raw} that the typed reading dropped. */
  private static @Nullable String firstUnknown(String path, @Nullable Object raw, @Nullable Object typed) {
    if (raw instanceof Map) {
      Map<?, ?> typedMap = typed instanceof Map ? (Map<?, ?>) typed : null;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) raw).entrySet()) {
        String child = path + "/" + entry.getKey();
        if (typedMap == null || !typedMap.containsKey(entry.getKey())) {
          return child;
        }
        String deeper = firstUnknown(child, entry.getValue(), typedMap.get(entry.getKey()));
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (raw instanceof List && typed instanceof List) {
      List<?> rawList = (List<?>) raw;
      List<?> typedList = (List<?>) typed;
      for (int i = 0; i < rawList.size() && i < typedList.size(); i++) {
        String deeper = firstUnknown(path + "/" + i, rawList.get(i), typedList.get(i));
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  /** The JSON pointer named by a Moshi error: {@code ... at $.fees[0].fee_amount}. */
  private static String pointer(@Nullable String moshiMessage) {
    if (moshiMessage == null || moshiMessage.lastIndexOf('$') < 0) {
      return "/";
    }
    String path = moshiMessage.substring(moshiMessage.lastIndexOf('$') + 1).trim();
    String pointer = path.replace("[", ".").replace("]", "").replace('.', '/');
    Matcher required = Pattern.compile("Required property '([^']+)'").matcher(moshiMessage);
    if (required.find()) {
      pointer = pointer + "/" + required.group(1);
    }
    return pointer.isEmpty() ? "/" : pointer;
  }

  /** Checks the Authorization header as WeChat Pay would; returns the problem or {@code null}. */
  private @Nullable String checkSignature(SandboxRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return "Authorization is missing";
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equals(scheme.authorizationScheme())) {
      return "the scheme must be " + scheme.authorizationScheme();
    }
    Map<String, String> params = new java.util.HashMap<>();
    Matcher m = AUTH_PARAM.matcher(authorization.substring(space + 1));
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    if (!merchantId.equals(params.get("mchid"))) {
      return "mchid does not match";
    }
    if (!merchantSerialNumber.equalsIgnoreCase(String.valueOf(params.get("serial_no")))) {
      return "商户证书序列号有误 (serial_no does not match)";
    }
    String nonce = params.get("nonce_str");
    String timestamp = params.get("timestamp");
    String signature = params.get("signature");
    if (nonce == null || timestamp == null || signature == null) {
      return "nonce_str, timestamp and signature are required";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "timestamp is not a number";
    }
    if (Math.abs(seconds - clock.epochSeconds()) > WINDOW_SECONDS) {
      return "timestamp is outside the window";
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return "the signature does not verify";
    }
    byte[] head = SignedMessage.requestHead(request.method(), request.target(), seconds, nonce);
    if (!timestamp.equals(Long.toString(seconds))) {
      return "timestamp is not a number";
    }
    return requestVerifier.verify(decoded, head, request.body(), SignedMessage.END)
        ? null : "the signature does not verify";
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.trim().isEmpty();
  }

  private Answer paramError(String field, String issue) {
    return paramError(field, issue, "body");
  }

  private Answer paramError(String field, String issue, String location) {
    return error(400, "PARAM_ERROR", "参数错误",
        ErrorDetail.builder().field(field).issue(issue).location(location).build());
  }

  private Answer error(int status, String code, String message, @Nullable ErrorDetail detail) {
    ErrorResponse error = ErrorResponse.builder().code(code).message(message).detail(detail).build();
    return new Answer(status, errorAdapter.toJson(error));
  }

  private static String decodePathSegment(String segment) {
    try {
      return java.net.URLDecoder.decode(segment.replace("+", "%2B"), "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private String newOrderId() {
    return String.format(Locale.ROOT, "3000%016d", sequence.incrementAndGet());
  }

  private String newRequestId() {
    return randomDigits(28, true) + String.format(Locale.ROOT, "%08d", sequence.incrementAndGet());
  }

  private static String randomDigits(int length, boolean hex) {
    String alphabet = hex ? "0123456789ABCDEF" : "0123456789";
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
    return new String(out);
  }

  /** One answer before faults: status, JSON body and request id. */
  private final class Answer {
    final int status;
    final byte[] body;
    final String requestId;
    String contentType = "application/json";
    boolean signed = true;

    Answer(int status, String body) {
      this(status, body.getBytes(StandardCharsets.UTF_8), newRequestId());
    }

    Answer(int status, byte[] body, String requestId) {
      this.status = status;
      this.body = body;
      this.requestId = requestId;
    }

    Answer copyWithNewRequestId(String requestId) {
      return new Answer(status, body, requestId);
    }
  }

  /** The sandbox's state of one order; guarded by its own lock. */
  private final class Order {
    final String outOrderNo;
    final String appid;
    final String serviceId;
    final String orderId;
    String state = "USER_ACCEPTED";
    final List<String> finishTickets = new ArrayList<>();
    String @Nullable [] personal;
    @Nullable String paySuccTime;
    @Nullable CreatePayafterOrderRequest create;
    @Nullable CompletePayafterOrderRequest completion;
    @Nullable Answer completionAnswer;
    @Nullable CancelPayafterOrderRequest cancellation;
    @Nullable Answer cancellationAnswer;

    Order(String outOrderNo, String appid, String serviceId, String orderId) {
      this.outOrderNo = outOrderNo;
      this.appid = appid;
      this.serviceId = serviceId;
      this.orderId = orderId;
    }

    String issueTicket() {
      String ticket = "SBX" + randomDigits(61, true);
      finishTickets.add(ticket);
      return ticket;
    }

    SandboxOrder snapshot() {
      String[] p = personal == null ? new String[4] : personal;
      return new SandboxOrder(outOrderNo, appid, serviceId, orderId, state,
          finishTickets.isEmpty() ? null : finishTickets.get(finishTickets.size() - 1),
          p[0], p[1], p[2], p[3]);
    }
  }

  /** Builds a {@link PayScoreSandbox}. */
  public static final class Builder {
    private String merchantId = "1900000109";
    private @Nullable String merchantSerialNumber;
    private @Nullable PublicKey merchantPublicKey;
    private Clock clock = Clock.SYSTEM;
    private int port;
    private @Nullable String wechatPayPublicKeyId;
    private SignatureScheme scheme = SignatureScheme.RSA;

    Builder() {
    }

    /**
     * Sets the merchant id the sandbox expects (default {@code 1900000109}).
     *
     * @param merchantId digits
     * @return this builder
     */
    public Builder merchantId(String merchantId) {
      this.merchantId = requireNonNull(merchantId, "merchantId == null");
      return this;
    }

    /**
     * Uses the merchant's own key instead of a generated one, so that an application's own client
     * configuration can be tested unchanged.
     *
     * @param serialNumber the merchant certificate serial
     * @param publicKey the merchant API public key (from {@code apiclient_cert.pem})
     * @return this builder
     */
    public Builder merchantKey(String serialNumber, PublicKey publicKey) {
      this.merchantSerialNumber = requireNonNull(serialNumber, "serialNumber == null").toUpperCase(Locale.ROOT);
      this.merchantPublicKey = requireNonNull(publicKey, "publicKey == null");
      return this;
    }

    /**
     * Sets the clock for the timestamp window and answer timestamps (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the id of the sandbox's WeChat Pay public key (default: a random {@code PUB_KEY_ID_…}), so
     * that a configuration written for real ids can be tested unchanged.
     *
     * @param publicKeyId {@code PUB_KEY_ID_} and digits
     * @return this builder
     */
    public Builder wechatPayPublicKeyId(String publicKeyId) {
      if (!requireNonNull(publicKeyId, "publicKeyId == null").startsWith("PUB_KEY_ID_")) {
        throw new IllegalArgumentException("publicKeyId: must start with PUB_KEY_ID_");
      }
      this.wechatPayPublicKeyId = publicKeyId;
      return this;
    }

    /**
     * Sets the signature scheme (default RSA). {@link SignatureScheme#SM2} runs the sandbox in 国密
     * mode: SM2 keys, SM2/SM3 signatures both ways, SM2-encrypted personal fields, AEAD_SM4_GCM
     * notifications (needs {@code org.bouncycastle:bcprov-jdk18on}).
     *
     * @param scheme the scheme
     * @return this builder
     */
    public Builder scheme(SignatureScheme scheme) {
      this.scheme = requireNonNull(scheme, "scheme == null");
      return this;
    }

    /**
     * Sets the port on 127.0.0.1 (default 0: a free port).
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Starts the sandbox.
     *
     * @return the running sandbox
     */
    public PayScoreSandbox start() {
      try {
        return new PayScoreSandbox(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1", e);
      }
    }
  }
}
