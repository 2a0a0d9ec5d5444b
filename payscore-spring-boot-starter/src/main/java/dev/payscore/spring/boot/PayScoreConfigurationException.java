package dev.payscore.spring.boot;

import java.util.List;

/**
 * The {@code payscore.*} properties cannot work: thrown while the context starts, listing every
 * problem with the property it is about, e.g. {@code payscore.private-key: file not found:
 * /etc/payscore/apiclient_key.pem}. Messages say where a key was looked for, never what it holds.
 */
public final class PayScoreConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One line per problem, each starting with the property's name. */
  private final List<String> problems;

  PayScoreConfigurationException(List<String> problems) {
    super("PayScore is not configured correctly:\n - " + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems.
   *
   * @return one line per problem, each starting with the property's name
   */
  public List<String> getProblems() {
    return problems;
  }
}
