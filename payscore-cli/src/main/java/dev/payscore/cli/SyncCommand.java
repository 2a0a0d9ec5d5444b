package dev.payscore.cli;

import dev.payscore.model.SyncPayafterOrderRequest;
import dev.payscore.model.SyncPayafterOrderResponse;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore sync}. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Synchronise a pay-after order paid offline (同步先享后付订单): POST /v3/payscore/payafter-orders/{out_order_no}/sync.",
      "The order must be completed first; against the one-shot embedded sandbox it is not, so point",
      "--endpoint at 'payscore sandbox' (or WeChat Pay) to try it."
    })
final class SyncCommand extends ApiCommand {
  @Option(names = "--out-order-no", required = true, description = "The merchant order number.")
  String outOrderNo;

  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/sync.json); '-' or absent reads standard input. At most 1 MiB.")
  String request;

  SyncCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    SyncPayafterOrderRequest body = readBody(request, SyncPayafterOrderRequest.class);
    return execute(SyncPayafterOrderResponse.class, sandbox -> { },
        client -> client.payafterOrders().syncPayafterOrder(outOrderNo, body));
  }
}
