package org.mailledger.command.admin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mailledger.schema.admin.ApiTokenIssuedEvent;
import org.mailledger.schema.admin.ApiTokenRevokedEvent;
import org.mailledger.schema.admin.IssueApiTokenCommand;
import org.mailledger.schema.value.FreeText;
import org.mailledger.schema.value.InvalidValueException;

/**
 * An API token: issued to one admin until a fixed instant, revocable. It holds the hash of its
 * secret only; whether the expiry lies in the future is the caller's check, since an aggregate
 * replayed next year must not judge its history by today's clock.
 */
@Aggregate
public class ApiToken {

  @AggregateIdentifier private String tokenId;
  private String adminId;
  private String adminName;
  private boolean revoked;

  protected ApiToken() {}

  ApiToken(IssueApiTokenCommand command, String adminName, String tokenHash) {
    Instant expiresAt = command.expiresAt();
    if (expiresAt == null) {
      throw new InvalidValueException("expiresAt", "must be set");
    }
    apply(
        new ApiTokenIssuedEvent(
            command.tokenId(),
            command.adminId(),
            adminName,
            tokenHash,
            FreeText.description(command.description()),
            expiresAt.toString()));
  }

  boolean revoke() {
    if (revoked) {
      return false;
    }
    apply(new ApiTokenRevokedEvent(tokenId, adminId, adminName));
    return true;
  }

  @EventSourcingHandler
  void on(ApiTokenIssuedEvent event) {
    tokenId = event.tokenId();
    adminId = event.adminId();
    adminName = event.adminName();
  }

  @EventSourcingHandler
  void on(ApiTokenRevokedEvent event) {
    revoked = true;
  }
}
