package dev.payscore;

import static java.util.Objects.requireNonNull;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.payscore.auth.Clock;
import dev.payscore.auth.HeaderSource;
import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.ResponseVerifier;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.exception.WechatPayCertificateException.Reason;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.internal.crypto.Aead;
import dev.payscore.model.CertificateList;
import dev.payscore.model.EncryptCertificate;
import dev.payscore.model.EncryptedPlatformCertificate;
import dev.payscore.model.ValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.AEADBadTagException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * One platform certificate download, {@code GET /v3/certificates}, through the client's own signed
 * OkHttp client, checked before anything of it is returned: each certificate is decrypted with the
 * APIv3 key ({@code AEAD_AES_256_GCM}, or {@code AEAD_SM4_GCM} for SM2, associated data as given),
 * read as X.509, and must carry the listed serial and be within its validity period; only then is
 * the answer's own signature verified. With keys already trusted (pinning) the signer must be one of
 * them; with none (the first download) it must be one of the certificates just decrypted, which
 * then are trusted because the APIv3 key opened them. Any failure refuses the whole list.
 *
 * <p>The interceptor leaves the answer to a request tagged {@link Tag} unverified, for this class to
 * verify; no other request can carry the tag.
 */
final class CertificateDownloader {
  /** Marks the download request: its 2xx answer is verified here, not by the interceptor. */
  static final class Tag {
    static final Tag INSTANCE = new Tag();

    private Tag() {
    }
  }

  /** Whether the request is a certificate download. */
  static boolean isDownload(Request request) {
    return request.tag(Tag.class) != null;
  }

  private final HttpUrl baseUrl;
  private final byte[] apiV3Key;
  private final long windowSeconds;
  private final Clock clock;
  private final @Nullable Provider provider;
  /** The client's OkHttp client, set once it is built (it holds the interceptor that holds this). */
  private volatile Call.@Nullable Factory http;

  CertificateDownloader(HttpUrl baseUrl, byte[] apiV3Key, long windowSeconds, Clock clock,
      @Nullable Provider provider) {
    this.baseUrl = baseUrl;
    this.apiV3Key = apiV3Key.clone();
    this.windowSeconds = windowSeconds;
    this.clock = clock;
    this.provider = provider;
  }

  void bind(Call.Factory http) {
    this.http = requireNonNull(http, "http == null");
  }

  /** A verifier builder with the client's window, clock and provider, and no key yet. */
  ResponseVerifier.Builder verifierBuilder() {
    return ResponseVerifier.builder().windowSeconds(windowSeconds).clock(clock).provider(provider);
  }

