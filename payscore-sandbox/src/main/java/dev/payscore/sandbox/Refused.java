package dev.payscore.sandbox;

/** A request refused by the check that found the problem: carries the answer to send. */
final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  final transient Answer answer;

  Refused(Answer answer) {
    super(null, null, false, false);
    this.answer = answer;
  }
}
