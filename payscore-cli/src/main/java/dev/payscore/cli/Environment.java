package dev.payscore.cli;

import java.util.HashMap;
import java.util.Map;

/** The environment variables that stand in for options: {@code --mchid} is {@code PAYSCORE_MCHID}. */
final class Environment {
  private static final Map<String, String> VARIABLES = new HashMap<>();

  static {
    VARIABLES.put("--endpoint", "PAYSCORE_ENDPOINT");
    VARIABLES.put("--mchid", "PAYSCORE_MCHID");
    VARIABLES.put("--serial", "PAYSCORE_SERIAL");
    VARIABLES.put("--private-key", "PAYSCORE_PRIVATE_KEY");
    VARIABLES.put("--wechatpay-public-key-id", "PAYSCORE_WECHATPAY_PUBLIC_KEY_ID");
    VARIABLES.put("--wechatpay-public-key", "PAYSCORE_WECHATPAY_PUBLIC_KEY");
    VARIABLES.put("--api-v3-key", "PAYSCORE_API_V3_KEY");
  }

  private Environment() {
  }

  static String variableFor(String option) {
    return VARIABLES.get(option);
  }
}
