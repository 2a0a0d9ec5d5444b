package dev.payscore.cli;

import dev.payscore.model.CreatePayafterOrderRequest;
import dev.payscore.model.CreatePayafterOrderResponse;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a pay-after order (创建先享后付订单): POST /v3/payscore/payafter-orders.",
      "name, phone, userid and address are encrypted with the WeChat Pay public key before sending."
    })
final class CreateCommand extends ApiCommand {
  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/create.json); '-' or absent reads standard input. At most 1 MiB.")
  String request;

  CreateCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    CreatePayafterOrderRequest body = readBody(request, CreatePayafterOrderRequest.class);
    return execute(CreatePayafterOrderResponse.class, sandbox -> { },
        client -> client.payafterOrders().createPayafterOrder(body));
  }
}
