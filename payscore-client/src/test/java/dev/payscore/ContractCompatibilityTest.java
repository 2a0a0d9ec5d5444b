package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/** The breaking-change check: each working contract against its last released copy. */
class ContractCompatibilityTest {
  static final Path BASEDIR = Paths.get(System.getProperty("payscore.basedir", "."));
  /** The contract files, one per WeChat Pay API family; each has its copy in openapi/released/. */
  static final String[] CONTRACTS = {"payscore-payafter.yaml", "wechatpay-refunds.yaml"};
  static final Path CONTRACT = BASEDIR.resolve("openapi/payscore-payafter.yaml");
  static final Path RELEASED = BASEDIR.resolve("openapi/released/payscore-payafter.yaml");
  static final Path RELEASED_REFUNDS = BASEDIR.resolve("openapi/released/wechatpay-refunds.yaml");

  @ParameterizedTest
  @ValueSource(strings = {"payscore-payafter.yaml", "wechatpay-refunds.yaml"})
  void contractIsCompatibleWithTheReleasedOne(String file) throws Exception {
    Path released = BASEDIR.resolve("openapi/released").resolve(file);
    Path contract = BASEDIR.resolve("openapi").resolve(file);
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(released.toUri().toString(), contract.toUri().toString());
    Path report = BASEDIR.resolve("target/openapi-diff").resolve(file.replace(".yaml", ".md"));
    Files.createDirectories(report.getParent());
    try (OutputStreamWriter out =
        new OutputStreamWriter(new FileOutputStream(report.toFile()), StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, out);
    }
    assertFalse(
        diff.isChanged().isIncompatible(),
        "incompatible change to the contract, see " + report + ":\n"
            + new String(Files.readAllBytes(report), StandardCharsets.UTF_8));
  }

  @Test
  void everyContractHasAReleasedCopy() {
    for (String file : CONTRACTS) {
      assertTrue(Files.isRegularFile(BASEDIR.resolve("openapi/released").resolve(file)), file);
    }
  }

  @Test
  void detectsARemovedResponseField() throws Exception {
    String released = new String(Files.readAllBytes(RELEASED), StandardCharsets.UTF_8);
    String broken = released.replace("        - order_id\n", "").replace(
        "        order_id:\n          type: string\n          description: The WeChat Pay order number. 微信支付服务订单号。\n"
            + "          example: '15646546545165651651'\n", "");
    assertTrue(broken.length() < released.length(), "the mutation must apply");
    assertTrue(OpenApiCompare.fromContents(released, broken).isChanged().isIncompatible());
  }

  @Test
  void detectsANewRequiredRequestField() throws Exception {
    String released = new String(Files.readAllBytes(RELEASED), StandardCharsets.UTF_8);
    String broken = released.replace(
        "      required:\n        - appid\n        - service_id\n      x-payscore-rules:",
        "      required:\n        - appid\n        - service_id\n        - finish_ticket\n      x-payscore-rules:");
    assertTrue(broken.length() > released.length(), "the mutation must apply");
    assertTrue(OpenApiCompare.fromContents(released, broken).isChanged().isIncompatible());
  }

  @Test
  void detectsANewRequiredRefundField() throws Exception {
    Path work = Files.createTempDirectory(BASEDIR.resolve("target"), "released");
    Files.copy(RELEASED, work.resolve("payscore-payafter.yaml"));
    String released = new String(Files.readAllBytes(RELEASED_REFUNDS), StandardCharsets.UTF_8);
    String broken = released.replace(
        "      required:\n        - out_refund_no\n        - amount\n",
        "      required:\n        - out_refund_no\n        - amount\n        - reason\n");
    assertTrue(broken.length() > released.length(), "the mutation must apply");
    // The refunds contract refers to the pay-after one for its error body: compare them from files.
    Path before = Files.write(work.resolve("before.yaml"), released.getBytes(StandardCharsets.UTF_8));
    Path after = Files.write(work.resolve("after.yaml"), broken.getBytes(StandardCharsets.UTF_8));
    assertTrue(OpenApiCompare.fromLocations(before.toUri().toString(), after.toUri().toString())
        .isChanged().isIncompatible());
  }
}
