package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.sandbox.PayScoreSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** One client, 16 concurrent callers, a bounded number of calls against the sandbox. */
class LoadTest {
  static final int CALLERS = 16;
  static final int CALLS_EACH = 40;

  @Test
  void sixteenCallersCompleteEveryCallVerifiedAndLeaveNothingBehind() throws Exception {
    try (PayScoreSandbox sandbox = PayScoreSandbox.start()) {
      PayScoreClient client = sandbox.clientBuilder().build();
      List<String> tickets = new ArrayList<>();
      for (int i = 0; i < CALLERS * CALLS_EACH; i++) {
        tickets.add(sandbox.createOrder("L" + i, "wx", "500001"));
      }
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < CALLERS; t++) {
        final int first = t * CALLS_EACH;
        results.add(callers.submit(() -> {
          int ok = 0;
          for (int i = first; i < first + CALLS_EACH; i++) {
            String orderId = client.payafterOrders().completePayafterOrder("L" + i,
                CompletePayafterOrderRequest.builder().appid("wx").serviceId("500001")
                    .finishType(FinishType.SERVICE_USED).totalAmount(1L).finishTicket(tickets.get(i)).build())
                .execute().body().getOrderId();
            if (orderId != null) {
              ok++;
            }
          }
          return ok;
        }));
      }
      int completed = 0;
      for (Future<Integer> result : results) {
        completed += result.get(120, TimeUnit.SECONDS);
      }
      callers.shutdown();
      assertEquals(CALLERS * CALLS_EACH, completed);
      assertEquals(CALLERS * CALLS_EACH, sandbox.requestCount());
      for (int i = 0; i < CALLERS * CALLS_EACH; i++) {
        assertEquals("FINISHED", sandbox.orderState("L" + i));
      }
      // A few asynchronous calls, so that the dispatcher has threads for close() to end (its idle
      // threads would otherwise live on for 60 s and the termination check below would fail).
      java.util.concurrent.CountDownLatch async = new java.util.concurrent.CountDownLatch(CALLERS);
      for (int i = 0; i < CALLERS; i++) {
        client.payafterOrders().completePayafterOrder("NO-SUCH-" + i, CompletePayafterOrderRequest.builder()
            .appid("wx").serviceId("500001").finishType(FinishType.SERVICE_USED).totalAmount(1L).build())
            .enqueue(new retrofit2.Callback<dev.payscore.model.CompletePayafterOrderResponse>() {
              @Override
              public void onResponse(retrofit2.Call<dev.payscore.model.CompletePayafterOrderResponse> call,
                  retrofit2.Response<dev.payscore.model.CompletePayafterOrderResponse> response) {
                async.countDown();
              }

              @Override
              public void onFailure(retrofit2.Call<dev.payscore.model.CompletePayafterOrderResponse> call, Throwable t) {
                async.countDown(); // 404 ORDER_NOT_EXIST, as a WechatPayApiException
              }
            });
      }
      assertTrue(async.await(30, TimeUnit.SECONDS));
      OkHttpClient http = okHttp(client);
      assertTrue(http.dispatcher().executorService() instanceof java.util.concurrent.ThreadPoolExecutor);
      assertTrue(((java.util.concurrent.ThreadPoolExecutor) http.dispatcher().executorService()).getPoolSize() > 0,
          "the dispatcher has threads before close()");
      assertEquals(http.connectionPool().connectionCount(), http.connectionPool().idleConnectionCount(),
          "every connection is back in the pool, idle");
      client.close();
      assertTrue(http.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS),
          "the dispatcher's threads end after close()");
      assertEquals(0, http.connectionPool().connectionCount());
    }
  }

  static OkHttpClient okHttp(PayScoreClient client) throws Exception {
    java.lang.reflect.Method method = PayScoreClient.class.getDeclaredMethod("okHttpClient");
    method.setAccessible(true);
    return (OkHttpClient) method.invoke(client);
  }
}
