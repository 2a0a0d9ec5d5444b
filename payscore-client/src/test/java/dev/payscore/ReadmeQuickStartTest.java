package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import dev.payscore.model.Fee;
import dev.payscore.model.FinishType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** The README's quick start is this code: it compiles here, and the test keeps the two equal. */
class ReadmeQuickStartTest {
  @SuppressWarnings("unused")
  static String quickStart(PrivateKey privateKey, PublicKey publicKey, String finishTicket)
      throws IOException {
    // README quick start begin
    PayScoreClient client = PayScoreClient.builder()
        .merchantId("1900000109")
        .merchantSerialNumber("1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C")
        .merchantPrivateKey(privateKey)
        .wechatPayPublicKey("PUB_KEY_ID_0114232134912410000000000000", publicKey)
        .build();

    CompletePayafterOrderRequest request = CompletePayafterOrderRequest.builder()
        .appid("wxd678efh567hg6787")
        .serviceId("500001")
        .finishType(FinishType.SERVICE_USED)
        .fees(Collections.singletonList(
            Fee.builder().feeName("停车费").feeCount(1).feeAmount(40000L).build()))
        .totalAmount(40000L)
        .finishTicket(finishTicket)
        .build();

    Response<CompletePayafterOrderResponse> r =
        client.payafterOrders().completePayafterOrder("1234323JKHDFE1243252", request).execute();
    String orderId = r.body().getOrderId();
    // README quick start end
    return orderId;
  }

  @Test
  void readmeShowsTheCompiledQuickStart() throws Exception {
    Path base = ContractCompatibilityTest.BASEDIR;
    String source = new String(Files.readAllBytes(
        base.resolve("payscore-client/src/test/java/dev/payscore/ReadmeQuickStartTest.java")), StandardCharsets.UTF_8);
    Matcher code = Pattern.compile("// README quick start begin\\n(.*?)\\n\\s*// README quick start end",
        Pattern.DOTALL).matcher(source);
    assertTrue(code.find());
    String held = code.group(1).replaceAll("(?m)^ {4}", "");
    String readme = new String(Files.readAllBytes(base.resolve("README.md")), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("<!-- quick start -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has no <!-- quick start --> java block");
    assertEquals(held, block.group(1));
  }
}
