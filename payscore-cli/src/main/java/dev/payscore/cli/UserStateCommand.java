package dev.payscore.cli;

import dev.payscore.model.UserServiceState;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore user-state}. */
@Command(
    name = "user-state",
    mixinStandardHelpOptions = true,
    description = {
      "Query whether a user may use the service (查询用户授权状态): GET /v3/payscore/user-service-state.",
      "Prints use_service_state (AVAILABLE or UNAVAILABLE). The embedded sandbox answers AVAILABLE."
    })
final class UserStateCommand extends ApiCommand {
  @Option(names = "--service-id", required = true, description = "The Pay Score service id (服务ID).")
  String serviceId;

  @Option(names = "--appid", required = true, description = "The AppID the user's openid belongs to.")
  String appid;

  @Option(names = "--openid", required = true, description = "The user's openid (用户标识).")
  String openid;

  UserStateCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    return execute(UserServiceState.class, sandbox -> { },
        client -> client.userServiceState().queryUserServiceState(serviceId, appid, openid));
  }
}
