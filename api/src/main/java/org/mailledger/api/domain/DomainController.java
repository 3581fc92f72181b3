package org.mailledger.api.domain;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mailledger.api.read.DomainView;
import org.mailledger.api.read.LookupReads;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Grants;
import org.mailledger.api.web.Outcome;
import org.mailledger.api.web.Page;
import org.mailledger.api.web.PageRequest;
import org.mailledger.api.web.WriteAnswers;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.DomainClaim;
import org.mailledger.schema.domain.ActivateDomainCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;
import org.springframework.http.ResponseEntity;
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
 * Domains. Creating, changing and deleting them is for SUPERADMINs; a DOMAIN_ADMIN reads the
 * domains granted to it.
 */
@RestController
@RequestMapping("/api/v1/domains")
public class DomainController {

  private final CommandSender commands;
  private final Claims claims;
  private final LookupReads reads;
  private final DomainAccess access;

  public DomainController(
      CommandSender commands, Claims claims, LookupReads reads, DomainAccess access) {
    this.commands = commands;
    this.claims = claims;
    this.reads = reads;
    this.access = access;
  }

  /** A new domain; quotas in whole GB, zero or absent meaning unlimited. */
  public record CreateDomain(
      String domain,
      String description,
      Long quotaGb,
      Long maxQuotaGb,
      Integer maxMailboxes,
      Integer maxAliases) {}

  /** Any of the settings; absent fields keep their value. */
  public record ChangeDomain(
      Boolean active,
      String description,
      Long quotaGb,
      Long maxQuotaGb,
      Integer maxMailboxes,
      Integer maxAliases) {}

  @Operation(summary = "Create a domain (SUPERADMIN)")
  @PostMapping
  public ResponseEntity<Map<String, Object>> create(
      @RequestBody CreateDomain body, @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainName name = DomainName.of(body.domain());
    Outcome<String> outcome =
        commands.send(
            wait,
            new CreateDomainCommand(
                UUID.randomUUID().toString(),
                name,
                body.description(),
                gigabytes("quotaGb", body.quotaGb()),
                gigabytes("maxQuotaGb", body.maxQuotaGb()),
                body.maxMailboxes() == null ? 0 : body.maxMailboxes(),
                body.maxAliases() == null ? 0 : body.maxAliases()));
    return WriteAnswers.created(
        URI.create("/api/v1/domains/" + name.ascii()),
        outcome,
        Map.of("domain", name.ascii(), "unicode", name.unicode()));
  }

  @Operation(summary = "List the domains the login may see")
  @GetMapping
  public Page<DomainView> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return reads.domains(
        new PageRequest(page, size), access.isSuperadmin() ? null : Grants.domains());
  }

  @Operation(summary = "Read a domain")
  @GetMapping(value = "/{domain}", params = "!asOf")
  public DomainView read(@PathVariable String domain) {
    DomainName name = DomainName.of(domain);
    access.require(name.ascii());
    return reads
        .domain(name.ascii())
        .orElseThrow(() -> notFound("unknown-domain", "no domain " + name));
  }

  @Operation(summary = "Change a domain's settings or activate/deactivate it (SUPERADMIN)")
  @PatchMapping("/{domain}")
  public ResponseEntity<Map<String, Object>> change(
      @PathVariable String domain,
      @RequestBody ChangeDomain body,
      @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainClaim claim = claim(domain);
    List<Object> changes = new ArrayList<>();
    if (body.description() != null
        || body.quotaGb() != null
        || body.maxQuotaGb() != null
        || body.maxMailboxes() != null
        || body.maxAliases() != null) {
      changes.add(
          new ChangeDomainSettingsCommand(
              claim.domainId(),
              body.description(),
              body.quotaGb() == null ? null : gigabytes("quotaGb", body.quotaGb()),
              body.maxQuotaGb() == null ? null : gigabytes("maxQuotaGb", body.maxQuotaGb()),
              body.maxMailboxes(),
              body.maxAliases()));
    }
    if (body.active() != null) {
      changes.add(
          body.active()
              ? new ActivateDomainCommand(claim.domainId())
              : new DeactivateDomainCommand(claim.domainId()));
    }
    Outcome<Object> outcome = commands.send(wait, changes.toArray());
    return WriteAnswers.ok(outcome, Map.of("domain", claim.name()));
  }

  @Operation(summary = "Delete a domain; 409 while it holds mailboxes or aliases (SUPERADMIN)")
  @DeleteMapping("/{domain}")
  public ResponseEntity<Map<String, Object>> delete(
      @PathVariable String domain, @RequestParam(defaultValue = "false") boolean wait) {
    access.requireSuperadmin();
    DomainClaim claim = claim(domain);
    return WriteAnswers.ok(
        commands.send(wait, new DeleteDomainCommand(claim.domainId())),
        Map.of("domain", claim.name()));
  }

  private DomainClaim claim(String domain) {
    DomainName name = DomainName.of(domain);
    return claims
        .domainByName(name.ascii())
        .orElseThrow(() -> notFound("unknown-domain", "no domain " + name));
  }

  static Quota gigabytes(String field, Long gigabytes) {
    return gigabytes == null ? null : Quota.ofGigabytes(gigabytes);
  }
}
