package org.mailledger.api.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may touch which domain: a {@code SUPERADMIN} everything, a {@code DOMAIN_ADMIN} only the
 * domains granted to it, which its authentication carries as {@code DOMAIN:<ascii name>}
 * authorities.
 */
@Component
public class DomainAccess {

  public static final String SUPERADMIN = "ROLE_SUPERADMIN";
  public static final String DOMAIN_ADMIN = "ROLE_DOMAIN_ADMIN";
  public static final String DOMAIN_PREFIX = "DOMAIN:";

  public boolean isSuperadmin() {
    return has(SUPERADMIN);
  }

  public boolean allows(String domainAscii) {
    return isSuperadmin() || has(DOMAIN_PREFIX + domainAscii);
  }

  /** Throws 403 unless the current admin may manage the domain. */
  public void require(String domainAscii) {
    if (!allows(domainAscii)) {
      throw new AccessDeniedException("you may not manage domain " + domainAscii);
    }
  }

  public void requireSuperadmin() {
    if (!isSuperadmin()) {
      throw new AccessDeniedException("only a SUPERADMIN may do this");
    }
  }

  private static boolean has(String authority) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(authority::equals);
  }
}
