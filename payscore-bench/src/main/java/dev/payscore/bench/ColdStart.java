package dev.payscore.bench;

import dev.payscore.PayScoreClient;
import java.nio.file.Paths;

/**
 * One cold start, run in a fresh JVM: load the keys from PEM, build the client, make one verified
 * complete call, print the order id, exit. The parent times the whole process.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String which = args[0];
    String url = args[1];
    java.nio.file.Path dir = Paths.get(args[2]);
    String orderId;
    if (which.equals("ours")) {
      PayScoreClient client = PayScoreClient.builder()
          .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
          .merchantPrivateKey(BenchKeys.read(dir.resolve("apiclient_key.pem")))
          .wechatPayPublicKey(BenchKeys.PUB_KEY_ID, BenchKeys.read(dir.resolve("pub_key.pem")))
          .baseUrl(url)
          .build();
      orderId = Clients.callOurs(client);
    } else {
      com.wechat.pay.java.core.RSAPublicKeyConfig config = new com.wechat.pay.java.core.RSAPublicKeyConfig.Builder()
          .merchantId(BenchKeys.MCHID).merchantSerialNumber(BenchKeys.SERIAL)
          .privateKeyFromPath(dir.resolve("apiclient_key.pem").toString())
          .publicKeyId(BenchKeys.PUB_KEY_ID).publicKeyFromPath(dir.resolve("pub_key.pem").toString())
          .apiV3Key(BenchKeys.API_V3_KEY)
          .build();
      orderId = Clients.callOfficial(
          new com.wechat.pay.java.core.http.DefaultHttpClientBuilder().config(config).build(), url);
    }
    if (!"15646546545165651651".equals(orderId)) {
      throw new AssertionError("unexpected answer " + orderId);
    }
    System.out.println("OK " + which);
    System.exit(0);
  }
}
