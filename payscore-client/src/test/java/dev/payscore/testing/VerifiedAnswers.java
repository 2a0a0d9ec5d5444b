package dev.payscore.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Answers a client verified, counted per {@code Wechatpay-Serial} as the calling threads report
 * them, and the first failure; a test waits on these counts, each wait bounded (60 s), instead of
 * sleeping. The rotation tests of the client and the sandbox share it.
 */
public class VerifiedAnswers {
  private final Map<String, Integer> verified = new HashMap<>();
  private Throwable failure;

  /** The client verified an answer naming {@code serial} as its {@code Wechatpay-Serial}. */
  public synchronized void verifiedWith(String serial) {
    verified.merge(String.valueOf(serial), 1, Integer::sum);
    notifyAll();
  }

  /** A call failed; the first failure is kept and ends every wait. */
  public synchronized void failed(Throwable t) {
    if (failure == null) {
      failure = t;
    }
    notifyAll();
  }

  /** How many answers were verified under {@code serial} so far. */
  public synchronized int verified(String serial) {
    return verified.getOrDefault(serial, 0);
  }

  /** The first failure, or {@code null}. */
  public synchronized Throwable failure() {
    return failure;
  }

  /** Waits until {@code condition} holds; fails at once on a call's failure, or after 60 s. */
  public synchronized void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (failure != null) {
        throw new AssertionError("a call failed while waiting for " + what, failure);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("not reached within 60 s: " + what + "; " + this);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized String toString() {
    return "verified " + verified;
  }
}
