package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import dev.payscore.PayScoreClient;
import dev.payscore.auth.Clock;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.model.RefundStatus;
import dev.payscore.model.ServiceUseState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@link #userPays}; then refunds of the paid order ({@link #createPaidOrder} seeds one; {@link
 * #settleRefund}, {@link #failRefund}, {@link #closeRefund} move a refund on) and the user service
 * state ({@link #setUserServiceState}); with {@link #notifyTo} it posts signed, encrypted
 * notifications to a loopback URL. {@link Builder#scheme} runs it in 国密 (SM2) mode.
 *
 * <p>It signs as a merchant with the WeChat Pay public key sees it, and answers {@code GET
 * /v3/certificates} with 404 {@code RESOURCE_NOT_EXISTS}, as WeChat Pay does for such merchants. In
 * certificate mode ({@link Builder#platformCertificates()}) it signs with a platform certificate
 * instead, serves {@code GET /v3/certificates} encrypted with its {@link #apiV3Key()}, and {@link
 * #rotatePlatformCertificate()} lists a new certificate and switches answers to it.
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
 *
 * <p>It reads HTTP/1.1 strictly and within limits, as a front end facing the internet would: a
 * malformed request is answered 400 (two {@code Content-Length}s, {@code Content-Length} with {@code
 * Transfer-Encoding}, a coding other than {@code chunked}, bare LF, no {@code Host}), a body over 1 MiB
 * 413, a header line over 8 KiB or a head over 64 KiB 431; then the connection is closed. It keeps the
 * last 1,000 requests (see {@link #requests()}).
 *
 * <p>Under {@code /_sandbox/} (a prefix no WeChat Pay path shares) it serves a web console ({@link
 * #consoleUrl()}) and a control API to play the user from outside the JVM, guarded by {@link
 * #controlToken()} (see {@code openapi/payscore-sandbox-control.yaml}); those requests take no fault
 * and are not among {@link #requests()}.
 */
public final class PayScoreSandbox implements AutoCloseable {
  private final String merchantId;
  private final SandboxKeys keys;
  private final Clock clock;
  private final OrderBook book;
  private final RefundBook refunds;
  private final UserServiceStates userStates = new UserServiceStates();
  private final RequestPipeline pipeline;
  private final RequestHistory history;
  private final PayScoreNotificationSender notifier;
  private final LoopbackHttpServer server;
  private final String controlToken = Ids.random(32, true);
  private volatile @Nullable String notifyUrl;

  private PayScoreSandbox(Builder builder, SandboxKeys keys) throws IOException {
    this.merchantId = builder.merchantId;
    this.keys = keys;
    this.clock = builder.clock;
    Ids ids = new Ids();
    Answers answers = new Answers(ids);
    this.book = new OrderBook(merchantId, ids, answers);
    this.refunds = new RefundBook(merchantId, book, ids, answers, clock);
    RequestAuthenticator authenticator = new RequestAuthenticator(merchantId, keys.merchantSerialNumber,
        keys.merchantPublicKey, keys.scheme, clock);
    PlatformKey.Source signing = keys.signing();
    this.pipeline = new RequestPipeline(
        new PayafterRoutes(keys, authenticator, new RequestBodyReader(answers), book, refunds, userStates, answers),
        new CertificateRoutes(keys, authenticator, answers), authenticator,
        new AnswerWriter(signing, keys.scheme, clock, ids, answers));
    this.history = pipeline.history();
    this.notifier = new PayScoreNotificationSender(signing, keys.apiV3Key, clock, keys.scheme);
    pipeline.control(new ControlApi(this, book, history, controlToken));
    this.server = new LoopbackHttpServer(builder.port, pipeline);
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
   * Returns the URL of the sandbox's web console, with this run's control token in its fragment (which
   * a browser never sends): open it to see the orders and the request log and to play the user.
   *
   * @return e.g. {@code http://127.0.0.1:52341/_sandbox/#token=…}
   */
  public String consoleUrl() {
    return url() + "_sandbox/#token=" + controlToken;
  }

  /**
   * Returns this run's control token: every call to the control API under {@code /_sandbox/api/} must
   * carry it in the {@code X-Sandbox-Token} header, or is refused with 403.
   *
   * @return 32 hex digits, new for each sandbox
   */
  public String controlToken() {
    return controlToken;
  }

  /**
   * Returns a client builder wired to this sandbox: its URL, merchant id and serial, APIv3 key and
   * clock, the merchant private key when the sandbox generated it, and WeChat Pay's key: the public
   * key, or in certificate mode {@code autoPlatformCertificates()} (no certificate registered: the
   * client downloads them).
   *
   * @return a builder; call {@code build()} (after {@code merchantPrivateKey} if you gave your own key)
   */
  public PayScoreClient.Builder clientBuilder() {
    PayScoreClient.Builder builder =
        PayScoreClient.builder()
            .merchantId(merchantId)
            .merchantSerialNumber(keys.merchantSerialNumber)
            .apiV3Key(keys.apiV3Key)
            .baseUrl(url())
            .clock(clock)
            .signatureScheme(keys.scheme);
    if (keys.certificates != null) {
      builder.autoPlatformCertificates();
    } else {
      builder.wechatPayPublicKey(keys.wechatPayPublicKeyId, keys.wechatPay.getPublic());
    }
    if (keys.merchantPrivateKey != null) {
      builder.merchantPrivateKey(keys.merchantPrivateKey);
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
   * @throws IllegalArgumentException when a field is empty (the message names it)
   * @throws IllegalStateException when the order number is taken
   */
  public String createOrder(String outOrderNo, String appid, String serviceId) {
    return book.seed(outOrderNo, appid, serviceId, null);
  }

  /**
   * Creates an accepted order with a given finish ticket (for request files that carry one).
   *
   * @param outOrderNo the merchant order number
   * @param appid the appid
   * @param serviceId the service id
   * @param finishTicket the ticket complete must carry
   * @throws IllegalArgumentException when a field is empty (the message names it)
   * @throws IllegalStateException when the order number is taken
   */
  public void createOrder(String outOrderNo, String appid, String serviceId, String finishTicket) {
    book.seed(outOrderNo, appid, serviceId, requireNonNull(finishTicket, "finishTicket == null"));
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
    String ticket = book.accept(outOrderNo);
    notifyIfWanted(PayScoreNotificationSender.USER_ACCEPTED, outOrderNo);
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
    book.userPays(outOrderNo, payTime(), null);
    notifyIfWanted(PayScoreNotificationSender.USER_PAID, outOrderNo);
  }

  /**
   * Creates an order WeChat Pay has collected ({@code USER_PAID}) for {@code totalAmount} fen, as if it
   * had been accepted, completed and paid: ready to be refunded by its transaction id.
   *
   * @param outOrderNo the merchant order number
   * @param appid the appid
   * @param serviceId the service id
   * @param totalAmount what the user paid, in fen, more than 0
   * @return its transaction id, the {@code finish_transaction_id} a query shows and a refund names
   * @throws IllegalArgumentException when a field is empty or the amount is not positive
   * @throws IllegalStateException when the order number is taken
   */
  public String createPaidOrder(String outOrderNo, String appid, String serviceId, long totalAmount) {
    return book.seedPaid(outOrderNo, appid, serviceId, totalAmount, payTime(), null);
  }

  /**
   * Creates a paid order under a given transaction id (for request files that carry one).
   *
   * @param outOrderNo the merchant order number
   * @param appid the appid
   * @param serviceId the service id
   * @param totalAmount what the user paid, in fen, more than 0
   * @param transactionId the transaction id refunds must name
   * @throws IllegalArgumentException when a field is empty or the amount is not positive
   * @throws IllegalStateException when the order number or the transaction id is taken
   */
  public void createPaidOrder(String outOrderNo, String appid, String serviceId, long totalAmount,
      String transactionId) {
    book.seedPaid(outOrderNo, appid, serviceId, totalAmount, payTime(),
        requireNonNull(transactionId, "transactionId == null"));
  }

  private String payTime() {
    return new SimpleDateFormat("yyyyMMddHHmmss", Locale.ROOT).format(new Date(clock.epochSeconds() * 1000L));
  }

  /**
   * Plays WeChat Pay completing a refund: {@code PROCESSING} becomes {@code SUCCESS}, and {@code
   * REFUND.SUCCESS} is posted to the refund's {@code notify_url} when it is a loopback URL, otherwise to
   * {@link #notifyTo} if set.
   *
   * @param outRefundNo the merchant refund number
   * @throws IllegalStateException when there is no such refund, or it is not {@code PROCESSING}
   */
  public void settleRefund(String outRefundNo) {
    moveRefund(outRefundNo, RefundStatus.SUCCESS, PayScoreNotificationSender.REFUND_SUCCESS);
  }

  /**
   * Plays a refund failing at the user's bank (a cancelled or frozen card): {@code PROCESSING} becomes
   * {@code ABNORMAL}, and {@code REFUND.ABNORMAL} is posted as {@link #settleRefund} posts. The amount
   * stays refunded, as at WeChat Pay, where the merchant then handles it in the merchant platform.
   *
   * @param outRefundNo the merchant refund number
   * @throws IllegalStateException when there is no such refund, or it is not {@code PROCESSING}
   */
  public void failRefund(String outRefundNo) {
    moveRefund(outRefundNo, RefundStatus.ABNORMAL, PayScoreNotificationSender.REFUND_ABNORMAL);
  }

  /**
   * Plays WeChat Pay closing a refund: {@code PROCESSING} becomes {@code CLOSED}, its amount may be
   * refunded again, and {@code REFUND.CLOSED} is posted as {@link #settleRefund} posts.
   *
   * @param outRefundNo the merchant refund number
   * @throws IllegalStateException when there is no such refund, or it is not {@code PROCESSING}
   */
  public void closeRefund(String outRefundNo) {
    moveRefund(outRefundNo, RefundStatus.CLOSED, PayScoreNotificationSender.REFUND_CLOSED);
  }

  /**
   * Returns the status of a refund.
   *
   * @param outRefundNo the merchant refund number
   * @return {@code PROCESSING}, {@code SUCCESS}, {@code ABNORMAL} or {@code CLOSED}, or {@code null}
   *     when there is no such refund
   */
  public @Nullable String refundStatus(String outRefundNo) {
    RefundStatus status = refunds.status(outRefundNo);
    return status == null ? null : status.getValue();
  }

  /**
   * Sets what {@code GET /v3/payscore/user-service-state} answers for a user (default {@code
   * AVAILABLE}).
   *
   * @param openid the user's openid
   * @param state {@code AVAILABLE} or {@code UNAVAILABLE}
   * @throws IllegalArgumentException for {@code UNKNOWN}
   */
  public void setUserServiceState(String openid, ServiceUseState state) {
    userStates.set(openid, state);
  }

  private void moveRefund(String outRefundNo, RefundStatus to, String eventType) {
    String resource = refunds.settle(outRefundNo, to);
    String url = refunds.notifyUrl(outRefundNo);
    if (url == null || !PayScoreNotificationSender.isLoopback(url)) {
      url = notifyUrl;
    }
    if (url == null) {
      return;
    }
    try {
      notifier.send(url, eventType, resource);
    } catch (IOException e) {
      // WeChat Pay would retry later; the sandbox records nothing and goes on.
    }
  }

  /**
   * Plays the user letting a created order expire without accepting it: {@code CREATED} becomes {@code
   * REVOKED}. No notification is sent (WeChat Pay sends none for it).
   *
   * @param outOrderNo the merchant order number
   * @throws IllegalStateException when there is no such order, or it is not {@code CREATED}
   */
  public void expireOrder(String outOrderNo) {
    book.expire(outOrderNo);
  }

  /**
   * Forgets every order, refund, user service state, queued fault and request received, as if the
   * sandbox had just started; its keys, token and notify URL stay.
   */
  public void reset() {
    book.clear();
    refunds.clear();
    userStates.clear();
    pipeline.clearFaults();
    history.clear();
  }

  /** The event the order's last notification was about, by its state. */
  String notificationFor(String outOrderNo) {
    String state = orderState(outOrderNo);
    if ("USER_ACCEPTED".equals(state) || "FINISHED".equals(state)) {
      return PayScoreNotificationSender.USER_ACCEPTED;
    } else if ("USER_PAID".equals(state)) {
      return PayScoreNotificationSender.USER_PAID;
    }
    throw new IllegalStateException("order " + outOrderNo + " is " + state + ": no notification was sent for it");
  }

  /** Sends the order's last notification again to the notify URL; returns the receiver's status. */
  int resendNotification(String outOrderNo) throws IOException {
    String url = notifyUrl;
    if (url == null) {
      throw new IllegalStateException("no notify URL is set");
    }
    return sendNotification(url, notificationFor(outOrderNo), outOrderNo);
  }

  /**
   * Returns the URL notifications go to, as set by {@link #notifyTo}.
   *
   * @return the URL, or {@code null} when none is set
   */
  public @Nullable String notifyUrl() {
    return notifyUrl;
  }

  /** The merchant's name as the user sees it on the confirmation page. */
  String merchantName() {
    return "PayScore 沙箱商户 (sandbox merchant " + merchantId + ")";
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
    return notifier.send(url, eventType, book.viewJson(outOrderNo));
  }

  /**
   * Returns the APIv3 key the sandbox encrypts notifications and platform certificates with (32
   * characters).
   *
   * @return the key to give {@code NotificationParser} and {@code PayScoreClient.Builder.apiV3Key}
   */
  public String apiV3Key() {
    return keys.apiV3Key;
  }

  /**
   * Rotates the platform certificate, as WeChat Pay does before one expires: a new certificate is
   * listed by {@code GET /v3/certificates} (beside the old ones, which still sign the list), then
   * answers and notifications are signed with it.
   *
   * @return the new certificate's serial
   * @throws IllegalStateException when the sandbox is not in certificate mode
   */
  public String rotatePlatformCertificate() {
    return requireCertificates().rotate();
  }

  /**
   * Returns the platform certificates the sandbox lists, oldest first; the last one signs answers.
   *
   * @return serial (upper-case hex) to certificate PEM
   * @throws IllegalStateException when the sandbox is not in certificate mode
   */
  public Map<String, String> platformCertificates() {
    return requireCertificates().pems();
  }

  private SandboxCertificates requireCertificates() {
    if (keys.certificates == null) {
      throw new IllegalStateException("the sandbox signs with the WeChat Pay public key: start it with"
          + " PayScoreSandbox.builder().platformCertificates() for platform certificates");
    }
    return keys.certificates;
  }

  private void notifyIfWanted(String eventType, String outOrderNo) {
    String url = notifyUrl;
    if (url == null) {
      return;
    }
    try {
      sendNotification(url, eventType, outOrderNo);
    } catch (IOException e) {
      // WeChat Pay would retry later; the sandbox records nothing and goes on.
    }
  }

  /**
   * Returns a snapshot of an order.
   *
   * @param outOrderNo the merchant order number
   * @return the order, or {@code null} when there is none
   */
  public @Nullable SandboxOrder order(String outOrderNo) {
    return book.snapshot(outOrderNo);
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
      pipeline.inject(fault);
    }
  }

  /**
   * Returns the requests received since the start or the last {@link #clearRequests()}, in order: the
   * last 1,000 of them, with bodies cut to their first 64 KiB, or to their first 1 KiB when the
   * signature did not verify (see {@link SandboxRequest#bodyTruncated()}). Requests refused as
   * malformed HTTP are not among them.
   *
   * @return a snapshot
   */
  public List<SandboxRequest> requests() {
    return history.snapshot();
  }

  /**
   * Returns how many requests were received since the start or the last {@link #clearRequests()},
   * including those no longer kept by {@link #requests()}.
   *
   * @return the count
   */
  public int requestCount() {
    return (int) Math.min(Integer.MAX_VALUE, history.count());
  }

  /**
   * Forgets the requests received so far: {@link #requests()} becomes empty and {@link #requestCount()}
   * 0. Orders and queued faults stay.
   */
  public void clearRequests() {
    history.clear();
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
    return keys.merchantSerialNumber;
  }

  /**
   * Returns the merchant private key the sandbox generated (a throwaway test key).
   *
   * @return the key
   * @throws IllegalStateException when the sandbox was given the merchant's own public key
   */
  public PrivateKey merchantPrivateKey() {
    PrivateKey key = keys.merchantPrivateKey;
    if (key == null) {
      throw new IllegalStateException("the sandbox uses the merchant's own key; it has no private key");
    }
    return key;
  }

  /**
   * Returns the id of the sandbox's WeChat Pay public key.
   *
   * @return {@code PUB_KEY_ID_} and 34 digits
   * @throws IllegalStateException in certificate mode, where there is no public key
   */
  public String wechatPayPublicKeyId() {
    requirePublicKeyMode();
    return keys.wechatPayPublicKeyId;
  }

  /**
   * Returns the sandbox's WeChat Pay public key, which verifies its answers.
   *
   * @return the key
   * @throws IllegalStateException in certificate mode, where there is no public key
   */
  public PublicKey wechatPayPublicKey() {
    requirePublicKeyMode();
    return keys.wechatPay.getPublic();
  }

  /**
   * Returns whether the sandbox signs with platform certificates rather than the WeChat Pay public key.
   *
   * @return true in certificate mode
   */
  public boolean certificateMode() {
    return keys.certificates != null;
  }

  private void requirePublicKeyMode() {
    if (keys.certificates != null) {
      throw new IllegalStateException("the sandbox signs with platform certificates (certificate mode): it has"
          + " no WeChat Pay public key; see platformCertificates()");
    }
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

  /** Builds a {@link PayScoreSandbox}. */
  public static final class Builder {
    private String merchantId = "1900000109";
    private @Nullable String merchantSerialNumber;
    private @Nullable PublicKey merchantPublicKey;
    private Clock clock = Clock.SYSTEM;
    private int port;
    private @Nullable String wechatPayPublicKeyId;
    private SignatureScheme scheme = SignatureScheme.RSA;
    private boolean platformCertificates;
    private @Nullable String apiV3Key;

    Builder() {
    }

    /**
     * Sets the APIv3 key notifications are encrypted with (default: a random one), so that an
     * application's own configuration can be tested unchanged.
     *
     * @param apiV3Key 32 ASCII letters and digits
     * @return this builder
     * @throws IllegalArgumentException when the key is not 32 ASCII letters and digits
     */
    public Builder apiV3Key(String apiV3Key) {
      if (!requireNonNull(apiV3Key, "apiV3Key == null").matches("[A-Za-z0-9]{32}")) {
        throw new IllegalArgumentException("apiV3Key: must be 32 ASCII letters and digits, got "
            + apiV3Key.length() + " characters");
      }
      this.apiV3Key = apiV3Key;
      return this;
    }

    /**
     * Sets the merchant id the sandbox expects (default {@code 1900000109}).
     *
     * @param merchantId 1 to 32 digits
     * @return this builder
     * @throws IllegalArgumentException when {@code merchantId} is not 1 to 32 digits
     */
    public Builder merchantId(String merchantId) {
      requireNonNull(merchantId, "merchantId == null");
      if (!merchantId.matches("[0-9]{1,32}")) {
        throw new IllegalArgumentException("merchantId: must be 1 to 32 digits, got " + merchantId.length()
            + " characters" + (merchantId.length() <= 32 ? " '" + merchantId + "'" : ""));
      }
      this.merchantId = merchantId;
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
     * Runs the sandbox in certificate mode: it signs with a platform certificate (平台证书) instead of
     * the WeChat Pay public key, as WeChat Pay does for merchants that have not switched, and serves
     * {@code GET /v3/certificates}. Making certificates needs {@code org.bouncycastle:bcprov-jdk18on}.
     *
     * @return this builder
     */
    public Builder platformCertificates() {
      this.platformCertificates = true;
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
        if (platformCertificates && wechatPayPublicKeyId != null) {
          throw new IllegalStateException("wechatPayPublicKeyId and platformCertificates() exclude each other:"
              + " a sandbox signs with the public key or with platform certificates");
        }
        return new PayScoreSandbox(this, SandboxKeys.generate(scheme, merchantSerialNumber, merchantPublicKey,
            wechatPayPublicKeyId, platformCertificates ? clock : null, apiV3Key));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the sandbox on 127.0.0.1", e);
      }
    }
  }
}
