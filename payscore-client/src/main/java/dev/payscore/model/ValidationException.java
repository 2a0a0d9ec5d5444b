package dev.payscore.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A value breaks the contract; thrown before anything is sent.
 *
 * <p>The message lists every violation with its JSON path and rule, for example:
 *
 * <pre>{@code
 * CompletePayafterOrderRequest is invalid: discounts: at most 5 items, got 6; appid: required
 * }</pre>
 *
 * <p>Messages quote numbers and lengths, never string values (which may be personal data).
 */
public final class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The model that was checked. */
  private final String modelName;
  /** The violations, each as {@code json.path: rule}. */
  private final List<String> violations;

  /**
   * Creates an exception for a model and its violations.
   *
   * @param modelName the name of the model that was checked, e.g. {@code CompletePayafterOrderRequest}
   * @param violations each as {@code json.path: rule}, at least one
   */
  public ValidationException(String modelName, List<String> violations) {
    super(message(requireNonNull(modelName, "modelName == null"), violations));
    this.modelName = modelName;
    this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
  }

  private static String message(String modelName, List<String> violations) {
    requireNonNull(violations, "violations == null");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations is empty");
    }
    StringBuilder message = new StringBuilder(modelName).append(" is invalid: ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) {
        message.append("; ");
      }
      message.append(violations.get(i));
    }
    return message.toString();
  }

  /**
   * Returns the name of the model that was checked.
   *
   * @return e.g. {@code CompletePayafterOrderRequest}
   */
  public String getModelName() {
    return modelName;
  }

  /**
   * Returns every violation, each as {@code json.path: rule}.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<String> getViolations() {
    return violations;
  }
}
