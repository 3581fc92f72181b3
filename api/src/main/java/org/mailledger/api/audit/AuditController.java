package org.mailledger.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.mailledger.schema.value.InvalidValueException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of every change: {@code GET /api/v1/audit} with filters, and {@code GET
 * /api/v1/audit/{address-or-domain}} for one entity's whole history, both newest first and paged.
 * Parameters arrive as text and are checked by {@link Parameters}, so every malformed value is a
 * 400 problem naming it.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

  private final AuditQueries queries;
  private final AuditScope scope;

  public AuditController(AuditQueries queries, AuditScope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  @Operation(summary = "The audit history, filtered, newest first")
  @GetMapping
  public AuditPage list(
      @RequestParam(required = false) String entity,
      @RequestParam(required = false) String domain,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    String entityAscii = isEmpty(entity) ? null : Parameters.entity("entity", entity);
    String domainAscii = isEmpty(domain) ? null : Parameters.domain("domain", domain);
    return find(entityAscii, domainAscii, actor, type, from, to, page, size);
  }

  @Operation(summary = "One address's or domain's whole history, newest first")
  @GetMapping("/{entity}")
  public AuditPage history(
      @PathVariable String entity,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    return find(Parameters.entity("entity", entity), null, null, null, null, null, page, size);
  }

  private AuditPage find(
      String entity,
      String domain,
      String actor,
      String type,
      String from,
      String to,
      String page,
      String size) {
    AuditFilter filter =
        new AuditFilter(
            entity,
            domain,
            Parameters.actor(actor),
            Parameters.type(type),
            Parameters.instant("from", from),
            Parameters.instant("to", to),
            scope.visibleDomains(),
            Parameters.integer("page", page, 0, 0, 1_000_000),
            Parameters.integer("size", size, AuditFilter.DEFAULT_SIZE, 1, AuditFilter.MAX_SIZE));
    if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
      throw new InvalidValueException(
          "from", "must be before 'to' (from is inclusive, to exclusive)");
    }
    if (domain != null) {
      scope.requireEntity(domain);
    }
    AuditPage found = queries.find(filter);
    if (entity != null && !scope.entityInGrants(entity)) {
      // An alias domain's entries lie in its target domain: a DOMAIN_ADMIN of the target sees its
      // history. The query shows only entries of granted domains, so finding none tells nothing.
      if (found.items().isEmpty()) {
        scope.requireEntity(entity);
      }
    }
    return new AuditPage(
        found.items().stream().filter(scope::canSee).toList(),
        found.page(),
        found.size(),
        found.hasMore());
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
