package dev.payscore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.model.ServiceUseState;
import dev.payscore.model.UserServiceState;
import dev.payscore.model.ValidationException;
import dev.payscore.testing.TestKeys;
import dev.payscore.testing.WechatPayResponses;
import java.util.Collections;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user service state query against MockWebServer. */
class UserServiceStateApiTest {
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

  @Test
  void queriesAndReadsTheState() throws Exception {
    server.enqueue(WechatPayResponses.signed(200,
        "{\"appid\":\"wx\",\"service_id\":\"500001\",\"openid\":\"U1\",\"use_service_state\":\"AVAILABLE\"}"));
    UserServiceState state = client.userServiceState().queryUserServiceState("500001", "wx", "U1").execute().body();
    assertEquals(ServiceUseState.AVAILABLE, state.getUseServiceState());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET /v3/payscore/user-service-state?service_id=500001&appid=wx&openid=U1 HTTP/1.1",
        recorded.getRequestLine());
    assertTrue(WechatPayResponses.requestSignatureValid(recorded, TestKeys.merchant().getPublic()));
  }

  @Test
  void aStateThisVersionDoesNotKnowReadsAsUnknown() throws Exception {
    server.enqueue(WechatPayResponses.signed(200, "{\"openid\":\"U1\",\"use_service_state\":\"PAUSED\"}"));
    assertEquals(ServiceUseState.UNKNOWN, client.userServiceState()
        .queryUserServiceState("500001", "wx", "U1").execute().body().getUseServiceState());
  }

  @Test
  void refusesAMissingParameterBeforeSending() {
    @SuppressWarnings("ConstantConditions")
    ValidationException e = assertThrows(ValidationException.class,
        () -> client.userServiceState().queryUserServiceState("500001", "wx", null).execute());
    assertEquals(Collections.singletonList("openid: required"), e.getViolations());
    assertEquals(0, server.getRequestCount());
  }
}
