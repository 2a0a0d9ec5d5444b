package dev.payscore.auth;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The WeChat Pay keys a client trusts, by id: the WeChat Pay public key ({@code PUB_KEY_ID_…}) and
 * platform certificates (by serial), side by side during a switch-over. It also picks the id that
 * requests name in {@code Wechatpay-Serial} (and encrypt personal fields under): the public key if
 * one is registered, otherwise the first certificate. Keys live in this instance only (no JVM-wide
 * registry). Immutable and thread-safe.
 *
 * <pre>{@code
 * WechatPayKeys keys = WechatPayKeys.builder()
 *     .publicKey("PUB_KEY_ID_0114232134912410000000000000", wechatPayPublicKey)
 *     .build();
 * }</pre>
 */
public final class WechatPayKeys {
  private final Map<String, PublicKey> keys;
  private final String preferredId;
  private final FieldEncryptor preferredEncryptor;

  private WechatPayKeys(Builder builder) {
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(builder.keys));
    String preferred = keys.keySet().iterator().next();
    for (String id : keys.keySet()) {
      if (id.startsWith("PUB_KEY_ID_")) {
        preferred = id;
        break;
      }
    }
    this.preferredId = preferred;
    this.preferredEncryptor = new FieldEncryptor(preferred, keys.get(preferred));
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with no key
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these keys, to derive a copy with a key added or removed.
   *
   * @return a builder
   */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.keys.putAll(keys);
    return builder;
  }

  /**
   * Returns the key registered under an id.
   *
   * @param id a public key id or a certificate serial
   * @return the key, or {@code null} when none is registered under it
   */
  public @Nullable PublicKey get(String id) {
    return keys.get(id);
  }

  /**
   * Returns whether a key is registered under an id.
   *
   * @param id a public key id or a certificate serial
   * @return true when answers signed under that id can be verified
   */
  public boolean contains(String id) {
    return keys.containsKey(id);
  }

  /**
   * Returns the registered ids, in registration order.
   *
   * @return public key ids and certificate serials
   */
  public Set<String> ids() {
    return keys.keySet();
  }

  /**
   * Returns the id requests send as {@code Wechatpay-Serial}: the WeChat Pay public key id if one is
   * registered, otherwise the first platform certificate serial.
   *
   * @return a registered id
   */
  public String preferredId() {
    return preferredId;
  }

  /**
   * Returns an encryptor for the key of {@link #preferredId()}, for personal fields.
   *
   * @return the encryptor
   */
  public FieldEncryptor preferredEncryptor() {
    return preferredEncryptor;
  }

  /**
   * Returns why a key does not fit a scheme, or {@code null} when every key fits it.
   *
   * @param scheme the client's scheme
   * @return a message naming the key id, the key's kind and the scheme, or {@code null}
   */
  public @Nullable String misfit(SignatureScheme scheme) {
    for (Map.Entry<String, PublicKey> entry : keys.entrySet()) {
      if (!scheme.fits(entry.getValue())) {
        return "the WeChat Pay key " + entry.getKey() + " is " + SignatureScheme.describeKey(entry.getValue())
            + " but the scheme " + scheme.authorizationScheme() + " needs an " + scheme.name() + " key";
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "WechatPayKeys" + keys.keySet();
  }

  /** Builds {@link WechatPayKeys}. */
  public static final class Builder {
    private final Map<String, PublicKey> keys = new LinkedHashMap<>();

    Builder() {
    }

    /**
     * Registers the WeChat Pay public key (微信支付公钥) and its id.
     *
     * @param publicKeyId the id shown in the merchant platform, {@code PUB_KEY_ID_…}
     * @param publicKey the RSA (or SM2) public key
     * @return this builder
     */
    public Builder publicKey(String publicKeyId, PublicKey publicKey) {
      requireNonNull(publicKeyId, "publicKeyId == null");
      requireNonNull(publicKey, "publicKey == null");
      if (!publicKeyId.startsWith("PUB_KEY_ID_")) {
        throw new IllegalArgumentException(
            "publicKeyId: must start with PUB_KEY_ID_ (as shown in the merchant platform)");
      }
      put(publicKeyId, requireUsable(publicKey, "publicKey"));
      return this;
    }

    /**
     * Registers a WeChat Pay platform certificate (平台证书) under its serial number (upper-case hex).
     *
     * @param certificate the platform certificate
     * @return this builder
     */
    public Builder certificate(X509Certificate certificate) {
      requireNonNull(certificate, "certificate == null");
      put(PemKeys.serialNumber(certificate), requireUsable(certificate.getPublicKey(), "certificate"));
      return this;
    }

    /**
     * Registers an SM2 platform certificate (国密平台证书) under its serial.
     *
     * @param pem the certificate PEM
     * @return this builder
     */
    public Builder sm2Certificate(String pem) {
      Map.Entry<String, PublicKey> certificate = PemKeys.sm2Certificate(pem);
      put(certificate.getKey(), certificate.getValue());
      return this;
    }

    /**
     * Removes a key, e.g. a platform certificate WeChat Pay no longer signs with.
     *
     * @param id the public key id or certificate serial
     * @return this builder
     */
    public Builder removeKey(String id) {
      keys.remove(requireNonNull(id, "id == null"));
      return this;
    }

    /**
     * Returns the keys.
     *
     * @return an immutable registry
     * @throws IllegalStateException when no key is registered
     */
    public WechatPayKeys build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException(
            "no WeChat Pay key: register the WeChat Pay public key (publicKey) or a platform"
                + " certificate (certificate)");
      }
      return new WechatPayKeys(this);
    }

    private void put(String id, PublicKey key) {
      PublicKey previous = keys.get(id);
      if (previous != null && !previous.equals(key)) {
        throw new IllegalArgumentException("two different keys registered under " + id);
      }
      keys.put(id, key);
    }

    private static PublicKey requireUsable(PublicKey key, String name) {
      if (!SignatureScheme.RSA.fits(key) && !SignatureScheme.SM2.fits(key)) {
        throw new IllegalArgumentException(
            name + ": expected an RSA or SM2 public key, got " + SignatureScheme.describeKey(key));
      }
      return key;
    }
  }
}
