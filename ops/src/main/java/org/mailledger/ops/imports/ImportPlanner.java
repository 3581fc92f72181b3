package org.mailledger.ops.imports;

import java.util.LinkedHashSet;
import java.util.Set;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;

/**
 * Turns the source rows into steps, checking them with the command side's own rules (its typed
 * values, {@code DomainLimits}, {@code AliasRules}, its password hasher), so that what breaks one
 * is reported with its reason before anything is sent (and a dry run can say so), and what an
 * earlier run imported is not sent again.
 *
 * <p>Where the import deliberately differs from the command side, the step planner that does so
 * says it in place: a domain's default quota above its maximum is lowered to the maximum (the
 * command side refuses it); repeated recipients and senders are dropped (refused there); aliases on
 * a forwarding loop are skipped (the command side, which sees one alias at a time, takes the last
 * alias that closes one).
 */
final class ImportPlanner {

  private ImportPlanner() {}

  static ImportPlan plan(SourceData source, LogState log) {
    PlanDraft draft = new PlanDraft(log, source.findings());
    DomainSteps domains = new DomainSteps(source, draft);
    domains.planDomainsAndAliasDomains();
    new MailboxSteps(source, draft).plan();
    new AliasSteps(source, draft).plan();
    new TlsPolicySteps(source, draft).plan();
    domains.planDeactivations();
    return draft.plan();
  }

  /** Every aggregate id the plan may touch, for {@link LogState#read}. */
  static Set<String> aggregateIds(SourceData source) {
    Set<String> ids = new LinkedHashSet<>();
    for (SourceDomain d : source.domains()) {
      SourceRows.quietly(() -> ids.add(ImportIds.domain(DomainName.of(d.name()).ascii())));
    }
    for (SourceAliasDomain a : source.aliasDomains()) {
      SourceRows.quietly(
          () -> ids.add(ImportIds.aliasDomain(DomainName.of(a.aliasDomain()).ascii())));
    }
    for (SourceMailbox m : source.mailboxes()) {
      SourceRows.quietly(
          () -> ids.add(ImportIds.mailbox(EmailAddress.parse(m.address()).toString())));
    }
    for (SourceAlias a : source.aliases()) {
      SourceRows.quietly(
          () -> ids.add(ImportIds.alias(AliasAddress.parse(a.address()).toString())));
    }
    for (SourceTlsPolicy t : source.tlsPolicies()) {
      SourceRows.quietly(() -> ids.add(DomainName.of(t.domain()).ascii()));
    }
    return ids;
  }
}
