package dev.payscore.internal.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * An SM2 key (curve sm2p256v1) as a {@code java.security} key: the JDK has no SM2, so the key keeps
 * its standard encoding (PKCS#8 or SPKI) and the SM2 code reads it with Bouncy Castle's lightweight
 * API. Load one with {@link PemKeys#privateKey(String)} or {@link PemKeys#publicKey(String)}.
 */
public abstract class Sm2Key implements java.security.Key {
  private static final long serialVersionUID = 1L;

  /** The standard encoding: PKCS#8 for a private key, SPKI for a public one. */
  private final byte[] encoded;

  Sm2Key(byte[] encoded) {
    this.encoded = encoded.clone();
  }

  @Override
  public String getAlgorithm() {
    return "SM2";
  }

  @Override
  public byte[] getEncoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && Arrays.equals(encoded, ((Sm2Key) other).encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  /** An SM2 private key, PKCS#8 encoded. */
  public static final class Private extends Sm2Key implements PrivateKey {
    private static final long serialVersionUID = 1L;

    Private(byte[] pkcs8) {
      super(pkcs8);
    }

    @Override
    public String getFormat() {
      return "PKCS#8";
    }

    /** Returns the algorithm only: never key material. */
    @Override
    public String toString() {
      return "SM2 private key";
    }
  }

  /** An SM2 public key, SPKI (X.509) encoded. */
  public static final class Public extends Sm2Key implements PublicKey {
    private static final long serialVersionUID = 1L;

    Public(byte[] spki) {
      super(spki);
    }

    @Override
    public String getFormat() {
      return "X.509";
    }

    @Override
    public String toString() {
      return "SM2 public key";
    }
  }
}
