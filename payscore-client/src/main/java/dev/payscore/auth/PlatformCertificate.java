package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import dev.payscore.internal.crypto.Sm2;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.jspecify.annotations.Nullable;

/**
 * A WeChat Pay platform certificate (平台证书), RSA or SM2: its PEM text, serial number, public key
 * and validity, as read from the certificate itself. {@code PayScoreClient} returns these from a
 * download; {@link #parse(String)} reads one saved as {@code wechatpay_<serial>.pem}. Immutable and
 * thread-safe.
 */
public final class PlatformCertificate {
  private final String pem;
  private final String serialNumber;
  private final PublicKey publicKey;
  private final @Nullable X509Certificate certificate;
  private final long notBeforeMillis;
  private final long notAfterMillis;

  private PlatformCertificate(String pem, String serialNumber, PublicKey publicKey,
      @Nullable X509Certificate certificate, Date notBefore, Date notAfter) {
    this.pem = pem;
    this.serialNumber = serialNumber;
    this.publicKey = publicKey;
    this.certificate = certificate;
    this.notBeforeMillis = notBefore.getTime();
    this.notAfterMillis = notAfter.getTime();
  }

  /**
   * Reads a platform certificate from its PEM text: an RSA certificate with the JDK, an SM2
   * certificate (国密) with Bouncy Castle ({@code org.bouncycastle:bcprov-jdk18on}, which the JDK's
   * X.509 parser does not replace).
   *
   * @param pem {@code BEGIN CERTIFICATE}
   * @return the certificate
   * @throws IllegalArgumentException when the text is not an RSA or SM2 X.509 certificate; the
   *     message never quotes the text
   */
  public static PlatformCertificate parse(String pem) {
    requireNonNull(pem, "pem == null");
    X509Certificate x509 = null;
    try {
      x509 = PemKeys.certificate(pem);
    } catch (IllegalArgumentException notForTheJdk) {
      // An SM2 certificate: the JDK cannot read its key. Tried below.
    }
    if (x509 != null) {
      PublicKey key = x509.getPublicKey();
      if (!SignatureScheme.RSA.fits(key) && !SignatureScheme.SM2.fits(key)) {
        throw new IllegalArgumentException(
            "certificate: holds " + SignatureScheme.describeKey(key) + ", expected RSA or SM2");
      }
      return new PlatformCertificate(pem, PemKeys.serialNumber(x509), key, x509, x509.getNotBefore(),
          x509.getNotAfter());
    }
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("certificate: expected PEM with BEGIN CERTIFICATE");
    }
    Object[] parts;
    try {
      parts = Sm2.certificateFromDer(PemKeys.decode(pem, "CERTIFICATE", "certificate"));
    } catch (NoClassDefFoundError e) {
      throw new IllegalArgumentException("certificate: not one the JDK reads; an SM2 certificate needs"
          + " org.bouncycastle:bcprov-jdk18on on the class path");
    }
    if (parts == null) {
      throw new IllegalArgumentException("certificate: not an RSA or SM2 X.509 certificate");
    }
    return new PlatformCertificate(pem, (String) parts[0], (PublicKey) parts[1], null, (Date) parts[2],
        (Date) parts[3]);
  }

  /**
   * Returns the serial number, as {@code Wechatpay-Serial} names it.
   *
   * @return upper-case hex, e.g. {@code 5157F09EFDC096DE15EBE81A47057A7232F1B8E1}
   */
  public String serialNumber() {
    return serialNumber;
  }

  /**
   * Returns the certificate as PEM text, as WeChat Pay sent it (decrypted).
   *
   * @return {@code -----BEGIN CERTIFICATE----- …}
   */
  public String pem() {
    return pem;
  }

  /**
   * Returns the public key that verifies WeChat Pay's signatures under {@link #serialNumber()}.
   *
   * @return an RSA or SM2 public key
   */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * Returns the scheme of the certificate's key.
   *
   * @return {@link SignatureScheme#RSA} or {@link SignatureScheme#SM2}
   */
  public SignatureScheme scheme() {
    return SignatureScheme.RSA.fits(publicKey) ? SignatureScheme.RSA : SignatureScheme.SM2;
  }

  /**
   * Returns the certificate as the JDK reads it.
   *
   * @return the X.509 certificate, or {@code null} for an SM2 certificate, which the JDK cannot read
   */
  public @Nullable X509Certificate certificate() {
    return certificate;
  }

  /**
   * Returns the start of the validity period (notBefore).
   *
   * @return a new {@link Date} each time
   */
  public Date notBefore() {
    return new Date(notBeforeMillis);
  }

  /**
   * Returns the end of the validity period (notAfter).
   *
   * @return a new {@link Date} each time
   */
  public Date notAfter() {
    return new Date(notAfterMillis);
  }

  /**
   * Returns whether the certificate is within its validity period at a moment.
   *
   * @param epochSeconds the moment, in seconds since 1970-01-01T00:00:00Z
   * @return true when notBefore &lt;= moment &lt;= notAfter
   */
  public boolean isValidAt(long epochSeconds) {
    long millis = epochSeconds * 1000L;
    return notBeforeMillis <= millis && millis <= notAfterMillis;
  }

  @Override
  public String toString() {
    return "PlatformCertificate{serial=" + serialNumber + ", " + scheme() + ", notBefore=" + notBeforeMillis / 1000
        + ", notAfter=" + notAfterMillis / 1000 + "}";
  }
}
