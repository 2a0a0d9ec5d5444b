package dev.payscore.sandbox;

import dev.payscore.auth.Clock;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.Aead;
import dev.payscore.internal.crypto.KeyPairs;
import dev.payscore.model.CertificateList;
import dev.payscore.model.EncryptCertificate;
import dev.payscore.model.EncryptedPlatformCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's platform certificates in certificate mode: self-signed certificates (RSA, or SM2 in
 * 国密 mode) valid five years, made with Bouncy Castle's ASN.1 classes and the client's crypto core.
 * Answers are signed with the newest; the list ({@code GET /v3/certificates}) holds every certificate
 * issued and is signed with the oldest listed, so that a client that knows any listed certificate can
 * verify it (whether WeChat Pay signs its list the same way is not published). {@link #rotate()}
 * lists a new certificate, then switches answers to it. Thread-safe.
 */
final class SandboxCertificates {
  private static final long DAY_MILLIS = 86_400_000L;

  /** One certificate, with its key. */
  private static final class Issued {
    final PlatformKey key;
    final String pem;
    final Date notBefore;
    final Date notAfter;

    Issued(PlatformKey key, String pem, Date notBefore, Date notAfter) {
      this.key = key;
      this.pem = pem;
      this.notBefore = notBefore;
      this.notAfter = notAfter;
    }
  }

  private final SignatureScheme scheme;
  private final Clock clock;
  private final List<Issued> listed = new ArrayList<>();
  private Issued current;

  SandboxCertificates(SignatureScheme scheme, Clock clock) {
    this.scheme = scheme;
    this.clock = clock;
    this.current = issue();
    listed.add(current);
  }

  /** The source of the key answers are signed with: the newest certificate's. */
  PlatformKey.Source signing() {
    return new PlatformKey.Source() {
      @Override
      public PlatformKey current() {
        synchronized (SandboxCertificates.this) {
          return current.key;
        }
      }
    };
  }

  /** Lists a new certificate, then signs answers with it; returns its serial. */
  synchronized String rotate() {
    Issued next = issue();
    listed.add(next);
    current = next;
    return next.key.id;
  }

  /** The key the list is signed with: the oldest certificate listed. */
  synchronized PlatformKey listSigner() {
    return listed.get(0).key;
  }

  /** The private key of a listed certificate, for fields encrypted under it; {@code null} when none is listed so. */
  synchronized @Nullable PrivateKey keyFor(@Nullable String serial) {
    for (Issued issued : listed) {
      if (issued.key.id.equals(serial)) {
        return issued.key.privateKey;
      }
    }
    return null;
  }

  /** Serial to PEM, oldest first. */
  synchronized Map<String, String> pems() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Issued issued : listed) {
      out.put(issued.key.id, issued.pem);
    }
    return out;
  }

  /** The list for an {@code algorithm_type}, each certificate encrypted under the APIv3 key. */
  synchronized CertificateList list(String algorithmType, String apiV3Key) {
    List<EncryptedPlatformCertificate> data = new ArrayList<>();
    boolean wanted = algorithmType.equals("ALL") || algorithmType.equals(scheme.name());
    String algorithm = scheme == SignatureScheme.SM2 ? Aead.AEAD_SM4_GCM : Aead.AEAD_AES_256_GCM;
    for (Issued issued : wanted ? listed : new ArrayList<Issued>()) {
      String nonce = Ids.random(12, true);
      byte[] ciphertext = Aead.seal(algorithm, apiV3Key.getBytes(StandardCharsets.UTF_8), nonce, "certificate",
          issued.pem.getBytes(StandardCharsets.UTF_8));
      data.add(EncryptedPlatformCertificate.builder()
          .serialNo(issued.key.id)
          .effectiveTime(rfc3339(issued.notBefore))
          .expireTime(rfc3339(issued.notAfter))
          .encryptCertificate(EncryptCertificate.builder().algorithm(algorithm).nonce(nonce)
              .associatedData("certificate").ciphertext(Base64.getEncoder().encodeToString(ciphertext)).build())
          .build());
    }
    return CertificateList.builder().data(data).build();
  }

  private static String rfc3339(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'+08:00'", Locale.ROOT);
    format.setTimeZone(TimeZone.getTimeZone("GMT+08:00"));
    return format.format(date);
  }

  /** A new key pair and its self-signed certificate, valid from a day ago for five years. */
  private Issued issue() {
    boolean sm2 = scheme == SignatureScheme.SM2;
    KeyPair pair = KeyPairs.generate(sm2);
    String serial = Ids.random(40, true);
    if (serial.charAt(0) == '0') {
      serial = 'A' + serial.substring(1); // as X.509 keeps it: no leading zero
    }
    long now = clock.epochSeconds() * 1000L;
    Date notBefore = new Date(now - DAY_MILLIS);
    Date notAfter = new Date(now + 5 * 365 * DAY_MILLIS);
    PlatformKey key = new PlatformKey(serial, pair.getPrivate());
    try {
      X500Name name = new X500Name("CN=Tenpay.com sandbox platform certificate, O=payscore-sandbox");
      AlgorithmIdentifier algorithm = sm2 ? new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3)
          : new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
      V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
      generator.setSerialNumber(new ASN1Integer(new BigInteger(serial, 16)));
      generator.setIssuer(name);
      generator.setSubject(name);
      generator.setStartDate(new Time(notBefore));
      generator.setEndDate(new Time(notAfter));
      generator.setSignature(algorithm);
      generator.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
      TBSCertificate tbs = generator.generateTBSCertificate();
      byte[] signature = key.signer.sign(tbs.getEncoded(ASN1Encoding.DER));
      byte[] der = new DERSequence(new ASN1Encodable[] {tbs, algorithm, new DERBitString(signature)})
          .getEncoded(ASN1Encoding.DER);
      String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
          + "\n-----END CERTIFICATE-----\n";
      return new Issued(key, pem, notBefore, notAfter);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the sandbox's platform certificate", e);
    }
  }
}
