package org.mailledger.ops.imports;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.mailledger.command.config.AuditMetadata;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the plan's steps, each in one transaction (the commands of a row land together or not at
 * all), with the audit metadata of an import. Refusals are reported and the run goes on; a
 * cancellation stops between two steps, so a run can be interrupted at any time and the next run
 * continues where it stopped.
 */
final class ImportRunner {

  static final String ACTOR = "import";
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final CommandGateway gateway;
  private final TransactionTemplate transactions;
  private final String source;
  private final String correlationId = UUID.randomUUID().toString();

  /** What a run did. */
  record Result(Map<Step.Kind, Integer> sent, List<Finding> refused, boolean cancelled) {}

  ImportRunner(CommandGateway gateway, TransactionTemplate transactions, String source) {
    this.gateway = gateway;
    this.transactions = transactions;
    this.source = source;
  }

  Result run(List<Step> steps, PrintWriter progress, BooleanSupplier cancelled) {
    Map<Step.Kind, Integer> sent = new HashMap<>();
    List<Finding> refused = new ArrayList<>();
    boolean aliasDomainsSupported = true;
    long started = System.nanoTime();
    long lastProgress = started;
    int done = 0;
    for (Step step : steps) {
      if (cancelled.getAsBoolean()) {
        return new Result(sent, refused, true);
      }
      if (step.kind() == Step.Kind.ALIAS_DOMAIN && !aliasDomainsSupported) {
        refused.add(new Finding(Finding.Kind.SKIPPED, step.entity(), unsupportedAliasDomains()));
      } else {
        try {
          transactions.executeWithoutResult(status -> step.commands().forEach(c -> send(c, step)));
          sent.merge(step.kind(), 1, Integer::sum);
        } catch (RuntimeException e) {
          Throwable cause = unwrap(e);
          if (cause instanceof NoHandlerForCommandException
              && step.kind() == Step.Kind.ALIAS_DOMAIN) {
            aliasDomainsSupported = false;
            refused.add(
                new Finding(Finding.Kind.SKIPPED, step.entity(), unsupportedAliasDomains()));
          } else {
            refused.add(
                new Finding(
                    Finding.Kind.REFUSED,
                    step.entity(),
                    "refused by Mailledger, nothing of it was written: " + cause.getMessage()));
          }
        }
      }
      done++;
      long now = System.nanoTime();
      if (now - lastProgress >= PROGRESS_EVERY.toNanos() || done == steps.size()) {
        lastProgress = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        progress.printf(
            "import: %d/%d steps (%d%%), %.0f steps/s, last: %s%n",
            done, steps.size(), done * 100L / steps.size(), done / seconds, step.entity());
        progress.flush();
      }
    }
    return new Result(sent, refused, false);
  }

  private void send(Object command, Step step) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(AuditMetadata.ACTOR, ACTOR);
    metadata.put(AuditMetadata.SOURCE, source);
    if (step.fingerprint() != null) {
      metadata.put(LogState.FINGERPRINT, step.fingerprint());
    }
    gateway.sendAndWait(
        new GenericCommandMessage<>(
            new GenericMessage<>(correlationId, command, metadata), command.getClass().getName()));
  }

  private static String unsupportedAliasDomains() {
    return "alias domains are not supported by this Mailledger build: not imported";
  }

  private static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CommandExecutionException
            || cause instanceof CompletionException
            || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
