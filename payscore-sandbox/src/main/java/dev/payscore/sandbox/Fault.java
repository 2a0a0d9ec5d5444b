package dev.payscore.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A fault the sandbox injects into one answer, for testing how a client copes. Queue them with
 * {@link PayScoreSandbox#injectFaults(Fault...)}; each applies to the next request received.
 *
 * <p>Faults that replace the answer ({@link #DROP_CONNECTION}, {@link #SYSTEM_ERROR}, {@link
 * #TOO_MANY_REQUESTS}, {@link #BAD_GATEWAY_HTML}) leave the order untouched: the request is not
 * processed. The others spoil the answer to a request that <em>was</em> processed, as a network or a
 * proxy could.
 */
public final class Fault {
  enum Kind {
    DELAY,
    DROP_CONNECTION,
    RESET_MID_BODY,
    SYSTEM_ERROR,
    TOO_MANY_REQUESTS,
    BAD_GATEWAY_HTML,
    WRONG_SIGNATURE,
    PROBE_SIGNATURE,
    STALE_TIMESTAMP,
    FUTURE_TIMESTAMP,
    UNKNOWN_SERIAL,
    UNSIGNED,
    LOWER_CASE_HEADERS,
    DUPLICATE_HEADERS,
    TRUNCATED_BODY,
    EMPTY_BODY,
    WRONG_SHAPE,
    HUGE_BODY
  }

  /** Close the connection after reading the request, without answering (request not processed). */
  public static final Fault DROP_CONNECTION = new Fault(Kind.DROP_CONNECTION, 0);

  /** Reset the connection halfway through the answer's body (request processed). */
  public static final Fault RESET_MID_BODY = new Fault(Kind.RESET_MID_BODY, 0);

  /** Answer 500 {@code SYSTEM_ERROR}, signed (request not processed). */
  public static final Fault SYSTEM_ERROR = new Fault(Kind.SYSTEM_ERROR, 0);

  /** Answer 429 {@code FREQUENCY_LIMITED}, signed (request not processed). */
  public static final Fault TOO_MANY_REQUESTS = new Fault(Kind.TOO_MANY_REQUESTS, 0);

  /** Answer 502 with a proxy's HTML page, unsigned (request not processed). */
  public static final Fault BAD_GATEWAY_HTML = new Fault(Kind.BAD_GATEWAY_HTML, 0);

  /** Sign the answer with a key that is not WeChat Pay's. */
  public static final Fault WRONG_SIGNATURE = new Fault(Kind.WRONG_SIGNATURE, 0);

  /** Send a {@code WECHATPAY/SIGNTEST/} probe signature, as WeChat Pay does to test merchants. */
  public static final Fault PROBE_SIGNATURE = new Fault(Kind.PROBE_SIGNATURE, 0);

  /** Sign the answer with a timestamp 10 minutes in the past. */
  public static final Fault STALE_TIMESTAMP = new Fault(Kind.STALE_TIMESTAMP, 0);

  /** Sign the answer with a timestamp 10 minutes in the future. */
  public static final Fault FUTURE_TIMESTAMP = new Fault(Kind.FUTURE_TIMESTAMP, 0);

  /** Name an unknown key in {@code Wechatpay-Serial} (correctly signed otherwise). */
  public static final Fault UNKNOWN_SERIAL = new Fault(Kind.UNKNOWN_SERIAL, 0);

  /** Send the answer without any {@code Wechatpay-*} signature header. */
  public static final Fault UNSIGNED = new Fault(Kind.UNSIGNED, 0);

  /** Send every header name in lower case, as some proxies do (the answer stays valid). */
  public static final Fault LOWER_CASE_HEADERS = new Fault(Kind.LOWER_CASE_HEADERS, 0);

  /** Send {@code Wechatpay-Signature} twice, with two different values. */
  public static final Fault DUPLICATE_HEADERS = new Fault(Kind.DUPLICATE_HEADERS, 0);

  /** Cut the JSON body in half, and sign what is sent. */
  public static final Fault TRUNCATED_BODY = new Fault(Kind.TRUNCATED_BODY, 0);

  /** Send 200 with an empty body, signed. */
  public static final Fault EMPTY_BODY = new Fault(Kind.EMPTY_BODY, 0);

  /** Send 200 with signed JSON of the wrong shape ({@code []}). */
  public static final Fault WRONG_SHAPE = new Fault(Kind.WRONG_SHAPE, 0);

  /** Send 200 with a signed 10 MB body. */
  public static final Fault HUGE_BODY = new Fault(Kind.HUGE_BODY, 0);

  final Kind kind;
  final long millis;

  private Fault(Kind kind, long millis) {
    this.kind = kind;
    this.millis = millis;
  }

  /**
   * Delays the answer's headers (request processed).
   *
   * @param millis how long, in milliseconds
   * @return the fault
   */
  public static Fault delay(long millis) {
    if (millis < 0 || millis > 600_000) {
      throw new IllegalArgumentException("millis: must be 0 to 600000, got " + millis);
    }
    return new Fault(Kind.DELAY, millis);
  }

  /**
   * The fault named as in this class ({@code SYSTEM_ERROR}, or {@code DELAY} with {@code millis}), for
   * the control API.
   *
   * @throws IllegalArgumentException when there is no such fault
   */
  static Fault named(String name, long millis) {
    Kind kind;
    try {
      kind = Kind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fault: no fault named " + name);
    }
    return kind == Kind.DELAY ? delay(millis) : new Fault(kind, 0);
  }

  /** The names {@link #named} takes, in declaration order. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      names.add(kind.name());
    }
    return names;
  }

  @Override
  public String toString() {
    return kind == Kind.DELAY ? "Fault.delay(" + millis + ")" : "Fault." + kind;
  }
}
