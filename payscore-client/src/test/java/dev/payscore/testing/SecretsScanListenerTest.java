package dev.payscore.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsScanListenerTest {
  @Test
  void findsAPlantedSecretWithoutQuotingIt() {
    List<String> leaks = SecretsScanListener.scan("line one\n--> POST x Authorization: WECHATPAY2 signature=\"s3cr3t-s1gnature\"",
        Arrays.asList("s3cr3t-s1gnature", "not-there-at-all"));
    assertEquals(1, leaks.size());
    assertTrue(leaks.get(0).contains("on line 2"), leaks.get(0));
    assertFalse(leaks.get(0).contains("s3cr3t-s1gnature"), leaks.get(0));
    assertEquals(Collections.emptyList(), SecretsScanListener.scan("clean", Arrays.asList("s3cr3t-s1gnature")));
  }

  @Test
  void theSuiteRegistersItsKeys() {
    TestKeys.merchant();
    assertTrue(Secrets.known().size() >= 3 * 30, "keys registered: " + Secrets.known().size());
  }
}
