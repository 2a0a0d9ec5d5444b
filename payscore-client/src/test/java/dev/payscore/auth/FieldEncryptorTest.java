package dev.payscore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class FieldEncryptorTest {
  final FieldEncryptor encryptor = new FieldEncryptor(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic());

  @Test
  void encryptsWithRsaOaepSha1UnderTheKeyAndIsRandomised() throws Exception {
    String first = encryptor.encrypt("13800138000");
    String second = encryptor.encrypt("13800138000");
    assertNotEquals(first, second);
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    cipher.init(Cipher.DECRYPT_MODE, TestKeys.wechatPay().getPrivate());
    assertEquals("13800138000", new String(cipher.doFinal(Base64.getDecoder().decode(first)), StandardCharsets.UTF_8));
    assertNull(encryptor.encrypt(null));
  }

  @Test
  void namesItsKeyOnly() {
    assertEquals(TestKeys.PUBLIC_KEY_ID, encryptor.keyId());
    assertEquals("FieldEncryptor{" + TestKeys.PUBLIC_KEY_ID + "}", encryptor.toString());
  }
}
