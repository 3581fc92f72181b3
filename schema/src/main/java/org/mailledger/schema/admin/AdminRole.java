package org.mailledger.schema.admin;

/** What an admin may manage: everything, or only the domains granted to it. */
public enum AdminRole {
  SUPERADMIN,
  DOMAIN_ADMIN
}
