package dev.payscore.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.Cipher;

/**
 * Encryption of personal fields under a WeChat Pay key: RSA-OAEP with SHA-1 and MGF1 for an RSA
 * key, SM2 in C1C3C2 ASN.1 form for an SM2 key.
 */
public final class FieldCipher {
  /** The JCA transformation of the RSA scheme. */
  public static final String RSA_OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";

  private FieldCipher() {
  }

  /**
   * Encrypts.
   *
   * @param key the WeChat Pay public key (RSA or SM2)
   * @param plaintext the data
   * @return the ciphertext
   */
  public static byte[] encrypt(PublicKey key, byte[] plaintext) {
    Sm2Key.Public sm2 = Signatures.isRsa(key) ? null : Sm2.asPublic(key);
    if (sm2 != null) {
      return Sm2.encrypt(sm2, plaintext);
    }
    try {
      Cipher cipher = Cipher.getInstance(RSA_OAEP);
      cipher.init(Cipher.ENCRYPT_MODE, key);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA-OAEP encryption failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Decrypts (what WeChat Pay, or the sandbox, does with an encrypted field).
   *
   * @param key the private key of the WeChat Pay key pair
   * @param ciphertext the ciphertext
   * @return the plaintext
   * @throws GeneralSecurityException when it is not a ciphertext under this key
   */
  public static byte[] decrypt(PrivateKey key, byte[] ciphertext) throws GeneralSecurityException {
    Sm2Key.Private sm2 = Signatures.isRsa(key) ? null : Sm2.asPrivate(key);
    if (sm2 != null) {
      return Sm2.decrypt(sm2, ciphertext);
    }
    Cipher cipher = Cipher.getInstance(RSA_OAEP);
    cipher.init(Cipher.DECRYPT_MODE, key);
    return cipher.doFinal(ciphertext);
  }
}
