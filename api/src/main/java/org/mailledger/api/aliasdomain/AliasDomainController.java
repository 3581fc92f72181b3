package org.mailledger.api.aliasdomain;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.mailledger.api.read.AliasDomainView;
import org.mailledger.api.read.LookupReads;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Grants;
import org.mailledger.api.web.Outcome;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.api.web.WriteAnswers;
import org.mailledger.command.claim.AliasDomainClaim;
import org.mailledger.command.claim.Claims;
import org.mailledger.schema.aliasdomain.ActivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alias domains: mail to x@alias goes to x@target. Creating, changing and deleting them is for
 * SUPERADMINs (an alias domain is a domain of the server); a DOMAIN_ADMIN reads those whose target
 * is granted to it.
 */
@RestController
@RequestMapping("/api/v1/alias-domains")
public class AliasDomainController {

  private final CommandSender commands;
  private final Claims claims;
  private final LookupReads reads;
  private final DomainAccess access;

  public AliasDomainController(
      CommandSender commands, Claims claims, LookupReads reads, DomainAccess access) {
    this.commands = commands;
    this.claims = claims;
    this.reads = reads;
    this.access = access;
  }

  /** A new alias domain, active: {@code aliasDomain} delivers to {@code targetDomain}. */
  public record CreateAliasDomain(String aliasDomain, String targetDomain) {}

  /** {@code active} is the one thing to change. */
  public record ChangeAliasDomain(Boolean active) {}

  @Operation(summary = "Create an alias domain of a hosted domain (SUPERADMIN)")
  @PostMapping
  public ResponseEntity<Map<String, Object>> create(
      @RequestBody CreateAliasDomain body, @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainName alias = name("aliasDomain", body.aliasDomain());
    DomainName target = name("targetDomain", body.targetDomain());
    Outcome<String> outcome =
        commands.send(
            wait, new CreateAliasDomainCommand(UUID.randomUUID().toString(), alias, target));
    return WriteAnswers.created(
        URI.create("/api/v1/alias-domains/" + alias.ascii()),
        outcome,
        Map.of("aliasDomain", alias.ascii(), "targetDomain", target.ascii()));
  }

  @Operation(summary = "List the alias domains the login may see")
  @GetMapping
  public Page<AliasDomainView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return reads.aliasDomains(
        new PageRequest(page, size), access.isSuperadmin() ? null : Grants.domains());
  }

  @Operation(summary = "Read an alias domain")
  @GetMapping(value = "/{name}", params = "!asOf")
  public AliasDomainView read(@PathVariable String name) {
    AliasDomainClaim claim = claim(name);
    return reads
        .aliasDomain(claim.name())
        .orElseThrow(() -> notFound("unknown-alias-domain", "no alias domain " + claim.name()));
  }

  @Operation(summary = "Activate or deactivate an alias domain (SUPERADMIN)")
  @PatchMapping("/{name}")
  public ResponseEntity<Map<String, Object>> change(
      @PathVariable String name,
      @RequestBody ChangeAliasDomain body,
      @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    AliasDomainClaim claim = claim(name);
    if (body.active() == null) {
      throw new InvalidValueException("active", "is required (true or false)");
    }
    Object command =
        body.active()
            ? new ActivateAliasDomainCommand(claim.aliasDomainId())
            : new DeactivateAliasDomainCommand(claim.aliasDomainId());
    return WriteAnswers.ok(
        commands.send(wait, command),
        Map.of("aliasDomain", claim.name(), "targetDomain", claim.targetName()));
  }

  @Operation(summary = "Delete an alias domain (SUPERADMIN)")
  @DeleteMapping("/{name}")
  public ResponseEntity<Map<String, Object>> delete(
      @PathVariable String name, @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    AliasDomainClaim claim = claim(name);
    return WriteAnswers.ok(
        commands.send(wait, new DeleteAliasDomainCommand(claim.aliasDomainId())),
        Map.of("aliasDomain", claim.name(), "targetDomain", claim.targetName()));
  }

  /**
   * The alias domain a URL names. A DOMAIN_ADMIN learns nothing of alias domains outside its
   * grants: 403 for those and for unknown names alike.
   */
  private AliasDomainClaim claim(String name) {
    DomainName parsed = name("aliasDomain", name);
    var claim = claims.aliasDomainByName(parsed.ascii());
    if (!access.isSuperadmin() && (claim.isEmpty() || !access.allows(claim.get().targetName()))) {
      throw new AccessDeniedException("you may not manage alias domain " + parsed.ascii());
    }
    return claim.orElseThrow(
        () -> notFound("unknown-alias-domain", "no alias domain " + parsed.ascii()));
  }

  /** A domain name from the request, the error naming the field it came in. */
  private static DomainName name(String field, String value) {
    try {
      return DomainName.of(value);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, e.reason());
    }
  }
}
