package dev.payscore.sandbox;

import dev.payscore.internal.crypto.Signatures;
import java.security.PrivateKey;

/**
 * A key the sandbox signs with as WeChat Pay, and the id {@code Wechatpay-Serial} names: the WeChat
 * Pay public key's {@code PUB_KEY_ID_…}, or a platform certificate's serial. Immutable.
 */
final class PlatformKey {
  /** Where the key answers and notifications are signed with now comes from. */
  interface Source {
    PlatformKey current();
  }

  final String id;
  final PrivateKey privateKey;
  final Signatures.Signer signer;

  PlatformKey(String id, PrivateKey privateKey) {
    this.id = id;
    this.privateKey = privateKey;
    this.signer = Signatures.signer(privateKey, null);
  }

  /** A source that always gives this key. */
  Source asSource() {
    return new Source() {
      @Override
      public PlatformKey current() {
        return PlatformKey.this;
      }
    };
  }
}
