package org.mailledger.api.security;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Outcome;
import org.mailledger.schema.admin.AdminName;
import org.mailledger.schema.admin.IssueApiTokenCommand;
import org.mailledger.schema.admin.RevokeApiTokenCommand;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: every admin issues, lists and revokes its own; a SUPERADMIN those of anyone. The
 * secret appears in the answer to the issuing request and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/tokens")
public class TokenController {

  private final CommandSender commands;
  private final AuthReadModel readModel;
  private final DomainAccess access;
  private final CurrentAdmin current;
  private final SecurityProperties properties;
  private final Clock clock = Clock.systemUTC();

  public TokenController(
      CommandSender commands,
      AuthReadModel readModel,
      DomainAccess access,
      CurrentAdmin current,
      SecurityProperties properties) {
    this.commands = commands;
    this.readModel = readModel;
    this.access = access;
    this.current = current;
    this.properties = properties;
  }

  @Operation(summary = "Issue an API token; the secret is shown only in this answer")
  @PostMapping
  public ResponseEntity<IssuedTokenView> issue(
      @RequestBody(required = false) CreateTokenRequest body) {
    CreateTokenRequest token = body == null ? new CreateTokenRequest(null, null, null, null) : body;
    String adminName = adminName(token.admin());
    if (!current.is(adminName)) {
      access.requireSuperadmin();
    }
    AdminRecord admin =
        readModel
            .admin(adminName)
            .orElseThrow(() -> notFound("unknown-admin", "no admin " + adminName));
    Instant expiresAt = expiry(token, clock.instant());
    String tokenId = UUID.randomUUID().toString();
    Outcome<String> issuedOutcome =
        commands.send(
            false,
            new IssueApiTokenCommand(tokenId, admin.adminId(), token.description(), expiresAt));
    String secret = issuedOutcome.result();
    TokenRecord issued = readModel.token(tokenId).orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + tokenId))
        .body(
            new IssuedTokenView(
                tokenId,
                admin.name(),
                issued.description(),
                issued.expiresAt(),
                secret,
                issuedOutcome.position()));
  }

  @Operation(summary = "List tokens (own, or all for SUPERADMIN); never the secret")
  @GetMapping
  public List<TokenView> list(@RequestParam(required = false) String admin) {
    Instant now = clock.instant();
    List<TokenRecord> tokens;
    if (access.isSuperadmin()) {
      tokens = admin == null ? readModel.tokens() : readModel.tokensOf(adminName(admin));
    } else {
      if (admin != null && !current.is(adminName(admin))) {
        access.requireSuperadmin();
      }
      tokens = readModel.tokensOf(current.name());
    }
    return tokens.stream().map(t -> TokenView.of(t, now)).toList();
  }

  @Operation(summary = "Revoke a token")
  @DeleteMapping("/{id}")
  public PositionView revoke(@PathVariable String id) {
    TokenRecord token =
        readModel
            .token(id)
            .orElseThrow(
                () ->
                    notFound(
                        "unknown-token",
                        // The id comes from the URL: repeated back only when it looks like one.
                        id.matches("[0-9a-fA-F-]{1,64}") ? "no token " + id : "no such token"));
    if (!current.is(token.adminName()) && !access.isSuperadmin()) {
      throw new AccessDeniedException("only a SUPERADMIN may revoke another admin's tokens");
    }
    return new PositionView(commands.send(false, new RevokeApiTokenCommand(id)).position());
  }

  private String adminName(String requested) {
    if (requested == null || requested.isBlank()) {
      return current.name();
    }
    try {
      return AdminName.of(requested).value();
    } catch (InvalidValueException e) {
      throw new InvalidValueException("admin", e.reason());
    }
  }

  private Instant expiry(CreateTokenRequest request, Instant now) {
    Instant latest = now.plus(properties.tokenMaxTtl());
    if (request.expiresAt() != null && request.ttlDays() != null) {
      throw new InvalidValueException("expiresAt", "give expiresAt or ttlDays, not both");
    }
    if (request.ttlDays() != null) {
      long maxDays = properties.tokenMaxTtl().toDays();
      if (request.ttlDays() < 1 || request.ttlDays() > maxDays) {
        throw new InvalidValueException("ttlDays", "must be between 1 and " + maxDays);
      }
      return now.plus(Duration.ofDays(request.ttlDays())).truncatedTo(ChronoUnit.SECONDS);
    }
    if (request.expiresAt() == null) {
      return now.plus(properties.tokenDefaultTtl()).truncatedTo(ChronoUnit.SECONDS);
    }
    Instant expiresAt;
    try {
      expiresAt = OffsetDateTime.parse(request.expiresAt()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "expiresAt",
          "must be an ISO-8601 date and time with offset, such as 2030-01-01T00:00:00Z");
    }
    if (!expiresAt.isAfter(now)) {
      throw new InvalidValueException("expiresAt", "must lie in the future");
    }
    if (expiresAt.isAfter(latest)) {
      throw new InvalidValueException(
          "expiresAt", "must lie at most " + properties.tokenMaxTtl().toDays() + " days ahead");
    }
    return expiresAt;
  }
}
