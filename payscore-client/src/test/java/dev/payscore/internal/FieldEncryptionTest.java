package dev.payscore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.payscore.auth.FieldEncryptor;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class FieldEncryptionTest {
  private final FieldEncryptor encryptor =
      new FieldEncryptor(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic());

  private static CreatePayafterOrderRequest.Builder create() {
    return CreatePayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787")
        .outOrderNo("1234323JKHDFE1243252")
        .serviceId("500001")
        .openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
  }

  private static String decrypt(String ciphertext) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    cipher.init(Cipher.DECRYPT_MODE, TestKeys.wechatPay().getPrivate());
    return new String(cipher.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
  }

  @Test
  void encryptsEveryPersonalPropertyOfACopyAndKeepsTheOthers() throws Exception {
    CreatePayafterOrderRequest plain =
        create().name("张三").phone("13800138000").userid("110101199003077777").address("深圳").build();

    CreatePayafterOrderRequest sent = (CreatePayafterOrderRequest) FieldEncryption.encrypt(plain, encryptor);

    assertEquals("张三", decrypt(sent.getName()));
    assertEquals("13800138000", decrypt(sent.getPhone()));
    assertEquals("110101199003077777", decrypt(sent.getUserid()));
    assertEquals("深圳", decrypt(sent.getAddress()));
    assertEquals(plain.newBuilder().name(null).phone(null).userid(null).address(null).build(),
        sent.newBuilder().name(null).phone(null).userid(null).address(null).build());
    assertEquals("张三", plain.getName(), "the value given is left as it was");
  }

  @Test
  void leavesAbsentPersonalPropertiesAbsent() {
    CreatePayafterOrderRequest plain = create().phone("13800138000").build();

    CreatePayafterOrderRequest sent = (CreatePayafterOrderRequest) FieldEncryption.encrypt(plain, encryptor);

    assertNull(sent.getName());
    assertNull(sent.getAddress());
    assertEquals(344, sent.getPhone().length(), "Base64 of one 2048-bit RSA block");
  }

  @Test
  void returnsABodyWithoutPersonalPropertiesItself() {
    CancelPayafterOrderRequest cancel = CancelPayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787").serviceId("500001").reason("用户取消").build();
    assertSame(cancel, FieldEncryption.encrypt(cancel, encryptor));
    Object notAModel = "{}";
    assertSame(notAModel, FieldEncryption.encrypt(notAModel, encryptor));
  }
}
