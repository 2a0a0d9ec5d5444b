package dev.payscore.model;

/**
 * A model that can check itself against the contract. Every generated model implements it; the
 * client calls {@link #validate()} on each request body before anything is sent.
 */
public interface Validatable {
  /**
   * Checks every constraint of the contract.
   *
   * @throws dev.payscore.ValidationException listing every violation with its JSON path
   */
  void validate();
}
