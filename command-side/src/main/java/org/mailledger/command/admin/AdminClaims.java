package org.mailledger.command.admin;

import java.util.Optional;

/**
 * The set-wide rules of admin accounts: unique names, and at least one active superadmin, so the
 * server can never lock its operators out. Every method runs in the caller's transaction, the one
 * that appends the command's events.
 */
public interface AdminClaims {

  /** Takes a name; an {@code admin-exists} conflict when it is taken. */
  void claimAdmin(String adminId, String name, boolean superadmin);

  /**
   * Marks the account active or not; a {@code last-superadmin} conflict when that would leave no
   * active superadmin.
   */
  void setActive(String adminId, boolean active);

  /** Frees the name; a {@code last-superadmin} conflict for the last active superadmin. */
  void releaseAdmin(String adminId);

  Optional<AdminClaim> adminById(String adminId);

  Optional<AdminClaim> adminByName(String name);
}
