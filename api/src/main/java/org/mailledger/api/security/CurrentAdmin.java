package org.mailledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The admin account behind the current request, whether it came with its password or with one of
 * its tokens; "an admin may change its own password" and "tokens for itself" are decided on this.
 */
@Component
public class CurrentAdmin {

  public String name() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ApiTokenAuthentication token) {
      return token.adminName();
    }
    return authentication.getName();
  }

  public boolean is(String adminName) {
    return name().equals(adminName);
  }
}
