package org.mailledger.ops.imports;

import static org.mailledger.ops.imports.Finding.Kind.CHANGED;
import static org.mailledger.ops.imports.Finding.Kind.NOTE;
import static org.mailledger.ops.imports.Finding.Kind.SKIPPED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan while it is drawn up: the steps and findings so far, and what will exist in Mailledger
 * once it has run (sent now, imported before, or there already), which the later rows are checked
 * against.
 */
final class PlanDraft {

  final LogState log;

  /** By ASCII name: the domains that exist after the import. */
  final Map<String, PlannedDomain> domains = new LinkedHashMap<>();

  final Set<String> mailboxes = new HashSet<>();
  final Set<String> aliases = new HashSet<>();

  private final List<Step> steps = new ArrayList<>();
  private final Map<Step.Kind, Integer> already = ImportPlan.counters();
  private final List<Finding> findings;

  PlanDraft(LogState log, List<Finding> readerFindings) {
    this.log = log;
    this.findings = new ArrayList<>(readerFindings);
  }

  ImportPlan plan() {
    return new ImportPlan(List.copyOf(steps), already, List.copyOf(findings));
  }

  void add(Step step) {
    steps.add(step);
  }

  /**
   * Adds the step unless the log knows its aggregate; returns whether the row exists in Mailledger
   * afterwards (sent now, or imported before and not deleted).
   */
  boolean decide(Step step, String aggregateId) {
    LogState.History history = log.history(aggregateId);
    if (history == null) {
      steps.add(step);
      return true;
    }
    if (history.fingerprint() == null) {
      skip(step.entity(), "exists in Mailledger already (not from an import): left as it is");
      return true;
    }
    if (history.deleted()) {
      note(
          step.entity(),
          "imported by an earlier run and deleted in Mailledger since: not imported again");
      return false;
    }
    if (history.fingerprint().equals(step.fingerprint())) {
      already.merge(step.kind(), 1, Integer::sum);
      return true;
    }
    findings.add(
        new Finding(
            CHANGED,
            step.entity(),
            "changed in the source since an earlier run imported it: not applied, Mailledger"
                + " keeps what it has (change it through the API)"));
    return true;
  }

  /** Whether the row was imported before and has changed in the source since. */
  boolean changedSinceImported(String entity) {
    return findings.stream().anyMatch(f -> f.kind() == CHANGED && f.entity().equals(entity));
  }

  boolean planned(Step.Kind kind, String entity) {
    return steps.stream().anyMatch(s -> s.kind() == kind && s.entity().equals(entity));
  }

  /** Whether mail for the domain is taken here once the import has run. */
  boolean hosted(String ascii) {
    return domains.containsKey(ascii) || log.domainOwner(ascii) != null;
  }

  void skip(String entity, String message) {
    findings.add(new Finding(SKIPPED, entity, message));
  }

  void note(String entity, String message) {
    findings.add(new Finding(NOTE, entity, message));
  }
}
