package dev.payscore.testing;

import java.util.Random;

/**
 * Plain JUnit 5 properties over seeded random generators (the project's replacement for a property
 * library). Each try gets its own {@link Random}, derived from a base seed and the try number, so a
 * failure names the one seed that reproduces it.
 *
 * <p>The base seed is fixed by default (every run tries the same inputs); {@code
 * -Dpayscore.seed=N} runs other inputs, {@code -Dpayscore.seed=random} a fresh seed each run.
 *
 * <pre>{@code
 * Seeded.forAll("anyBodyIsParsed", 150, random -> { byte[] body = Seeded.bytes(random, 300); ... });
 * }</pre>
 */
public final class Seeded {
  /** The default base seed. */
  public static final long DEFAULT_SEED = 0x5eed_2026L;

  private Seeded() {
  }

  /** A property: one try with its random source. */
  @FunctionalInterface
  public interface Try {
    /** Runs one try; throws to fail. */
    void run(Random random) throws Exception;
  }

  /** The base seed of this run. */
  public static long baseSeed() {
    String configured = System.getProperty("payscore.seed");
    if (configured == null || configured.isEmpty()) {
      return DEFAULT_SEED;
    }
    if (configured.equals("random")) {
      return new java.security.SecureRandom().nextLong();
    }
    return Long.decode(configured);
  }

  /**
   * Runs a property {@code tries} times; the first failing try fails with its seed in the message.
   *
   * @param name the property's name, in the failure message
   * @param tries how many inputs to try
   * @param property the property
   */
  public static void forAll(String name, int tries, Try property) {
    long base = baseSeed();
    for (int i = 0; i < tries; i++) {
      long seed = base + i * 0x9E3779B97F4A7C15L;
      try {
        property.run(new Random(seed));
      } catch (Throwable failure) {
        AssertionError error = new AssertionError(name + " failed on try " + i + " of " + tries
            + " (seed " + seed + "; base seed " + base + ", rerun with -Dpayscore.seed=" + base + "): "
            + failure.getMessage(), failure);
        throw error;
      }
    }
  }

  /** A random int in [min, max]. */
  public static int between(Random random, int min, int max) {
    return min + (int) Math.floorMod(random.nextLong(), (long) max - min + 1);
  }

  /** A random long in [min, max]. */
  public static long between(Random random, long min, long max) {
    long span = max - min;
    if (span >= 0 && span < Long.MAX_VALUE) {
      return min + Math.floorMod(random.nextLong(), span + 1);
    }
    // The range holds at least half of all longs: rejection ends after two draws on average.
    while (true) {
      long value = random.nextLong();
      if (value >= min && value <= max) {
        return value;
      }
    }
  }

  /** Up to {@code maxSize} random bytes. */
  public static byte[] bytes(Random random, int maxSize) {
    byte[] out = new byte[random.nextInt(maxSize + 1)];
    random.nextBytes(out);
    return out;
  }

  /** A string of {@code minLength} to {@code maxLength} characters drawn from {@code alphabet}. */
  public static String string(Random random, String alphabet, int minLength, int maxLength) {
    int length = between(random, minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** A string of {@code minLength} to {@code maxLength} characters in [{@code from}, {@code to}]. */
  public static String string(Random random, char from, char to, int minLength, int maxLength) {
    int length = between(random, minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) between(random, from, to));
    }
    return out.toString();
  }
}
