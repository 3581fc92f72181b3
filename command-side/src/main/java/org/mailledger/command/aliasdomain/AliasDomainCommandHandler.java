package org.mailledger.command.aliasdomain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.Claims;
import org.mailledger.schema.aliasdomain.ActivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;

/** Runs alias-domain commands and keeps the name's claim in the same transaction. */
public class AliasDomainCommandHandler {

  private final Repository<AliasDomain> aliasDomains;
  private final Claims claims;

  public AliasDomainCommandHandler(Repository<AliasDomain> aliasDomains, Claims claims) {
    this.aliasDomains = aliasDomains;
    this.claims = claims;
  }

  @CommandHandler
  public String handle(CreateAliasDomainCommand command) throws Exception {
    aliasDomains.newInstance(() -> new AliasDomain(command));
    claims.claimAliasDomain(
        command.aliasDomainId(), command.aliasDomain().ascii(), command.targetDomain().ascii());
    return command.aliasDomainId();
  }

  @CommandHandler
  public void handle(ActivateAliasDomainCommand command) {
    if (aliasDomains.load(command.aliasDomainId()).invoke(AliasDomain::activate)) {
      claims.setAliasDomainActive(command.aliasDomainId(), true);
    }
  }

  @CommandHandler
  public void handle(DeactivateAliasDomainCommand command) {
    if (aliasDomains.load(command.aliasDomainId()).invoke(AliasDomain::deactivate)) {
      claims.setAliasDomainActive(command.aliasDomainId(), false);
    }
  }

  @CommandHandler
  public void handle(DeleteAliasDomainCommand command) {
    Aggregate<AliasDomain> aliasDomain = aliasDomains.load(command.aliasDomainId());
    aliasDomain.execute(AliasDomain::delete);
    claims.releaseAliasDomain(command.aliasDomainId());
  }
}
