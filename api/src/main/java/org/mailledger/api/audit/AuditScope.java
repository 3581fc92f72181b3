package org.mailledger.api.audit;

import java.util.List;
import org.mailledger.api.security.DomainAccess;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which part of the history the current admin sees: a SUPERADMIN all of it, a DOMAIN_ADMIN the
 * entries whose entity lies in a domain granted to it. The grants go into the SQL (so pages are
 * full and counted right) and every returned entry is checked again with {@link
 * DomainAccess#allows}, so the query can never show more than DomainAccess would allow. Entries
 * without a domain (TLS policies, which are server-wide, and events about no address or domain) are
 * for SUPERADMINs only.
 */
@Component
public class AuditScope {

  private final DomainAccess access;

  public AuditScope(DomainAccess access) {
    this.access = access;
  }

  /** The domains the caller may see; null when it may see everything. */
  public List<String> visibleDomains() {
    if (access.isSuperadmin()) {
      return null;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return List.of();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(DomainAccess.DOMAIN_PREFIX))
        .map(authority -> authority.substring(DomainAccess.DOMAIN_PREFIX.length()))
        .filter(access::allows)
        .distinct()
        .sorted()
        .toList();
  }

  public boolean canSee(AuditItem item) {
    return access.isSuperadmin() || (item.domain() != null && access.allows(item.domain()));
  }

  /** Whether the address or domain lies in a domain the caller may see. */
  public boolean entityInGrants(String entity) {
    return access.isSuperadmin() || access.allows(entity.substring(entity.lastIndexOf('@') + 1));
  }

  /** Throws 403 unless the caller may see the history of this address or domain. */
  public void requireEntity(String entity) {
    if (!access.isSuperadmin()) {
      access.require(entity.substring(entity.lastIndexOf('@') + 1));
    }
  }
}
