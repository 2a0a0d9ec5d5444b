package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.payscore.model.ContractModel;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example in each contract (operations, their callbacks, shared responses and schemas) parses
 * with the generated models and passes their validation.
 */
class ContractExamplesTest {
  private static OpenAPI read(String file) {
    return new OpenAPIV3Parser().read(ContractCompatibilityTest.BASEDIR.resolve("openapi").resolve(file).toString());
  }

  @ParameterizedTest
  @CsvSource({"payscore-payafter.yaml, 12", "wechatpay-refunds.yaml, 14"})
  void everyMediaTypeExampleParsesAndValidates(String file, int atLeast) throws Exception {
    OpenAPI api = read(file);
    Map<String, String> checked = new LinkedHashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
      collect(api, operation, checked);
      if (operation.getCallbacks() != null) {
        operation.getCallbacks().values().forEach(callback -> callback.values().forEach(
            callbackItem -> callbackItem.readOperations().forEach(o -> collect(api, o, checked))));
      }
    }));
    api.getComponents().getResponses().values().forEach(response -> collect(api, response.getContent(), checked));

    Set<String> unused = new TreeSet<>(api.getComponents().getExamples().keySet());
    for (Map.Entry<String, String> entry : checked.entrySet()) {
      String[] exampleAndModel = entry.getKey().split("@");
      unused.remove(exampleAndModel[0]);
      parseAndValidate(exampleAndModel[1], entry.getValue(), exampleAndModel[0]);
    }
    assertTrue(checked.size() >= atLeast, "examples found: " + checked.keySet());
    assertEquals(new TreeSet<String>(), unused, "component examples not used by any media type");
  }

  @ParameterizedTest
  @CsvSource({"payscore-payafter.yaml, 2", "wechatpay-refunds.yaml, 1"})
  void everySchemaExampleParsesAndValidates(String file, int atLeast) throws Exception {
    OpenAPI api = read(file);
    int count = 0;
    for (Map.Entry<String, Schema> entry : api.getComponents().getSchemas().entrySet()) {
      Object example = entry.getValue().getExample();
      if (example != null && "object".equals(entry.getValue().getType())) {
        parseAndValidate(entry.getKey(), Json.mapper().writeValueAsString(example), entry.getKey());
        count++;
      }
    }
    assertTrue(count >= atLeast, "schema examples found: " + count);
  }

  private void collect(OpenAPI api, Operation operation, Map<String, String> out) {
    if (operation.getRequestBody() != null) {
      collect(api, operation.getRequestBody().getContent(), out);
    }
    operation.getResponses().values().forEach(response -> collect(api, resolve(api, response).getContent(), out));
  }

  private void collect(OpenAPI api, Content content, Map<String, String> out) {
    if (content == null) {
      return;
    }
    for (MediaType mediaType : content.values()) {
      String model = modelName(mediaType.getSchema());
      if (mediaType.getExamples() == null) {
        continue;
      }
      for (Example example : mediaType.getExamples().values()) {
        String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
        Example resolved = api.getComponents().getExamples().get(name);
        assertNotNull(resolved, name);
        try {
          out.put(name + "@" + model, Json.mapper().writeValueAsString(resolved.getValue()));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  private static ApiResponse resolve(OpenAPI api, ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getResponses().get(name);
  }

  private static String modelName(Schema<?> schema) {
    return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
  }

  private static void parseAndValidate(String model, String json, String exampleName) throws Exception {
    Class<?> type = Class.forName("dev.payscore.model." + model);
    JsonAdapter<?> adapter = PayScoreClient.MOSHI.adapter(type);
    Object value = adapter.fromJson(json);
    assertNotNull(value, exampleName);
    if (value instanceof ContractModel) {
      ((ContractModel) value).validate();
    }
    // Every property of the example is bound: re-serialising gives the same JSON.
    assertEquals(Json.mapper().readTree(json), Json.mapper().readTree(toJson(adapter, value)), exampleName);
  }

  @SuppressWarnings("unchecked")
  private static String toJson(JsonAdapter<?> adapter, Object value) {
    return ((JsonAdapter<Object>) adapter).toJson(value);
  }
}
