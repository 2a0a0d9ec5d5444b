package dev.payscore.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.auth.SignatureScheme;
import dev.payscore.internal.crypto.KeyPairs;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.notify.NotificationParser;
import dev.payscore.notify.PayScoreNotification;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** 国密 mode end to end: SM2/SM3 signatures both ways, SM2-encrypted fields, AEAD_SM4_GCM notifications. */
class SmModeTest {
  @Test
  void completeCallInSmModeSignsVerifiesAndDecryptsWithSmAlgorithms() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder().scheme(SignatureScheme.SM2).start()) {
      PayScoreClient client = sandbox.clientBuilder().build();
      MockWebServer merchant = dev.payscore.testing.TestServers.mockWebServer();
      merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      try {
        sandbox.notifyTo(merchant.url("/notify").toString());
        merchant.enqueue(new MockResponse().setResponseCode(204));
        merchant.enqueue(new MockResponse().setResponseCode(204));

        client.payafterOrders().createPayafterOrder(CreatePayafterOrderRequest.builder().appid("wx")
            .outOrderNo("SM1").serviceId("500001").phone("13800138000").name("张三").build()).execute();
        SandboxRequest create = sandbox.requests().get(0);
        assertTrue(create.header("Authorization").startsWith("WECHATPAY2-SM2-WITH-SM3 "), create.header("Authorization"));
        assertFalse(create.bodyUtf8().contains("13800138000"));
        assertEquals("13800138000", sandbox.order("SM1").phone(), "SM2-encrypted on the wire, decrypted by the sandbox");
        assertEquals("张三", sandbox.order("SM1").name());

        String ticket = sandbox.acceptOrder("SM1");
        NotificationParser parser = new NotificationParser(client.verifier(), sandbox.apiV3Key());
        RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
        assertEquals("WECHATPAY2-SM2-WITH-SM3", posted.getHeader("Wechatpay-Signature-Type"));
        String body = posted.getBody().readUtf8();
        assertTrue(body.contains("\"algorithm\":\"AEAD_SM4_GCM\""), body);
        PayScoreNotification accepted = parser.parse(name -> posted.getHeaders().values(name),
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(accepted instanceof PayScoreNotification.UserAccepted);

        assertEquals(PayafterOrderState.USER_ACCEPTED, client.payafterOrders()
            .queryPayafterOrder("500001", "wx", "SM1", null).execute().body().getState());
        assertEquals("SM1", client.payafterOrders().completePayafterOrder("SM1", CompletePayafterOrderRequest.builder()
            .appid("wx").serviceId("500001").finishType(FinishType.SERVICE_USED).totalAmount(100L)
            .finishTicket(ticket).build()).execute().body().getOutOrderNo());
        assertEquals("FINISHED", sandbox.orderState("SM1"));

        sandbox.injectFaults(Fault.WRONG_SIGNATURE);
        assertEquals(WechatPaySignatureException.Reason.SIGNATURE_MISMATCH, assertThrows(WechatPaySignatureException.class,
            () -> client.payafterOrders().queryPayafterOrder("500001", "wx", "SM1", null).execute()).getReason());
      } finally {
        merchant.shutdown();
      }
    }
  }

  @Test
  void anRsaClientIsRefusedByAnSmSandbox() {
    try (PayScoreSandbox sm = PayScoreSandbox.builder().scheme(SignatureScheme.SM2).start();
        PayScoreSandbox rsa = PayScoreSandbox.start()) {
      sm.createOrder("O", "wx", "1");
      PayScoreClient wrong = rsa.clientBuilder().baseUrl(sm.url()).merchantId(sm.merchantId())
          .merchantSerialNumber(sm.merchantSerialNumber()).build();
      WechatPayApiException e = assertThrows(WechatPayApiException.class, () -> wrong.payafterOrders()
          .completePayafterOrder("O", CompletePayafterOrderRequest.builder().appid("wx").serviceId("1")
              .finishType(FinishType.SERVICE_USED).totalAmount(1L).build()).execute());
      assertEquals(401, e.getHttpStatus());
      assertEquals("SIGN_ERROR", e.getCode());
    }
  }

  @Test
  void theBuilderRefusesAKeyOfTheOtherScheme() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> PayScoreClient.builder()
        .merchantId("1900000109").merchantSerialNumber("AB")
        .merchantPrivateKey(dev.payscore.testing.TestKeys.merchant().getPrivate())
        .wechatPayPublicKey("PUB_KEY_ID_1", KeyPairs.generate(true).getPublic())
        .signatureScheme(SignatureScheme.SM2).build());
    assertTrue(e.getMessage().contains("merchantPrivateKey is an RSA key but the scheme WECHATPAY2-SM2-WITH-SM3 needs an SM2 key"),
        e.getMessage());
  }
}
