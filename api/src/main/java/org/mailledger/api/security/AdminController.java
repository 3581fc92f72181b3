package org.mailledger.api.security;

import static org.mailledger.command.error.RuleViolationException.notFound;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mailledger.api.web.CommandSender;
import org.mailledger.api.web.Outcome;
import org.mailledger.schema.admin.AdminName;
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
import org.mailledger.schema.value.Secret;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin accounts and their domain grants. SUPERADMIN only, except that every admin may read its own
 * account and change its own password. Rights are checked before existence, so a domain admin
 * cannot probe which names exist.
 */
@RestController
@RequestMapping("/api/v1/admins")
public class AdminController {

  private final CommandSender commands;
  private final AuthReadModel readModel;
  private final DomainAccess access;
  private final CurrentAdmin current;

  public AdminController(
      CommandSender commands, AuthReadModel readModel, DomainAccess access, CurrentAdmin current) {
    this.commands = commands;
    this.readModel = readModel;
    this.access = access;
    this.current = current;
  }

  @Operation(summary = "Create an admin account (SUPERADMIN)")
  @PostMapping
  public ResponseEntity<AdminView> create(@RequestBody CreateAdminRequest body) {
    access.requireSuperadmin();
    AdminName name = AdminName.of(body.name());
    CreateAdminCommand command =
        new CreateAdminCommand(
            UUID.randomUUID().toString(),
            name,
            role(body.role()),
            Secret.of(body.password()),
            body.domains() == null
                ? List.of()
                : body.domains().stream().map(AdminController::domain).toList());
    long position = commands.send(false, command).position();
    AdminRecord admin = existing(name.value());
    return ResponseEntity.created(URI.create("/api/v1/admins/" + admin.name()))
        .body(AdminView.of(admin, position));
  }

  @Operation(summary = "List admin accounts (SUPERADMIN)")
  @GetMapping
  public List<AdminView> list() {
    access.requireSuperadmin();
    return readModel.admins().stream().map(a -> AdminView.of(a, null)).toList();
  }

  @Operation(summary = "Read an admin account (itself or SUPERADMIN)")
  @GetMapping("/{name}")
  public AdminView read(@PathVariable String name) {
    return AdminView.of(existing(selfOrSuperadmin(name)), null);
  }

  @Operation(summary = "Change an admin's password (itself or SUPERADMIN)")
  @PutMapping("/{name}/password")
  public PositionView changePassword(@PathVariable String name, @RequestBody PasswordRequest body) {
    AdminRecord admin = existing(selfOrSuperadmin(name));
    return new PositionView(
        commands
            .send(
                false, new ChangeAdminPasswordCommand(admin.adminId(), Secret.of(body.password())))
            .position());
  }

  @Operation(summary = "Grant a domain to a DOMAIN_ADMIN (SUPERADMIN)")
  @PostMapping("/{name}/domains")
  public AdminView grant(@PathVariable String name, @RequestBody GrantRequest body) {
    access.requireSuperadmin();
    AdminRecord admin = existing(name);
    return afterWrite(
        admin,
        commands.send(false, new GrantAdminDomainCommand(admin.adminId(), domain(body.domain()))));
  }

  @Operation(summary = "Revoke a domain grant (SUPERADMIN)")
  @DeleteMapping("/{name}/domains/{domain}")
  public AdminView revoke(@PathVariable String name, @PathVariable String domain) {
    access.requireSuperadmin();
    AdminRecord admin = existing(name);
    return afterWrite(
        admin, commands.send(false, new RevokeAdminDomainCommand(admin.adminId(), domain(domain))));
  }

  @Operation(summary = "Disable or enable an admin (SUPERADMIN)")
  @PatchMapping("/{name}")
  public AdminView change(@PathVariable String name, @RequestBody ChangeAdminRequest body) {
    access.requireSuperadmin();
    AdminRecord admin = existing(name);
    Outcome<?> outcome =
        commands.send(
            false,
            body.active() == null
                ? new Object[0]
                : new Object[] {
                  body.active()
                      ? new EnableAdminCommand(admin.adminId())
                      : new DisableAdminCommand(admin.adminId())
                });
    return afterWrite(admin, outcome);
  }

  @Operation(summary = "Delete an admin (SUPERADMIN)")
  @DeleteMapping("/{name}")
  public PositionView delete(@PathVariable String name) {
    access.requireSuperadmin();
    AdminRecord admin = existing(name);
    return new PositionView(
        commands.send(false, new DeleteAdminCommand(admin.adminId())).position());
  }

  private String selfOrSuperadmin(String name) {
    String normalized = name.toLowerCase(Locale.ROOT);
    if (!current.is(normalized)) {
      access.requireSuperadmin();
    }
    return normalized;
  }

  private AdminView afterWrite(AdminRecord admin, Outcome<?> outcome) {
    return AdminView.of(existing(admin.name()), outcome.position());
  }

  private AdminRecord existing(String name) {
    return readModel
        .admin(name.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                notFound(
                    "unknown-admin",
                    // The name comes from the URL: repeated back only when it is a plain name.
                    name.matches("[A-Za-z0-9._@-]{1,64}") ? "no admin " + name : "no such admin"));
  }

  private static AdminRole role(String role) {
    try {
      return AdminRole.valueOf(role == null ? "" : role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("role", "must be SUPERADMIN or DOMAIN_ADMIN");
    }
  }

  private static DomainName domain(String domain) {
    return DomainName.of(domain);
  }
}
