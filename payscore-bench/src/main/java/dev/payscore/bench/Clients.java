package dev.payscore.bench;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.http.JsonRequestBody;
import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import java.io.IOException;
import java.security.Provider;
import java.util.Collections;
import okhttp3.OkHttpClient;

/** The two clients under test, built the way each documents, and one complete call each. */
final class Clients {
  static final String OUT_ORDER_NO = "1234323JKHDFE1243252";
  static final CompletePayafterOrderRequest REQUEST = CompletePayafterOrderRequest.builder()
      .appid("wxd678efh567hg6787").serviceId("500001").finishType(FinishType.SERVICE_USED)
      .fees(Collections.singletonList(Fee.builder().feeName("停车费").feeCount(1).feeDesc("停车2小时")
          .feeAmount(40000L).build()))
      .totalAmount(40000L).finishTicket("Ad4k6Jb_hTWyZWtE_ejd5dvK9RsK1eRbKl1T7i6vvvGkBWgrRtpjRbjZPdAr2SDM")
      .profitSharing(false).build();
  /** The same body, as the official SDK's callers hand-build it. */
  static final String REQUEST_JSON =
      new com.squareup.moshi.Moshi.Builder().build().adapter(CompletePayafterOrderRequest.class).toJson(REQUEST);

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

  static HttpClient official(BenchKeys keys) {
    RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
        .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
        .privateKey(keys.merchantPrivate)
        .publicKeyId(BenchKeys.PUB_KEY_ID).publicKey(keys.wechatPayPublic)
        .apiV3Key(BenchKeys.API_V3_KEY)
        .build();
    return new DefaultHttpClientBuilder().config(config).okHttpClient(new OkHttpClient()).build();
  }

  /** The answer type for the official SDK (it binds with Gson). */
  static final class OfficialAnswer {
    String appid;
    String mchid;
    String out_order_no;
    String service_id;
    String order_id;
  }

  static String callOfficial(HttpClient client, String url) {
    HttpHeaders headers = new HttpHeaders();
    headers.addHeader("Accept", "application/json");
    headers.addHeader("Content-Type", "application/json");
    JsonRequestBody body = new JsonRequestBody.Builder().body(REQUEST_JSON).build();
    return client.post(headers, url + "v3/payscore/payafter-orders/" + OUT_ORDER_NO + "/complete", body,
        OfficialAnswer.class).getServiceResponse().order_id;
  }
}
