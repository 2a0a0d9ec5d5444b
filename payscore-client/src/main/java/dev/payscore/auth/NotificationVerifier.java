package dev.payscore.auth;

import dev.payscore.exception.WechatPaySignatureException;

/**
 * Verifies the signature of a notification, as {@link dev.payscore.notify.NotificationParser} asks
 * before it decrypts anything. A {@link ResponseVerifier} verifies with fixed keys; {@code
 * PayScoreClient.notificationParser()} verifies with the client's keys in force at that moment and,
 * with automatic platform certificates, learns a new certificate when a notification names one.
 */
public interface NotificationVerifier {
  /**
   * Verifies a notification's signature.
   *
   * @param headers its headers (names matched case-insensitively)
   * @param body its exact body bytes
   * @throws WechatPaySignatureException when any check fails; its reason says which
   */
  void verify(HeaderSource headers, byte[] body) throws WechatPaySignatureException;
}
