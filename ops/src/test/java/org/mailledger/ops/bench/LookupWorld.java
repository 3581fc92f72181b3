package org.mailledger.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.mailledger.ops.e2e.CommandsTestApplication;
import org.mailledger.projection.progress.LayoutProgress;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.value.Quota;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lookup benchmark's world, projected by the real {@code layout-mum} processor: {@code domains}
 * domains {@code dN.lookup.example}, mailboxes {@code uN@d(N mod domains)...}, aliases {@code
 * aN@d(N mod domains)...} with a mailbox and an outside recipient, and every fifth alias with a
 * sender. Events go straight into the event store (the log is what the projection reads; the
 * command side would only add hashing and claims to the fill time).
 */
final class LookupWorld {

  static final String HASH =
      "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";

  final int domains;
  final int mailboxes;
  final int aliases;

  LookupWorld(int domains, int mailboxes, int aliases) {
    this.domains = domains;
    this.mailboxes = mailboxes;
    this.aliases = aliases;
  }

  static String domain(int d) {
    return "d" + d + ".lookup.example";
  }

  String mailbox(int n) {
    return "u" + n + "@" + domain(n % domains);
  }

  String alias(int n) {
    return "a" + n + "@" + domain(n % domains);
  }

  /** Appends the world to the event store of {@code log} and projects it into {@code lookup}. */
  void build(TestDatabase log, TestDatabase lookup) throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(CommandsTestApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                Map.ofEntries(
                    Map.entry("spring.datasource.url", log.jdbcUrl()),
                    Map.entry("spring.datasource.username", log.username()),
                    Map.entry("spring.datasource.password", nullToEmpty(log.password())),
                    Map.entry("mailledger.lookup.datasource.url", lookup.jdbcUrl()),
                    Map.entry("mailledger.lookup.datasource.username", lookup.username()),
                    Map.entry(
                        "mailledger.lookup.datasource.password", nullToEmpty(lookup.password())),
                    Map.entry("spring.flyway.locations", "classpath:db/eventstore/postgresql"),
                    Map.entry("axon.axonserver.enabled", "false"),
                    Map.entry("axon.serializer.general", "jackson"),
                    Map.entry("axon.serializer.events", "jackson"),
                    Map.entry("axon.serializer.messages", "jackson"),
                    Map.entry("logging.level.root", "WARN")))
            .run()) {
      EventStore store = app.getBean(EventStore.class);
      List<DomainEventMessage<?>> batch = new ArrayList<>();
      String[] domainIds = new String[domains];
      String[] mailboxIds = new String[mailboxes];
      for (int d = 0; d < domains; d++) {
        domainIds[d] = UUID.randomUUID().toString();
        add(
            store,
            batch,
            "Domain",
            domainIds[d],
            0,
            new DomainCreatedEvent(
                domainIds[d],
                domain(d),
                "",
                Quota.ofGigabytes(1).bytes(),
                Quota.ofGigabytes(10).bytes(),
                0,
                0));
      }
      for (int n = 0; n < mailboxes; n++) {
        mailboxIds[n] = UUID.randomUUID().toString();
        String home = "/var/vmail/" + mailboxIds[n];
        add(
            store,
            batch,
            "Mailbox",
            mailboxIds[n],
            0,
            new MailboxCreatedEvent(
                mailboxIds[n],
                domainIds[n % domains],
                mailbox(n),
                HASH,
                "User " + n,
                n % 4 == 0 ? 0 : Quota.ofGigabytes(2).bytes(),
                false,
                home,
                home + "/Maildir"));
      }
      for (int n = 0; n < aliases; n++) {
        String id = UUID.randomUUID().toString();
        int d = n % domains;
        // A mailbox of the same domain: u(n) is in domain n mod domains.
        int owner = n % mailboxes;
        add(
            store,
            batch,
            "Alias",
            id,
            0,
            new AliasCreatedEvent(
                id,
                domainIds[d],
                alias(n),
                List.of(mailbox(owner), "out" + n + "@elsewhere.example"),
                ""));
        if (n % 5 == 0) {
          add(
              store,
              batch,
              "Alias",
              id,
              1,
              new AliasSenderAddedEvent(id, alias(n), mailboxIds[owner], mailbox(owner)));
        }
      }
      flush(store, batch);
      LayoutProgress progress = app.getBean(LayoutProgress.class);
      if (!progress.awaitPosition("layout-mum", progress.head(), Duration.ofMinutes(15))) {
        throw new IllegalStateException("layout-mum did not reach the head in 15 minutes");
      }
    }
  }

  private static void add(
      EventStore store,
      List<DomainEventMessage<?>> batch,
      String type,
      String id,
      long sequence,
      Object payload) {
    MetaData metaData =
        MetaData.from(
            Map.of(
                "actor",
                "bench",
                "source",
                "127.0.0.1",
                "traceId",
                UUID.randomUUID().toString(),
                "correlationId",
                UUID.randomUUID().toString()));
    batch.add(new GenericDomainEventMessage<>(type, id, sequence, payload, metaData));
    if (batch.size() >= 1000) {
      flush(store, batch);
    }
  }

  private static void flush(EventStore store, List<DomainEventMessage<?>> batch) {
    if (!batch.isEmpty()) {
      store.publish(new ArrayList<>(batch));
      batch.clear();
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
