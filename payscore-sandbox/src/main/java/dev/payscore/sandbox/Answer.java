package dev.payscore.sandbox;

/**
 * One answer before faults spoil it: status, body, {@code Request-ID}, content type, and whether it is
 * signed (WeChat Pay signs every answer of its own, errors included; a proxy's page is not). Immutable.
 */
final class Answer {
  final int status;
  final byte[] body;
  final String requestId;
  final String contentType;
  final boolean signed;

  Answer(int status, byte[] body, String requestId, String contentType, boolean signed) {
    this.status = status;
    this.body = body;
    this.requestId = requestId;
    this.contentType = contentType;
    this.signed = signed;
  }

  /** The same answer under another {@code Request-ID}, as WeChat Pay gives a replayed call. */
  Answer withRequestId(String requestId) {
    return new Answer(status, body, requestId, contentType, signed);
  }
}
