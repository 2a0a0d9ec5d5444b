package dev.payscore.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.payscore.model.ContractModel;
import dev.payscore.model.ModelAdapters;
import dev.payscore.model.ValidationException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body as WeChat Pay does, strictly: {@code Content-Type} JSON, a JSON object, no field
 * the contract does not name, no {@code null} (APIv3 forbids it), then the contract's own rules. Every
 * refusal is 400 {@code PARAM_ERROR} with {@code detail.field} a JSON pointer ({@code INVALID_REQUEST}
 * for the content type). The only class of the sandbox that reads request JSON.
 */
final class RequestBodyReader {
  private final Moshi moshi = new Moshi.Builder().add(ModelAdapters.FACTORY).build();
  private final JsonAdapter<Object> anyAdapter = moshi.adapter(Object.class);
  private final Answers answers;

  RequestBodyReader(Answers answers) {
    this.answers = answers;
  }

  /**
   * Reads and checks the body of a request.
   *
   * @throws Refused with the 400 answer when the body is not the contract's
   */
  <T extends ContractModel> T read(SandboxRequest request, Class<T> type) throws Refused {
    String contentType = request.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new Refused(answers.invalidRequest("Content-Type must be application/json"));
    }
    JsonAdapter<T> adapter = moshi.adapter(type);
    String json = request.bodyUtf8();
    Object raw;
    T typed;
    try {
      raw = anyAdapter.fromJson(json);
      typed = adapter.fromJson(json);
    } catch (JsonDataException e) {
      throw refuse(pointer(e.getMessage()), "body does not match the contract: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw refuse("/", "body is not valid JSON");
    }
    if (!(raw instanceof Map) || typed == null) {
      throw refuse("/", "body must be a JSON object");
    }
    String unknown = firstUnknown("", raw, adapter.toJsonValue(typed));
    if (unknown != null) {
      throw refuse(unknown, "unknown field, or null (APIv3 forbids null)");
    }
    try {
      typed.validate();
    } catch (ValidationException e) {
      String violation = e.getViolations().get(0); // "fees[0].fee_amount: must be at least 0"
      int colon = violation.indexOf(": ");
      if (colon < 0) {
        throw refuse("/", violation);
      }
      throw refuse("/" + violation.substring(0, colon).replace("[", ".").replace("]", "").replace('.', '/'),
          violation.substring(colon + 2));
    }
    return typed;
  }

  private Refused refuse(String field, String issue) {
    return new Refused(answers.paramError(field, issue));
  }

  /** The JSON pointer of the first field in {@code raw} that the typed reading dropped. */
  private static @Nullable String firstUnknown(String path, @Nullable Object raw, @Nullable Object typed) {
    if (raw instanceof Map) {
      Map<?, ?> typedMap = typed instanceof Map ? (Map<?, ?>) typed : null;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) raw).entrySet()) {
        String child = path + "/" + entry.getKey();
        if (typedMap == null || !typedMap.containsKey(entry.getKey())) {
          return child;
        }
        String deeper = firstUnknown(child, entry.getValue(), typedMap.get(entry.getKey()));
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (raw instanceof List && typed instanceof List) {
      List<?> rawList = (List<?>) raw;
      List<?> typedList = (List<?>) typed;
      for (int i = 0; i < rawList.size() && i < typedList.size(); i++) {
        String deeper = firstUnknown(path + "/" + i, rawList.get(i), typedList.get(i));
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  /**
   * The JSON pointer named by a Moshi error ({@code ... at $.fees[0].fee_amount}), with the property of
   * a {@code Required property 'x'} message appended.
   */
  static String pointer(@Nullable String moshiMessage) {
    if (moshiMessage == null || moshiMessage.lastIndexOf('$') < 0) {
      return "/";
    }
    String path = moshiMessage.substring(moshiMessage.lastIndexOf('$') + 1).trim();
    String pointer = path.replace("[", ".").replace("]", "").replace('.', '/');
    String marker = "Required property '";
    int start = moshiMessage.indexOf(marker);
    if (start >= 0) {
      int end = moshiMessage.indexOf('\'', start + marker.length());
      if (end > start + marker.length()) {
        pointer = pointer + "/" + moshiMessage.substring(start + marker.length(), end);
      }
    }
    return pointer.isEmpty() ? "/" : pointer;
  }
}
