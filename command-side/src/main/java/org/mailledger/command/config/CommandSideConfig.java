package org.mailledger.command.config;

import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.mailledger.command.alias.Alias;
import org.mailledger.command.alias.AliasCommandHandler;
import org.mailledger.command.alias.AliasReferences;
import org.mailledger.command.aliasdomain.AliasDomain;
import org.mailledger.command.aliasdomain.AliasDomainCommandHandler;
import org.mailledger.command.claim.Claims;
import org.mailledger.command.claim.JdbcClaims;
import org.mailledger.command.domain.Domain;
import org.mailledger.command.domain.DomainCommandHandler;
import org.mailledger.command.mailbox.MailPaths;
import org.mailledger.command.mailbox.Mailbox;
import org.mailledger.command.mailbox.MailboxCommandHandler;
import org.mailledger.command.password.PasswordHasher;
import org.mailledger.command.password.PasswordPolicy;
import org.mailledger.command.password.PasswordScheme;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The command side's beans: claims, hashing, paths and the command handlers that use them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSideProperties.class)
public class CommandSideConfig {

  @Bean
  public EventStoreDialect eventStoreDialect(DataSource dataSource) {
    return EventStoreDialect.of(dataSource);
  }

  @Bean
  public Claims claims(JdbcTemplate jdbc, EventStoreDialect dialect) {
    return new JdbcClaims(jdbc, dialect);
  }

  @Bean
  public PasswordHasher passwordHasher(CommandSideProperties properties) {
    PasswordPolicy defaults = PasswordPolicy.defaults();
    return new PasswordHasher(
        new PasswordPolicy(
            PasswordScheme.fromDovecotName(properties.passwordScheme()),
            properties.bcryptCost(),
            defaults.argon2MemoryKib(),
            defaults.argon2Iterations(),
            defaults.argon2Parallelism(),
            defaults.sha512Rounds(),
            properties.passwordMinLength()));
  }

  @Bean
  public MailPaths mailPaths(CommandSideProperties properties) {
    return new MailPaths(properties.mailRoot());
  }

  /**
   * Declared here because any CorrelationDataProvider bean replaces Axon's default one; static,
   * because Axon's configuration asks for it while this class is still being built.
   */
  @Bean
  public static CorrelationDataProvider messageOrigin() {
    return new MessageOriginProvider();
  }

  @Bean
  public static CorrelationDataProvider auditCorrelation() {
    return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR, AuditMetadata.SOURCE);
  }

  /**
   * The gateway every command goes through, run again (up to 3 times, 20 ms apart) only when it
   * lost a lock race in the database; any other failure, a rule's included, is answered at once.
   */
  @Bean
  public CommandGateway commandGateway(CommandBus commandBus) {
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(
            IntervalRetryScheduler.builder()
                .retryExecutor(
                    Executors.newSingleThreadScheduledExecutor(
                        r -> {
                          Thread t = new Thread(r, "command-retry");
                          t.setDaemon(true);
                          return t;
                        }))
                .retryInterval(20)
                .maxRetryCount(3)
                .nonTransientFailurePredicate(failure -> !LockConflicts.isLockConflict(failure))
                .build())
        .build();
  }

  @Bean
  public AuditMetadata auditMetadata(CommandBus commandBus) {
    AuditMetadata interceptor = new AuditMetadata();
    commandBus.registerDispatchInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  public AliasReferences aliasReferences(Repository<Alias> aliasRepository, Claims claims) {
    return new AliasReferences(aliasRepository, claims);
  }

  @Bean
  public DomainCommandHandler domainCommandHandler(
      Repository<Domain> domainRepository, Claims claims) {
    return new DomainCommandHandler(domainRepository, claims);
  }

  @Bean
  public AliasDomainCommandHandler aliasDomainCommandHandler(
      Repository<AliasDomain> aliasDomainRepository, Claims claims) {
    return new AliasDomainCommandHandler(aliasDomainRepository, claims);
  }

  @Bean
  public MailboxCommandHandler mailboxCommandHandler(
      Repository<Mailbox> mailboxRepository,
      Claims claims,
      PasswordHasher passwordHasher,
      MailPaths mailPaths,
      AliasReferences aliasReferences) {
    return new MailboxCommandHandler(
        mailboxRepository, claims, passwordHasher, mailPaths, aliasReferences);
  }

  @Bean
  public AliasCommandHandler aliasCommandHandler(
      Repository<Alias> aliasRepository, Claims claims, AliasReferences aliasReferences) {
    return new AliasCommandHandler(aliasRepository, claims, aliasReferences);
  }
}
