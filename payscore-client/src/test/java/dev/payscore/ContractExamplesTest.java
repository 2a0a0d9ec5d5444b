package dev.payscore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.payscore.model.ContractModel;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
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
import org.junit.jupiter.api.Test;

/** Every example in the contract parses with the generated models and passes their validation. */
class ContractExamplesTest {
  private final OpenAPI api = new OpenAPIV3Parser().read(ContractCompatibilityTest.CONTRACT.toString());

  @Test
  void everyMediaTypeExampleParsesAndValidates() throws Exception {
    Map<String, String> checked = new LinkedHashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
      if (operation.getRequestBody() != null) {
        collect(operation.getRequestBody().getContent(), checked);
      }
      operation.getResponses().values().forEach(response -> collect(resolve(response).getContent(), checked));
    }));
    api.getComponents().getResponses().values().forEach(response -> collect(response.getContent(), checked));

    Set<String> unused = new TreeSet<>(api.getComponents().getExamples().keySet());
    for (Map.Entry<String, String> entry : checked.entrySet()) {
      String[] exampleAndModel = entry.getKey().split("@");
      unused.remove(exampleAndModel[0]);
      parseAndValidate(exampleAndModel[1], entry.getValue(), exampleAndModel[0]);
    }
    assertTrue(checked.size() >= 11, "examples found: " + checked.keySet());
    assertEquals(new TreeSet<String>(), unused, "component examples not used by any media type");
  }

  @Test
  void everySchemaExampleParsesAndValidates() throws Exception {
    int count = 0;
    for (Map.Entry<String, Schema> entry : api.getComponents().getSchemas().entrySet()) {
      Object example = entry.getValue().getExample();
      if (example != null && "object".equals(entry.getValue().getType())) {
        parseAndValidate(entry.getKey(), Json.mapper().writeValueAsString(example), entry.getKey());
        count++;
      }
    }
    assertTrue(count >= 2, "schema examples found: " + count);
  }

  private void collect(Content content, Map<String, String> out) {
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

  private ApiResponse resolve(ApiResponse response) {
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
