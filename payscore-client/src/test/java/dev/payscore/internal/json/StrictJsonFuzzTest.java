package dev.payscore.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.Moshi;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.ModelAdapters;
import dev.payscore.model.SyncPayafterOrderRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz target: {@link StrictJson}, the strict reader of request bodies that the CLI and the sandbox
 * use, over any bytes, into each request model. Input: the first byte picks the model (mod 4:
 * create, complete, cancel, sync), the rest is the body.
 *
 * <p>Oracle, per input:
 * <ul>
 *   <li>the only exception is {@link StrictJson.Violation}, with a pointer and a non-empty rule;
 *   <li>a value that is read is not null, and round-trips: written by the model's Moshi adapter and
 *       read strictly again it is equal to itself;
 *   <li>bounded: nesting is capped at {@link StrictJson#MAX_DEPTH} (no stack overflow); per-input time
 *       is libFuzzer's {@code -timeout} in the {@code fuzz} profile, memory the fork's {@code -Xmx}.
 * </ul>
 */
class StrictJsonFuzzTest {
  private static final Moshi MOSHI = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
  private static final StrictJson STRICT = new StrictJson(MOSHI);
  private static final Class<?>[] MODELS = {CreatePayafterOrderRequest.class,
      CompletePayafterOrderRequest.class, CancelPayafterOrderRequest.class, SyncPayafterOrderRequest.class};

  @FuzzTest
  void readsOrRefusesAnyBody(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    roundTrip(MODELS[(input[0] & 0xff) % MODELS.length], Arrays.copyOfRange(input, 1, input.length));
  }

  private static <T> void roundTrip(Class<T> type, byte[] json) throws Exception {
    T value;
    try {
      value = STRICT.read(json, type);
    } catch (StrictJson.Violation violation) {
      assertNotNull(violation.getPointer());
      assertFalse(violation.getRule().isEmpty());
      return;
    }
    assertNotNull(value);
    String written = MOSHI.adapter(type).toJson(value);
    assertEquals(value, STRICT.read(written.getBytes(StandardCharsets.UTF_8), type), written);
  }
}
