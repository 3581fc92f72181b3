package org.mailledger.api.security;

import java.util.Locale;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic logins against the read model. Names are compared in lower case as they are stored; a
 * disabled account is found but refused by Spring Security, after the password check.
 */
public class AdminUserDetailsService implements UserDetailsService {

  private final AuthReadModel readModel;

  public AdminUserDetailsService(AuthReadModel readModel) {
    this.readModel = readModel;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AdminRecord admin =
        readModel
            .admin(username.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new UsernameNotFoundException("no such admin"));
    return User.withUsername(admin.name())
        .password(admin.passwordHash())
        .disabled(!admin.active())
        .authorities(Authorities.of(admin.role(), admin.domains()))
        .build();
  }
}
