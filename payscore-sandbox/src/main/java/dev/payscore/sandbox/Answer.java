package dev.payscore.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * One answer before faults spoil it: status, body, {@code Request-ID}, content type, whether it is
 * signed (WeChat Pay signs every answer of its own, errors included; a proxy's page is not), and the
 * key it is signed with when not the one answers are signed with now. Immutable.
 */
final class Answer {
  final int status;
  final byte[] body;
  final String requestId;
  final String contentType;
  final boolean signed;
  final @Nullable PlatformKey signedWith;

  Answer(int status, byte[] body, String requestId, String contentType, boolean signed) {
    this(status, body, requestId, contentType, signed, null);
  }

  private Answer(int status, byte[] body, String requestId, String contentType, boolean signed,
      @Nullable PlatformKey signedWith) {
    this.status = status;
    this.body = body;
    this.requestId = requestId;
    this.contentType = contentType;
    this.signed = signed;
    this.signedWith = signedWith;
  }

  /** The same answer under another {@code Request-ID}, as WeChat Pay gives a replayed call. */
  Answer withRequestId(String requestId) {
    return new Answer(status, body, requestId, contentType, signed, signedWith);
  }

  /** The same answer signed with a given key (the certificate list's signer). */
  Answer signedWith(PlatformKey key) {
    return new Answer(status, body, requestId, contentType, signed, key);
  }
}
