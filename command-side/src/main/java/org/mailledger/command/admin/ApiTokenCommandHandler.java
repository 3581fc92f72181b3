package org.mailledger.command.admin;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.support.AggregateIds;
import org.mailledger.schema.admin.IssueApiTokenCommand;
import org.mailledger.schema.admin.RevokeApiTokenCommand;

/**
 * Issues tokens to existing, active admins. The secret is made here, on the server, and is the
 * command's result: the only moment it exists outside the client. Only its hash is applied.
 */
public class ApiTokenCommandHandler {

  private final Repository<ApiToken> tokens;
  private final AdminClaims adminClaims;
  private final ApiTokenSecrets secrets;

  public ApiTokenCommandHandler(
      Repository<ApiToken> tokens, AdminClaims adminClaims, ApiTokenSecrets secrets) {
    this.tokens = tokens;
    this.adminClaims = adminClaims;
    this.secrets = secrets;
  }

  /** Answers the secret, to be shown once. */
  @CommandHandler
  public String handle(IssueApiTokenCommand command) throws Exception {
    AggregateIds.require("tokenId", command.tokenId());
    AdminClaim admin =
        adminClaims
            .adminById(command.adminId())
            .orElseThrow(() -> notFound("unknown-admin", "no admin " + command.adminId()));
    if (!admin.active()) {
      throw conflict("admin-disabled", "admin " + admin.name() + " is disabled");
    }
    String secret = secrets.generate();
    tokens.newInstance(() -> new ApiToken(command, admin.name(), ApiTokenSecrets.hash(secret)));
    return secret;
  }

  @CommandHandler
  public void handle(RevokeApiTokenCommand command) {
    tokens.load(command.tokenId()).invoke(ApiToken::revoke);
  }
}
