package dev.payscore.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import org.jspecify.annotations.Nullable;

/**
 * Signs and verifies APIv3 messages: {@code SHA256withRSA} (PKCS#1 v1.5) with an RSA key, SM2 with
 * SM3 and user id {@code 1234567812345678} with an SM2 key. The scheme follows the key.
 */
public final class Signatures {
  /** The JCA name of the RSA scheme. */
  public static final String RSA_ALGORITHM = "SHA256withRSA";

  private Signatures() {
  }

  /** Signs message parts. Thread-safe. */
  public interface Signer {
    /**
     * Signs the concatenation of the parts.
     *
     * @param parts the message, in parts (e.g. head, body, {@link SignedMessage#END})
     * @return the signature bytes (PKCS#1 v1.5 for RSA, DER for SM2)
     */
    byte[] sign(byte[]... parts);
  }

  /** Verifies signatures over message parts. Thread-safe. */
  public interface Verifier {
    /**
     * Verifies a signature over the concatenation of the parts.
     *
     * @param signature the signature bytes
     * @param parts the message, in parts
     * @return whether it verifies; never throws for a malformed signature
     */
    boolean verify(byte[] signature, byte[]... parts);
  }

  /**
   * Returns whether a key is an SM2 key (by its standard encoding, whoever made it).
   *
   * @param key a key
   * @return true for SM2
   */
  public static boolean isSm2(Key key) {
    if (key instanceof Sm2Key) {
      return true;
    }
    if (!"EC".equals(key.getAlgorithm()) && !"SM2".equals(key.getAlgorithm())) {
      return false;
    }
    try {
      return key instanceof PrivateKey ? Sm2.asPrivate((PrivateKey) key) != null
          : key instanceof PublicKey && Sm2.asPublic((PublicKey) key) != null;
    } catch (LinkageError noBouncyCastle) {
      return false;
    }
  }

  /**
   * Returns whether a key is an RSA key.
   *
   * @param key a key
   * @return true for RSA
   */
  public static boolean isRsa(Key key) {
    return "RSA".equals(key.getAlgorithm());
  }

  /**
   * Returns a signer for a private key: RSA or SM2.
   *
   * @param key the private key
   * @param provider the JCA provider of {@code SHA256withRSA} (RSA only), or {@code null}
   * @return a thread-safe signer
   * @throws IllegalArgumentException when the key is neither RSA nor SM2
   */
  public static Signer signer(PrivateKey key, @Nullable Provider provider) {
    if (isRsa(key)) {
      return new RsaSigner(key, provider);
    }
    final Sm2Key.Private sm2 = sm2(key);
    if (sm2 == null) {
      throw new IllegalArgumentException("expected an RSA or SM2 private key, got " + key.getAlgorithm());
    }
    return new Signer() {
      @Override
      public byte[] sign(byte[]... parts) {
        return Sm2.sign(sm2, parts);
      }
    };
  }

  /**
   * Returns a verifier for a public key: RSA or SM2.
   *
   * @param key the public key
   * @param provider the JCA provider of {@code SHA256withRSA} (RSA only), or {@code null}
   * @return a thread-safe verifier
   * @throws IllegalArgumentException when the key is neither RSA nor SM2
   */
  public static Verifier verifier(PublicKey key, @Nullable Provider provider) {
    if (isRsa(key)) {
      return new RsaVerifier(key, provider);
    }
    final Sm2Key.Public sm2 = sm2(key);
    if (sm2 == null) {
      throw new IllegalArgumentException("expected an RSA or SM2 public key, got " + key.getAlgorithm());
    }
    return new Verifier() {
      @Override
      public boolean verify(byte[] signature, byte[]... parts) {
        return Sm2.verify(sm2, signature, parts);
      }
    };
  }

  private static Sm2Key.@Nullable Private sm2(PrivateKey key) {
    try {
      return Sm2.asPrivate(key);
    } catch (LinkageError e) {
      throw new IllegalArgumentException(BOUNCY_CASTLE_NEEDED, e);
    }
  }

  private static Sm2Key.@Nullable Public sm2(PublicKey key) {
    try {
      return Sm2.asPublic(key);
    } catch (LinkageError e) {
      throw new IllegalArgumentException(BOUNCY_CASTLE_NEEDED, e);
    }
  }

  /** What a non-RSA key needs. */
  public static final String BOUNCY_CASTLE_NEEDED =
      "SM2 keys need org.bouncycastle:bcprov-jdk18on on the class path";

  static Signature rsa(@Nullable Provider provider) throws GeneralSecurityException {
    return provider == null ? Signature.getInstance(RSA_ALGORITHM) : Signature.getInstance(RSA_ALGORITHM, provider);
  }

  /** An initialised Signature per thread: initSign once, then update + sign per call. */
  private static final class RsaSigner implements Signer {
    private final PrivateKey key;
    private final @Nullable Provider provider;
    private final ThreadLocal<Signature> signatures = new ThreadLocal<>();

    RsaSigner(PrivateKey key, @Nullable Provider provider) {
      this.key = key;
      this.provider = provider;
    }

    @Override
    public byte[] sign(byte[]... parts) {
      Signature signature = signatures.get();
      try {
        if (signature == null) {
          signature = rsa(provider);
          signature.initSign(key);
          signatures.set(signature);
        }
        for (byte[] part : parts) {
          signature.update(part);
        }
        return signature.sign();
      } catch (GeneralSecurityException | RuntimeException e) {
        signatures.remove();
        // The message of a provider exception never holds key material; keep the cause's type only.
        throw new IllegalStateException(RSA_ALGORITHM + " signing failed: " + e.getClass().getName(), e);
      }
    }
  }

  /** An initialised Signature per thread: initVerify once, then update + verify per call. */
  private static final class RsaVerifier implements Verifier {
    private final PublicKey key;
    private final @Nullable Provider provider;
    private final ThreadLocal<Signature> signatures = new ThreadLocal<>();

    RsaVerifier(PublicKey key, @Nullable Provider provider) {
      this.key = key;
      this.provider = provider;
    }

    @Override
    public boolean verify(byte[] signature, byte[]... parts) {
      Signature verifier = signatures.get();
      try {
        if (verifier == null) {
          verifier = rsa(provider);
          verifier.initVerify(key);
          signatures.set(verifier);
        }
        for (byte[] part : parts) {
          verifier.update(part);
        }
        return verifier.verify(signature);
      } catch (GeneralSecurityException | RuntimeException e) {
        signatures.remove();
        return false;
      }
    }
  }
}
