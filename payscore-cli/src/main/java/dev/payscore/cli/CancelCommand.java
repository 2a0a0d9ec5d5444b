package dev.payscore.cli;

import dev.payscore.model.CancelPayafterOrderRequest;
import dev.payscore.model.CancelPayafterOrderResponse;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore cancel}. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Cancel a pay-after order (撤销先享后付订单): POST /v3/payscore/payafter-orders/{out_order_no}/cancel.")
final class CancelCommand extends ApiCommand {
  @Option(names = "--out-order-no", required = true, description = "The merchant order number.")
  String outOrderNo;

  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/cancel.json); '-' or absent reads standard input. At most 1 MiB.")
  String request;

  CancelCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    CancelPayafterOrderRequest body = readBody(request, CancelPayafterOrderRequest.class);
    return execute(CancelPayafterOrderResponse.class,
        sandbox -> {
          sandbox.createOrder(outOrderNo, body.getAppid(), body.getServiceId());
          io.err.println("payscore: sandbox: seeded accepted order " + outOrderNo);
        },
        client -> client.payafterOrders().cancelPayafterOrder(outOrderNo, body));
  }
}
