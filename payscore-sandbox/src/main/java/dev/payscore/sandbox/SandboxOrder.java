package dev.payscore.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an order in the sandbox, for tests to assert on: its state, its finish ticket, and the
 * personal fields as the sandbox decrypted them from the wire. Immutable.
 */
public final class SandboxOrder {
  private final String outOrderNo;
  private final String appid;
  private final String serviceId;
  private final String orderId;
  private final String state;
  private final @Nullable String finishTicket;
  private final @Nullable String name;
  private final @Nullable String phone;
  private final @Nullable String userid;
  private final @Nullable String address;

  SandboxOrder(String outOrderNo, String appid, String serviceId, String orderId, String state,
      @Nullable String finishTicket, @Nullable String name, @Nullable String phone,
      @Nullable String userid, @Nullable String address) {
    this.outOrderNo = outOrderNo;
    this.appid = appid;
    this.serviceId = serviceId;
    this.orderId = orderId;
    this.state = state;
    this.finishTicket = finishTicket;
    this.name = name;
    this.phone = phone;
    this.userid = userid;
    this.address = address;
  }

  /** @return the merchant order number */
  public String outOrderNo() {
    return outOrderNo;
  }

  /** @return the appid the order was created with */
  public String appid() {
    return appid;
  }

  /** @return the service id */
  public String serviceId() {
    return serviceId;
  }

  /** @return the sandbox's WeChat Pay order number */
  public String orderId() {
    return orderId;
  }

  /** @return {@code CREATED}, {@code USER_ACCEPTED}, {@code FINISHED}, {@code USER_PAID} or {@code REVOKED} */
  public String state() {
    return state;
  }

  /** @return the latest finish ticket issued, or {@code null} before the user accepted */
  public @Nullable String finishTicket() {
    return finishTicket;
  }

  /** @return the user's name, decrypted from the create request, or {@code null} */
  public @Nullable String name() {
    return name;
  }

  /** @return the user's phone, decrypted from the create request, or {@code null} */
  public @Nullable String phone() {
    return phone;
  }

  /** @return the user's ID number, decrypted from the create request, or {@code null} */
  public @Nullable String userid() {
    return userid;
  }

  /** @return the user's address, decrypted from the create request, or {@code null} */
  public @Nullable String address() {
    return address;
  }

  /** Returns number and state only: the personal fields stay out of logs. */
  @Override
  public String toString() {
    return "SandboxOrder{" + outOrderNo + ", " + state + "}";
  }
}
