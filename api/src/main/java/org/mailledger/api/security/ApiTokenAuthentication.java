package org.mailledger.api.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by an API token. It carries its admin's rights, and its name, the actor
 * written into event metadata, is {@code <admin>/token:<tokenId>}, so the audit history tells a
 * script's changes from the person's.
 */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final String adminName;
  private final String tokenId;

  public ApiTokenAuthentication(
      String adminName, String tokenId, Collection<? extends GrantedAuthority> authorities) {
    super(authorities);
    this.adminName = adminName;
    this.tokenId = tokenId;
    setAuthenticated(true);
  }

  public String adminName() {
    return adminName;
  }

  public String tokenId() {
    return tokenId;
  }

  @Override
  public String getName() {
    return adminName + "/token:" + tokenId;
  }

  @Override
  public Object getPrincipal() {
    return getName();
  }

  /** The secret is not kept past the lookup. */
  @Override
  public Object getCredentials() {
    return null;
  }
}
