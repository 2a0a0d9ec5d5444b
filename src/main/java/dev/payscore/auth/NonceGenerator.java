package dev.payscore.auth;

import java.security.SecureRandom;

/**
 * The source of request nonces; replace it in tests to fix the nonce.
 *
 * <p>A nonce must be 1 to 64 characters from {@code [0-9A-Za-z]}; {@link RequestSigner} refuses
 * anything else, since the value goes into the Authorization header unescaped.
 */
public interface NonceGenerator {
  /**
   * 32 characters from {@code [0-9A-Za-z]} drawn from a {@link SecureRandom}, as the official SDKs
   * send. Thread-safe.
   */
  NonceGenerator SECURE =
      new NonceGenerator() {
        private final SecureRandom random = new SecureRandom();
        private final char[] alphabet =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

        @Override
        public String nextNonce() {
          char[] nonce = new char[32];
          for (int i = 0; i < nonce.length; i++) {
            nonce[i] = alphabet[random.nextInt(alphabet.length)];
          }
          return new String(nonce);
        }

        @Override
        public String toString() {
          return "NonceGenerator.SECURE";
        }
      };

  /**
   * Returns a new nonce.
   *
   * @return 1 to 64 characters from {@code [0-9A-Za-z]}
   */
  String nextNonce();
}