  /**
   * Downloads and checks the certificates.
   *
   * @param algorithmType {@code RSA}, {@code SM2} or {@code ALL}
   * @param trusted the keys the client trusts now, which must have signed the list; {@code null}
   *     when it trusts none yet (the list must then be signed by one of its own certificates)
   * @return the certificates, in the order listed
   * @throws WechatPayCertificateException when a check fails, or WeChat Pay has no certificates
   * @throws WechatPayApiException when WeChat Pay answers with another error
   * @throws IOException when the download fails
   */
  List<PlatformCertificate> download(String algorithmType, @Nullable ResponseVerifier trusted)
      throws IOException {
    Call.Factory client = http;
    if (client == null) {
      throw new IllegalStateException("the downloader is not bound to a client");
    }
    HttpUrl url = baseUrl.newBuilder().addPathSegments("v3/certificates")
        .addQueryParameter("algorithm_type", algorithmType).build();
    Request request = new Request.Builder().url(url).get().tag(Tag.class, Tag.INSTANCE).build();
    Response response;
    try {
      response = client.newCall(request).execute();
    } catch (WechatPayApiException e) {
      if ("RESOURCE_NOT_EXISTS".equals(e.getCode()) || "NOT_FOUND".equals(e.getCode())) {
        throw new WechatPayCertificateException(Reason.NO_CERTIFICATES, "WeChat Pay has no platform"
            + " certificates for this merchant (" + e.getCode() + "): it verifies with the WeChat Pay"
            + " public key; register it with wechatPayPublicKey(PUB_KEY_ID_…, key)", e.getHttpStatus(),
            e.getRequestId(), e);
      }
      throw e;
    }
    int status = response.code();
    String requestId = response.header("Request-ID");
    byte[] body;
    try (ResponseBody responseBody = response.body()) {
      body = responseBody == null ? new byte[0] : responseBody.bytes();
    }
    CertificateList list = parse(body, status, requestId);
    if (list.getData().isEmpty()) {
      throw new WechatPayCertificateException(Reason.NO_CERTIFICATES, "WeChat Pay listed no platform"
          + " certificates: the merchant verifies with the WeChat Pay public key", status, requestId, null);
    }
    List<PlatformCertificate> certificates = new ArrayList<>();
    ResponseVerifier.Builder own = verifierBuilder();
    for (EncryptedPlatformCertificate entry : list.getData()) {
      PlatformCertificate certificate = open(entry, status, requestId);
      certificates.add(certificate);
      try {
        register(own, certificate);
      } catch (IllegalArgumentException e) {
        throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + entry.getSerialNo()
            + ": " + e.getMessage(), status, requestId, null);
      }
    }
    verifySignature(trusted != null ? trusted : own.build(), trusted != null, response, body);
    return Collections.unmodifiableList(certificates);
  }

  /** Registers a certificate's key under its serial. */
  static void register(ResponseVerifier.Builder builder, PlatformCertificate certificate) {
    if (certificate.certificate() != null) {
      builder.certificate(certificate.certificate());
    } else {
      builder.sm2Certificate(certificate.pem());
    }
  }

  private static CertificateList parse(byte[] body, int status, @Nullable String requestId)
      throws WechatPayCertificateException {
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(body));
      CertificateList list = PayScoreClient.MOSHI.adapter(CertificateList.class).fromJson(reader);
      if (list == null || reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("not a single JSON object");
      }
      list.validate();
      return list;
    } catch (JsonDataException | JsonEncodingException | EOFException | ValidationException e) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "the list does not match the contract: "
          + e.getMessage(), status, requestId, null);
    } catch (IOException e) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "the list is not JSON", status, requestId, null);
    }
  }

  /** Decrypts one certificate and checks it: readable, the listed serial, within its validity period. */
  private PlatformCertificate open(EncryptedPlatformCertificate entry, int status, @Nullable String requestId)
      throws WechatPayCertificateException {
    String serial = entry.getSerialNo();
    EncryptCertificate encrypted = entry.getEncryptCertificate();
    String algorithm = encrypted.getAlgorithm();
    if (!Aead.isKnown(algorithm)) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + serial + " is encrypted with "
          + algorithm + ", expected " + Aead.AEAD_AES_256_GCM + " or " + Aead.AEAD_SM4_GCM, status, requestId, null);
    }
    ByteString ciphertext = ByteString.decodeBase64(encrypted.getCiphertext());
    if (ciphertext == null || ciphertext.size() < 16) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + serial
          + ": the ciphertext is not Base64 of at least 16 bytes", status, requestId, null);
    }
    String pem;
    try {
      pem = new String(Aead.open(algorithm, apiV3Key, encrypted.getNonce(), encrypted.getAssociatedData(),
          ciphertext.toByteArray()), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new WechatPayCertificateException(Reason.DECRYPTION_FAILED, "certificate " + serial + ": "
          + algorithm + " authentication failed: the APIv3 key is wrong, or the certificate was altered",
          status, requestId, null);
    } catch (LinkageError e) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + serial + ": " + algorithm
          + " needs org.bouncycastle:bcprov-jdk18on on the class path", status, requestId, null);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new WechatPayCertificateException(Reason.DECRYPTION_FAILED, "certificate " + serial + ": "
          + algorithm + " decryption failed (" + e.getClass().getSimpleName() + ")", status, requestId, null);
    }
    int first = pem.indexOf("-----BEGIN ");
    if (first >= 0 && pem.indexOf("-----BEGIN ", first + 1) >= 0) {
      // One entry, one certificate: a second block would be read past, unchecked.
      throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + serial
          + " decrypted, but holds more than one PEM block", status, requestId, null);
    }
    PlatformCertificate certificate;
    try {
      certificate = PlatformCertificate.parse(pem);
    } catch (IllegalArgumentException e) {
      throw new WechatPayCertificateException(Reason.MALFORMED, "certificate " + serial
          + " decrypted, but " + e.getMessage(), status, requestId, null);
    }
    if (!sameSerial(serial, certificate.serialNumber())) {
      throw new WechatPayCertificateException(Reason.SERIAL_MISMATCH, "the certificate listed as " + serial
          + " has the serial " + certificate.serialNumber(), status, requestId, null);
    }
    long now = clock.epochSeconds();
    if (!certificate.isValidAt(now)) {
      boolean expired = certificate.notAfter().getTime() < now * 1000L;
      throw new WechatPayCertificateException(Reason.OUTSIDE_VALIDITY, "certificate " + serial
          + (expired ? " expired at " + certificate.notAfter().getTime() / 1000
              : " is valid only from " + certificate.notBefore().getTime() / 1000)
          + " (epoch seconds); the clock says " + now, status, requestId, null);
    }
    return certificate;
  }

  /** The listed serial is hexadecimal digits only (no sign, no space) and names the certificate's. */
  private static boolean sameSerial(String listed, String actual) {
    for (int i = 0; i < listed.length(); i++) {
      if (Character.digit(listed.charAt(i), 16) < 0 || listed.charAt(i) > 'f') {
        return false;
      }
    }
    try {
      return !listed.isEmpty() && new BigInteger(listed, 16).equals(new BigInteger(actual, 16));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Verifies the list's own signature: with the trusted keys (pinned), or with its own certificates. */
  private static void verifySignature(ResponseVerifier verifier, boolean pinned, Response response, byte[] body)
      throws WechatPayCertificateException {
    final okhttp3.Headers headers = response.headers();
    try {
      verifier.verify(new HeaderSource() {
        @Override
        public List<String> values(String name) {
          return headers.values(name);
        }
      }, body, response.code());
    } catch (WechatPaySignatureException e) {
      if (e.getReason() == WechatPaySignatureException.Reason.UNKNOWN_SERIAL) {
        String serial = String.valueOf(headers.get("Wechatpay-Serial"));
        throw new WechatPayCertificateException(Reason.UNTRUSTED_SIGNER, pinned
            ? "the list is signed under " + serial + ", which the client does not trust; it trusts "
                + verifier.keys().ids() + " and takes a new list only when one of those signed it"
            : "the list is signed under " + serial + ", which is none of the certificates it lists",
            response.code(), response.header("Request-ID"), e);
      }
      throw new WechatPayCertificateException(Reason.SIGNATURE_INVALID, "the list's signature failed, "
          + e.getReason(), response.code(), response.header("Request-ID"), e);
    }
  }
}
