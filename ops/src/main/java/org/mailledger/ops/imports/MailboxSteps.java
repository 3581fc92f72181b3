package org.mailledger.ops.imports;

import java.util.ArrayList;
import java.util.List;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeactivateMailboxCommand;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;

/** Plans the mailboxes, each into a planned domain and within that domain's limits. */
final class MailboxSteps {

  private final SourceData source;
  private final PlanDraft draft;

  MailboxSteps(SourceData source, PlanDraft draft) {
    this.source = source;
    this.draft = draft;
  }

  void plan() {
    for (SourceMailbox m : SourceRows.sorted(source.mailboxes(), SourceMailbox::address)) {
      String entity = "mailbox " + m.address();
      try {
        planMailbox(m, entity);
      } catch (InvalidValueException e) {
        draft.skip(entity, "invalid: " + e.getMessage());
      }
    }
  }

  private void planMailbox(SourceMailbox m, String entity) {
    EmailAddress address = EmailAddress.parse(m.address());
    String key = address.toString();
    PlannedDomain domain = draft.domains.get(address.domain().ascii());
    if (domain == null) {
      draft.skip(entity, "its domain " + address.domain() + " is not imported");
      return;
    }
    if (draft.mailboxes.contains(key)) {
      draft.skip(entity, "duplicate address " + key);
      return;
    }
    PasswordHashes.Outcome hash = PasswordHashes.classify(m.passwordHash());
    if (!hash.kept()) {
      draft.skip(entity, hash.problem());
      return;
    }
    String name = FreeText.name(m.name());
    Quota quota = m.quotaBytes() == null ? null : Quota.ofBytes(m.quotaBytes());
    // The domain's rule; reported in bytes, as the source tools keep quotas.
    if (quota != null && !domain.admitsQuota(quota)) {
      draft.skip(
          entity,
          "its quota ("
              + describe(quota)
              + ") exceeds its domain's maximum per mailbox ("
              + describe(domain.maxQuota())
              + ")");
      return;
    }
    if (!domain.hasRoomFor(ClaimKind.MAILBOX)) {
      draft.skip(
          entity,
          "its domain's mailbox limit (" + domain.limit(ClaimKind.MAILBOX) + ") is reached");
      return;
    }
    String id = ImportIds.mailbox(key);
    String owner = draft.log.addressOwner(key);
    if (owner != null && !owner.equals(id)) {
      draft.skip(entity, "the address is taken in Mailledger already (not by an import)");
      draft.mailboxes.add(key);
      return;
    }
    List<Object> commands = new ArrayList<>();
    commands.add(
        new CreateMailboxCommand(id, address, new Secret(hash.hash()), name, quota, m.sendOnly()));
    if (!m.active()) {
      commands.add(new DeactivateMailboxCommand(id));
    }
    Step step =
        new Step(
            Step.Kind.MAILBOX,
            entity,
            Step.fingerprint(
                key,
                hash.hash(),
                name,
                quota == null ? "default" : quota.bytes(),
                m.sendOnly(),
                m.active()),
            commands);
    if (draft.decide(step, id)) {
      draft.mailboxes.add(key);
      domain.count(ClaimKind.MAILBOX, 1);
    }
  }

  private static String describe(Quota quota) {
    return quota.isUnlimited() ? "unlimited" : quota.bytes() + " bytes";
  }
}
