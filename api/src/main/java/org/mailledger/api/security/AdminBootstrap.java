package org.mailledger.api.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.admin.AdminName;
import org.mailledger.schema.admin.AdminRole;
import org.mailledger.schema.admin.CreateAdminCommand;
import org.mailledger.schema.value.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start with no admin account at all, creates {@code admin} (SUPERADMIN) by a command like any
 * other, with actor {@code bootstrap} and source {@code local}, so even the first account is in the
 * audit history. Once an admin exists this does nothing, and since the last active superadmin
 * cannot be deleted, that stays so. Two nodes starting at once both try; the unique name claim lets
 * one win, and the other says so and moves on.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

  static final String NAME = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final AuthReadModel readModel;
  private final AuditedCommands commands;
  private final BootstrapProperties properties;

  public AdminBootstrap(
      AuthReadModel readModel, AuditedCommands commands, BootstrapProperties properties) {
    this.readModel = readModel;
    this.commands = commands;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (readModel.anyAdmin()) {
      return;
    }
    String configured = properties.bootstrapPassword();
    boolean generated = configured == null || configured.isEmpty();
    String password = generated ? generatePassword() : configured;
    try {
      commands.send(
          new CreateAdminCommand(
              UUID.randomUUID().toString(),
              AdminName.of(NAME),
              AdminRole.SUPERADMIN,
              Secret.of(password),
              List.of()),
          "bootstrap",
          "local");
    } catch (RuleViolationException e) {
      if ("admin-exists".equals(e.type())) {
        log.info("The first admin was created by another instance starting at the same time");
        return;
      }
      throw e;
    }
    if (generated) {
      // The one place the password is ever shown; it is stored only as a bcrypt hash.
      log.warn(
          "Created the first admin account '{}' with the generated password {} - it is shown only"
              + " this once: log in and change it (PUT /api/v1/admins/{}/password), or set"
              + " MAILLEDGER_BOOTSTRAP_PASSWORD before the first start",
          NAME,
          password,
          NAME);
    } else {
      log.info(
          "Created the first admin account '{}' with the password from"
              + " MAILLEDGER_BOOTSTRAP_PASSWORD",
          NAME);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
