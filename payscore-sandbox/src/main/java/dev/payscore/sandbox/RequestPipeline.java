package dev.payscore.sandbox;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * What the sandbox does with each request the server reads: a request under {@link
 * ControlApi#PREFIX} goes to the control API, untouched by faults and kept out of the history; any
 * other takes the next queued {@link Fault}, is routed (unless the fault answers in its place), kept in
 * the history with its answer's status, and answered as the fault says. Thread-safe.
 */
final class RequestPipeline implements LoopbackHttpServer.Handler {
  private final PayafterRoutes routes;
  private final CertificateRoutes certificateRoutes;
  private final RequestAuthenticator authenticator;
  private final AnswerWriter writer;
  private final RequestHistory history = new RequestHistory();
  private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
  private volatile LoopbackHttpServer.@Nullable Handler control;

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

  /** Forgets the faults still queued. */
  void clearFaults() {
    faults.clear();
  }

  /** Sets the handler of requests under {@link ControlApi#PREFIX}. */
  void control(LoopbackHttpServer.Handler control) {
    this.control = control;
  }

  @Override
  public void handle(LoopbackHttpServer.Exchange exchange) throws IOException {
    LoopbackHttpServer.Handler controlHandler = control;
    if (controlHandler != null && ControlApi.isControl(exchange.target)) {
      controlHandler.handle(exchange);
      return;
    }
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
    answer = writer.resolve(answer, fault);
    history.add(request, verified, answer == null ? 0 : answer.status, answer == null ? "" : answer.requestId);
    writer.write(exchange, answer, fault);
  }
}
