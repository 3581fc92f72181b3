package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.domain.CreateDomainCommand;

/** The planner's decisions across rows, without a database. */
class ImportPlannerTest {

  private static final String HASH = "{BLF-CRYPT}" + RoundTrip.bcrypt();

  private static SourceData source(List<SourceMailbox> mailboxes, List<SourceAlias> aliases) {
    return new SourceData(
        List.of(
            new SourceDomain("example.org", "", 0, 0, 0, 0, true),
            new SourceDomain("off.example", "", 0, 0, 0, 0, false)),
        List.of(),
        mailboxes,
        aliases,
        List.of(),
        List.of());
  }

  private static SourceAlias alias(String address, String... recipients) {
    return new SourceAlias(address, List.of(recipients), List.of(), null, true);
  }

  private static List<String> entities(ImportPlan plan) {
    return plan.steps().stream().map(Step::entity).toList();
  }

  @Test
  void sendsEachAliasAfterTheAliasesItForwardsTo() {
    ImportPlan plan =
        ImportPlanner.plan(
            source(
                List.of(new SourceMailbox("a@example.org", HASH, null, null, false, true)),
                List.of(
                    alias("a1@example.org", "a2@example.org"),
                    alias("a2@example.org", "a3@example.org"),
                    alias("a3@example.org", "a@example.org"))),
            LogState.empty());
    assertThat(entities(plan))
        .containsSubsequence(
            "mailbox a@example.org",
            "alias a3@example.org",
            "alias a2@example.org",
            "alias a1@example.org",
            "domain off.example (inactive in the source)");
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void skipsLoopsAndEverythingThatForwardsIntoThemWhole() {
    ImportPlan plan =
        ImportPlanner.plan(
            source(
                List.of(),
                List.of(
                    alias("x@example.org", "y@example.org"),
                    alias("y@example.org", "x@example.org"),
                    alias("z@example.org", "x@example.org", "out@else.test"),
                    alias("ok@example.org", "out@else.test"))),
            LogState.empty());
    assertThat(entities(plan))
        .contains("alias ok@example.org")
        .doesNotContain("alias z@example.org");
    assertThat(plan.findings())
        .extracting(Finding::toString)
        .anyMatch(f -> f.startsWith("alias x@example.org: alias loop"))
        .anyMatch(f -> f.startsWith("alias y@example.org: alias loop"))
        .anyMatch(f -> f.startsWith("alias z@example.org: its recipient x@example.org"));
  }

  @Test
  void aSecondRunSendsNothingAndReportsAChangedRow() {
    SourceData data =
        source(
            List.of(
                new SourceMailbox("a@example.org", HASH, null, 1024L, false, true),
                new SourceMailbox("b@example.org", HASH, null, 1024L, false, true)),
            List.of());
    ImportPlan first = ImportPlanner.plan(data, LogState.empty());
    Map<String, LogState.History> log = new java.util.HashMap<>();
    for (Step step : first.steps()) {
      if (step.fingerprint() != null) {
        log.put(idOf(step), new LogState.History(step.fingerprint(), List.of("Created")));
      }
    }
    // The domain off.example was deactivated by the first run.
    String off = ImportIds.domain("off.example");
    log.put(
        off,
        new LogState.History(
            log.get(off).fingerprint(), List.of("DomainCreatedEvent", "DomainDeactivatedEvent")));
    SourceData changed =
        source(
            List.of(
                new SourceMailbox("a@example.org", HASH, null, 1024L, false, true),
                new SourceMailbox("b@example.org", HASH, null, 2048L, false, true)),
            List.of());
    ImportPlan second = ImportPlanner.plan(changed, new LogState(log, Map.of(), Map.of()));
    assertThat(second.steps()).isEmpty();
    assertThat(second.already(Step.Kind.MAILBOX)).isEqualTo(1);
    assertThat(second.already(Step.Kind.DOMAIN)).isEqualTo(2);
    assertThat(second.findings())
        .extracting(Finding::toString)
        .containsExactly(
            "mailbox b@example.org: changed in the source since an earlier run imported it: not"
                + " applied, Mailledger keeps what it has (change it through the API)");
  }

  @Test
  void finishesTheDeactivationOfAnInterruptedRunButNeverUndoesAnAdmin() {
    SourceData data = source(List.of(), List.of());
    ImportPlan first = ImportPlanner.plan(data, LogState.empty());
    String off = ImportIds.domain("off.example");
    String offPrint =
        first.steps().stream()
            .filter(s -> s.entity().equals("domain off.example"))
            .findFirst()
            .orElseThrow()
            .fingerprint();
    String org = ImportIds.domain("example.org");
    String orgPrint = first.steps().get(0).fingerprint();
    LogState interrupted =
        new LogState(
            Map.of(
                off, new LogState.History(offPrint, List.of("DomainCreatedEvent")),
                org, new LogState.History(orgPrint, List.of("DomainCreatedEvent"))),
            Map.of(),
            Map.of());
    assertThat(entities(ImportPlanner.plan(data, interrupted)))
        .containsExactly("domain off.example (inactive in the source)");
    LogState reactivatedByAnAdmin =
        new LogState(
            Map.of(
                off,
                new LogState.History(
                    offPrint,
                    List.of(
                        "DomainCreatedEvent", "DomainDeactivatedEvent", "DomainActivatedEvent")),
                org,
                new LogState.History(orgPrint, List.of("DomainCreatedEvent"))),
            Map.of(),
            Map.of());
    assertThat(ImportPlanner.plan(data, reactivatedByAnAdmin).steps()).isEmpty();
  }

  private static String idOf(Step step) {
    Object command = step.commands().get(0);
    if (command instanceof CreateDomainCommand domain) {
      return domain.domainId();
    }
    if (command instanceof org.mailledger.schema.mailbox.CreateMailboxCommand mailbox) {
      return mailbox.mailboxId();
    }
    throw new IllegalArgumentException(step.entity());
  }
}
