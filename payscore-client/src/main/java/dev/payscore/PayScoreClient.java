package dev.payscore;

import dev.payscore.exception.WechatPayException;
import dev.payscore.exception.WechatPayResponseException;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.Moshi;
import dev.payscore.api.CertificatesApi;
import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.api.RefundsApi;
import dev.payscore.api.UserServiceStateApi;
import dev.payscore.auth.Clock;
import dev.payscore.auth.CryptoProviders;
import dev.payscore.auth.NonceGenerator;
import dev.payscore.auth.PemKeys;
import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.RequestSigner;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.notify.NotificationParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The entry point: a WeChat Pay Pay Score client that signs every request, verifies every answer
 * and reports every failure as a {@link WechatPayException}.
 *
 * <p>Immutable and thread-safe: build one per merchant and share it.
 *
 * <pre>{@code
 * PayScoreClient client = PayScoreClient.builder()
 *     .merchantId("1900000109")
 *     .merchantSerialNumber("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C")
 *     .merchantPrivateKey(privateKey)
 *     .wechatPayPublicKey("PUB_KEY_ID_0114232134912410000000000000", publicKey)
 *     .build();
 * Response<CompletePayafterOrderResponse> r =
 *     client.payafterOrders().completePayafterOrder("1234323JKHDFE1243252", request).execute();
 * }</pre>
 *
 * <p>A merchant that verifies with platform certificates (平台证书) instead of the WeChat Pay public
 * key lets the client download and refresh them: {@link Builder#apiV3Key} and {@link
 * Builder#autoPlatformCertificates()}. The keys, and their refresh, belong to this instance alone:
 * any number of clients, for the same merchant or others, live side by side in one JVM.
 */
public final class PayScoreClient {
  /** The primary host, reaching the nearest access point (主域名). The default base URL. */
  public static final String PRIMARY_BASE_URL = "https://api.mch.weixin.qq.com/";

  /** The backup host, reaching an access point in another city (备域名). */
  public static final String BACKUP_BASE_URL = "https://api2.mch.weixin.qq.com/";

  /** Moshi binds every model through its generated adapter (ModelAdapters, no reflection); built once, thread-safe. */
  static final Moshi MOSHI = new Moshi.Builder().add(dev.payscore.model.ModelAdapters.FACTORY).build();

  private final HttpUrl baseUrl;
  private final String merchantId;
  private final String merchantSerialNumber;
  private final SignatureScheme scheme;
  private final java.util.concurrent.atomic.AtomicBoolean closed;
  private final OkHttpClient okHttpClient;
  private final boolean ownsOkHttpClient;
  private final AtomicReference<ResponseVerifier> verifier;
  /** Present when the builder was given the APIv3 key. */
  private final @Nullable PlatformCertificates certificates;
  private final PayafterOrdersApi payafterOrders;
  private final RefundsApi refunds;
  private final UserServiceStateApi userServiceState;
  private final CertificatesApi certificatesApi;
  /** Verifies notifications with the keys in force; learns new certificates when automatic. */
  private final NotificationKeys notificationKeys;
  /** Present when the builder was given the APIv3 key; never logged or shown. */
  private final @Nullable String apiV3Key;
  private final @Nullable NotificationParser notificationParser;

  private PayScoreClient(HttpUrl baseUrl, String merchantId, String merchantSerialNumber,
      SignatureScheme scheme, java.util.concurrent.atomic.AtomicBoolean closed, OkHttpClient okHttpClient,
      boolean ownsOkHttpClient, AtomicReference<ResponseVerifier> verifier,
      @Nullable PlatformCertificates certificates, boolean autoCertificates, @Nullable String apiV3Key) {
    this.baseUrl = baseUrl;
    this.merchantId = merchantId;
    this.merchantSerialNumber = merchantSerialNumber;
    this.scheme = scheme;
    this.closed = closed;
    this.okHttpClient = okHttpClient;
    this.ownsOkHttpClient = ownsOkHttpClient;
    this.verifier = verifier;
    this.certificates = certificates;
    this.notificationKeys = new NotificationKeys(verifier, autoCertificates ? certificates : null);
    this.apiV3Key = apiV3Key;
    this.notificationParser = apiV3Key == null ? null
        : new NotificationParser(notificationKeys, apiV3Key, NotificationParser.DEFAULT_MAX_BODY_BYTES);
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(okHttpClient)
            .addConverterFactory(
                new ContractConverterFactory(MOSHI, verifier, autoCertificates ? certificates : null))
            .addCallAdapterFactory(new QueryContractCallAdapterFactory())
            .build();
    this.payafterOrders = retrofit.create(PayafterOrdersApi.class);
    this.refunds = retrofit.create(RefundsApi.class);
    this.userServiceState = retrofit.create(UserServiceStateApi.class);
    this.certificatesApi = retrofit.create(CertificatesApi.class);
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the defaults: primary host, 5 s connect, 10 s read and write, 30 s call
   *     timeout, 300 s signature window
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the pay-after order operations (先享后付订单).
   *
   * @return the Retrofit interface; {@code execute()} returns the verified answer or throws a
   *     {@link WechatPayException}
   */
  public PayafterOrdersApi payafterOrders() {
    return payafterOrders;
  }

  /**
   * Returns the refund operations (退款): refund a paid order, wholly or in part, and query a refund.
   * A refund request must name the order by exactly one of {@code transaction_id} and {@code
   * out_trade_no}, or it is refused before sending.
   *
   * @return the Retrofit interface; {@code execute()} returns the verified answer or throws a
   *     {@link WechatPayException}
   */
  public RefundsApi refunds() {
    return refunds;
  }

  /**
   * Returns the user service state operation (查询用户授权状态): whether a user may use a Pay Score
   * service.
   *
   * @return the Retrofit interface; {@code execute()} returns the verified answer or throws a
   *     {@link WechatPayException}
   */
  public UserServiceStateApi userServiceState() {
    return userServiceState;
  }

  /**
   * Returns the platform certificate operation ({@code GET /v3/certificates}) as the contract
   * describes it: the answer is verified like any other, its certificates stay encrypted. To get
   * them decrypted and checked, use {@link #downloadPlatformCertificates(String)}.
   *
   * @return the Retrofit interface
   */
  public CertificatesApi certificates() {
    return certificatesApi;
  }

  /**
   * Returns the notification parser bound to this client (its body limit {@link
   * NotificationParser#DEFAULT_MAX_BODY_BYTES}): it verifies each notification with the keys in
   * force when it arrives (after {@link #replaceVerifier} or a certificate refresh, the new ones),
   * and decrypts it with the APIv3 key given to {@link Builder#apiV3Key}. With {@link
   * Builder#autoPlatformCertificates()}, a notification under a serial the client does not know
   * causes the same download as an answer does (single-flight, at most once a minute for unknown
   * serials), then one more verification; a notification under a serial still unknown after that
   * fails with {@code UNKNOWN_SERIAL}. Keep one and share it: it is immutable and thread-safe.
   *
   * <pre>{@code
   * NotificationParser parser = client.notificationParser();
   * PayScoreNotification n = parser.parse(name -> Collections.list(request.getHeaders(name)), bodyBytes);
   * }</pre>
   *
   * @return the parser, the same one on every call
   * @throws IllegalStateException when the builder was not given {@link Builder#apiV3Key}
   */
  public NotificationParser notificationParser() {
    if (notificationParser == null) {
      throw new IllegalStateException(NEEDS_API_V3_KEY);
    }
    return notificationParser;
  }

  /**
   * Like {@link #notificationParser()}, with another limit on the body size.
   *
   * @param maxBodyBytes the largest body parsed, at least 1024; a larger one is refused unread
   * @return a new parser bound to this client
   * @throws IllegalStateException when the builder was not given {@link Builder#apiV3Key}
   */
  public NotificationParser notificationParser(int maxBodyBytes) {
    if (apiV3Key == null) {
      throw new IllegalStateException(NEEDS_API_V3_KEY);
    }
    return new NotificationParser(notificationKeys, apiV3Key, maxBodyBytes);
  }

  private static final String NEEDS_API_V3_KEY = "notifications are decrypted with the APIv3 key: set it with"
      + " PayScoreClient.builder().apiV3Key(key)";

  /**
   * Returns the verifier of this client's WeChat Pay keys in force now. To verify notifications, use
   * {@link #notificationParser()}, which follows the keys as they change; a verifier kept from here
   * keeps the keys of this moment.
   *
   * @return the verifier in force now
   * @throws IllegalStateException when the client holds no key yet: with automatic platform
   *     certificates and no other key, before the first download ({@link
   *     #refreshPlatformCertificates()} makes it)
   */
  public ResponseVerifier verifier() {
    ResponseVerifier current = verifier.get();
    if (current == null) {
      throw new IllegalStateException("no WeChat Pay key yet: the platform certificates are downloaded"
          + " before the first call; call refreshPlatformCertificates() to download them now");
    }
    return current;
  }

  /**
   * Downloads the platform certificates (平台证书) now and puts them in force: the WeChat Pay public
   * key, if registered, stays; every platform certificate the client held is replaced by the list.
   * Safe to call from any thread at any time; concurrent downloads of this client happen one at a
   * time. On any failure nothing changes.
   *
   * @return the certificates now in force, as listed ({@code algorithm_type} RSA, or SM2 for {@link
   *     SignatureScheme#SM2})
   * @throws WechatPayCertificateException when the download fails a check (see {@link
   *     #downloadPlatformCertificates(String)}), or the merchant has no platform certificates
   * @throws WechatPayApiException when WeChat Pay answers with another error
   * @throws IOException when the download fails on the network
   * @throws IllegalStateException when the builder was not given {@link Builder#apiV3Key}
   */
  public List<PlatformCertificate> refreshPlatformCertificates() throws IOException {
    return requireCertificates().refresh();
  }

  /**
   * Downloads the platform certificates ({@code GET /v3/certificates}) through this client, checks
   * them, and returns them without putting them in force.
   *
   * <p>Each certificate is decrypted with the APIv3 key ({@code AEAD_AES_256_GCM}, or {@code
   * AEAD_SM4_GCM} for SM2; the associated data as given), read as X.509, and must carry the serial
   * listed with it and be within its validity period by the client's clock. Only then is the answer's
   * own signature verified:
   *
   * <ul>
   *   <li><b>Pinned</b>: when the client already trusts keys (the WeChat Pay public key, platform
   *       certificates given or downloaded), the list must be signed by one of those; a list signed
   *       by any other key is refused ({@link WechatPayCertificateException.Reason#UNTRUSTED_SIGNER}).
   *   <li><b>First download</b>: when the client trusts no key yet, there is no other trust anchor than
   *       the APIv3 key and TLS: the list must be signed by one of the certificates it carries, which
   *       are trusted because they decrypted under the APIv3 key, a secret only WeChat Pay and the
   *       merchant hold. A party that knows the APIv3 key and can intercept TLS to WeChat Pay could
   *       plant certificates on a first download; register a key you obtained another way ({@link
   *       Builder#platformCertificate}, {@link Builder#wechatPayPublicKey}) to pin from the start.
   * </ul>
   *
   * @param algorithmType {@code RSA}, {@code SM2} or {@code ALL}
   * @return the certificates, in the order listed
   * @throws WechatPayCertificateException when a check fails ({@link
   *     WechatPayCertificateException#getReason()} says which), or the merchant has no platform
   *     certificates ({@code NO_CERTIFICATES}: it verifies with the WeChat Pay public key)
   * @throws WechatPayApiException when WeChat Pay answers with another error
   * @throws IOException when the download fails on the network
   * @throws IllegalStateException when the builder was not given {@link Builder#apiV3Key}
   */
  public List<PlatformCertificate> downloadPlatformCertificates(String algorithmType) throws IOException {
    requireNonNull(algorithmType, "algorithmType == null");
    if (!algorithmType.equals("RSA") && !algorithmType.equals("SM2") && !algorithmType.equals("ALL")) {
      throw new IllegalArgumentException("algorithmType: must be RSA, SM2 or ALL, got " + algorithmType);
    }
    return requireCertificates().downloader().download(algorithmType, verifier.get());
  }

  private PlatformCertificates requireCertificates() {
    if (certificates == null) {
      throw new IllegalStateException(
          "platform certificates need the APIv3 key: set it with PayScoreClient.builder().apiV3Key(key)");
    }
    return certificates;
  }

  /**
   * Replaces the WeChat Pay keys, atomically and without a restart: calls in flight finish with the
   * keys they started verifying with, later ones use the new keys. Use it to add a new platform
   * certificate or public key before WeChat Pay switches to it, and to drop the old one after.
   *
   * <pre>{@code
   * client.replaceVerifier(client.verifier().newBuilder().publicKey(newId, newKey).build());
   * }</pre>
   *
   * @param newVerifier the verifier to use from now on
   * @throws IllegalArgumentException when it would register the merchant's own serial, or a key
   *     that does not fit the client's signature scheme
   */
  public void replaceVerifier(ResponseVerifier newVerifier) {
    requireNonNull(newVerifier, "newVerifier == null");
    if (newVerifier.keys().contains(merchantSerialNumber)) {
      throw new IllegalArgumentException("newVerifier: the merchant's own certificate serial "
          + merchantSerialNumber + " is registered as a WeChat Pay key");
    }
    String misfit = newVerifier.keys().misfit(scheme);
    if (misfit != null) {
      throw new IllegalArgumentException("newVerifier: " + misfit);
    }
    verifier.set(newVerifier);
  }

  /**
   * Releases the threads and connections of the OkHttp client this client created (a client built
   * with {@link Builder#okHttpClient} leaves the shared one alone), and stops the periodic
   * certificate refresh on the executor given to {@link Builder#autoPlatformCertificates(
   * ScheduledExecutorService, long, TimeUnit)} (the executor itself stays the caller's). Every call after close, started
   * with {@code execute()} or {@code enqueue()}, fails with an {@link java.io.IOException} saying
   * the client is closed, before anything is sent. Closing twice does nothing more.
   */
  public void close() {
    closed.set(true);
    if (certificates != null) {
      certificates.cancel();
    }
    if (ownsOkHttpClient) {
      okHttpClient.dispatcher().executorService().shutdown();
      okHttpClient.connectionPool().evictAll();
    }
  }

  /**
   * Returns the base URL requests go to.
   *
   * @return e.g. {@code https://api.mch.weixin.qq.com/}
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /**
   * Returns the OkHttp client the calls run on (its connection pool and dispatcher are shared with
   * the client given to {@link Builder#okHttpClient}).
   *
   * @return the client, with this client's signing interceptor
   */
  OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  @Override
  public String toString() {
    ResponseVerifier current = verifier.get();
    return "PayScoreClient{mchid=" + merchantId + ", baseUrl=" + baseUrl + ", keys="
        + (current != null ? current.keys().ids().toString() : "[] (platform certificates not downloaded yet)")
        + "}";
  }

  /** Builds a {@link PayScoreClient}; every problem is reported at {@link #build()}. */
  public static final class Builder {
    private @Nullable String merchantId;
    private @Nullable String merchantSerialNumber;
    private @Nullable PrivateKey merchantPrivateKey;
    private final ResponseVerifier.Builder verifier = ResponseVerifier.builder();
    private int keyCount;
    private String baseUrl = PRIMARY_BASE_URL;
    private @Nullable OkHttpClient okHttpClient;
    /** Timeouts set on this builder; null keeps the shared client's own, or our default. */
    private @Nullable Long connectTimeoutMillis;
    private @Nullable Long readTimeoutMillis;
    private @Nullable Long writeTimeoutMillis;
    private @Nullable Long callTimeoutMillis;
    private Clock clock = Clock.SYSTEM;
    private NonceGenerator nonceGenerator = NonceGenerator.SECURE;
    private @Nullable PayScoreLogger logger;
    private boolean logBodies;
    private long maxResponseBytes = 1024 * 1024;
    private @Nullable RetryPolicy retryPolicy;
    private SignatureScheme signatureScheme = SignatureScheme.RSA;
    private boolean cryptoProviderSet;
    private @Nullable Provider cryptoProvider;
    private long windowSeconds = ResponseVerifier.DEFAULT_WINDOW_SECONDS;
    private byte @Nullable [] apiV3Key;
    private boolean autoCertificates;
    private @Nullable ScheduledExecutorService refreshExecutor;
    private long refreshPeriodMillis;
    private PlatformCertificates.Ticker ticker = PlatformCertificates.SYSTEM_TICKER;

    Builder() {
    }

    /**
     * Sets the merchant id (商户号), e.g. {@code 1900000109}. Required.
     *
     * @param merchantId digits, as shown in the merchant platform
     * @return this builder
     */
    public Builder merchantId(String merchantId) {
      this.merchantId = requireNonNull(merchantId, "merchantId == null");
      return this;
    }

    /**
     * Sets the serial number of the merchant API certificate (商户API证书序列号). Required. Read it with
     * {@code openssl x509 -in apiclient_cert.pem -noout -serial}.
     *
     * @param serialNumber hex, e.g. {@code 1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C}
     * @return this builder
     */
    public Builder merchantSerialNumber(String serialNumber) {
      this.merchantSerialNumber = requireNonNull(serialNumber, "serialNumber == null");
      return this;
    }

    /**
     * Sets the merchant API private key (商户API私钥). Required.
     *
     * @param privateKey an RSA private key
     * @return this builder
     */
    public Builder merchantPrivateKey(PrivateKey privateKey) {
      this.merchantPrivateKey = requireNonNull(privateKey, "privateKey == null");
      return this;
    }

    /**
     * Sets the merchant API private key from the text of {@code apiclient_key.pem}.
     *
     * @param pem PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY})
     * @return this builder
     * @throws IllegalArgumentException when the text is not an RSA private key
     */
    public Builder merchantPrivateKey(String pem) {
      return merchantPrivateKey(PemKeys.privateKey(requireNonNull(pem, "pem == null")));
    }

    /**
     * Registers the WeChat Pay public key (微信支付公钥) that verifies answers.
     *
     * @param publicKeyId its id, {@code PUB_KEY_ID_…}, as shown in the merchant platform
     * @param publicKey the RSA public key
     * @return this builder
     */
    public Builder wechatPayPublicKey(String publicKeyId, PublicKey publicKey) {
      verifier.publicKey(publicKeyId, publicKey);
      keyCount++;
      return this;
    }

    /**
     * Registers the WeChat Pay public key from the text of {@code pub_key.pem}.
     *
     * @param publicKeyId its id, {@code PUB_KEY_ID_…}
     * @param pem {@code BEGIN PUBLIC KEY}
     * @return this builder
     */
    public Builder wechatPayPublicKey(String publicKeyId, String pem) {
      return wechatPayPublicKey(publicKeyId, PemKeys.publicKey(requireNonNull(pem, "pem == null")));
    }

    /**
     * Registers a WeChat Pay platform certificate (平台证书) that verifies answers, under its serial.
     * Optional and repeatable; it can sit beside the public key during a switch-over.
     *
     * @param certificate the platform certificate
     * @return this builder
     */
    public Builder platformCertificate(X509Certificate certificate) {
      verifier.certificate(certificate);
      keyCount++;
      return this;
    }

    /**
     * Registers an SM2 platform certificate (国密平台证书) from its PEM text, under its serial; for
     * {@link SignatureScheme#SM2}. Repeatable.
     *
     * @param pem {@code BEGIN CERTIFICATE}, an SM2 certificate
     * @return this builder
     */
    public Builder sm2PlatformCertificate(String pem) {
      verifier.sm2Certificate(requireNonNull(pem, "pem == null"));
      keyCount++;
      return this;
    }

    /**
     * Sets where requests go (default {@link #PRIMARY_BASE_URL}); {@link #BACKUP_BASE_URL} is the
     * backup host. {@code http://} is accepted only for loopback addresses, for tests; a URL with
     * credentials ({@code user:pass@}), a query or a fragment is refused.
     *
     * @param baseUrl an absolute URL; a trailing {@code /} is added when missing
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    /**
     * Runs calls on a copy of this client, sharing its connection pool and dispatcher. Timeouts set on
     * this builder override the client's; otherwise its own are kept. Whatever the shared client
     * says, the copy never re-sends a request on its own ({@code retryOnConnectionFailure(false)})
     * and follows no redirect: retries happen only through {@link #retryPolicy}, which knows which
     * operations are safe to repeat.
     *
     * @param okHttpClient a shared client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * Sets the connect timeout (default 5 s).
     *
     * @param timeout the timeout, 0 for none
     * @param unit its unit
     * @return this builder
     */
    public Builder connectTimeout(long timeout, TimeUnit unit) {
      this.connectTimeoutMillis = millis(timeout, unit, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout (default 10 s).
     *
     * @param timeout the timeout, 0 for none
     * @param unit its unit
     * @return this builder
     */
    public Builder readTimeout(long timeout, TimeUnit unit) {
      this.readTimeoutMillis = millis(timeout, unit, "readTimeout");
      return this;
    }

    /**
     * Sets the write timeout (default 10 s).
     *
     * @param timeout the timeout, 0 for none
     * @param unit its unit
     * @return this builder
     */
    public Builder writeTimeout(long timeout, TimeUnit unit) {
      this.writeTimeoutMillis = millis(timeout, unit, "writeTimeout");
      return this;
    }

    /**
     * Sets the timeout of a whole call (default 30 s).
     *
     * @param timeout the timeout, 0 for none
     * @param unit its unit
     * @return this builder
     */
    public Builder callTimeout(long timeout, TimeUnit unit) {
      this.callTimeoutMillis = millis(timeout, unit, "callTimeout");
      return this;
    }

    /**
     * Sets how far an answer's {@code Wechatpay-Timestamp} may be from the clock (default 300 s).
     *
     * @param seconds 0 to 3600
     * @return this builder
     */
    public Builder verificationWindowSeconds(long seconds) {
      verifier.windowSeconds(seconds);
      this.windowSeconds = seconds;
      return this;
    }

    /**
     * Sets the APIv3 key (APIv3密钥) set in the merchant platform, which decrypts the platform
     * certificates and notifications. Needed by {@link #autoPlatformCertificates()}, {@link
     * PayScoreClient#notificationParser()}, {@link
     * PayScoreClient#refreshPlatformCertificates()} and {@link
     * PayScoreClient#downloadPlatformCertificates(String)}. It never appears in a log, message or
     * {@code toString()}.
     *
     * @param apiV3Key 32 bytes of UTF-8
     * @return this builder
     * @throws IllegalArgumentException when it is not 32 bytes
     */
    public Builder apiV3Key(String apiV3Key) {
      byte[] key = requireNonNull(apiV3Key, "apiV3Key == null").getBytes(StandardCharsets.UTF_8);
      if (key.length != 32) {
        throw new IllegalArgumentException("apiV3Key: must be 32 bytes, got " + key.length);
      }
      this.apiV3Key = key;
      return this;
    }

    /**
     * Downloads the platform certificates (平台证书) and keeps them current, for a merchant that
     * verifies with platform certificates rather than the WeChat Pay public key (merchants registered
     * before late 2024; newer ones have only the public key). Needs {@link #apiV3Key}.
     *
     * <ul>
     *   <li><b>First download</b>: lazily, before the client's first call is sent, on the thread
     *       that runs that call (OkHttp's dispatcher thread for {@code enqueue()}; personal fields
     *       are encrypted then, for the downloaded certificate), or on {@link
     *       PayScoreClient#refreshPlatformCertificates()}; never in {@code build()}, which stays
     *       offline and cannot fail on the network. If it fails, that call fails before anything is
     *       sent and the next call tries again. A key registered here as well ({@link
     *       #wechatPayPublicKey}, {@link #platformCertificate}) is trusted from the start and pins
     *       the download; see {@link PayScoreClient#downloadPlatformCertificates(String)} for the
     *       trust model.
     *   <li><b>Rotation</b>: WeChat Pay lists a new certificate before it signs with it. When an
     *       answer or a notification (through {@link PayScoreClient#notificationParser()}) arrives
     *       under a serial the client does not know, the client downloads the list once more and
     *       verifies it again: single-flight (concurrent calls wait for one
     *       download and use its result) and at most once a minute for unknown serials (an answer
     *       under a serial still unknown after that fails with {@code UNKNOWN_SERIAL}, as without
     *       this option). The new list must be signed by a key the client already trusts.
     *   <li><b>Scope</b>: the certificates and their refresh belong to this client; no JVM-wide
     *       registry, no thread of the library's own (see {@link
     *       #autoPlatformCertificates(ScheduledExecutorService, long, TimeUnit)} for a periodic
     *       refresh on your executor).
     * </ul>
     *
     * <p>Certificates and the WeChat Pay public key work side by side during a switch-over: each
     * answer's {@code Wechatpay-Serial} picks the key.
     *
     * @return this builder
     */
    public Builder autoPlatformCertificates() {
      this.autoCertificates = true;
      return this;
    }

    /**
     * Like {@link #autoPlatformCertificates()}, and also refreshes the certificates on the given
     * executor: the first download at once, then every {@code period} after the previous one ended.
     * A refresh in the overlap, while WeChat Pay still signs with the certificate the client knows,
     * learns the next one before answers switch to it. A failed refresh keeps the certificates in
     * force, is logged (with {@link #logger}) and is tried again at the next period. {@link
     * PayScoreClient#close()} stops it; the executor stays yours.
     *
     * @param executor runs the refresh; the library starts no thread of its own
     * @param period the time between two refreshes, at least one minute
     * @param unit its unit
     * @return this builder
     */
    public Builder autoPlatformCertificates(ScheduledExecutorService executor, long period, TimeUnit unit) {
      requireNonNull(executor, "executor == null");
      long millis = millis(period, unit, "period");
      if (millis < TimeUnit.MINUTES.toMillis(1)) {
        throw new IllegalArgumentException("period: at least one minute, got " + millis + " ms");
      }
      this.autoCertificates = true;
      this.refreshExecutor = executor;
      this.refreshPeriodMillis = millis;
      return this;
    }

    /** Replaces the time source of the unknown-serial rate limit. For tests. */
    Builder certificateTicker(PlatformCertificates.Ticker ticker) {
      this.ticker = requireNonNull(ticker, "ticker == null");
      return this;
    }

    /**
     * Sets the clock for request timestamps and answer windows (default the system clock). For tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the source of request nonces (default 32 secure random alphanumerics). For tests.
     *
     * @param nonceGenerator the source
     * @return this builder
     */
    public Builder nonceGenerator(NonceGenerator nonceGenerator) {
      this.nonceGenerator = requireNonNull(nonceGenerator, "nonceGenerator == null");
      return this;
    }

    /**
     * Switches logging on: method, path, status, Request-ID, timings. Off by default.
     *
     * @param logger receives the lines
     * @return this builder
     */
    public Builder logger(PayScoreLogger logger) {
      this.logger = requireNonNull(logger, "logger == null");
      return this;
    }

    /**
     * Adds request and verified answer bodies to the log lines (default off). Bodies may hold
     * personal data; switch this on only where such logs are allowed.
     *
     * @param logBodies true to log bodies
     * @return this builder
     */
    public Builder logBodies(boolean logBodies) {
      this.logBodies = logBodies;
      return this;
    }

    /**
     * Sets the largest answer body read (default 1 MiB); a larger one fails with {@link
     * WechatPayResponseException} without being read.
     *
     * @param bytes at least 1 KiB
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes: at least 1024, got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Sets the signature scheme (default {@link SignatureScheme#RSA}). {@link SignatureScheme#SM2}
     * (国密) needs an SM2 merchant key ({@link dev.payscore.auth.PemKeys#privateKey} reads it) and
     * WeChat Pay's SM2 public key or certificate, and {@code org.bouncycastle:bcprov-jdk18on}.
     *
     * @param scheme the scheme
     * @return this builder
     */
    public Builder signatureScheme(SignatureScheme scheme) {
      this.signatureScheme = requireNonNull(scheme, "scheme == null");
      return this;
    }

    /**
     * Retries failures that are safe to retry, as the policy says (default: no retry).
     *
     * @param retryPolicy the policy, or {@code null} for none
     * @return this builder
     */
    public Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /**
     * Signs and verifies with this JCA provider instance (used explicitly, never registered
     * globally), or with the JDK's default providers for {@code null}. When this is not called, the
     * client uses a native-backed provider if the application has one on its class path (Conscrypt
     * or Amazon Corretto Crypto Provider, see {@link CryptoProviders#nativeProvider()}): RSA
     * signing is several times faster there, and PKCS#1 v1.5 signatures are byte-identical.
     *
     * @param provider the provider, or {@code null} for the JDK's
     * @return this builder
     */
    public Builder cryptoProvider(@Nullable Provider provider) {
      this.cryptoProvider = provider;
      this.cryptoProviderSet = true;
      return this;
    }

    /**
     * Returns the client.
     *
     * @return an immutable, thread-safe client
     * @throws IllegalStateException listing everything that must be fixed first
     */
    public PayScoreClient build() {
      List<String> problems = new ArrayList<>();
      if (merchantId == null) {
        problems.add("merchantId is not set (商户号, e.g. 1900000109)");
      } else if (!merchantId.matches("[0-9]{1,32}")) {
        problems.add("merchantId must be digits, e.g. 1900000109");
      }
      if (merchantSerialNumber == null) {
        problems.add(
            "merchantSerialNumber is not set (openssl x509 -in apiclient_cert.pem -noout -serial)");
      } else if (!merchantSerialNumber.matches("[0-9A-Fa-f]{1,64}")) {
        problems.add("merchantSerialNumber must be the certificate serial in hex");
      }
      if (merchantPrivateKey == null) {
        problems.add("merchantPrivateKey is not set (apiclient_key.pem)");
      } else if (!signatureScheme.fits(merchantPrivateKey)) {
        problems.add("merchantPrivateKey is " + SignatureScheme.describeKey(merchantPrivateKey)
            + " but the scheme " + signatureScheme.authorizationScheme() + " needs an "
            + signatureScheme.name() + " key");
      }
      ResponseVerifier builtVerifier = null;
      if (autoCertificates && apiV3Key == null) {
        problems.add("autoPlatformCertificates needs the APIv3 key: set apiV3Key(key), the key that"
            + " decrypts the platform certificates");
      }
      if (keyCount == 0 && !autoCertificates) {
        problems.add(
            "no WeChat Pay key to verify answers: set wechatPayPublicKey(PUB_KEY_ID_…, key) and/or"
                + " platformCertificate(certificate), or apiV3Key(key).autoPlatformCertificates()");
      } else if (keyCount > 0) {
        builtVerifier = verifier.clock(clock).provider(provider()).build();
        if (merchantSerialNumber != null
            && builtVerifier.keys().contains(merchantSerialNumber.toUpperCase(Locale.ROOT))) {
          problems.add(
              "the merchant's own certificate serial is registered as a WeChat Pay key: register"
                  + " the WeChat Pay public key or platform certificate instead");
        }
        String misfit = builtVerifier.keys().misfit(signatureScheme);
        if (misfit != null) {
          problems.add(misfit);
        }
      }
      HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (url == null) {
        problems.add("baseUrl is not an http(s) URL");
      } else if (!url.isHttps() && !isLoopback(url.host())) {
        problems.add("baseUrl must use https:// (http:// only for 127.0.0.1, ::1 or localhost)");
      } else if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
        problems.add("baseUrl must not carry credentials (user:password@): WeChat Pay takes none");
      } else if (url.encodedQuery() != null || url.encodedFragment() != null) {
        problems.add("baseUrl must not have a query or a fragment");
      }
      if (!problems.isEmpty()) {
        StringBuilder message = new StringBuilder("PayScoreClient cannot be built:");
        for (String problem : problems) {
          message.append("\n - ").append(problem);
        }
        throw new IllegalStateException(message.toString());
      }
      RequestSigner signer =
          new RequestSigner(merchantId, merchantSerialNumber, merchantPrivateKey, clock, nonceGenerator,
              signatureScheme == SignatureScheme.RSA ? provider() : null, signatureScheme);
      AtomicReference<ResponseVerifier> verifierRef = new AtomicReference<>(builtVerifier);
      CertificateDownloader downloader = null;
      PlatformCertificates certificates = null;
      if (apiV3Key != null) {
        downloader = new CertificateDownloader(url, apiV3Key, windowSeconds, clock, provider());
        certificates = new PlatformCertificates(downloader, verifierRef, signatureScheme,
            merchantSerialNumber.toUpperCase(Locale.ROOT), logger, ticker);
      }
      WechatPayInterceptor interceptor =
          new WechatPayInterceptor(
              signer,
              verifierRef,
              UserAgent.VALUE,
              maxResponseBytes,
              logger,
              logBodies,
              MOSHI,
              autoCertificates ? certificates : null);
      OkHttpClient.Builder http;
      if (okHttpClient != null) {
        http = okHttpClient.newBuilder(); // its own timeouts stay unless set here
      } else {
        http = new OkHttpClient.Builder()
            .connectTimeout(5_000, TimeUnit.MILLISECONDS)
            .readTimeout(10_000, TimeUnit.MILLISECONDS)
            .writeTimeout(10_000, TimeUnit.MILLISECONDS)
            .callTimeout(30_000, TimeUnit.MILLISECONDS);
      }
      if (connectTimeoutMillis != null) {
        http.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (readTimeoutMillis != null) {
        http.readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (writeTimeoutMillis != null) {
        http.writeTimeout(writeTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (callTimeoutMillis != null) {
        http.callTimeout(callTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      if (okHttpClient == null && !url.isHttps()) {
        // http:// is only allowed for loopback (tests, the sandbox), and calls go only to the base URL
        // (no redirect is followed): TLS is never needed, so OkHttp does not load the JDK's trust store
        // and TLS machinery when the client is built.
        http.connectionSpecs(java.util.Collections.singletonList(okhttp3.ConnectionSpec.CLEARTEXT));
      }
      // No silent re-send of a POST on a failed connection, whatever a shared client says; retries
      // happen only through the RetryPolicy. No redirect is followed.
      http.retryOnConnectionFailure(false).followRedirects(false).followSslRedirects(false);
      final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
      http.addInterceptor(new ClosedGuard(closed));
      if (retryPolicy != null) {
        http.addInterceptor(new RetryInterceptor(retryPolicy, url)); // before signing: each attempt signed afresh
      }
      http.addInterceptor(interceptor);
      OkHttpClient built = http.build();
      if (downloader != null) {
        downloader.bind(built);
      }
      PayScoreClient client = new PayScoreClient(url, merchantId, merchantSerialNumber.toUpperCase(Locale.ROOT),
          signatureScheme, closed, built, okHttpClient == null, verifierRef, certificates, autoCertificates,
          apiV3Key == null ? null : new String(apiV3Key, StandardCharsets.UTF_8));
      if (certificates != null && refreshExecutor != null) {
        certificates.scheduleOn(refreshExecutor, refreshPeriodMillis, TimeUnit.MILLISECONDS);
      }
      return client;
    }

    /** Fails every call of a closed client before anything is sent. */
    private static final class ClosedGuard implements okhttp3.Interceptor {
      private final java.util.concurrent.atomic.AtomicBoolean closed;

      ClosedGuard(java.util.concurrent.atomic.AtomicBoolean closed) {
        this.closed = closed;
      }

      @Override
      public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
        if (closed.get()) {
          throw new java.io.IOException("PayScoreClient is closed: build a new one");
        }
        return chain.proceed(chain.request());
      }
    }

    private @Nullable Provider provider() {
      return cryptoProviderSet ? cryptoProvider : CryptoProviders.nativeProvider();
    }

    private static boolean isLoopback(String host) {
      return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
    }

    private static long millis(long timeout, TimeUnit unit, String name) {
      requireNonNull(unit, "unit == null");
      if (timeout < 0) {
        throw new IllegalArgumentException(name + ": must be >= 0, got " + timeout);
      }
      return unit.toMillis(timeout);
    }
  }
}
