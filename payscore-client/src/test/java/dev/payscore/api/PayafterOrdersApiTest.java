package dev.payscore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.payscore.PayScoreClient;
import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.PayafterOrderState;
import dev.payscore.model.SyncDetail;
import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.model.SyncType;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each operation of the generated interface against MockWebServer, checked independently. */
class PayafterOrdersApiTest {
  final MockWebServer server = dev.payscore.testing.TestServers.mockWebServer();
  PayScoreClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = PayScoreClient.builder()
        .merchantId(TestKeys.MERCHANT_ID).merchantSerialNumber(TestKeys.MERCHANT_SERIAL)
        .merchantPrivateKey(TestKeys.merchant().getPrivate())
        .wechatPayPublicKey(TestKeys.PUBLIC_KEY_ID, TestKeys.wechatPay().getPublic())
        .baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /** RSA-OAEP (SHA-1, MGF1) decryption with Bouncy Castle's lightweight API, not the JDK's Cipher. */
  static String decrypt(String base64) throws Exception {
    OAEPEncoding oaep = new OAEPEncoding(new RSAEngine(), new SHA1Digest(), new SHA1Digest(), null);
    oaep.init(false, PrivateKeyFactory.createKey(TestKeys.wechatPay().getPrivate().getEncoded()));
    byte[] in = Base64.getDecoder().decode(base64);
    return new String(oaep.processBlock(in, 0, in.length), StandardCharsets.UTF_8);
  }

  @Test
  void createEncryptsPersonalFieldsUnderTheKeyItNames() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, "{\"out_order_no\":\"C1\",\"order_id\":\"1\",\"package\":\"PKG\"}"));
    CreatePayafterOrderRequest request = CreatePayafterOrderRequest.builder()
        .appid("wx").outOrderNo("C1").serviceId("500001")
        .name("张三").phone("13800138000").userid("110101199003077777").address("深圳").build();
    assertEquals("PKG", client.payafterOrders().createPayafterOrder(request).execute().body().getPackageValue());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST /v3/payscore/payafter-orders HTTP/1.1", recorded.getRequestLine());
    assertEquals(TestKeys.PUBLIC_KEY_ID, recorded.getHeader("Wechatpay-Serial"));
    assertTrue(WechatPayResponses.requestSignatureValid(recorded, TestKeys.merchant().getPublic()));
    @SuppressWarnings("unchecked")
    Map<String, Object> body = new Moshi.Builder().build().adapter(Map.class)
        .fromJson(recorded.getBody().readUtf8());
    assertEquals("张三", decrypt((String) body.get("name")));
    assertEquals("13800138000", decrypt((String) body.get("phone")));
    assertEquals("110101199003077777", decrypt((String) body.get("userid")));
    assertEquals("深圳", decrypt((String) body.get("address")));
    assertEquals("C1", body.get("out_order_no"));
    // The caller's value keeps the plain text; the wire got a fresh ciphertext.
    assertEquals("张三", request.getName());
    assertNotEquals("张三", body.get("name"));
  }

  @Test
  void querySendsAndSignsTheRawQuery() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, "{\"state\":\"USER_ACCEPTED\",\"finish_ticket\":\"T\",\"state_new\":1}"));
    PayafterOrder order = client.payafterOrders().queryPayafterOrder("500001", "wx", "A|B 1", null).execute().body();
    assertEquals(PayafterOrderState.USER_ACCEPTED, order.getState());
    assertEquals("T", order.getFinishTicket());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertTrue(recorded.getPath().startsWith("/v3/payscore/payafter-orders?service_id=500001&appid=wx&out_order_no=A"),
        recorded.getPath());
    assertEquals(0, recorded.getBodySize());
    assertTrue(WechatPayResponses.requestSignatureValid(recorded, TestKeys.merchant().getPublic()));
  }

  @Test
  void cancelAndSyncSendTheirBodies() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, "{\"order_id\":\"9\"}"));
    server.enqueue(WechatPayResponses.signed(200, "{\"order_id\":\"9\"}"));
    client.payafterOrders().cancelPayafterOrder("O1", CancelPayafterOrderRequest.builder()
        .appid("wx").serviceId("500001").reason("用户取消").build()).execute();
    client.payafterOrders().syncPayafterOrder("O1", SyncPayafterOrderRequest.builder()
        .appid("wx").serviceId("500001").type(SyncType.ORDER_PAID)
        .detail(SyncDetail.builder().paidTime("20091225091010").build()).build()).execute();
    RecordedRequest cancel = server.takeRequest();
    assertEquals("/v3/payscore/payafter-orders/O1/cancel", cancel.getPath());
    assertEquals("{\"appid\":\"wx\",\"service_id\":\"500001\",\"reason\":\"用户取消\"}", cancel.getBody().readUtf8());
    RecordedRequest sync = server.takeRequest();
    assertEquals("/v3/payscore/payafter-orders/O1/sync", sync.getPath());
    assertEquals("{\"appid\":\"wx\",\"service_id\":\"500001\",\"type\":\"Order_Paid\",\"detail\":{\"paid_time\":\"20091225091010\"}}",
        sync.getBody().readUtf8());
  }
}
