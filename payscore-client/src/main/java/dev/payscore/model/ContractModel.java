package dev.payscore.model;

import dev.payscore.auth.FieldEncryptor;

/**
 * A model generated from the contract. The client calls {@link #validate()} on every request body
 * before anything is sent, then {@link #encryptFields} to encrypt the personal fields the contract
 * marks {@code x-payscore-encrypted}.
 */
public interface ContractModel {
  /**
   * Checks every constraint of the contract.
   *
   * @throws dev.payscore.model.ValidationException listing every violation with its JSON path
   */
  void validate();

  /**
   * Returns a copy whose {@code x-payscore-encrypted} properties hold their ciphertext, or this value
   * when it has none.
   *
   * @param encryptor encrypts with the WeChat Pay public key named in {@code Wechatpay-Serial}
   * @return the value to put on the wire
   */
  ContractModel encryptFields(FieldEncryptor encryptor);
}
