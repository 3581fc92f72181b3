package org.mailledger.ops.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailledger.command.claim.DomainLimits;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Quota;

/**
 * Plans the domains and alias domains first, which every mailbox and alias needs, and the
 * deactivation of inactive domains last, once their mailboxes and aliases are in.
 */
final class DomainSteps {

  private final SourceData source;
  private final PlanDraft draft;

  /** By ASCII name: the alias-domain rows that are imported as alias domains. */
  private Map<String, SourceAliasDomain> aliasDomainRows = Map.of();

  DomainSteps(SourceData source, PlanDraft draft) {
    this.source = source;
    this.draft = draft;
  }

  void planDomainsAndAliasDomains() {
    aliasDomainRows = aliasDomainRows();
    planDomains();
    planAliasDomains();
  }

  /**
   * PostfixAdmin keeps an alias domain as a domain row too. Such a row becomes an alias domain only
   * (Mailledger's alias domain takes a free name); one that holds mailboxes or aliases of its own
   * stays a domain, and its alias-domain row is skipped.
   */
  private Map<String, SourceAliasDomain> aliasDomainRows() {
    Set<String> withContent = new HashSet<>();
    source.mailboxes().forEach(m -> withContent.add(domainPart(m.address())));
    source.aliases().forEach(a -> withContent.add(domainPart(a.address())));
    Map<String, SourceAliasDomain> rows = new LinkedHashMap<>();
    for (SourceAliasDomain row :
        SourceRows.sorted(source.aliasDomains(), SourceAliasDomain::aliasDomain)) {
      String entity = "alias domain " + row.aliasDomain();
      try {
        String name = DomainName.of(row.aliasDomain()).ascii();
        if (withContent.contains(name)) {
          draft.skip(
              entity,
              "its domain holds mailboxes or aliases of its own; Mailledger keeps an alias domain"
                  + " only on a name without any: kept as a domain, the alias domain is not imported");
        } else if (rows.containsKey(name)) {
          draft.skip(entity, "listed twice");
        } else {
          rows.put(name, row);
        }
      } catch (InvalidValueException e) {
        draft.skip(entity, "invalid name: " + e.getMessage());
      }
    }
    return rows;
  }

  private void planDomains() {
    for (SourceDomain d : SourceRows.sorted(source.domains(), SourceDomain::name)) {
      String entity = "domain " + d.name();
      try {
        DomainName name = DomainName.of(d.name());
        if (aliasDomainRows.containsKey(name.ascii())) {
          continue;
        }
        if (draft.domains.containsKey(name.ascii())) {
          draft.skip(entity, "listed twice (" + name.ascii() + ")");
          continue;
        }
        String id = ImportIds.domain(name.ascii());
        Quota max = Quota.ofBytes(d.maxQuotaBytes());
        Quota fallback = Quota.ofBytes(d.defaultQuotaBytes());
        // Where the command side refuses the domain, the import takes the maximum as its default:
        // a source tool may keep a default above it (MUM checks neither), and no mailbox is lost.
        if (!DomainLimits.defaultWithinMax(fallback, max)) {
          draft.note(
              entity,
              "its default quota for new mailboxes is above its maximum per mailbox: the default"
                  + " is set to the maximum");
          fallback = max;
        }
        DomainLimits limits = DomainLimits.checked(fallback, max, d.maxMailboxes(), d.maxAliases());
        String description = FreeText.description(d.description());
        Step step =
            new Step(
                Step.Kind.DOMAIN,
                entity,
                Step.fingerprint(
                    name.ascii(),
                    description,
                    fallback.bytes(),
                    max.bytes(),
                    d.maxMailboxes(),
                    d.maxAliases(),
                    d.active()),
                List.of(
                    new CreateDomainCommand(
                        id, name, description, fallback, max, d.maxMailboxes(), d.maxAliases())));
        String owner = draft.log.domainOwner(name.ascii());
        if (owner != null && !owner.equals(id)) {
          draft.note(
              entity,
              "exists in Mailledger already (not from an import): its settings are left as they"
                  + " are, its mailboxes and aliases are imported into it");
          draft.domains.put(name.ascii(), PlannedDomain.existing(owner));
          continue;
        }
        if (draft.decide(step, id)) {
          draft.domains.put(name.ascii(), PlannedDomain.imported(id, limits));
        }
      } catch (InvalidValueException | RuleViolationException e) {
        draft.skip(
            entity, "invalid: " + e.getMessage() + "; its mailboxes and aliases are skipped too");
      }
    }
  }

