package org.mailledger.ops.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.command.tls.TlsPolicyParams;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;

/** Plans the outgoing TLS policies (MUM's), which depend on nothing else. */
final class TlsPolicySteps {

  private final SourceData source;
  private final PlanDraft draft;

  TlsPolicySteps(SourceData source, PlanDraft draft) {
    this.source = source;
    this.draft = draft;
  }

  void plan() {
    Set<String> seen = new HashSet<>();
    for (SourceTlsPolicy t : SourceRows.sorted(source.tlsPolicies(), SourceTlsPolicy::domain)) {
      String entity = "TLS policy " + t.domain();
      try {
        DomainName destination = DomainName.of(t.domain());
        if (!seen.add(destination.ascii())) {
          draft.skip(entity, "listed twice");
          continue;
        }
        if (!t.active()) {
          draft.skip(
              entity, "inactive in the source; Mailledger's TLS policies have no inactive state");
          continue;
        }
        TlsPolicyLevel level = TlsPolicyLevel.of(t.policy());
        String params = t.params() == null || t.params().isBlank() ? null : t.params().strip();
        // Checked only: the command side normalises what it stores, the row is sent as read.
        TlsPolicyParams.checked(level, params);
        String description = FreeText.description(t.description());
        draft.decide(
            new Step(
                Step.Kind.TLS_POLICY,
                entity,
                Step.fingerprint(destination.ascii(), level.postfixName(), params, description),
                List.of(new SetTlsPolicyCommand(destination, level, params, description))),
            destination.ascii());
      } catch (InvalidValueException | RuleViolationException e) {
        draft.skip(entity, "invalid: " + e.getMessage());
      }
    }
  }
}
