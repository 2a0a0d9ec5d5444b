package dev.payscore.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the test suite makes or sees (private keys, APIv3 keys, Authorization values,
 * signatures), registered where it appears, for {@link SecretsScanListener} to look for in everything
 * the suite printed.
 */
public final class Secrets {
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  public static void register(String secret) {
    if (secret != null && secret.length() >= 12) {
      KNOWN.add(secret);
    }
  }

  /** Registers a key's encoding as 40-character pieces of its Base64, which is what a leak would show. */
  public static void registerKey(byte[] encoded) {
    String base64 = Base64.getEncoder().encodeToString(encoded);
    for (int i = 0; i + 40 <= base64.length(); i += 40) {
      register(base64.substring(i, i + 40));
    }
  }

  public static List<String> known() {
    return new ArrayList<>(KNOWN);
  }
}
