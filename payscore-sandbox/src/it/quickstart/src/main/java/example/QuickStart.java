package example;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import dev.payscore.sandbox.PayScoreSandbox;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import retrofit2.Response;

/** The README quick start, as a user would write it, run against the embedded sandbox. */
public final class QuickStart {
  public static void main(String[] args) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair merchant = generator.generateKeyPair();
    try (PayScoreSandbox sandbox = PayScoreSandbox.builder()
        .merchantKey("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", merchant.getPublic())
        .wechatPayPublicKeyId("PUB_KEY_ID_0114232134912410000000000000")
        .start()) {
      String finishTicket = sandbox.createOrder("1234323JKHDFE1243252", "wxd678efh567hg6787", "500001");
      PrivateKey privateKey = merchant.getPrivate();
      PublicKey publicKey = sandbox.wechatPayPublicKey();

      // The README quick start; the one added line points it at the sandbox instead of WeChat Pay.
      PayScoreClient client = PayScoreClient.builder()
          .merchantId("1900000109")
          .merchantSerialNumber("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C")
          .merchantPrivateKey(privateKey)
          .wechatPayPublicKey("PUB_KEY_ID_0114232134912410000000000000", publicKey)
          .baseUrl(sandbox.url()) // added
          .build();

      CompletePayafterOrderRequest request = CompletePayafterOrderRequest.builder()
          .appid("wxd678efh567hg6787")
          .serviceId("500001")
          .finishType(FinishType.SERVICE_USED)
          .fees(Collections.singletonList(
              Fee.builder().feeName("停车费").feeCount(1).feeAmount(40000L).build()))
          .totalAmount(40000L)
          .finishTicket(finishTicket)
          .build();

      Response<CompletePayafterOrderResponse> r =
          client.payafterOrders().completePayafterOrder("1234323JKHDFE1243252", request).execute();
      String orderId = r.body().getOrderId();

      if (orderId == null || !"FINISHED".equals(sandbox.orderState("1234323JKHDFE1243252"))) {
        throw new AssertionError("the quick start did not complete the order");
      }
      System.out.println("quick start OK: order_id " + orderId);
      client.close();
    }
  }
}
