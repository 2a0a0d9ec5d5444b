package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.auth.PlatformCertificate;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPayCertificateException;
import dev.payscore.exception.WechatPayCertificateException.Reason;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CertificateList;
import dev.payscore.testing.CertificateLists;
import dev.payscore.testing.Secrets;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.TestServers;
import dev.payscore.testing.WechatPayResponses;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One download of the platform certificates: decrypted, read, checked and verified, or refused
 * whole with a typed exception while the client keeps the keys it had.
 */
class CertificateDownloaderTest {
  static final String API_V3_KEY = "0123456789abcdefghijklmnopqrstuv";
  static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  static final KeyPair PLATFORM = TestKeys.other();
  static final X509Certificate CERTIFICATE = TestKeys.certificate(PLATFORM, new BigInteger(SERIAL, 16));

  static {
    Secrets.register(API_V3_KEY);
  }

  private final MockWebServer server = TestServers.mockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  PayScoreClient.Builder builder() {
    return PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .apiV3Key(API_V3_KEY)
        .autoPlatformCertificates()
        .baseUrl(server.url("/").toString());
  }

  /** The list signed by its own certificate, as WeChat Pay signs it. */
  static MockResponse signedByItsCertificate(String body) {
    return WechatPayResponses.signed(200, body, System.currentTimeMillis() / 1000, SERIAL, PLATFORM.getPrivate());
  }

  @Test
  void firstDownloadDecryptsChecksAndVerifiesWithTheListedCertificate() throws Exception {
    server.enqueue(signedByItsCertificate(CertificateLists.list(API_V3_KEY, CERTIFICATE)));
    PayScoreClient client = builder().build();

    List<PlatformCertificate> certificates = client.downloadPlatformCertificates("RSA");

    assertEquals(1, certificates.size());
    PlatformCertificate certificate = certificates.get(0);
    assertEquals(SERIAL, certificate.serialNumber());
    assertEquals(CERTIFICATE, certificate.certificate());
    assertEquals(CertificateLists.pem(CERTIFICATE), certificate.pem());
    assertEquals(SignatureScheme.RSA, certificate.scheme());
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v3/certificates?algorithm_type=RSA", request.getPath());
    assertTrue(WechatPayResponses.requestSignatureValid(request, TestKeys.merchant().getPublic()),
        "the download is signed like every request");
    assertNull(request.getHeader("Wechatpay-Serial"), "no key is known yet to name");
    assertThrows(IllegalStateException.class, client::verifier, "a download alone puts nothing in force");
  }

