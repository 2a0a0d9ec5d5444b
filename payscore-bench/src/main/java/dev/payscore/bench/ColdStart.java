package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import java.nio.file.Paths;

/**
 * One cold start, run in a fresh JVM: load the keys from PEM, build the client, make one verified
 * complete call, print the order id, exit. The parent times the whole process. {@code ours}: our
 * client as built for the responder's http:// URL; {@code ours-tls}: the same with OkHttp's TLS set
 * up as for https://; {@code official}: wechatpay-java.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String which = args[0];
    String url = args[1];
    java.nio.file.Path dir = Paths.get(args[2]);
    String orderId;
    if (which.startsWith("ours")) {
      PayScoreClient.Builder builder = PayScoreClient.builder()
          .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
          .merchantPrivateKey(BenchKeys.read(dir.resolve("apiclient_key.pem")))
          .wechatPayPublicKey(BenchKeys.PUB_KEY_ID, BenchKeys.read(dir.resolve("pub_key.pem")))
          .baseUrl(url);
      if (which.equals("ours-tls")) {
        // For http:// the client sets up no TLS; against https:// (WeChat Pay) OkHttp loads the JDK's
        // trust store and TLS machinery when the client is built. A default OkHttpClient does that
        // here, so that this row shows what the https case costs (the handshake itself aside).
        builder.okHttpClient(new okhttp3.OkHttpClient());
      }
      orderId = Clients.callOurs(builder.build());
    } else {
      com.wechat.pay.java.core.RSAPublicKeyConfig config = new com.wechat.pay.java.core.RSAPublicKeyConfig.Builder()
          .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
          .privateKeyFromPath(dir.resolve("apiclient_key.pem").toString())
          .publicKeyId(BenchKeys.PUB_KEY_ID).publicKeyFromPath(dir.resolve("pub_key.pem").toString())
          .apiV3Key(BenchKeys.API_V3_KEY)
          .build();
      orderId = Official.call(
          new com.wechat.pay.java.core.http.DefaultHttpClientBuilder().config(config).build(), url);
    }
    if (!"15646546545165651651".equals(orderId)) {
      throw new AssertionError("unexpected answer " + orderId);
    }
    System.out.println("OK " + which);
    System.exit(0);
  }
}
