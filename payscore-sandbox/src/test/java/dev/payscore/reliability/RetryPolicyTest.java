package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.PayScoreClient;
import dev.payscore.RetryPolicy;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.sandbox.SandboxRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry policy, counting the attempts the sandbox saw. */
class RetryPolicyTest {
  PayScoreSandbox sandbox;
  String order;
  String ticket;

  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3)
      .backoff(10, 40, TimeUnit.MILLISECONDS).build();

  @BeforeEach
  void start() {
    sandbox = PayScoreSandbox.start();
    order = "R1";
    ticket = sandbox.createOrder(order, "wx", "500001");
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  int complete(PayScoreClient client) throws IOException {
    return client.payafterOrders().completePayafterOrder(order, CompletePayafterOrderRequest.builder()
        .appid("wx").serviceId("500001").finishType(FinishType.SERVICE_USED).totalAmount(1L)
        .finishTicket(ticket).build()).execute().code();
  }

  @Test
  void offByDefault() {
    sandbox.injectFaults(Fault.SYSTEM_ERROR);
    assertThrows(WechatPayApiException.class, () -> complete(sandbox.clientBuilder().build()));
    assertEquals(1, sandbox.requestCount());
  }

  @Test
  void retries5xxAnd429WithTheIdenticalBodyFreshlySigned() throws Exception {
    sandbox.injectFaults(Fault.SYSTEM_ERROR, Fault.TOO_MANY_REQUESTS);
    assertEquals(200, complete(sandbox.clientBuilder().retryPolicy(FAST).build()));
    List<SandboxRequest> attempts = sandbox.requests();
    assertEquals(3, attempts.size());
    assertEquals(attempts.get(0).bodyUtf8(), attempts.get(1).bodyUtf8());
    assertEquals(attempts.get(0).bodyUtf8(), attempts.get(2).bodyUtf8());
    assertNotEquals(attempts.get(0).header("Authorization"), attempts.get(1).header("Authorization"));
    assertNotEquals(attempts.get(1).header("Authorization"), attempts.get(2).header("Authorization"));
    assertEquals("FINISHED", sandbox.orderState(order));
  }

  @Test
  void boundedInAttempts() {
    sandbox.injectFaults(Fault.SYSTEM_ERROR, Fault.SYSTEM_ERROR, Fault.SYSTEM_ERROR, Fault.SYSTEM_ERROR);
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> complete(sandbox.clientBuilder().retryPolicy(FAST).build()));
    assertEquals(500, e.getHttpStatus());
    assertEquals(3, sandbox.requestCount());
  }

  @Test
  void boundedInTotalTime() {
    sandbox.injectFaults(Fault.SYSTEM_ERROR, Fault.SYSTEM_ERROR, Fault.SYSTEM_ERROR);
    RetryPolicy slow = RetryPolicy.builder().maxAttempts(5).backoff(1, 2, TimeUnit.SECONDS)
        .maxTotalTime(300, TimeUnit.MILLISECONDS).build();
    // The first backoff (at least 500 ms) would overrun the 300 ms budget: the first answer is final.
    WechatPayApiException e = assertThrows(WechatPayApiException.class,
        () -> complete(sandbox.clientBuilder().retryPolicy(slow).build()));
    assertEquals(500, e.getHttpStatus());
    assertEquals(1, sandbox.requestCount());
  }

  @Test
  void neverRetries4xxSignatureFailuresOrLostConnections() throws Exception {
    PayScoreClient client = sandbox.clientBuilder().retryPolicy(FAST).build();
    WechatPayApiException notFound = assertThrows(WechatPayApiException.class, () -> client.payafterOrders()
        .completePayafterOrder("NO-SUCH", CompletePayafterOrderRequest.builder().appid("wx").serviceId("500001")
            .finishType(FinishType.SERVICE_USED).totalAmount(1L).build()).execute());
    assertEquals(404, notFound.getHttpStatus());
    assertEquals(1, sandbox.requestCount());

    sandbox.injectFaults(Fault.PROBE_SIGNATURE);
    assertThrows(WechatPaySignatureException.class, () -> complete(client));
    assertEquals(2, sandbox.requestCount());

    sandbox.injectFaults(Fault.DROP_CONNECTION);
    IOException dropped = assertThrows(IOException.class, () -> complete(client));
    assertFalse(dropped instanceof WechatPayApiException);
    assertEquals(3, sandbox.requestCount());
  }

  @Test
  void connectFailureFailsOverToTheBackupHost() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    RetryPolicy failover = RetryPolicy.builder().maxAttempts(2).backoff(10, 10, TimeUnit.MILLISECONDS)
        .failoverToBackupHost(true).backupBaseUrl(sandbox.url()).build();
    PayScoreClient client = sandbox.clientBuilder().baseUrl("http://127.0.0.1:" + closed + "/")
        .retryPolicy(failover).build();
    assertEquals(200, complete(client));
    assertEquals(1, sandbox.requestCount());

    PayScoreClient noFailover = sandbox.clientBuilder().baseUrl("http://127.0.0.1:" + closed + "/")
        .retryPolicy(FAST).build();
    assertThrows(java.net.ConnectException.class, () -> complete(noFailover));
    assertEquals(1, sandbox.requestCount());
  }
}
