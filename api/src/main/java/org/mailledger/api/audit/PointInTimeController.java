package org.mailledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read endpoints with {@code ?asOf=<instant>}: a domain, mailbox or alias as it was then,
 * folded from the log. Mapped with {@code params = "asOf"} so that the plain reads of the same
 * paths stay with their own controllers.
 */
@RestController
@RequestMapping("/api/v1")
public class PointInTimeController {

  private final PointInTimeReader reader;
  private final DomainAccess access;

  public PointInTimeController(PointInTimeReader reader, DomainAccess access) {
    this.reader = reader;
    this.access = access;
  }

  @Operation(summary = "A domain as it was at ?asOf")
  @GetMapping(path = "/domains/{domain}", params = "asOf")
  public DomainAsOf domain(@PathVariable String domain, @RequestParam String asOf) {
    String name = Parameters.domain("domain", domain);
    Instant at = asOf(asOf);
    access.require(name);
    return reader
        .domain(name, at)
        .orElseThrow(
            () -> new NotFoundAsOfException("unknown-domain", "no domain " + name + " at " + at));
  }

  @Operation(summary = "A mailbox as it was at ?asOf")
  @GetMapping(path = "/mailboxes/{address}", params = "asOf")
  public MailboxAsOf mailbox(@PathVariable String address, @RequestParam String asOf) {
    String mailbox = Parameters.mailbox("address", address);
    Instant at = asOf(asOf);
    access.require(AliasAddress.parse(mailbox).domain().ascii());
    return reader
        .mailbox(mailbox, at)
        .orElseThrow(
            () ->
                new NotFoundAsOfException(
                    "unknown-mailbox", "no mailbox " + mailbox + " at " + at));
  }

  @Operation(summary = "An alias as it was at ?asOf")
  @GetMapping(path = "/aliases/{address}", params = "asOf")
  public AliasAsOf alias(@PathVariable String address, @RequestParam String asOf) {
    String alias = Parameters.alias("address", address);
    Instant at = asOf(asOf);
    access.require(AliasAddress.parse(alias).domain().ascii());
    return reader
        .alias(alias, at)
        .orElseThrow(
            () -> new NotFoundAsOfException("unknown-alias", "no alias " + alias + " at " + at));
  }

  /** 403 for a DOMAIN_ADMIN unless the target was granted, before any 404. */
  @Operation(summary = "An alias domain as it was at ?asOf")
  @GetMapping(path = "/alias-domains/{name}", params = "asOf")
  public AliasDomainAsOf aliasDomain(@PathVariable String name, @RequestParam String asOf) {
    String aliasDomain = Parameters.domain("name", name);
    Instant at = asOf(asOf);
    var found = reader.aliasDomain(aliasDomain, at);
    if (!access.isSuperadmin() && (found.isEmpty() || !access.allows(found.get().targetDomain()))) {
      throw new AccessDeniedException("you may not manage alias domain " + aliasDomain);
    }
    return found.orElseThrow(
        () ->
            new NotFoundAsOfException(
                "unknown-alias-domain", "no alias domain " + aliasDomain + " at " + at));
  }

  private static Instant asOf(String value) {
    Instant at = Parameters.instant("asOf", value);
    if (at == null) {
      throw new InvalidValueException(
          "asOf", "must be an ISO-8601 instant such as 2026-11-01T10:00:00Z");
    }
    return at;
  }
}
