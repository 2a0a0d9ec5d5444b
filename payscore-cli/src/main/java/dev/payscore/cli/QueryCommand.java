package dev.payscore.cli;

import dev.payscore.model.PayafterOrder;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore query}. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Query a pay-after order (查询先享后付订单): GET /v3/payscore/payafter-orders.",
      "Prints the order, its state and the finish_ticket that complete needs."
    })
final class QueryCommand extends ApiCommand {
  @Option(names = "--service-id", required = true, description = "The Pay Score service id (服务ID).")
  String serviceId;

  @Option(names = "--appid", required = true, description = "The appid the order was created with.")
  String appid;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Key key;

  /** Exactly one of the two. */
  static final class Key {
    @Option(names = "--out-order-no", required = true, description = "The merchant order number.")
    String outOrderNo;

    @Option(names = "--query-id", required = true, description = "The query id (回跳查询ID).")
    String queryId;
  }

  QueryCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    return execute(PayafterOrder.class,
        sandbox -> {
          if (key.outOrderNo != null) {
            sandbox.createOrder(key.outOrderNo, appid, serviceId);
            io.err.println("payscore: sandbox: seeded accepted order " + key.outOrderNo);
          }
        },
        client -> client.payafterOrders().queryPayafterOrder(serviceId, appid, key.outOrderNo, key.queryId));
  }
}
