package dev.payscore.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Date;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds {@code GET /v3/certificates} answers as WeChat Pay does: each certificate's PEM encrypted
 * with AES-256-GCM under the APIv3 key (the JDK's cipher, not the library's), associated data
 * {@code certificate}. The entries can be altered one field at a time for the tamper cases.
 */
public final class CertificateLists {
  private CertificateLists() {}

  /** One entry of the list, before it is written; every field can be changed. */
  public static final class Entry {
    public String serialNo;
    public String effectiveTime = "2018-06-08T10:34:56+08:00";
    public String expireTime = "2030-06-07T10:34:56+08:00";
    public String algorithm = "AEAD_AES_256_GCM";
    public String nonce = "61f9c719728a";
    public String associatedData = "certificate";
    public String ciphertext;

    public String json() {
      return "{\"serial_no\":\"" + serialNo + "\",\"effective_time\":\"" + effectiveTime
          + "\",\"expire_time\":\"" + expireTime + "\",\"encrypt_certificate\":{\"algorithm\":\"" + algorithm
          + "\",\"nonce\":\"" + nonce + "\",\"associated_data\":\"" + associatedData
          + "\",\"ciphertext\":\"" + ciphertext + "\"}}";
    }

    /** Flips one bit of one byte of the ciphertext (after Base64 decoding). */
    public Entry tamperCiphertext(int index) {
      byte[] bytes = Base64.getDecoder().decode(ciphertext);
      bytes[index] ^= 0x01;
      ciphertext = Base64.getEncoder().encodeToString(bytes);
      return this;
    }
  }

  /** An entry for a certificate, encrypted under the APIv3 key, listed under its own serial. */
  public static Entry entry(X509Certificate certificate, String apiV3Key) {
    Entry entry = new Entry();
    entry.serialNo = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    entry.ciphertext = encrypt(apiV3Key, entry.nonce, entry.associatedData, pem(certificate));
    return entry;
  }

  /** The list's JSON body. */
  public static String list(Entry... entries) {
    List<String> items = new ArrayList<>();
    for (Entry entry : entries) {
      items.add(entry.json());
    }
    return "{\"data\":[" + String.join(",", items) + "]}";
  }

  /** The list of these certificates, encrypted under the APIv3 key. */
  public static String list(String apiV3Key, X509Certificate... certificates) {
    Entry[] entries = new Entry[certificates.length];
    for (int i = 0; i < certificates.length; i++) {
      entries[i] = entry(certificates[i], apiV3Key);
    }
    return list(entries);
  }

  /** An entry for an SM2 certificate's PEM, encrypted with AEAD_SM4_GCM under the APIv3 key. */
  public static Entry sm2Entry(String pem, BigInteger serial, String apiV3Key) {
    Entry entry = new Entry();
    entry.serialNo = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    entry.algorithm = dev.payscore.internal.crypto.Aead.AEAD_SM4_GCM;
    entry.ciphertext = Base64.getEncoder().encodeToString(dev.payscore.internal.crypto.Aead.seal(entry.algorithm,
        apiV3Key.getBytes(StandardCharsets.UTF_8), entry.nonce, entry.associatedData,
        pem.getBytes(StandardCharsets.UTF_8)));
    return entry;
  }

  /** A self-signed SM2 certificate (SM3withSM2, Bouncy Castle's provider used explicitly), as PEM. */
  public static String sm2CertificatePem(KeyPair sm2, BigInteger serial, Date notBefore, Date notAfter) {
    try {
      BouncyCastleProvider bc = new BouncyCastleProvider();
      PrivateKey signingKey = KeyFactory.getInstance("EC", bc)
          .generatePrivate(new PKCS8EncodedKeySpec(sm2.getPrivate().getEncoded()));
      X500Name name = new X500Name("CN=Tenpay SM2 test");
      byte[] der = new X509v3CertificateBuilder(name, serial, notBefore, notAfter, name,
          SubjectPublicKeyInfo.getInstance(sm2.getPublic().getEncoded()))
          .build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(bc).build(signingKey))
          .getEncoded();
      return TestKeys.pem("CERTIFICATE", der);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String pem(X509Certificate certificate) {
    try {
      return TestKeys.pem("CERTIFICATE", certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** AES-256-GCM with the JDK's cipher: Base64 of ciphertext and tag. */
  public static String encrypt(String apiV3Key, String nonce, String associatedData, String plaintext) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
          new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
