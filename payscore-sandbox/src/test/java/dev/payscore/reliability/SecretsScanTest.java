package dev.payscore.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.PayScoreClient;
import dev.payscore.RetryPolicy;
import dev.payscore.auth.FieldEncryptor;
import dev.payscore.auth.RequestSigner;
import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.FinishType;
import dev.payscore.notify.NotificationParser;
import dev.payscore.sandbox.Fault;
import dev.payscore.sandbox.PayScoreSandbox;
import dev.payscore.sandbox.SandboxRequest;
import dev.payscore.testing.ScannedOutput;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Drives every path that logs or fails (every fault, errors, notifications, logging with bodies on)
 * while capturing log lines, standard out and err, exception messages and toString() of every config
 * and key holder; then fails if any of them holds a private key, the APIv3 key, an Authorization
 * value or a signature.
 */
class SecretsScanTest {
  @Test
  void noSecretReachesLogsMessagesOrToString() throws Exception {
    List<String> texts = new CopyOnWriteArrayList<>();
    List<String> secrets = new ArrayList<>();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream tee = new PrintStream(captured, true, "UTF-8");
    System.setOut(tee);
    System.setErr(tee);
    try (PayScoreSandbox sandbox = PayScoreSandbox.start()) {
      PayScoreClient client = sandbox.clientBuilder().logger(texts::add).logBodies(true)
          .retryPolicy(RetryPolicy.builder().backoff(1, 2, TimeUnit.MILLISECONDS).build())
          .readTimeout(300, TimeUnit.MILLISECONDS).build();
      String privateKey = Base64.getEncoder().encodeToString(sandbox.merchantPrivateKey().getEncoded());
      for (int i = 0; i + 40 <= privateKey.length(); i += 200) {
        secrets.add(privateKey.substring(i, i + 40));
      }
      secrets.add(sandbox.apiV3Key());

      int n = 0;
      List<Fault> faults = new ArrayList<>();
      for (java.lang.reflect.Field field : Fault.class.getFields()) {
        if (field.getType() == Fault.class) {
          faults.add((Fault) field.get(null));
        }
      }
      faults.add(Fault.delay(600));
      for (Fault fault : faults) {
        String order = "S" + (++n);
        String ticket = sandbox.createOrder(order, "wx", "500001");
        sandbox.injectFaults(fault);
        try {
          client.payafterOrders().completePayafterOrder(order, CompletePayafterOrderRequest.builder()
              .appid("wx").serviceId("500001").finishType(FinishType.SERVICE_USED).totalAmount(1L)
              .finishTicket(ticket).build()).execute();
        } catch (Exception e) {
          collect(e, texts);
        }
      }
      // A 401 from a wrong merchant key, a 404, and a create with personal data.
      PayScoreClient wrong = sandbox.clientBuilder().merchantPrivateKey(dev.payscore.testing.TestKeys.other().getPrivate())
          .logger(texts::add).build();
      try {
        wrong.payafterOrders().completePayafterOrder("NONE", CompletePayafterOrderRequest.builder()
            .appid("wx").serviceId("1").build()).execute();
      } catch (Exception e) {
        collect(e, texts);
      }
      CreatePayafterOrderRequest create = CreatePayafterOrderRequest.builder().appid("wx").outOrderNo("P1")
          .serviceId("500001").phone("13800138000").name("张三").build();
      client.payafterOrders().createPayafterOrder(create).execute();
      texts.add(create.toString());

      // Notifications: a good one and one parsed with the wrong key.
      MockWebServer merchant = dev.payscore.testing.TestServers.mockWebServer();
      merchant.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      merchant.enqueue(new MockResponse().setResponseCode(204));
      sandbox.sendNotification(merchant.url("/n").toString(), "PAYSCORE.USER_ACCEPTED", "S1");
      RecordedRequest posted = merchant.takeRequest(10, TimeUnit.SECONDS);
      secrets.add(posted.getHeader("Wechatpay-Signature"));
      try {
        new NotificationParser(client.verifier(), "0123456789abcdef0123456789abcdef")
            .parse(name -> posted.getHeaders().values(name), posted.getBody().readByteArray());
      } catch (Exception e) {
        collect(e, texts);
      }
      merchant.shutdown();

      for (SandboxRequest request : sandbox.requests()) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
          secrets.add(authorization);
          secrets.add(authorization.substring(authorization.indexOf("signature=\"") + 11,
              authorization.indexOf("signature=\"") + 51));
        }
      }
      texts.add(client.toString());
      texts.add(client.verifier().toString());
      texts.add(sandbox.toString());
      texts.add(String.valueOf(sandbox.order("P1")));
      texts.add(new RequestSigner("1900000109", "AB", sandbox.merchantPrivateKey()).toString());
      texts.add(new FieldEncryptor("PUB_KEY_ID_1", sandbox.wechatPayPublicKey()).toString());
      texts.add(RetryPolicy.builder().build().toString());
      wrong.close();
      client.close();
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    texts.add(new String(captured.toByteArray(), StandardCharsets.UTF_8));
    texts.forEach(ScannedOutput::record); // and to the suite-wide scan, for every registered secret
    assertTrue(texts.size() > 20, "the scan saw too little: " + texts.size());
    assertTrue(secrets.size() > 20, "too few secrets known: " + secrets.size());
    for (String text : texts) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "a secret leaked into: " + text.substring(0, Math.min(200, text.length())));
      }
      assertFalse(text.contains("13800138000"), "personal data leaked into: " + text);
    }
  }

  private static void collect(Throwable e, List<String> texts) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
    }
  }
}
