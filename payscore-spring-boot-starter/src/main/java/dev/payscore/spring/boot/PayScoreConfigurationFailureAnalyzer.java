package dev.payscore.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link PayScoreConfigurationException} into Spring Boot's start-up failure report. */
final class PayScoreConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PayScoreConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PayScoreConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the payscore.* properties listed above, or set payscore.enabled=false to switch the PayScore"
            + " starter off.",
        cause);
  }
}
