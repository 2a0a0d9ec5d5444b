package dev.payscore.cli;


/** The exit codes of {@code payscore}, as listed by {@code payscore --help}. */
final class ExitCode {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int INVALID_REQUEST = 3;
  static final int API_ERROR = 4;
  static final int SIGNATURE_FAILURE = 5;
  static final int NETWORK_FAILURE = 6;
  static final int UNREADABLE_RESPONSE = 7;
  static final int CERTIFICATES_REFUSED = 8;

  private ExitCode() {
  }
}
