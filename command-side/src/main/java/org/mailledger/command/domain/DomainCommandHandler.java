package org.mailledger.command.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.Claims;
import org.mailledger.schema.domain.ActivateDomainCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;

/** Runs domain commands on the aggregate and keeps the domain's claim in the same transaction. */
public class DomainCommandHandler {

  private final Repository<Domain> domains;
  private final Claims claims;

  public DomainCommandHandler(Repository<Domain> domains, Claims claims) {
    this.domains = domains;
    this.claims = claims;
  }

  @CommandHandler
  public String handle(CreateDomainCommand command) throws Exception {
    Aggregate<Domain> domain = domains.newInstance(() -> new Domain(command));
    claims.claimDomain(command.domainId(), command.name().ascii(), domain.invoke(Domain::limits));
    return command.domainId();
  }

  @CommandHandler
  public void handle(ChangeDomainSettingsCommand command) {
    Aggregate<Domain> domain = domains.load(command.domainId());
    domain.execute(d -> d.changeSettings(command));
    claims.changeDomainLimits(command.domainId(), domain.invoke(Domain::limits));
  }

  @CommandHandler
  public void handle(ActivateDomainCommand command) {
    if (domains.load(command.domainId()).invoke(Domain::activate)) {
      claims.setDomainActive(command.domainId(), true);
    }
  }

  @CommandHandler
  public void handle(DeactivateDomainCommand command) {
    if (domains.load(command.domainId()).invoke(Domain::deactivate)) {
      claims.setDomainActive(command.domainId(), false);
    }
  }

  @CommandHandler
  public void handle(DeleteDomainCommand command) {
    Aggregate<Domain> domain = domains.load(command.domainId());
    claims.releaseDomain(command.domainId());
    domain.execute(Domain::delete);
  }
}
