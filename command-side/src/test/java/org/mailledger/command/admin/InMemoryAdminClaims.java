package org.mailledger.command.admin;

import static org.mailledger.command.error.RuleViolationException.conflict;
import static org.mailledger.command.error.RuleViolationException.notFound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The admin claims as a map, for aggregate tests; same answers as {@link JdbcAdminClaims}. */
class InMemoryAdminClaims implements AdminClaims {

  private final Map<String, AdminClaim> admins = new LinkedHashMap<>();

  @Override
  public void claimAdmin(String adminId, String name, boolean superadmin) {
    if (adminByName(name).isPresent()) {
      throw conflict("admin-exists", "admin " + name + " exists already");
    }
    admins.put(adminId, new AdminClaim(adminId, name, superadmin, true));
  }

  @Override
  public void setActive(String adminId, boolean active) {
    AdminClaim claim = admin(adminId);
    if (!active) {
      keepOneActiveSuperadmin(adminId);
    }
    admins.put(adminId, new AdminClaim(adminId, claim.name(), claim.superadmin(), active));
  }

  @Override
  public void releaseAdmin(String adminId) {
    admin(adminId);
    keepOneActiveSuperadmin(adminId);
    admins.remove(adminId);
  }

  @Override
  public Optional<AdminClaim> adminById(String adminId) {
    return Optional.ofNullable(admins.get(adminId));
  }

  @Override
  public Optional<AdminClaim> adminByName(String name) {
    return admins.values().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private AdminClaim admin(String adminId) {
    AdminClaim claim = admins.get(adminId);
    if (claim == null) {
      throw notFound("unknown-admin", "no admin " + adminId);
    }
    return claim;
  }

  private void keepOneActiveSuperadmin(String adminId) {
    if (admins.values().stream()
        .filter(a -> a.superadmin() && a.active())
        .map(AdminClaim::adminId)
        .toList()
        .equals(List.of(adminId))) {
      throw conflict("last-superadmin", "this is the last active SUPERADMIN");
    }
  }
}
