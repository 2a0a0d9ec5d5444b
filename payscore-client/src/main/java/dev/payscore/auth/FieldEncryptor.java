package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import dev.payscore.internal.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts personal fields (name, phone, ID number, address) for WeChat Pay: RSA-OAEP with SHA-1 and
 * MGF1 ({@code RSA/ECB/OAEPWithSHA-1AndMGF1Padding}) under the WeChat Pay public key or platform
 * certificate whose id the request sends as {@code Wechatpay-Serial}, in standard Base64; with an SM2
 * key, SM2 in C1C3C2 ASN.1 form. Thread-safe.
 */
public final class FieldEncryptor {
  private final String keyId;
  private final PublicKey publicKey;

  /**
   * Creates an encryptor.
   *
   * @param keyId the id of the key, sent as {@code Wechatpay-Serial}
   * @param publicKey the WeChat Pay RSA public key
   */
  public FieldEncryptor(String keyId, PublicKey publicKey) {
    this.keyId = requireNonNull(keyId, "keyId == null");
    this.publicKey = requireNonNull(publicKey, "publicKey == null");
  }

  /**
   * Encrypts one value.
   *
   * @param plain the value, or {@code null}
   * @return the Base64 ciphertext, or {@code null} for {@code null}
   */
  public @Nullable String encrypt(@Nullable String plain) {
    if (plain == null) {
      return null;
    }
    return ByteString.of(FieldCipher.encrypt(publicKey, plain.getBytes(StandardCharsets.UTF_8))).base64();
  }

  /**
   * Returns the id of the key.
   *
   * @return the value the request sends as {@code Wechatpay-Serial}
   */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "FieldEncryptor{" + keyId + "}";
  }
}
