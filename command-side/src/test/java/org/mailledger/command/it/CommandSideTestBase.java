package org.mailledger.command.it;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mailledger.command.config.AuditMetadata;
import org.mailledger.command.error.RuleViolationException;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command side on a fresh real PostgreSQL or MariaDB (TestDatabases.eventStore()), with the event
 * store and claim tables made by the project's Flyway migrations.
 */
@SpringBootTest(
    classes = CommandSideTestApplication.class,
    properties = {
      "axon.axonserver.enabled=false",
      "axon.serializer.general=jackson",
      "axon.serializer.events=jackson",
      "axon.serializer.messages=jackson",
      "mailledger.bcrypt-cost=4",
      "spring.datasource.hikari.maximum-pool-size=40"
    })
abstract class CommandSideTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @Autowired CommandGateway gateway;
  @Autowired JdbcTemplate jdbc;

  static String id() {
    return UUID.randomUUID().toString();
  }

  static MetaData audit() {
    return MetaData.from(
        Map.of(AuditMetadata.ACTOR, "test-admin", AuditMetadata.SOURCE, "192.0.2.7"));
  }

  /** Sends as an admin would, and hands back the exception the handler threw, unwrapped. */
  <R> R send(Object command) {
    try {
      return gateway.sendAndWait(
          GenericCommandMessage.asCommandMessage(command).andMetaData(audit()));
    } catch (RuntimeException e) {
      throw unwrap(e);
    }
  }

  static RuntimeException unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CommandExecutionException
            || cause instanceof CompletionException
            || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
  }

  String createDomain(String name, int maxMailboxes) {
    String domainId = id();
    send(
        new CreateDomainCommand(
            domainId,
            DomainName.of(name),
            "",
            Quota.ofGigabytes(1),
            Quota.ofGigabytes(10),
            maxMailboxes,
            0));
    return domainId;
  }

  static String uniqueDomain() {
    return "d" + UUID.randomUUID().toString().substring(0, 8) + ".example";
  }

  long eventCount(String payloadTypeSuffix) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?",
        Long.class,
        "%" + payloadTypeSuffix);
  }

  static RuleViolationException violation(Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof RuleViolationException violation) {
      return violation;
    }
    throw new AssertionError("expected a rule violation, got " + cause, cause);
  }
}
