package org.mailledger.ops.imports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The report an import prints: counts per kind, then every row not imported and why. */
final class ImportReport {

  private final SourceKind from;
  private final String source;
  private final ImportPlan plan;

  ImportReport(SourceKind from, String source, ImportPlan plan) {
    this.from = from;
    this.source = source;
    this.plan = plan;
  }

  void printDryRun(PrintWriter out) {
    out.printf("Dry run of an import from %s %s: nothing was written.%n", from.label(), source);
    for (Step.Kind kind : Step.Kind.values()) {
      if (plan.count(kind) + plan.already(kind) > 0) {
        out.printf(
            "  %-21s %d to import, %d imported before%n",
            kind.plural() + ":", plan.count(kind), plan.already(kind));
      }
    }
    for (Step step : plan.steps()) {
      out.println("  would import " + step.entity());
    }
    printFindings(out, plan.findings());
  }

  void printRun(PrintWriter out, ImportRunner.Result result) {
    out.printf(
        "Import from %s %s%s.%n", from.label(), source, result.cancelled() ? " (interrupted)" : "");
    for (Step.Kind kind : Step.Kind.values()) {
      int sent = result.sent().getOrDefault(kind, 0);
      if (plan.count(kind) + plan.already(kind) > 0) {
        out.printf(
            "  %-21s %d imported now, %d imported before%n",
            kind.plural() + ":", sent, plan.already(kind));
      }
    }
    List<Finding> all = new ArrayList<>(plan.findings());
    all.addAll(result.refused());
    printFindings(out, all);
  }

  /** Whether nothing was skipped, refused or found changed. */
  boolean clean(List<Finding> refused) {
    return refused.isEmpty()
        && plan.findings().stream().allMatch(f -> f.kind() == Finding.Kind.NOTE);
  }

  private static void printFindings(PrintWriter out, List<Finding> findings) {
    section(out, findings, Finding.Kind.SKIPPED, "Skipped (not imported):");
    section(out, findings, Finding.Kind.REFUSED, "Refused by Mailledger (not imported):");
    section(
        out,
        findings,
        Finding.Kind.CHANGED,
        "Changed in the source since an earlier import (not applied):");
    section(out, findings, Finding.Kind.NOTE, "Notes:");
  }

  private static void section(
      PrintWriter out, List<Finding> findings, Finding.Kind kind, String title) {
    List<Finding> some = findings.stream().filter(f -> f.kind() == kind).toList();
    if (some.isEmpty()) {
      return;
    }
    out.println(title);
    some.forEach(f -> out.println("  - " + f));
  }
}
