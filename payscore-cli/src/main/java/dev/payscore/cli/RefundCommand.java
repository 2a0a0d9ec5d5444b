package dev.payscore.cli;

import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.Refund;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore refund}: validates, signs, sends, verifies, prints. */
@Command(
    name = "refund",
    mixinStandardHelpOptions = true,
    description = {
      "Refund a paid order, wholly or in part (申请退款): POST /v3/refund/domestic/refunds.",
      "The body names the order by exactly one of transaction_id (a pay-after order's finish_transaction_id)",
      "and out_trade_no, and is checked against the contract before anything is sent. With no credentials,",
      "runs against the embedded sandbox, where a paid order with that transaction_id and total is seeded."
    })
final class RefundCommand extends ApiCommand {
  /** The appid and service id of the order the sandbox seeds (a refund body names neither). */
  static final String SANDBOX_APPID = "wxd678efh567hg6787";
  static final String SANDBOX_SERVICE_ID = "500001";

  @Option(names = "--request", paramLabel = "FILE",
      description = "The JSON body (see examples/refund.json); '-' or absent reads standard input. At most 1 MiB.")
  String request;

  RefundCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    CreateRefundRequest body = readBody(request, CreateRefundRequest.class);
    return execute(Refund.class,
        sandbox -> {
          String transactionId = body.getTransactionId();
          if (transactionId != null) {
            sandbox.createPaidOrder("PAID-" + body.getOutRefundNo(), SANDBOX_APPID, SANDBOX_SERVICE_ID,
                body.getAmount().getTotal(), transactionId);
            io.err.println("payscore: sandbox: seeded a paid order of " + body.getAmount().getTotal()
                + " fen under transaction " + transactionId);
          }
        },
        client -> client.refunds().createRefund(body));
  }
}
