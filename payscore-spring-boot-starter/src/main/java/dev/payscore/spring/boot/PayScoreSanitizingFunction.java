package dev.payscore.spring.boot;

import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the APIv3 key wherever the actuator shows properties ({@code /actuator/env}, {@code
 * /actuator/configprops}): {@code payscore.api-v3-key} under any spelling ({@code payscore.apiV3Key},
 * {@code PAYSCORE_API_V3_KEY}, ...), and any other property holding the same value, such as the
 * environment variable a {@code ${...}} placeholder took it from.
 */
final class PayScoreSanitizingFunction implements SanitizingFunction {
  private final Supplier<@Nullable String> apiV3Key;

  /** @param apiV3Key the {@code payscore.api-v3-key} value as bound (a key, or a file's location) */
  PayScoreSanitizingFunction(Supplier<@Nullable String> apiV3Key) {
    this.apiV3Key = apiV3Key;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    String key = data.getKey();
    if (key != null && key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").equals("payscoreapiv3key")) {
      return data.withValue(SanitizableData.SANITIZED_VALUE);
    }
    String secret = apiV3Key.get();
    Object value = data.getValue();
    if (secret != null && secret.length() >= 8 && value != null && secret.equals(value.toString())) {
      return data.withValue(SanitizableData.SANITIZED_VALUE);
    }
    return data;
  }
}
