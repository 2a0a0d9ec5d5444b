package dev.payscore.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Generates throwaway key pairs (for the sandbox and tests): RSA-2048 or SM2. */
public final class KeyPairs {
  private KeyPairs() {
  }

  /**
   * Generates a key pair.
   *
   * @param sm2 true for SM2 (needs Bouncy Castle), false for RSA-2048
   * @return a fresh key pair
   */
  public static KeyPair generate(boolean sm2) {
    if (sm2) {
      return Sm2.generateKeyPair();
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
