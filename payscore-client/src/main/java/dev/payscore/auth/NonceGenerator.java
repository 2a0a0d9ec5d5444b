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
          // One nextBytes call per nonce; bytes >= 248 are skipped so that every character is
          // uniform over the 62 (248 = 4 * 62). 48 bytes almost always yield 32 characters.
          char[] nonce = new char[32];
          int filled = 0;
          byte[] bytes = new byte[48];
          while (filled < nonce.length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < nonce.length; i++) {
              int b = bytes[i] & 0xff;
              if (b < 248) {
                nonce[filled++] = alphabet[b % 62];
              }
            }
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
