package org.mailledger.api.web;

import java.util.List;
import org.mailledger.api.security.DomainAccess;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The domains granted to the current domain admin, for filtering listings. */
public final class Grants {

  private Grants() {}

  public static List<String> domains() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return List.of();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(DomainAccess.DOMAIN_PREFIX))
        .map(a -> a.substring(DomainAccess.DOMAIN_PREFIX.length()))
        .sorted()
        .toList();
  }
}
