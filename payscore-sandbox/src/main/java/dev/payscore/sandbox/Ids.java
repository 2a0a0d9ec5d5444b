package dev.payscore.sandbox;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The identifiers the sandbox hands out: WeChat Pay order numbers, transaction and refund ids,
 * {@code Request-ID}s, finish tickets and nonces, shaped like WeChat Pay's. Thread-safe.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtomicLong sequence = new AtomicLong();

  /** A WeChat Pay order number: {@code 3000} and 16 digits, in sequence. */
  String orderId() {
    return String.format(Locale.ROOT, "3000%016d", sequence.incrementAndGet());
  }

  /** A WeChat Pay transaction id: {@code 4200} and 24 digits, in sequence. */
  String transactionId() {
    return String.format(Locale.ROOT, "4200%024d", sequence.incrementAndGet());
  }

  /** A WeChat Pay refund id: {@code 50} and 27 digits, in sequence. */
  String refundId() {
    return String.format(Locale.ROOT, "50%027d", sequence.incrementAndGet());
  }

  /** A {@code Request-ID}: 28 random hex digits and 8 of sequence. */
  String requestId() {
    return random(28, true) + String.format(Locale.ROOT, "%08d", sequence.incrementAndGet());
  }

  /** A finish ticket: {@code SBX} and 61 random hex digits. */
  String finishTicket() {
    return "SBX" + random(61, true);
  }

  /** A signature nonce: 32 random hex digits. */
  String nonce() {
    return random(32, true);
  }

  /** An APIv3 key: 32 random letters and digits. */
  static String apiV3Key() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char[] out = new char[32];
    for (int i = 0; i < out.length; i++) {
      out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
    return new String(out);
  }

  /** {@code length} random upper-case hex digits, or decimal digits. */
  static String random(int length, boolean hex) {
    String alphabet = hex ? "0123456789ABCDEF" : "0123456789";
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
    return new String(out);
  }
}
