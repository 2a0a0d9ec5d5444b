package dev.payscore.model;

/**
 * A model generated from the contract. The client calls {@link #validate()} on every request body
 * before anything is sent.
 */
public interface ContractModel {
  /**
   * Checks every constraint of the contract.
   *
   * @throws dev.payscore.model.ValidationException listing every violation with its JSON path
   */
  void validate();
}
