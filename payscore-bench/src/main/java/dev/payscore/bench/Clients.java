package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import java.io.IOException;
import java.security.Provider;
import java.util.Collections;

/** Our client, built the way it documents, and one complete call (the official SDK's: {@link Official}). */
final class Clients {
  static final String OUT_ORDER_NO = "1234323JKHDFE1243252";
  static final CompletePayafterOrderRequest REQUEST = CompletePayafterOrderRequest.builder()
      .appid("wxd678efh567hg6787").serviceId("500001").finishType(FinishType.SERVICE_USED)
      .fees(Collections.singletonList(Fee.builder().feeName("停车费").feeCount(1).feeDesc("停车2小时")
          .feeAmount(40000L).build()))
      .totalAmount(40000L).finishTicket("Ad4k6Jb_hTWyZWtE_ejd5dvK9RsK1eRbKl1T7i6vvvGkBWgrRtpjRbjZPdAr2SDM")
      .profitSharing(false).build();

  private Clients() {}

  static PayScoreClient ours(BenchKeys keys, String url, Provider provider) {
    return PayScoreClient.builder()
        .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
        .merchantPrivateKey(keys.merchantPrivate)
        .wechatPayPublicKey(BenchKeys.PUB_KEY_ID, keys.wechatPayPublic)
        .baseUrl(url)
        .cryptoProvider(provider)
        .build();
  }

  static String callOurs(PayScoreClient client) throws IOException {
    CompletePayafterOrderResponse response =
        client.payafterOrders().completePayafterOrder(OUT_ORDER_NO, REQUEST).execute().body();
    return response.getOrderId();
  }
}
