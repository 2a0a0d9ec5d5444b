/**
 * Not part of the API: the one place where payscore's cryptography is coded. The signed-message
 * framing ({@link dev.payscore.internal.crypto.SignedMessage}), signatures with RSA and SM2 ({@link
 * dev.payscore.internal.crypto.Signatures}), AEAD with AES-256-GCM and SM4-GCM ({@link
 * dev.payscore.internal.crypto.Aead}), RSA-OAEP and SM2 field encryption ({@link
 * dev.payscore.internal.crypto.FieldCipher}) and the SM2 primitives ({@link
 * dev.payscore.internal.crypto.Sm2}). The client, the notification parser, the sandbox and the CLI
 * all use these classes; applications use {@code dev.payscore.auth} instead. Nothing here is
 * covered by compatibility promises.
 */
@NullMarked
package dev.payscore.internal.crypto;

import org.jspecify.annotations.NullMarked;
