package org.mailledger.command.admin;

import org.axonframework.modelling.command.Repository;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.config.CommandSideProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans of admin accounts and API tokens. */
@Configuration(proxyBeanMethods = false)
public class AdminConfig {

  @Bean
  public AdminClaims adminClaims(JdbcTemplate jdbc) {
    return new JdbcAdminClaims(jdbc);
  }

  /** The bcrypt cost of mailbox passwords serves admins too: one knob for "how slow a hash". */
  @Bean
  public AdminPasswords adminPasswords(CommandSideProperties properties) {
    return new AdminPasswords(properties.bcryptCost());
  }

  @Bean
  public ApiTokenSecrets apiTokenSecrets() {
    return new ApiTokenSecrets();
  }

  @Bean
  public AdminCommandHandler adminCommandHandler(
      Repository<AdminAccount> adminAccountRepository,
      AdminClaims adminClaims,
      Claims claims,
      AdminPasswords adminPasswords) {
    return new AdminCommandHandler(adminAccountRepository, adminClaims, claims, adminPasswords);
  }

  @Bean
  public ApiTokenCommandHandler apiTokenCommandHandler(
      Repository<ApiToken> apiTokenRepository,
      AdminClaims adminClaims,
      ApiTokenSecrets apiTokenSecrets) {
    return new ApiTokenCommandHandler(apiTokenRepository, adminClaims, apiTokenSecrets);
  }
}
