package org.mailledger.api.projections;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailledger.api.security.DomainAccess;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.projection.progress.LayoutStatuses;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.projection.rebuild.Rebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The layouts' processors: where each stands in the log, and a rebuild that Postfix and Dovecot
 * cannot see (shadow tables, then an atomic swap). Server-wide, so for SUPERADMINs.
 */
@RestController
@RequestMapping("/api/v1/projections")
public class ProjectionController {

  private final LayoutStatuses statuses;
  private final Rebuilds rebuilds;
  private final ProjectionProperties properties;
  private final DomainAccess access;

  public ProjectionController(
      LayoutStatuses statuses,
      Rebuilds rebuilds,
      ProjectionProperties properties,
      DomainAccess access) {
    this.statuses = statuses;
    this.rebuilds = rebuilds;
    this.properties = properties;
    this.access = access;
  }

  @Operation(summary = "Each layout's position, the log head, lag and state (SUPERADMIN)")
  @GetMapping
  public List<ProjectionStatus> all() {
    access.requireSuperadmin();
    List<ProjectionStatus> all = new ArrayList<>();
    for (LayoutDescriptor layout : Layouts.kept(properties)) {
      all.add(statuses.of(layout.name()));
    }
    return all;
  }

  /**
   * Starts the rebuild in the background: 202 at once; the layout shows rebuilding until the swap.
   */
  @Operation(summary = "Rebuild a layout behind shadow tables; 202 at once (SUPERADMIN)")
  @PostMapping("/{layout}/rebuild")
  public ResponseEntity<Map<String, Object>> rebuild(@PathVariable String layout) {
    access.requireSuperadmin();
    if (!rebuilds.knows(layout)) {
      // The name comes from the URL: repeated back only when it is a plain layout name.
      throw notFound(
          "unknown-layout",
          layout.matches("[a-z0-9-]{1,32}")
              ? "no layout " + layout + " is kept here"
              : "no such layout is kept here");
    }
    if (!rebuilds.start(layout)) {
      throw conflict("rebuild-running", "a rebuild of " + layout + " is running already");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("layout", layout);
    body.put("state", "rebuilding");
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }
}
