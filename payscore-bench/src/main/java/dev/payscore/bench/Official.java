package dev.payscore.bench;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.http.JsonRequestBody;
import okhttp3.OkHttpClient;

/**
 * The official wechatpay-java client, built the way it documents, and one complete call. Kept apart
 * from {@link Clients} so that a cold start of the official SDK loads none of our classes: its body
 * is the JSON text its callers write by hand ({@link BenchMain} checks that it is byte for byte what
 * our client sends for {@link Clients#REQUEST}).
 */
final class Official {
  static final String REQUEST_JSON = "{\"appid\":\"wxd678efh567hg6787\",\"service_id\":\"500001\","
      + "\"finish_type\":2,\"fees\":[{\"fee_name\":\"停车费\",\"fee_count\":1,"
      + "\"fee_desc\":\"停车2小时\",\"fee_amount\":40000}],\"total_amount\":40000,"
      + "\"finish_ticket\":\"Ad4k6Jb_hTWyZWtE_ejd5dvK9RsK1eRbKl1T7i6vvvGkBWgrRtpjRbjZPdAr2SDM\","
      + "\"profit_sharing\":false}";

  private Official() {}

  static HttpClient client(BenchKeys keys) {
    RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder()
        .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
        .privateKey(keys.merchantPrivate)
        .publicKeyId(BenchKeys.PUB_KEY_ID).publicKey(keys.wechatPayPublic)
        .apiV3Key(BenchKeys.API_V3_KEY)
        .build();
    return new DefaultHttpClientBuilder().config(config).okHttpClient(new OkHttpClient()).build();
  }

  /** The answer type for the official SDK (it binds with Gson). */
  static final class Answer {
    String appid;
    String mchid;
    String out_order_no;
    String service_id;
    String order_id;
  }

  static String call(HttpClient client, String url) {
    HttpHeaders headers = new HttpHeaders();
    headers.addHeader("Accept", "application/json");
    headers.addHeader("Content-Type", "application/json");
    JsonRequestBody body = new JsonRequestBody.Builder().body(REQUEST_JSON).build();
    return client.post(headers, url + "v3/payscore/payafter-orders/" + Clients.OUT_ORDER_NO + "/complete", body,
        Answer.class).getServiceResponse().order_id;
  }
}
