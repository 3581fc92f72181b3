package org.mailledger.ops.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailledger.command.alias.AliasRules;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeactivateAliasCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;

/**
 * Plans the aliases. One whose recipient in a domain hosted here is neither a mailbox nor an alias
 * (because it never was, or because that row is skipped) is skipped whole, as is every alias on a
 * forwarding loop: half an alias would silently deliver to fewer people than before. Aliases are
 * sent in an order where each alias's hosted recipients exist first.
 */
final class AliasSteps {

  private final SourceData source;
  private final PlanDraft draft;

  /** The aliases that passed the checks of their own row, by address, in the rows' order. */
  private final Map<String, Candidate> candidates = new LinkedHashMap<>();

  /** One alias that passed the checks of its own row, before the checks across aliases. */
  private record Candidate(
      String key, String entity, List<EmailAddress> recipients, Step step, PlannedDomain domain) {}

  AliasSteps(SourceData source, PlanDraft draft) {
    this.source = source;
    this.draft = draft;
  }

  void plan() {
    for (SourceAlias a : SourceRows.sorted(source.aliases(), SourceAlias::address)) {
      String entity = (a.address().startsWith("@") ? "catch-all " : "alias ") + a.address();
      try {
        checkRow(a, entity);
      } catch (InvalidValueException | RuleViolationException e) {
        draft.skip(entity, "invalid: " + e.getMessage());
      }
    }
    for (Candidate c : List.copyOf(candidates.values())) {
      if (!c.domain().hasRoomFor(ClaimKind.ALIAS)) {
        draft.skip(
            c.entity(),
            "its domain's alias limit (" + c.domain().limit(ClaimKind.ALIAS) + ") is reached");
        candidates.remove(c.key());
      } else {
        c.domain().count(ClaimKind.ALIAS, 1);
      }
    }
    dropMissingRecipients();
    dropLoops();
    dropMissingRecipients();
    for (String key : graph().dependencyOrder()) {
      draft.add(candidates.get(key).step());
      draft.aliases.add(key);
    }
  }

  private void checkRow(SourceAlias a, String entity) {
    AliasAddress address = AliasAddress.parse(a.address());
    String key = address.toString();
    PlannedDomain domain = draft.domains.get(address.domain().ascii());
    if (domain == null) {
      draft.skip(entity, "its domain " + address.domain() + " is not imported");
      return;
    }
    if (draft.mailboxes.contains(key)) {
      draft.skip(
          entity,
          "the address is a mailbox: Mailledger keeps no alias on a mailbox's address, so"
              + " this forwarding is not imported");
      return;
    }
    if (candidates.containsKey(key) || draft.aliases.contains(key)) {
      draft.skip(entity, "duplicate address " + key);
      return;
    }
    List<EmailAddress> recipients = addresses("recipient", a.recipients());
    if (recipients.isEmpty()) {
      // MUM's send-as-only aliases have none; named in the import's words, the rule is the same.
      draft.skip(entity, "it has no recipient; Mailledger's aliases need at least one");
      return;
    }
    AliasRules.requireRecipients(key, recipients);
    List<EmailAddress> senders = addresses("sender", a.senders());
    for (EmailAddress sender : senders) {
      // The mailboxes of this plan: one the log has but the source lacks is not known here.
      if (!draft.mailboxes.contains(sender.toString())) {
        throw AliasRules.senderNotAMailbox(sender);
      }
    }
    String description = FreeText.description(a.description());
    String id = ImportIds.alias(key);
    String owner = draft.log.addressOwner(key);
    if (owner != null && !owner.equals(id)) {
      draft.skip(entity, "the address is taken in Mailledger already (not by an import)");
      draft.aliases.add(key);
      return;
    }
    List<Object> commands = new ArrayList<>();
    commands.add(new CreateAliasCommand(id, address, recipients, senders, description));
    if (!a.active()) {
      commands.add(new DeactivateAliasCommand(id));
    }
    Step step =
        new Step(
            Step.Kind.ALIAS,
            entity,
            Step.fingerprint(key, recipients, senders, description, a.active()),
            commands);
    LogState.History history = draft.log.history(id);
    if (history != null) {
      // Known to the log: decide() counts or reports it, and never sends it again.
      draft.decide(step, id);
      if (!history.deleted()) {
        draft.aliases.add(key);
        domain.count(ClaimKind.ALIAS, 1);
      }
      return;
    }
    candidates.put(key, new Candidate(key, entity, recipients, step, domain));
  }

  /** Until nothing changes: an alias whose hosted recipient will not exist is skipped whole. */
  private void dropMissingRecipients() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Candidate c : List.copyOf(candidates.values())) {
        try {
          for (EmailAddress recipient : c.recipients()) {
            AliasRules.requireKnownIfHosted(recipient, draft::hosted, this::willExist);
          }
        } catch (RuleViolationException e) {
          draft.skip(
              c.entity(),
              "its recipient "
                  + e.getMessage()
                  + " (absent in the source, or skipped): the alias is skipped whole");
          drop(c);
          changed = true;
        }
      }
    }
  }

  private boolean willExist(String address) {
    return draft.mailboxes.contains(address)
        || draft.aliases.contains(address)
        || candidates.containsKey(address)
        || draft.log.addressOwner(address) != null;
  }

  private void dropLoops() {
    for (List<String> cycle : graph().cycles()) {
      String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
      for (String key : cycle) {
        Candidate c = candidates.get(key);
        if (c != null) {
          draft.skip(c.entity(), "alias loop: " + path);
          drop(c);
        }
      }
    }
  }

  private void drop(Candidate c) {
    candidates.remove(c.key());
    c.domain().count(ClaimKind.ALIAS, -1);
  }

  private AliasGraph graph() {
    Map<String, List<String>> forwards = new LinkedHashMap<>();
    candidates.forEach(
        (key, c) ->
            forwards.put(key, c.recipients().stream().map(EmailAddress::toString).toList()));
    return new AliasGraph(forwards);
  }

  /**
   * The addresses of a list, each once: the command side refuses a repeated recipient or sender,
   * while a source tool's list may repeat one, and Postfix delivers once per address anyway.
   */
  private static List<EmailAddress> addresses(String field, List<String> raw) {
    Set<String> seen = new LinkedHashSet<>();
    List<EmailAddress> parsed = new ArrayList<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      EmailAddress address;
      try {
        address = EmailAddress.parse(value.strip());
      } catch (InvalidValueException e) {
        throw new InvalidValueException(field, "'" + printable(value) + "' " + e.getMessage());
      }
      if (seen.add(address.toString())) {
        parsed.add(address);
      }
    }
    return parsed;
  }

  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(80)
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("U+%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
