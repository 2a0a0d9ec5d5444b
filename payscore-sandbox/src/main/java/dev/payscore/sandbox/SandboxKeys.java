package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.FieldCipher;
import dev.payscore.internal.crypto.KeyPairs;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's keys, generated at start through the client's crypto core: the merchant's pair (or the
 * merchant's own public key) with its serial, and the WeChat Pay platform pair with its public key id.
 * Immutable.
 */
final class SandboxKeys {
  final SignatureScheme scheme;
  final String merchantSerialNumber;
  final PublicKey merchantPublicKey;
  /** {@code null} when the sandbox was given the merchant's own public key. */
  final @Nullable PrivateKey merchantPrivateKey;
  final String wechatPayPublicKeyId;
  final KeyPair wechatPay;

  private SandboxKeys(SignatureScheme scheme, String merchantSerialNumber, PublicKey merchantPublicKey,
      @Nullable PrivateKey merchantPrivateKey, String wechatPayPublicKeyId, KeyPair wechatPay) {
    this.scheme = scheme;
    this.merchantSerialNumber = merchantSerialNumber;
    this.merchantPublicKey = merchantPublicKey;
    this.merchantPrivateKey = merchantPrivateKey;
    this.wechatPayPublicKeyId = wechatPayPublicKeyId;
    this.wechatPay = wechatPay;
  }

  /**
   * Generates the keys of a sandbox.
   *
   * @param merchantSerialNumber with {@code merchantPublicKey}: the merchant's own key; both {@code
   *     null}: a generated merchant pair and a random 40-digit serial
   * @param wechatPayPublicKeyId the platform key id, or {@code null} for a random {@code PUB_KEY_ID_…}
   */
  static SandboxKeys generate(SignatureScheme scheme, @Nullable String merchantSerialNumber,
      @Nullable PublicKey merchantPublicKey, @Nullable String wechatPayPublicKeyId) {
    boolean sm2 = scheme == SignatureScheme.SM2;
    KeyPair wechatPay = KeyPairs.generate(sm2);
    String keyId = wechatPayPublicKeyId != null ? wechatPayPublicKeyId : "PUB_KEY_ID_" + Ids.random(34, false);
    if (merchantPublicKey != null) {
      return new SandboxKeys(scheme, requireNonNull(merchantSerialNumber, "merchantSerialNumber == null"),
          merchantPublicKey, null, keyId, wechatPay);
    }
    KeyPair merchant = KeyPairs.generate(sm2);
    return new SandboxKeys(scheme, Ids.random(40, true), merchant.getPublic(), merchant.getPrivate(), keyId,
        wechatPay);
  }

  /** Decrypts a personal field sent under the platform key; {@code null} when it is not such ciphertext. */
  @Nullable String decryptField(String base64) {
    try {
      return new String(FieldCipher.decrypt(wechatPay.getPrivate(), Base64.getDecoder().decode(base64)),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
