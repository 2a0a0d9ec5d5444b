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
 * merchant's own public key) with its serial, the APIv3 key, and WeChat Pay's keys: the platform pair
 * with its public key id, or in certificate mode the platform certificates. Immutable (the
 * certificates rotate inside {@link SandboxCertificates}).
 */
final class SandboxKeys {
  final SignatureScheme scheme;
  final String merchantSerialNumber;
  final PublicKey merchantPublicKey;
  /** {@code null} when the sandbox was given the merchant's own public key. */
  final @Nullable PrivateKey merchantPrivateKey;
  final String apiV3Key;
  /** The public key mode's id and pair; {@code null} in certificate mode. */
  final @Nullable String wechatPayPublicKeyId;
  final @Nullable KeyPair wechatPay;
  /** Certificate mode's certificates; {@code null} in public key mode. */
  final @Nullable SandboxCertificates certificates;

  private SandboxKeys(SignatureScheme scheme, String merchantSerialNumber, PublicKey merchantPublicKey,
      @Nullable PrivateKey merchantPrivateKey, @Nullable String wechatPayPublicKeyId, @Nullable KeyPair wechatPay,
      @Nullable SandboxCertificates certificates, String apiV3Key) {
    this.scheme = scheme;
    this.apiV3Key = apiV3Key;
    this.merchantSerialNumber = merchantSerialNumber;
    this.merchantPublicKey = merchantPublicKey;
    this.merchantPrivateKey = merchantPrivateKey;
    this.wechatPayPublicKeyId = wechatPayPublicKeyId;
    this.wechatPay = wechatPay;
    this.certificates = certificates;
  }

  /** Where the key answers and notifications are signed with comes from. */
  PlatformKey.Source signing() {
    if (certificates != null) {
      return certificates.signing();
    }
    return new PlatformKey(wechatPayPublicKeyId, wechatPay.getPrivate()).asSource();
  }

  /** The private key of the WeChat Pay key a request names in {@code Wechatpay-Serial}; {@code null} when none. */
  @Nullable PrivateKey fieldKey(@Nullable String serial) {
    if (certificates != null) {
      return certificates.keyFor(serial);
    }
    return wechatPayPublicKeyId.equals(serial) ? wechatPay.getPrivate() : null;
  }

  /**
   * Generates the keys of a sandbox.
   *
   * @param merchantSerialNumber with {@code merchantPublicKey}: the merchant's own key; both {@code
   *     null}: a generated merchant pair and a random 40-digit serial
   * @param wechatPayPublicKeyId the platform key id, or {@code null} for a random {@code PUB_KEY_ID_…}
   * @param certificateClock in certificate mode the clock the certificates' validity starts from;
   *     {@code null} for public key mode
   * @param apiV3Key the APIv3 key, or {@code null} for a random one
   */
  static SandboxKeys generate(SignatureScheme scheme, @Nullable String merchantSerialNumber,
      @Nullable PublicKey merchantPublicKey, @Nullable String wechatPayPublicKeyId,
      dev.payscore.auth.@Nullable Clock certificateClock, @Nullable String apiV3Key) {
    String key = apiV3Key != null ? apiV3Key : Ids.apiV3Key();
    boolean sm2 = scheme == SignatureScheme.SM2;
    KeyPair wechatPay = null;
    String keyId = null;
    SandboxCertificates certificates = null;
    if (certificateClock != null) {
      certificates = new SandboxCertificates(scheme, certificateClock);
    } else {
      wechatPay = KeyPairs.generate(sm2);
      keyId = wechatPayPublicKeyId != null ? wechatPayPublicKeyId : "PUB_KEY_ID_" + Ids.random(34, false);
    }
    if (merchantPublicKey != null) {
      return new SandboxKeys(scheme, requireNonNull(merchantSerialNumber, "merchantSerialNumber == null"),
          merchantPublicKey, null, keyId, wechatPay, certificates, key);
    }
    KeyPair merchant = KeyPairs.generate(sm2);
    return new SandboxKeys(scheme, Ids.random(40, true), merchant.getPublic(), merchant.getPrivate(), keyId,
        wechatPay, certificates, key);
  }

  /** Decrypts a personal field sent under a platform key; {@code null} when it is not such ciphertext. */
  static @Nullable String decryptField(PrivateKey key, String base64) {
    try {
      return new String(FieldCipher.decrypt(key, Base64.getDecoder().decode(base64)),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }
}
