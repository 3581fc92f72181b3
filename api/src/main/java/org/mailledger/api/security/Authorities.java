package org.mailledger.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authorities of an admin, in {@link DomainAccess}'s convention. */
final class Authorities {

  private Authorities() {}

  static List<GrantedAuthority> of(String role, List<String> domains) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
    domains.forEach(
        d -> authorities.add(new SimpleGrantedAuthority(DomainAccess.DOMAIN_PREFIX + d)));
    return authorities;
  }
}
