package org.mailledger.command.mailbox;

import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.alias.AliasReferences;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.support.AggregateIds;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.value.EmailAddress;

/**
 * Mailbox commands that need more than the mailbox: the password hash, the domain's limits, the
 * address claim and the aliases that point at the mailbox.
 */
public class MailboxCommandHandler {

  private final Repository<Mailbox> mailboxes;
  private final Claims claims;
  private final PasswordHasher hasher;
  private final MailPaths paths;
  private final AliasReferences references;

  public MailboxCommandHandler(
      Repository<Mailbox> mailboxes,
      Claims claims,
      PasswordHasher hasher,
      MailPaths paths,
      AliasReferences references) {
    this.mailboxes = mailboxes;
    this.claims = claims;
    this.hasher = hasher;
    this.paths = paths;
    this.references = references;
  }

  @CommandHandler
  public String handle(CreateMailboxCommand command) throws Exception {
    AggregateIds.require("mailboxId", command.mailboxId());
    DomainClaim domain = domainOf(command.address());
    // Hash before claiming: the claim locks the domain's row until commit, and bcrypt is slow.
    String hash = hasher.hash(command.password());
    mailboxes.newInstance(() -> new Mailbox(command, domain, hash, paths));
    claims.claimAddress(
        command.address().toString(), ClaimKind.MAILBOX, command.mailboxId(), domain.domainId());
    return command.mailboxId();
  }

  @CommandHandler
  public void handle(ChangeMailboxPasswordCommand command) {
    Aggregate<Mailbox> mailbox = mailboxes.load(command.mailboxId());
    String hash = hasher.hash(command.password());
    mailbox.execute(m -> m.changePassword(hash));
  }

  @CommandHandler
  public void handle(ChangeMailboxQuotaCommand command) {
    Aggregate<Mailbox> mailbox = mailboxes.load(command.mailboxId());
    String domainId = mailbox.invoke(Mailbox::domainId);
    DomainClaim domain =
        claims
            .domainById(domainId)
            .orElseThrow(() -> notFound("unknown-domain", "no domain " + domainId));
    mailbox.execute(m -> m.changeQuota(command.quota(), domain));
  }

  @CommandHandler
  public void handle(RenameMailboxCommand command) {
    Aggregate<Mailbox> mailbox = mailboxes.load(command.mailboxId());
    EmailAddress old = EmailAddress.parse(mailbox.invoke(Mailbox::address));
    EmailAddress renamed = new EmailAddress(command.newLocalPart(), old.domain());
    mailbox.execute(m -> m.rename(renamed));
    List<AliasReference> pointingHere = claims.referencesTo(old.toString());
    claims.moveAddress(old.toString(), renamed.toString());
    references.retarget(old.toString(), renamed.toString(), pointingHere);
  }

  @CommandHandler
  public void handle(DeleteMailboxCommand command) {
    Aggregate<Mailbox> mailbox = mailboxes.load(command.mailboxId());
    String address = mailbox.invoke(Mailbox::address);
    List<AliasReference> pointingHere = claims.referencesTo(address);
    if (command.cascade()) {
      // The aliases let go first, so the log never shows an alias pointing at a deleted mailbox.
      references.detach(address, command.mailboxId(), pointingHere);
    }
    mailbox.execute(m -> m.delete(pointingHere, command.cascade()));
    claims.releaseAddress(address);
  }

  private DomainClaim domainOf(EmailAddress address) {
    return claims
        .domainByName(address.domain().ascii())
        .orElseThrow(() -> notFound("unknown-domain", "no domain " + address.domain()));
  }
}
