package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;

class PayScoreSanitizingFunctionTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private final PayScoreSanitizingFunction function = new PayScoreSanitizingFunction(() -> KEY);

  private Object sanitized(String key, String value) {
    return function.apply(new SanitizableData(null, key, value)).getValue();
  }

  @Test
  void masksTheApiV3KeyUnderEverySpelling() {
    for (String key : new String[] {"payscore.api-v3-key", "payscore.apiV3Key", "PAYSCORE_API_V3_KEY",
        "PAYSCORE_APIV3KEY", "payscore.api_v3_key"}) {
      assertThat(sanitized(key, "0123456789abcdef0123456789abcdef")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
    }
  }

  @Test
  void masksAnyPropertyHoldingTheKey() {
    assertThat(sanitized("WECHAT_APIV3", KEY)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    assertThat(sanitized("vault.secrets.payscore", KEY)).isEqualTo(SanitizableData.SANITIZED_VALUE);
    assertThat(new PayScoreSanitizingFunction(() -> null).apply(new SanitizableData(null, "WECHAT_APIV3", KEY))
        .getValue()).isEqualTo(KEY);
  }

  @Test
  void leavesTheOtherPropertiesAlone() {
    assertThat(sanitized("payscore.merchant-id", "1900000109")).isEqualTo("1900000109");
    assertThat(sanitized("payscore.private-key", "file:/etc/payscore/apiclient_key.pem"))
        .isEqualTo("file:/etc/payscore/apiclient_key.pem");
    assertThat(sanitized("other.api-v3-key", "x")).isEqualTo("x");
  }
}