  @Test
  void refusesACiphertextWithOneByteAltered() throws Exception {
    server.enqueue(signedByItsCertificate(
        CertificateLists.list(CertificateLists.entry(CERTIFICATE, API_V3_KEY).tamperCiphertext(100))));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.DECRYPTION_FAILED, e.getReason());
    assertTrue(e.getMessage().contains("the APIv3 key is wrong, or the certificate was altered"), e.getMessage());
  }

  @Test
  void refusesAnAlteredNonceOrAssociatedData() {
    CertificateLists.Entry nonce = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    nonce.nonce = "61f9c719728b";
    CertificateLists.Entry associatedData = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    associatedData.associatedData = "certificatE";
    for (CertificateLists.Entry entry : new CertificateLists.Entry[] {nonce, associatedData}) {
      server.enqueue(signedByItsCertificate(CertificateLists.list(entry)));
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          () -> builder().build().downloadPlatformCertificates("RSA"));
      assertEquals(Reason.DECRYPTION_FAILED, e.getReason());
    }
  }

  @Test
  void refusesTheListUnderAnotherApiV3KeyWithoutQuotingEitherKey() {
    String otherKey = "vutsrqponmlkjihgfedcba9876543210";
    Secrets.register(otherKey);
    server.enqueue(signedByItsCertificate(CertificateLists.list(otherKey, CERTIFICATE)));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.DECRYPTION_FAILED, e.getReason());
    assertFalse(e.getMessage().contains(API_V3_KEY) || e.getMessage().contains(otherKey), e.getMessage());
  }

  @Test
  void refusesACertificateWhoseSerialIsNotTheListedOne() {
    CertificateLists.Entry entry = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    entry.serialNo = "5157F09EFDC096DE15EBE81A47057A7232F1B8E2";
    server.enqueue(WechatPayResponses.signed(200, CertificateLists.list(entry), System.currentTimeMillis() / 1000,
        entry.serialNo, PLATFORM.getPrivate()));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.SERIAL_MISMATCH, e.getReason());
    assertTrue(e.getMessage().contains("has the serial " + SERIAL), e.getMessage());
  }

  @Test
  void listedSerialsMatchWhateverTheirCaseAndLeadingZeros() throws Exception {
    CertificateLists.Entry entry = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    entry.serialNo = "00" + SERIAL.toLowerCase(java.util.Locale.ROOT);
    server.enqueue(signedByItsCertificate(CertificateLists.list(entry)));
    assertEquals(SERIAL, builder().build().downloadPlatformCertificates("RSA").get(0).serialNumber());
  }

  @Test
  void refusesAListedSerialThatIsNotPlainHexadecimal() {
    // BigInteger alone would read "+…" and full-width digits as the same number.
    String fullWidth = SERIAL.replace('1', '\uff11');
    for (String listed : new String[] {"+" + SERIAL, fullWidth, " " + SERIAL}) {
      CertificateLists.Entry entry = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
      entry.serialNo = listed;
      server.enqueue(signedByItsCertificate(CertificateLists.list(entry)));
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          () -> builder().build().downloadPlatformCertificates("RSA"), listed);
      assertEquals(Reason.SERIAL_MISMATCH, e.getReason(), listed);
    }
  }

  @Test
  void refusesAnEntryThatDecryptsToMoreThanOneCertificate() {
    X509Certificate other = TestKeys.certificate(TestKeys.wechatPay(), BigInteger.valueOf(0x1234));
    CertificateLists.Entry entry = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    entry.ciphertext = CertificateLists.encrypt(API_V3_KEY, entry.nonce, entry.associatedData,
        CertificateLists.pem(CERTIFICATE) + CertificateLists.pem(other));
    server.enqueue(signedByItsCertificate(CertificateLists.list(entry)));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.MALFORMED, e.getReason());
    assertTrue(e.getMessage().contains("more than one PEM block"), e.getMessage());
  }

  @Test
  void refusesAnExpiredOrNotYetValidCertificate() {
    long now = System.currentTimeMillis();
    X509Certificate expired = TestKeys.certificate(PLATFORM, new BigInteger(SERIAL, 16),
        new Date(now - 86_400_000L * 10), new Date(now - 86_400_000L));
    X509Certificate future = TestKeys.certificate(PLATFORM, new BigInteger(SERIAL, 16),
        new Date(now + 86_400_000L), new Date(now + 86_400_000L * 10));
    for (X509Certificate certificate : new X509Certificate[] {expired, future}) {
      server.enqueue(signedByItsCertificate(CertificateLists.list(API_V3_KEY, certificate)));
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          () -> builder().build().downloadPlatformCertificates("RSA"));
      assertEquals(Reason.OUTSIDE_VALIDITY, e.getReason());
      assertTrue(e.getMessage().contains(certificate == expired ? "expired at" : "is valid only from"),
          e.getMessage());
    }
  }

  @Test
  void oneBadCertificateRefusesTheWholeList() {
    KeyPair second = TestKeys.wechatPay();
    X509Certificate good = TestKeys.certificate(second, BigInteger.valueOf(0x1234));
    server.enqueue(signedByItsCertificate(CertificateLists.list(CertificateLists.entry(good, API_V3_KEY),
        CertificateLists.entry(CERTIFICATE, API_V3_KEY).tamperCiphertext(3))));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.DECRYPTION_FAILED, e.getReason());
  }

  @Test
  void firstDownloadMustBeSignedByOneOfItsOwnCertificates() {
    server.enqueue(WechatPayResponses.signed(200, CertificateLists.list(API_V3_KEY, CERTIFICATE),
        System.currentTimeMillis() / 1000, "7D3A1B", TestKeys.wechatPay().getPrivate()));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.UNTRUSTED_SIGNER, e.getReason());
    assertTrue(e.getMessage().contains("signed under 7D3A1B, which is none of the certificates it lists"),
        e.getMessage());
  }

  @Test
  void refusesAListWhoseSignatureDoesNotCoverItsBody() {
    CertificateLists.Entry other = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    other.effectiveTime = "2019-06-08T10:34:56+08:00"; // a valid list, but not the one signed
    MockResponse altered = signedByItsCertificate(CertificateLists.list(API_V3_KEY, CERTIFICATE))
        .setBody(CertificateLists.list(other));
    server.enqueue(altered);
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.SIGNATURE_INVALID, e.getReason());
    assertEquals(WechatPaySignatureException.Reason.SIGNATURE_MISMATCH,
        ((WechatPaySignatureException) e.getCause()).getReason());
  }

  @Test
  void pinnedListMustBeSignedByAKeyTheClientTrusts() throws Exception {
    PayScoreClient client = builder().wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .build();
    // Signed by its own certificate, which the client does not trust yet: refused.
    server.enqueue(signedByItsCertificate(CertificateLists.list(API_V3_KEY, CERTIFICATE)));
    WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
        client::refreshPlatformCertificates);
    assertEquals(Reason.UNTRUSTED_SIGNER, e.getReason());
    assertTrue(e.getMessage().contains("which the client does not trust; it trusts [" + TestKeys.PUBLIC_KEY_ID + "]"),
        e.getMessage());
    assertEquals(java.util.Collections.singleton(TestKeys.PUBLIC_KEY_ID), client.verifier().keys().ids(),
        "the keys in force are kept");
    assertEquals(TestKeys.PUBLIC_KEY_ID, server.takeRequest().getHeader("Wechatpay-Serial"));

    // Signed by the WeChat Pay public key the client trusts: taken, beside the public key.
    server.enqueue(WechatPayResponses.signed(200, CertificateLists.list(API_V3_KEY, CERTIFICATE)));
    client.refreshPlatformCertificates();
    assertEquals(new java.util.LinkedHashSet<>(java.util.Arrays.asList(TestKeys.PUBLIC_KEY_ID, SERIAL)),
        client.verifier().keys().ids());
  }

  @Test
  void aMerchantWithoutCertificatesGetsATypedErrorNeverAnEmptySuccess() {
    String[] codes = {"RESOURCE_NOT_EXISTS", "NOT_FOUND"};
    for (String code : codes) {
      server.enqueue(new MockResponse().setResponseCode(404).setHeader("Request-ID", "R-1")
          .setBody("{\"code\":\"" + code + "\",\"message\":\"无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥\"}"));
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          () -> builder().build().downloadPlatformCertificates("RSA"));
      assertEquals(Reason.NO_CERTIFICATES, e.getReason());
      assertEquals(404, e.getHttpStatus());
      assertEquals("R-1", e.getRequestId());
      assertTrue(e.getMessage().contains("(" + code + "): it verifies with the WeChat Pay public key"), e.getMessage());
      assertInstanceOf(WechatPayApiException.class, e.getCause());
    }
    server.enqueue(signedByItsCertificate("{\"data\":[]}"));
    WechatPayCertificateException empty = assertThrows(WechatPayCertificateException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals(Reason.NO_CERTIFICATES, empty.getReason());
  }

  @Test
  void otherErrorsStayApiErrors() {
    server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}"));
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> builder().build().downloadPlatformCertificates("RSA"));
    assertEquals("SYSTEM_ERROR", e.getCode());
  }

  @Test
  void refusesAListThatBreaksTheContract() {
    CertificateLists.Entry unknownAlgorithm = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    unknownAlgorithm.algorithm = "AEAD_CHACHA20_POLY1305";
    CertificateLists.Entry notBase64 = CertificateLists.entry(CERTIFICATE, API_V3_KEY);
    notBase64.ciphertext = "%%%";
    String notACertificate = "{\"data\":[{\"serial_no\":\"" + SERIAL + "\",\"effective_time\":\"a\",\"expire_time\":\"b\","
        + "\"encrypt_certificate\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"nonce\":\"61f9c719728a\",\"associated_data\":"
        + "\"certificate\",\"ciphertext\":\"" + CertificateLists.encrypt(API_V3_KEY, "61f9c719728a", "certificate",
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") + "\"}}]}";
    String[] bodies = {
      "{\"data\":[{\"serial_no\":\"" + SERIAL + "\"}]}",
      "{\"data\":{}}",
      "not json",
      "{\"data\":[]} {}",
      CertificateLists.list(unknownAlgorithm),
      CertificateLists.list(notBase64),
      notACertificate,
    };
    for (String body : bodies) {
      server.enqueue(signedByItsCertificate(body));
      WechatPayCertificateException e = assertThrows(WechatPayCertificateException.class,
          () -> builder().build().downloadPlatformCertificates("RSA"), body);
      assertEquals(Reason.MALFORMED, e.getReason(), body);
    }
  }

  @Test
  void listsTheAlgorithmAskedFor() throws Exception {
    for (String algorithm : new String[] {"SM2", "ALL"}) {
      server.enqueue(signedByItsCertificate(CertificateLists.list(API_V3_KEY, CERTIFICATE)));
      builder().build().downloadPlatformCertificates(algorithm);
      assertEquals("/v3/certificates?algorithm_type=" + algorithm, server.takeRequest().getPath());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder().build().downloadPlatformCertificates("rsa"));
    assertEquals("algorithmType: must be RSA, SM2 or ALL, got rsa", e.getMessage());
  }

  @Test
  void decryptsSm2CertificatesWithSm4Gcm() throws Exception {
    KeyPair sm2 = dev.payscore.internal.crypto.Sm2.generateKeyPair();
    BigInteger sm2Serial = new BigInteger("7E2A", 16);
    long now = System.currentTimeMillis();
    String sm2Pem = CertificateLists.sm2CertificatePem(sm2, sm2Serial, new Date(now - 60_000), new Date(now + 86_400_000L));
    server.enqueue(signedByItsCertificate(CertificateLists.list(CertificateLists.entry(CERTIFICATE, API_V3_KEY),
        CertificateLists.sm2Entry(sm2Pem, sm2Serial, API_V3_KEY))));

    List<PlatformCertificate> certificates = builder().build().downloadPlatformCertificates("ALL");

    assertEquals(2, certificates.size());
    assertEquals(SignatureScheme.SM2, certificates.get(1).scheme());
    assertEquals("7E2A", certificates.get(1).serialNumber());
    assertEquals(sm2Pem, certificates.get(1).pem());
    assertEquals(sm2.getPublic(), certificates.get(1).publicKey());
  }

  @Test
  void needsTheApiV3Key() {
    PayScoreClient client = PayScoreClient.builder().merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL).merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, client::refreshPlatformCertificates);
    assertTrue(e.getMessage().contains("apiV3Key(key)"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theContractOperationVerifiesTheListLikeAnyAnswer() throws Exception {
    PayScoreClient client = PayScoreClient.builder().merchantId(TestKeys.MERCHANT_ID)
        .merchantSerialNumber(TestKeys.MERCHANT_SERIAL).merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
    server.enqueue(WechatPayResponses.signed(200, CertificateLists.list(API_V3_KEY, CERTIFICATE)));
    CertificateList list = client.certificates().listCertificates("SM2").execute().body();
    assertEquals(SERIAL, list.getData().get(0).getSerialNo());
    assertEquals("/v3/certificates?algorithm_type=SM2", server.takeRequest().getPath());

    server.enqueue(signedByItsCertificate(CertificateLists.list(API_V3_KEY, CERTIFICATE)));
    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> client.certificates().listCertificates(null).execute());
    assertEquals(WechatPaySignatureException.Reason.UNKNOWN_SERIAL, e.getReason());
  }
}
