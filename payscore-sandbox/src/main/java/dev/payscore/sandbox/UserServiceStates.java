package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import dev.payscore.model.ServiceUseState;
import dev.payscore.model.UserServiceState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each user may use the service: {@code AVAILABLE} unless the sandbox was told otherwise for
 * that openid. Thread-safe.
 */
final class UserServiceStates {
  private final Map<String, ServiceUseState> states = new ConcurrentHashMap<>();

  void set(String openid, ServiceUseState state) {
    requireNonNull(openid, "openid == null");
    if (requireNonNull(state, "state == null") == ServiceUseState.UNKNOWN) {
      throw new IllegalArgumentException("state: UNKNOWN is not a state WeChat Pay answers");
    }
    states.put(openid, state);
  }

  void clear() {
    states.clear();
  }

  UserServiceState answer(String appid, String serviceId, String openid) {
    ServiceUseState state = states.get(openid);
    return UserServiceState.builder().appid(appid).serviceId(serviceId).openid(openid)
        .useServiceState(state == null ? ServiceUseState.AVAILABLE : state).build();
  }
}
