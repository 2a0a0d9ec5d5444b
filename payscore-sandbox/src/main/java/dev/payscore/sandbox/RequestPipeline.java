package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the sandbox does with each request the server reads: takes the next queued {@link Fault}, routes
 * the request (unless the fault answers in its place), keeps it in the history, and writes the answer
 * as the fault says. Thread-safe.
 */
final class RequestPipeline implements LoopbackHttpServer.Handler {
  private final PayafterRoutes routes;
  private final CertificateRoutes certificateRoutes;
  private final RequestAuthenticator authenticator;
  private final AnswerWriter writer;
  private final RequestHistory history = new RequestHistory();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

  RequestPipeline(PayafterRoutes routes, CertificateRoutes certificateRoutes, RequestAuthenticator authenticator,
      AnswerWriter writer) {
    this.routes = routes;
    this.certificateRoutes = certificateRoutes;
    this.authenticator = authenticator;
    this.writer = writer;
  }

  RequestHistory history() {
    return history;
  }

  void inject(Fault fault) {
    faults.add(requireNonNull(fault, "fault == null"));
  }

  @Override
  public void handle(LoopbackHttpServer.Exchange exchange) throws IOException {
    SandboxRequest request = new SandboxRequest(exchange.method, exchange.target, exchange.headers, exchange.body);
    Fault fault = faults.poll();
    Answer answer = null;
    boolean verified;
    if (AnswerWriter.replacesTheAnswer(fault)) {
      verified = authenticator.problem(request) == null; // only to know how much of the body to keep
    } else {
      PayafterRoutes.Outcome outcome = CertificateRoutes.handles(request)
          ? certificateRoutes.route(request) : routes.route(request);
      answer = outcome.answer;
      verified = outcome.signatureVerified;
    }
    history.add(request, verified);
    writer.write(exchange, answer, fault);
  }
}
