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
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/** The breaking-change check: the working contract against the last released one. */
class ContractCompatibilityTest {
  static final Path BASEDIR = Paths.get(System.getProperty("payscore.basedir", "."));
  static final Path CONTRACT = BASEDIR.resolve("openapi/payscore-payafter.yaml");
  static final Path RELEASED = BASEDIR.resolve("openapi/released/payscore-payafter.yaml");

  @Test
  void contractIsCompatibleWithTheReleasedOne() throws Exception {
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(RELEASED.toUri().toString(), CONTRACT.toUri().toString());
    Path report = BASEDIR.resolve("target/openapi-diff.md");
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
}
