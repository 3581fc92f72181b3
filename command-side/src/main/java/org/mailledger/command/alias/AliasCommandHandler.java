package org.mailledger.command.alias;

import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.AddressClaim;
import org.mailledger.command.claim.AliasReference;
import org.mailledger.command.claim.ClaimKind;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.command.claim.ReferenceRole;
import org.mailledger.command.support.AggregateIds;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.AddAliasSenderCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.alias.RemoveAliasRecipientCommand;
import org.mailledger.schema.alias.RemoveAliasSenderCommand;
import org.mailledger.schema.value.EmailAddress;

/** Alias commands that need the claims: addresses taken, senders that are mailboxes, references. */
public class AliasCommandHandler {

  private final Repository<Alias> aliases;
  private final Claims claims;
  private final AliasReferences references;

  public AliasCommandHandler(Repository<Alias> aliases, Claims claims, AliasReferences references) {
    this.aliases = aliases;
    this.claims = claims;
    this.references = references;
  }

  @CommandHandler
  public String handle(CreateAliasCommand command) throws Exception {
    AggregateIds.require("aliasId", command.aliasId());
    String address = command.address().toString();
    DomainClaim domain =
        claims
            .domainByName(command.address().domain().ascii())
            .orElseThrow(
                () -> notFound("unknown-domain", "no domain " + command.address().domain()));
    List<EmailAddress> recipients = command.recipients() == null ? List.of() : command.recipients();
    // The alias's own address is not known yet; the aggregate refuses it as a loop.
    recipients.stream()
        .filter(r -> !r.toString().equals(address))
        .forEach(this::requireKnownIfHosted);
    List<AddressClaim> senders = new ArrayList<>();
    for (EmailAddress sender :
        command.senders() == null ? List.<EmailAddress>of() : command.senders()) {
      senders.add(mailbox(sender));
    }
    aliases.newInstance(() -> new Alias(command, domain.domainId(), senders));
    claims.claimAddress(address, ClaimKind.ALIAS, command.aliasId(), domain.domainId());
    recipients.forEach(
        r -> claims.addReference(command.aliasId(), r.toString(), ReferenceRole.RECIPIENT));
    senders.forEach(s -> claims.addReference(command.aliasId(), s.address(), ReferenceRole.SENDER));
    return command.aliasId();
  }

  @CommandHandler
  public void handle(AddAliasRecipientCommand command) {
    requireKnownIfHosted(command.recipient());
    aliases.load(command.aliasId()).execute(a -> a.addRecipient(command.recipient()));
    claims.addReference(command.aliasId(), command.recipient().toString(), ReferenceRole.RECIPIENT);
  }

  @CommandHandler
  public void handle(RemoveAliasRecipientCommand command) {
    String recipient = command.recipient().toString();
    aliases.load(command.aliasId()).execute(a -> a.removeRecipient(recipient));
    claims.removeReference(command.aliasId(), recipient, ReferenceRole.RECIPIENT);
  }

  @CommandHandler
  public void handle(AddAliasSenderCommand command) {
    AddressClaim mailbox = mailbox(command.mailbox());
    aliases.load(command.aliasId()).execute(a -> a.addSender(mailbox));
    claims.addReference(command.aliasId(), mailbox.address(), ReferenceRole.SENDER);
  }

  @CommandHandler
  public void handle(RemoveAliasSenderCommand command) {
    String address = command.mailbox().toString();
    String mailboxId =
        claims
            .address(address)
            .filter(c -> c.kind() == ClaimKind.MAILBOX)
            .map(AddressClaim::ownerId)
            .orElse(address);
    aliases.load(command.aliasId()).execute(a -> a.removeSender(mailboxId, address));
    claims.removeReference(command.aliasId(), address, ReferenceRole.SENDER);
  }

  @CommandHandler
  public void handle(DeleteAliasCommand command) {
    Aggregate<Alias> alias = aliases.load(command.aliasId());
    String address = alias.invoke(Alias::address);
    List<AliasReference> pointingHere = claims.referencesTo(address);
    if (command.cascade()) {
      references.detach(address, command.aliasId(), pointingHere);
    }
    alias.execute(a -> a.delete(pointingHere, command.cascade()));
    claims.removeReferencesFrom(command.aliasId());
    claims.releaseAddress(address);
  }

  private AddressClaim mailbox(EmailAddress address) {
    return claims
        .address(address.toString())
        .filter(c -> c.kind() == ClaimKind.MAILBOX)
        .orElseThrow(() -> AliasRules.senderNotAMailbox(address));
  }

  private void requireKnownIfHosted(EmailAddress recipient) {
    AliasRules.requireKnownIfHosted(
        recipient,
        domain -> claims.domainByName(domain).isPresent(),
        address -> claims.address(address).isPresent());
  }
}
