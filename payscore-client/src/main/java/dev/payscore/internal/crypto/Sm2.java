package dev.payscore.internal.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Not API. The national-cryptography primitives, on Bouncy Castle's lightweight API (no provider, nothing
 * registered): SM2 signatures with SM3 and user id {@code 1234567812345678} (DER), SM2 encryption
 * in C1C3C2 ASN.1, SM4-GCM with the SM3-derived APIv3 key, SM2 key encoding. Loaded only in SM mode.
 */
public final class Sm2 {
  /** The SM2 user id WeChat Pay uses. */
  static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
  private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sm2() {
  }

  /**
   * Generates an SM2 key pair on sm2p256v1, for tests and the sandbox.
   *
   * @return the key pair
   */
  public static java.security.KeyPair generateKeyPair() {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) pair.getPrivate();
    ECPublicKeyParameters publicKey = (ECPublicKeyParameters) pair.getPublic();
    return new java.security.KeyPair(publicKeyOf(publicKey.getQ()), privateKeyOf(privateKey.getD(), publicKey.getQ()));
  }

  /** Encodes an SM2 private key (d, with its public point q) as PKCS#8. */
  private static Sm2Key.Private privateKeyOf(BigInteger d, ECPoint q) {
    try {
      ECPrivateKey sec1 = new ECPrivateKey(256, d, new org.bouncycastle.asn1.DERBitString(q.getEncoded(false)),
          GMObjectIdentifiers.sm2p256v1);
      return new Sm2Key.Private(new PrivateKeyInfo(algorithm(), sec1).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Sm2Key.Public publicKeyOf(ECPoint q) {
    try {
      return new Sm2Key.Public(new SubjectPublicKeyInfo(algorithm(), q.getEncoded(false)).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AlgorithmIdentifier algorithm() {
    return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);
  }

  /**
   * Reads a PKCS#8 or SEC1 ({@code EC PRIVATE KEY}) SM2 private key.
   *
   * @param der the DER bytes
   * @param sec1 true for SEC1, false for PKCS#8
   * @return the key, or {@code null} when the bytes are not an SM2 key (another curve included)
   */
  public static Sm2Key.@Nullable Private privateKeyFromDer(byte[] der, boolean sec1) {
    try {
      if (sec1) {
        ECPrivateKey key = ECPrivateKey.getInstance(der);
        // The curve must be named, and be sm2p256v1: a P-256 or secp256k1 key is not an SM2 key.
        if (key.getParametersObject() == null
            || !GMObjectIdentifiers.sm2p256v1.equals(key.getParametersObject())) {
          return null;
        }
        ECPoint q = DOMAIN.getG().multiply(key.getKey()).normalize();
        return privateKeyOf(key.getKey(), q);
      }
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
      if (!isSm2(info.getPrivateKeyAlgorithm())) {
        return null;
      }
      // Re-encoded as this class writes it: the same key whether Kona, BC or we produced the bytes.
      ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
      ECPoint q = DOMAIN.getG().multiply(inner.getKey()).normalize();
      return privateKeyOf(inner.getKey(), q);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads an SPKI SM2 public key.
   *
   * @param der the DER bytes
   * @return the key, or {@code null} when the bytes are not an SM2 public key
   */
  public static Sm2Key.@Nullable Public publicKeyFromDer(byte[] der) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
      return isSm2(info.getAlgorithm()) ? new Sm2Key.Public(der) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads the serial (upper-case hex), SM2 public key and validity of a certificate.
   *
   * @param der the certificate's DER bytes
   * @return {serial, key, notBefore, notAfter} (a String, a PublicKey and two Dates), or {@code
   *     null} when it is not an SM2 certificate
   */
  public static Object @Nullable [] certificateFromDer(byte[] der) {
    try {
      org.bouncycastle.asn1.x509.Certificate certificate = org.bouncycastle.asn1.x509.Certificate.getInstance(der);
      SubjectPublicKeyInfo info = certificate.getSubjectPublicKeyInfo();
      if (!isSm2(info.getAlgorithm())) {
        return null;
      }
      String serial = certificate.getSerialNumber().getValue().toString(16).toUpperCase(java.util.Locale.ROOT);
      return new Object[] {serial, new Sm2Key.Public(info.getEncoded()),
          certificate.getStartDate().getDate(), certificate.getEndDate().getDate()};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns a private key as an SM2 key when its standard encoding (PKCS#8) is one, whoever made it
   * (this class, Tencent Kona, Bouncy Castle's JCA provider).
   *
   * @param key a private key
   * @return the SM2 key, or {@code null} when it is not one
   */
  public static Sm2Key.@Nullable Private asPrivate(PrivateKey key) {
    if (key instanceof Sm2Key.Private) {
      return (Sm2Key.Private) key;
    }
    byte[] encoded = key.getEncoded();
    return encoded == null || !"PKCS#8".equals(key.getFormat()) ? null : privateKeyFromDer(encoded, false);
  }

  /**
   * Returns a public key as an SM2 key when its standard encoding (X.509 SPKI) is one, whoever made it.
   *
   * @param key a public key
   * @return the SM2 key, or {@code null} when it is not one
   */
  public static Sm2Key.@Nullable Public asPublic(PublicKey key) {
    if (key instanceof Sm2Key.Public) {
      return (Sm2Key.Public) key;
    }
    byte[] encoded = key.getEncoded();
    return encoded == null || !"X.509".equals(key.getFormat()) ? null : publicKeyFromDer(encoded);
  }

  private static boolean isSm2(AlgorithmIdentifier algorithm) {
    return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
        && GMObjectIdentifiers.sm2p256v1.equals(algorithm.getParameters());
  }

  /**
   * Signs the concatenated parts with SM2/SM3 and user id {@code 1234567812345678}.
   *
   * @param key the SM2 private key
   * @param parts the message, in parts
   * @return the DER signature
   */
  public static byte[] sign(Sm2Key.Private key, byte[]... parts) {
    try {
      SM2Signer signer = new SM2Signer();
      signer.init(true, new ParametersWithID(
          new ParametersWithRandom(PrivateKeyFactory.createKey(key.getEncoded()), RANDOM), USER_ID));
      for (byte[] part : parts) {
        signer.update(part, 0, part.length);
      }
      return signer.generateSignature();
    } catch (IOException | CryptoException e) {
      throw new IllegalStateException("SM2 signing failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Verifies an SM2/SM3 signature (user id {@code 1234567812345678}) over the concatenated parts.
   *
   * @param key the SM2 public key
   * @param signature the DER signature
   * @param parts the message, in parts
   * @return whether it verifies
   */
  public static boolean verify(Sm2Key.Public key, byte[] signature, byte[]... parts) {
    try {
      SM2Signer verifier = new SM2Signer();
      verifier.init(false, new ParametersWithID(PublicKeyFactory.createKey(key.getEncoded()), USER_ID));
      for (byte[] part : parts) {
        verifier.update(part, 0, part.length);
      }
      return verifier.verifySignature(signature);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Encrypts with SM2 in C1C3C2 order, encoded as the ASN.1 SEQUENCE {x, y, C3, C2} WeChat Pay expects.
   *
   * @param key the SM2 public key
   * @param plaintext the data
   * @return the ciphertext
   */
  public static byte[] encrypt(Sm2Key.Public key, byte[] plaintext) {
    try {
      SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
      engine.init(true, new ParametersWithRandom(PublicKeyFactory.createKey(key.getEncoded()), RANDOM));
      byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
      // raw = 04 || x (32) || y (32) || C3 (32) || C2
      ASN1EncodableVector fields = new ASN1EncodableVector();
      fields.add(new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 1, 33))));
      fields.add(new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 33, 65))));
      fields.add(new DEROctetString(java.util.Arrays.copyOfRange(raw, 65, 97)));
      fields.add(new DEROctetString(java.util.Arrays.copyOfRange(raw, 97, raw.length)));
      return new DERSequence(fields).getEncoded();
    } catch (IOException | InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Decrypts the C1C3C2 ASN.1 form (what the sandbox does with encrypted fields).
   *
   * @param key the SM2 private key
   * @param asn1 the ciphertext
   * @return the plaintext
   * @throws java.security.GeneralSecurityException when it is not such a ciphertext under this key
   */
  public static byte[] decrypt(Sm2Key.Private key, byte[] asn1) throws java.security.GeneralSecurityException {
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(asn1);
      byte[] x = BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
      byte[] y = BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
      byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
      byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
      byte[] raw = new byte[1 + 64 + c3.length + c2.length];
      raw[0] = 4;
      System.arraycopy(x, 0, raw, 1, 32);
      System.arraycopy(y, 0, raw, 33, 32);
      System.arraycopy(c3, 0, raw, 65, c3.length);
      System.arraycopy(c2, 0, raw, 65 + c3.length, c2.length);
      SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
      engine.init(false, PrivateKeyFactory.createKey(key.getEncoded()));
      return engine.processBlock(raw, 0, raw.length);
    } catch (IOException | RuntimeException | InvalidCipherTextException e) {
      throw new javax.crypto.BadPaddingException("not SM2 C1C3C2 ASN.1 ciphertext under this key");
    }
  }

  /**
   * Returns the SM3 digest.
   *
   * @param data the data
   * @return 32 bytes
   */
  public static byte[] sm3(byte[] data) {
    SM3Digest digest = new SM3Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /**
   * SM4-GCM with a 128-bit tag under the first 16 bytes of SM3(APIv3 key) ({@code AEAD_SM4_GCM}).
   *
   * @param encrypt true to encrypt, false to decrypt
   * @param apiV3Key the APIv3 key bytes
   * @param nonce the nonce bytes
   * @param associatedData the associated data bytes
   * @param input the plaintext, or the ciphertext with its tag
   * @return the ciphertext with its tag, or the plaintext
   * @throws javax.crypto.AEADBadTagException when authentication fails
   */
  public static byte[] sm4Gcm(boolean encrypt, byte[] apiV3Key, byte[] nonce, byte[] associatedData, byte[] input)
      throws javax.crypto.AEADBadTagException {
    byte[] key = java.util.Arrays.copyOf(sm3(apiV3Key), 16);
    GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, associatedData));
    byte[] out = new byte[gcm.getOutputSize(input.length)];
    try {
      int n = gcm.processBytes(input, 0, input.length, out, 0);
      n += gcm.doFinal(out, n);
      return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new javax.crypto.AEADBadTagException("SM4-GCM authentication failed");
    }
  }
}