  private void planAliasDomains() {
    for (SourceAliasDomain row : aliasDomainRows.values()) {
      String entity = "alias domain " + row.aliasDomain();
      try {
        DomainName alias = DomainName.of(row.aliasDomain());
        DomainName target = DomainName.of(row.targetDomain());
        if (!draft.domains.containsKey(target.ascii())) {
          draft.skip(entity, "its target " + target + " is not a domain imported here");
          continue;
        }
        String owner = draft.log.domainOwner(alias.ascii());
        String id = ImportIds.aliasDomain(alias.ascii());
        if (owner != null && !owner.equals(id)) {
          draft.skip(entity, "the name is a domain in Mailledger already");
          continue;
        }
        // Postfix takes mail for it only while both its domain row and its alias row are active.
        boolean active = row.active() && domainActive(alias.ascii());
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateAliasDomainCommand(id, alias, target));
        if (!active) {
          commands.add(new DeactivateAliasDomainCommand(id));
        }
        draft.decide(
            new Step(
                Step.Kind.ALIAS_DOMAIN,
                entity,
                Step.fingerprint(alias.ascii(), target.ascii(), active),
                commands),
            id);
      } catch (InvalidValueException e) {
        draft.skip(entity, "invalid: " + e.getMessage());
      }
    }
  }

  private boolean domainActive(String ascii) {
    return source.domains().stream()
        .filter(d -> sameDomain(d.name(), ascii))
        .findFirst()
        .map(SourceDomain::active)
        .orElse(true);
  }

  /**
   * Inactive domains are switched off once their mailboxes and aliases are in. A later run does it
   * only while nobody has activated or deactivated the domain since, so it finishes an interrupted
   * import without undoing an admin's change.
   */
  void planDeactivations() {
    for (SourceDomain d : SourceRows.sorted(source.domains(), SourceDomain::name)) {
      if (d.active()) {
        continue;
      }
      SourceRows.quietly(
          () -> {
            String ascii = DomainName.of(d.name()).ascii();
            PlannedDomain domain = draft.domains.get(ascii);
            String id = ImportIds.domain(ascii);
            if (aliasDomainRows.containsKey(ascii) || domain == null || !domain.id().equals(id)) {
              return;
            }
            String entity = "domain " + d.name();
            boolean created = draft.planned(Step.Kind.DOMAIN, entity);
            LogState.History history = draft.log.history(id);
            // Imported before, unchanged since (it counted as imported), and nobody has switched
            // it on or off since.
            boolean pending =
                history == null
                    || (!history.deleted()
                        && !history.has("DomainDeactivatedEvent")
                        && !history.has("DomainActivatedEvent")
                        && history.fingerprint() != null
                        && !created
                        && !draft.changedSinceImported(entity));
            if (created || pending) {
              draft.add(
                  new Step(
                      Step.Kind.DOMAIN_DEACTIVATION,
                      entity + " (inactive in the source)",
                      null,
                      List.of(new DeactivateDomainCommand(id))));
            }
          });
    }
  }

  private static boolean sameDomain(String raw, String ascii) {
    try {
      return DomainName.of(raw).ascii().equals(ascii);
    } catch (InvalidValueException e) {
      return false;
    }
  }

  private static String domainPart(String address) {
    int at = address == null ? -1 : address.lastIndexOf('@');
    if (at < 0) {
      return "";
    }
    try {
      return DomainName.of(address.substring(at + 1)).ascii();
    } catch (InvalidValueException e) {
      return "";
    }
  }
}
