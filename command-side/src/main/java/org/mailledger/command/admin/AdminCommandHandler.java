package org.mailledger.command.admin;

import static org.mailledger.command.error.RuleViolationException.notFound;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.support.AggregateIds;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.ChangeAdminPasswordCommand;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.admin.DeleteAdminCommand;
import org.mailledger.schema.admin.DisableAdminCommand;
import org.mailledger.schema.admin.EnableAdminCommand;
import org.mailledger.schema.admin.GrantAdminDomainCommand;
import org.mailledger.schema.admin.RevokeAdminDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.InvalidValueException;

/**
 * Admin commands that need more than the account: the password hash, the domains that exist, and
 * the name's claim, all in the transaction of the event append.
 */
public class AdminCommandHandler {

  private final Repository<AdminAccount> admins;
  private final AdminClaims adminClaims;
  private final Claims claims;
  private final AdminPasswords passwords;

  public AdminCommandHandler(
      Repository<AdminAccount> admins,
      AdminClaims adminClaims,
      Claims claims,
      AdminPasswords passwords) {
    this.admins = admins;
    this.adminClaims = adminClaims;
    this.claims = claims;
    this.passwords = passwords;
  }

  @CommandHandler
  public String handle(CreateAdminCommand command) throws Exception {
    AggregateIds.require("adminId", command.adminId());
    if (command.name() == null) {
      throw new InvalidValueException("name", "must not be empty");
    }
    command.domains().forEach(this::requireDomain);
    // Hash before claiming: the claim's unique key makes a concurrent creation wait on this
    // transaction, and bcrypt is slow.
    String hash = passwords.hash(command.password());
    admins.newInstance(() -> new AdminAccount(command, hash));
    adminClaims.claimAdmin(
        command.adminId(), command.name().value(), command.role() == AdminRole.SUPERADMIN);
    return command.adminId();
  }

  @CommandHandler
  public void handle(ChangeAdminPasswordCommand command) {
    Aggregate<AdminAccount> admin = admins.load(command.adminId());
    String hash = passwords.hash(command.password());
    admin.execute(a -> a.changePassword(hash));
  }

  @CommandHandler
  public void handle(GrantAdminDomainCommand command) {
    Aggregate<AdminAccount> admin = admins.load(command.adminId());
    requireDomain(command.domain());
    admin.execute(a -> a.grant(command.domain()));
  }

  /** Needs no existing domain: a grant may outlive its domain and still has to go. */
  @CommandHandler
  public void handle(RevokeAdminDomainCommand command) {
    admins.load(command.adminId()).execute(a -> a.revoke(command.domain()));
  }

  @CommandHandler
  public void handle(DisableAdminCommand command) {
    if (admins.load(command.adminId()).invoke(AdminAccount::disable)) {
      adminClaims.setActive(command.adminId(), false);
    }
  }

  @CommandHandler
  public void handle(EnableAdminCommand command) {
    if (admins.load(command.adminId()).invoke(AdminAccount::enable)) {
      adminClaims.setActive(command.adminId(), true);
    }
  }

  @CommandHandler
  public void handle(DeleteAdminCommand command) {
    Aggregate<AdminAccount> admin = admins.load(command.adminId());
    adminClaims.releaseAdmin(command.adminId());
    admin.execute(AdminAccount::delete);
  }

  private void requireDomain(DomainName domain) {
    if (claims.domainByName(domain.ascii()).isEmpty()) {
      throw notFound("unknown-domain", "no domain " + domain.ascii());
    }
  }
}
