package dev.payscore.cli;

import dev.payscore.PayScoreClient;
import dev.payscore.model.CreateRefundRequest;
import dev.payscore.model.Refund;
import dev.payscore.model.RefundCurrency;
import dev.payscore.model.RefundRequestAmount;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code payscore refund-query}. */
@Command(
    name = "refund-query",
    mixinStandardHelpOptions = true,
    description = {
      "Query a refund (查询单笔退款): GET /v3/refund/domestic/refunds/{out_refund_no}.",
      "Prints the refund and its status. With no credentials, runs against the embedded sandbox, where a",
      "refund of 100 yuan of a 395-yuan paid order is seeded under that number and completed."
    })
final class RefundQueryCommand extends ApiCommand {
  @Option(names = "--out-refund-no", required = true, description = "The merchant refund number (商户退款单号).")
  String outRefundNo;

  RefundQueryCommand(PayScoreCli.Io io) {
    super(io);
  }

  @Override
  int run() throws IOException {
    return execute(Refund.class,
        sandbox -> {
          String transactionId = sandbox.createPaidOrder("PAID-" + outRefundNo, RefundCommand.SANDBOX_APPID,
              RefundCommand.SANDBOX_SERVICE_ID, 39500L);
          PayScoreClient seeder = sandbox.clientBuilder().build();
          try {
            seeder.refunds().createRefund(CreateRefundRequest.builder().transactionId(transactionId)
                .outRefundNo(outRefundNo).amount(RefundRequestAmount.builder().refund(10000L).total(39500L)
                    .currency(RefundCurrency.CNY).build()).build()).execute();
          } finally {
            seeder.close();
          }
          sandbox.settleRefund(outRefundNo);
          io.err.println("payscore: sandbox: seeded refund " + outRefundNo + " of 10000 fen, completed");
        },
        client -> client.refunds().queryRefund(outRefundNo));
  }
}
