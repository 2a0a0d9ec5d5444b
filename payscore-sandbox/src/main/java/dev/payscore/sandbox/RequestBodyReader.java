package dev.payscore.sandbox;

import com.squareup.moshi.Moshi;
import dev.payscore.model.ContractModel;
import dev.payscore.model.ModelAdapters;
import dev.payscore.model.ValidationException;
import dev.payscore.internal.json.StrictJson;
import java.util.Locale;

/**
 * Reads a request body as WeChat Pay does, strictly: {@code Content-Type} JSON, a JSON object, no field
 * the contract does not name, no {@code null} (APIv3 forbids it), then the contract's own rules. Every
 * refusal is 400 {@code PARAM_ERROR} with {@code detail.field} a JSON pointer ({@code INVALID_REQUEST}
 * for the content type). The only class of the sandbox that reads request JSON, through the client's
 * {@link StrictJson} (the same rules as the CLI: strict UTF-8, no control characters or lone
 * surrogates in strings, whole numbers for integers, no duplicate names, no trailing data).
 */
final class RequestBodyReader {
  /** The client's one strict reader of request JSON, shared with the CLI. */
  private final StrictJson strict = new StrictJson(new Moshi.Builder().add(ModelAdapters.FACTORY).build());
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
    T typed;
    try {
      typed = strict.read(request.body(), type);
    } catch (StrictJson.Violation e) {
      throw refuse(e.getPointer().isEmpty() ? "/" : e.getPointer(), e.getRule());
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
    return new Refused(answers.paramError(field, issue.isEmpty() ? "body does not match the contract" : issue));
  }
}
