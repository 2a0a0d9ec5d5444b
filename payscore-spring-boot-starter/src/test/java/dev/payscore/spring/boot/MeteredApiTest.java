package dev.payscore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.payscore.PayScoreClient;
import dev.payscore.api.PayafterOrdersApi;
import dev.payscore.exception.WechatPayApiException;
import dev.payscore.exception.WechatPaySignatureException;
import dev.payscore.model.PayafterOrder;
import dev.payscore.model.ValidationException;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** Every call through the metered API ends in the timer, tagged with how it ended. */
class MeteredApiTest {
  private static final String APPID = "wxd678efh567hg6787";
  private static final String SERVICE_ID = "500001";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PayScoreClient client = TestSandbox.sandbox().clientBuilder().build();
  private final PayafterOrdersApi api = MeteredApi.of(PayafterOrdersApi.class, client.payafterOrders(),
      new MicrometerPayScoreMetrics(registry));

  @AfterEach
  void close() {
    client.close();
  }

  private long count(String operation, CallOutcome outcome, String code) {
    Timer timer = registry.find(MicrometerPayScoreMetrics.REQUESTS).tag("operation", operation)
        .tag("outcome", outcome.name()).tag("code", code).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void aVerifiedAnswerIsASuccess() throws IOException {
    String outOrderNo = PayScoreAutoConfigurationTest.newAcceptedOrder();

    api.queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute();

    assertThat(count("queryPayafterOrder", CallOutcome.SUCCESS, "NONE")).isEqualTo(1);
    assertThat(registry.find(MicrometerPayScoreMetrics.REQUESTS).timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
  }

  @Test
  void anErrorAnswerIsTaggedWithWechatPaysCode() {
    assertThrows(WechatPayApiException.class,
        () -> api.queryPayafterOrder(SERVICE_ID, APPID, "NO-SUCH-ORDER", null).execute());

    assertThat(count("queryPayafterOrder", CallOutcome.API_ERROR, "ORDER_NOT_EXIST")).isEqualTo(1);
  }

  @Test
  void aSignatureFailureIsTaggedWithItsReason() {
    String outOrderNo = PayScoreAutoConfigurationTest.newAcceptedOrder();
    TestSandbox.sandbox().injectFaults(Fault.WRONG_SIGNATURE);

    WechatPaySignatureException e = assertThrows(WechatPaySignatureException.class,
        () -> api.queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null).execute());

    assertThat(count("queryPayafterOrder", CallOutcome.SIGNATURE_FAILURE, e.getReason().name())).isEqualTo(1);
  }

  @Test
  void noAnswerIsANetworkError() {
    PayScoreSandbox gone = PayScoreSandbox.start();
    gone.close();
    PayScoreClient unreachable = gone.clientBuilder().build();
    PayafterOrdersApi metered = MeteredApi.of(PayafterOrdersApi.class, unreachable.payafterOrders(),
        new MicrometerPayScoreMetrics(registry));

    assertThrows(ConnectException.class, () -> metered.queryPayafterOrder(SERVICE_ID, APPID, "X", null).execute());

    assertThat(count("queryPayafterOrder", CallOutcome.NETWORK_ERROR, "ConnectException")).isEqualTo(1);
    unreachable.close();
  }

  @Test
  void aRequestRefusedBeforeSendingIsAnInvalidRequest() {
    assertThrows(ValidationException.class, () -> api.queryPayafterOrder(SERVICE_ID, APPID, "", null).execute());

    assertThat(count("queryPayafterOrder", CallOutcome.INVALID_REQUEST, "NONE")).isEqualTo(1);
  }

  @Test
  void enqueuedCallsAreTimedAndTheCallbackGetsTheMeteredCall() throws InterruptedException {
    String outOrderNo = PayScoreAutoConfigurationTest.newAcceptedOrder();
    Call<PayafterOrder> call = api.queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null);
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<Call<PayafterOrder>> seen = new AtomicReference<>();

    call.enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<PayafterOrder> c, Response<PayafterOrder> response) {
        seen.set(c);
        done.countDown();
      }

      @Override
      public void onFailure(Call<PayafterOrder> c, Throwable failure) {
        done.countDown();
      }
    });

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.get()).isSameAs(call);
    assertThat(count("queryPayafterOrder", CallOutcome.SUCCESS, "NONE")).isEqualTo(1);
  }

  @Test
  void aClonedCallIsTimedToo() throws IOException {
    String outOrderNo = PayScoreAutoConfigurationTest.newAcceptedOrder();
    Call<PayafterOrder> call = api.queryPayafterOrder(SERVICE_ID, APPID, outOrderNo, null);
    call.execute();

    call.clone().execute();

    assertThat(count("queryPayafterOrder", CallOutcome.SUCCESS, "NONE")).isEqualTo(2);
  }

  @Test
  void theProxyIsItselfForObjectMethods() {
    assertThat(api).isEqualTo(api).isNotEqualTo(client.payafterOrders());
    assertThat(api.hashCode()).isEqualTo(System.identityHashCode(api));
    assertThat(api.toString()).startsWith("Metered(");
  }
}
