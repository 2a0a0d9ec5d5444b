package dev.payscore.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AEAD of APIv3 notifications and certificate downloads, under the APIv3 key: {@code
 * AEAD_AES_256_GCM} (AES-256-GCM, 128-bit tag, the 32-byte key as is) and {@code AEAD_SM4_GCM}
 * (SM4-GCM under the first 16 bytes of SM3(key)). Nonce and associated data are UTF-8 text.
 */
public final class Aead {
  /** AES-256-GCM. */
  public static final String AEAD_AES_256_GCM = "AEAD_AES_256_GCM";
  /** SM4-GCM (national cryptography). */
  public static final String AEAD_SM4_GCM = "AEAD_SM4_GCM";

  private static final String AES_GCM = "AES/GCM/NoPadding";

  private Aead() {
  }

  /**
   * Returns whether an algorithm name is one this class knows.
   *
   * @param algorithm e.g. {@code AEAD_AES_256_GCM}
   * @return true for the two AEADs
   */
  public static boolean isKnown(String algorithm) {
    return AEAD_AES_256_GCM.equals(algorithm) || AEAD_SM4_GCM.equals(algorithm);
  }

  /**
   * Encrypts.
   *
   * @param algorithm {@link #AEAD_AES_256_GCM} or {@link #AEAD_SM4_GCM}
   * @param apiV3Key the 32-byte APIv3 key
   * @param nonce the nonce text
   * @param associatedData the associated data text
   * @param plaintext the data
   * @return the ciphertext followed by the tag
   */
  public static byte[] seal(String algorithm, byte[] apiV3Key, String nonce, String associatedData, byte[] plaintext) {
    try {
      return run(true, algorithm, apiV3Key, nonce, associatedData, plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " encryption failed: " + e.getClass().getName(), e);
    }
  }

  /**
   * Decrypts and authenticates.
   *
   * @param algorithm {@link #AEAD_AES_256_GCM} or {@link #AEAD_SM4_GCM}
   * @param apiV3Key the 32-byte APIv3 key
   * @param nonce the nonce text
   * @param associatedData the associated data text
   * @param ciphertext the ciphertext followed by the tag
   * @return the plaintext
   * @throws AEADBadTagException when the data was altered or the key is wrong
   * @throws GeneralSecurityException when it cannot be decrypted at all
   */
  public static byte[] open(String algorithm, byte[] apiV3Key, String nonce, String associatedData, byte[] ciphertext)
      throws GeneralSecurityException {
    return run(false, algorithm, apiV3Key, nonce, associatedData, ciphertext);
  }

  private static byte[] run(boolean encrypt, String algorithm, byte[] apiV3Key, String nonce,
      String associatedData, byte[] input) throws GeneralSecurityException {
    byte[] nonceBytes = nonce.getBytes(StandardCharsets.UTF_8);
    byte[] aad = associatedData.getBytes(StandardCharsets.UTF_8);
    if (AEAD_SM4_GCM.equals(algorithm)) {
      return Sm2.sm4Gcm(encrypt, apiV3Key, nonceBytes, aad, input);
    }
    if (!AEAD_AES_256_GCM.equals(algorithm)) {
      throw new java.security.NoSuchAlgorithmException(algorithm);
    }
    if (nonceBytes.length == 0) {
      throw new java.security.InvalidAlgorithmParameterException("empty nonce");
    }
    Cipher cipher = Cipher.getInstance(AES_GCM);
    cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key, "AES"),
        new GCMParameterSpec(128, nonceBytes));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }
}
