package dev.payscore.cli;

import dev.payscore.model.CompletePayafterOrderRequest;
import dev.payscore.model.CompletePayafterOrderResponse;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore complete}: validates, signs, sends, verifies, prints. */
@Command(
    name = "complete",
    mixinStandardHelpOptions = true,
    description = {
      "Complete a pay-after order (完结先享后付订单): POST /v3/payscore/payafter-orders/{out_order_no}/complete.",
      "The body is checked against the contract before anything is sent, and the answer is verified",
      "before it is printed. With no credentials, runs against the embedded sandbox (the order is seeded)."
    })
final class CompleteCommand extends ApiCommand {
  @Option(names = "--out-order-no", required = true, description = "The merchant order number (商户服务订单号).")
  String outOrderNo;

  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/); '-' or absent reads standard input. At most 1 MiB.")
  String request;

  CompleteCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    CompletePayafterOrderRequest body = readBody(request, CompletePayafterOrderRequest.class);
    return execute(CompletePayafterOrderResponse.class,
        sandbox -> {
          if (body.getFinishTicket() != null) {
            sandbox.createOrder(outOrderNo, body.getAppid(), body.getServiceId(), body.getFinishTicket());
          } else {
            sandbox.createOrder(outOrderNo, body.getAppid(), body.getServiceId());
          }
          io.err.println("payscore: sandbox: seeded accepted order " + outOrderNo);
        },
        client -> client.payafterOrders().completePayafterOrder(outOrderNo, body));
  }
}
