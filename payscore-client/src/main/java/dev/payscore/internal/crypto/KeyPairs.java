package dev.payscore.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Generates throwaway key pairs (for the sandbox and tests): RSA-2048 or SM2. */
public final class KeyPairs {
  /** RSA pairs being generated ahead by {@link #prefetchRsa}, each taken by one later call. */
  private static final Queue<Future<KeyPair>> PREFETCHED = new ConcurrentLinkedQueue<>();

  private KeyPairs() {
  }

  /**
   * Generates a key pair: for RSA, one that {@link #prefetchRsa} started, if any is left.
   *
   * @param sm2 true for SM2 (needs Bouncy Castle), false for RSA-2048
   * @return a fresh key pair, used by no one else
   */
  public static KeyPair generate(boolean sm2) {
    if (sm2) {
      return Sm2.generateKeyPair();
    }
    Future<KeyPair> prefetched = PREFETCHED.poll();
    if (prefetched != null) {
      try {
        return prefetched.get();
      } catch (ExecutionException e) {
        // generated below instead
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rsa();
  }

  /**
   * Starts generating RSA-2048 key pairs on background threads, one thread per pair, for the next
   * {@code count} RSA calls of {@link #generate} to take. Each pair takes 100 to 300 ms to find: a
   * short-lived process that needs a few (the command line's embedded sandbox) makes them side by
   * side and alongside its other start-up work instead of one after the other. The pairs are as
   * fresh and as strong as those {@link #generate} makes itself, and each is handed out once.
   *
   * @param count how many pairs
   */
  public static void prefetchRsa(int count) {
    for (int i = 0; i < count; i++) {
      FutureTask<KeyPair> task = new FutureTask<>(new Callable<KeyPair>() {
        @Override
        public KeyPair call() {
          return rsa();
        }
      });
      Thread thread = new Thread(task, "payscore-keygen");
      thread.setDaemon(true);
      PREFETCHED.add(task);
      thread.start();
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
