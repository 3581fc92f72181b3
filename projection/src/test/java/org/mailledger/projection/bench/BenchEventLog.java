package org.mailledger.projection.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.mailledger.schema.alias.AliasCreatedEvent;
import org.mailledger.schema.alias.AliasDeletedEvent;
import org.mailledger.schema.alias.AliasDescriptionChangedEvent;
import org.mailledger.schema.alias.AliasRecipientAddedEvent;
import org.mailledger.schema.alias.AliasRecipientRemovedEvent;
import org.mailledger.schema.alias.AliasSenderAddedEvent;
import org.mailledger.schema.domain.DomainCreatedEvent;
import org.mailledger.schema.mailbox.MailboxActivatedEvent;
import org.mailledger.schema.mailbox.MailboxCreatedEvent;
import org.mailledger.schema.mailbox.MailboxDeactivatedEvent;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.mailbox.MailboxNameChangedEvent;
import org.mailledger.schema.mailbox.MailboxPasswordChangedEvent;
import org.mailledger.schema.mailbox.MailboxQuotaChangedEvent;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.Quota;

/**
 * A seeded, plausible log of domains, mailboxes and aliases, appended straight into the event store
 * through Axon's storage engine (serializer included), in big batches. One event in ten creates a
 * mailbox and one in twenty an alias (so 1,000,000 events give 100,000 mailboxes and 50,000
 * aliases); the rest change them, and some delete them. The replay only reads the log, so going
 * around the command side (aggregate loading, claims, hashing) costs the benchmark nothing in
 * realism and saves most of the fill time. Events carry the aggregate type, identifier and sequence
 * number the command side would give them, and the audit metadata it adds, so they deserialize and
 * sequence exactly like real ones.
 */
final class BenchEventLog {

  /** Pre-hashed, as the brief asks: the log holds hashes, so bcrypt never runs here. */
  static final String HASH =
      "{BLF-CRYPT}$2y$04$abcdefghijklmnopqrstuu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";

  private static final String OTHER_HASH =
      "{BLF-CRYPT}$2y$04$bcdefghijklmnopqrstuvu5Yy3xQ8DtrW0eHbsyL.LVpr/DWw6X2q";

  /** What was appended, and how fast the event store took it. */
  record Fill(long events, double seconds, Map<String, Long> byType) {
    double eventsPerSecond() {
      return events / seconds;
    }
  }

  private static final class Mailbox {
    final String id;
    final int domain;
    final String address;
    long sequence;

    Mailbox(String id, int domain, String address) {
      this.id = id;
      this.domain = domain;
      this.address = address;
    }
  }

  private static final class Alias {
    final String id;
    final int domain;
    final String address;
    final List<String> extraRecipients = new ArrayList<>();
    long sequence;
    boolean deleted;

    Alias(String id, int domain, String address) {
      this.id = id;
      this.domain = domain;
      this.address = address;
    }
  }

  private final EventStorageEngine eventStore;
  private final int domainCount;
  private final int batchSize;
  private final Random random = new Random(20261121L);
  private final List<String> domainIds = new ArrayList<>();
  private final List<String> domainNames = new ArrayList<>();
  private final List<List<Mailbox>> mailboxesByDomain = new ArrayList<>();
  private final List<Mailbox> mailboxes = new ArrayList<>();
  private final List<Alias> aliases = new ArrayList<>();
  private final List<Alias> aliasesWithoutSender = new ArrayList<>();
  private final Map<String, Long> byType = new TreeMap<>();
  private final List<DomainEventMessage<?>> batch = new ArrayList<>();
  private long published;

  BenchEventLog(EventStorageEngine eventStore, int domainCount, int batchSize) {
    this.eventStore = eventStore;
    this.domainCount = domainCount;
    this.batchSize = batchSize;
  }

  /**
   * Appends {@code total} events: the domains first, a few TLS policies, then about half mailbox
   * creations, a fifth alias creations (two recipients each, one a mailbox of the domain), a tenth
   * senders added, and the rest changes to existing mailboxes and aliases.
   */
  Fill fill(long total) {
    String run = UUID.randomUUID().toString().substring(0, 6);
    long start = System.nanoTime();
    for (int d = 0; d < domainCount && published + batch.size() < total; d++) {
      String id = UUID.randomUUID().toString();
      String name = "d" + d + "-" + run + ".bench.example";
      domainIds.add(id);
      domainNames.add(name);
      mailboxesByDomain.add(new ArrayList<>());
      append(
          "Domain",
          id,
          0,
          new DomainCreatedEvent(
              id,
              name,
              "Bench domain " + d,
              Quota.ofGigabytes(1).bytes(),
              Quota.ofGigabytes(10).bytes(),
              0,
              0));
    }
    for (int t = 0; t < total / 1000 && published + batch.size() < total; t++) {
      String destination = "tls" + t + "-" + run + ".partner.example";
      append(
          "TlsPolicy",
          destination,
          0,
          new TlsPolicySetEvent(destination, "secure", "match=.partner.example", ""));
    }
    for (long i = published + batch.size(); published + batch.size() < total; i++) {
      if (i % 10 == 0) {
        createMailbox();
      } else if (i % 20 == 5) {
        createAlias();
      } else {
        next();
      }
    }
    flush();
    return new Fill(published, (System.nanoTime() - start) / 1e9, byType);
  }

  /** A change or a delete of an existing mailbox or alias. */
  private void next() {
    int dice = random.nextInt(100);
    if (mailboxes.isEmpty()) {
      createMailbox();
    } else if (aliases.isEmpty()) {
      changeQuota();
    } else if (dice < 10 && !aliasesWithoutSender.isEmpty()) {
      addSender();
    } else if (dice < 30) {
      Mailbox m = anyMailbox();
      append(
          "Mailbox",
          m.id,
          ++m.sequence,
          new MailboxQuotaChangedEvent(
              m.id, m.address, Quota.ofGigabytes(1 + random.nextInt(8)).bytes()));
    } else if (dice < 45) {
      Mailbox m = anyMailbox();
      append(
          "Mailbox",
          m.id,
          ++m.sequence,
          new MailboxPasswordChangedEvent(m.id, m.address, OTHER_HASH));
    } else if (dice < 55) {
      Mailbox m = anyMailbox();
      append(
          "Mailbox",
          m.id,
          ++m.sequence,
          new MailboxNameChangedEvent(m.id, m.address, "Renamed " + random.nextInt(1000)));
    } else if (dice < 60) {
      Mailbox m = anyMailbox();
      append(
          "Mailbox",
          m.id,
          ++m.sequence,
          random.nextBoolean()
              ? new MailboxDeactivatedEvent(m.id, m.address)
              : new MailboxActivatedEvent(m.id, m.address));
    } else if (dice < 72) {
      Alias a = anyAlias();
      append(
          "Alias",
          a.id,
          ++a.sequence,
          new AliasDescriptionChangedEvent(a.id, a.address, "changed " + random.nextInt(100)));
    } else if (dice < 84) {
      Alias a = anyAlias();
      String recipient = "r" + published + batch.size() + "@elsewhere.net";
      a.extraRecipients.add(recipient);
      append("Alias", a.id, ++a.sequence, new AliasRecipientAddedEvent(a.id, a.address, recipient));
    } else if (dice < 92) {
      Alias a = anyAlias();
      if (a.extraRecipients.isEmpty()) {
        append(
            "Alias",
            a.id,
            ++a.sequence,
            new AliasDescriptionChangedEvent(a.id, a.address, "kept " + random.nextInt(100)));
      } else {
        String recipient = a.extraRecipients.remove(a.extraRecipients.size() - 1);
        append(
            "Alias",
            a.id,
            ++a.sequence,
            new AliasRecipientRemovedEvent(a.id, a.address, recipient));
      }
    } else if (dice < 96 && mailboxes.size() > 100) {
      Mailbox m = swapRemove(mailboxes, random.nextInt(mailboxes.size()));
      mailboxesByDomain.get(m.domain).remove(m);
      append(
          "Mailbox",
          m.id,
          ++m.sequence,
          new MailboxDeletedEvent(m.id, domainIds.get(m.domain), m.address));
    } else if (aliases.size() > 100) {
      Alias a = swapRemove(aliases, random.nextInt(aliases.size()));
      a.deleted = true;
      append(
          "Alias",
          a.id,
          ++a.sequence,
          new AliasDeletedEvent(a.id, domainIds.get(a.domain), a.address));
    } else {
      changeQuota();
    }
  }

  private void changeQuota() {
    Mailbox m = anyMailbox();
    append(
        "Mailbox",
        m.id,
        ++m.sequence,
        new MailboxQuotaChangedEvent(
            m.id, m.address, Quota.ofGigabytes(1 + random.nextInt(8)).bytes()));
  }

  private static <T> T swapRemove(List<T> list, int i) {
    T removed = list.get(i);
    list.set(i, list.get(list.size() - 1));
    list.remove(list.size() - 1);
    return removed;
  }

  private Mailbox anyMailbox() {
    return mailboxes.get(random.nextInt(mailboxes.size()));
  }

  private Alias anyAlias() {
    return aliases.get(random.nextInt(aliases.size()));
  }

  private void createMailbox() {
    int d = random.nextInt(domainIds.size());
    String id = UUID.randomUUID().toString();
    Mailbox m = new Mailbox(id, d, "u" + (published + batch.size()) + "@" + domainNames.get(d));
    mailboxes.add(m);
    mailboxesByDomain.get(d).add(m);
    String home = "/var/vmail/" + id;
    append(
        "Mailbox",
        id,
        0,
        new MailboxCreatedEvent(
            id,
            domainIds.get(d),
            m.address,
            HASH,
            "User " + mailboxes.size(),
            random.nextInt(4) == 0 ? 0 : Quota.ofGigabytes(2).bytes(),
            random.nextInt(20) == 0,
            home,
            home + "/Maildir"));
  }

  private void createAlias() {
    int d = random.nextInt(domainIds.size());
    List<Mailbox> local = mailboxesByDomain.get(d);
    String id = UUID.randomUUID().toString();
    Alias a = new Alias(id, d, "a" + (published + batch.size()) + "@" + domainNames.get(d));
    aliases.add(a);
    aliasesWithoutSender.add(a);
    String external = "ext" + (published + batch.size()) + "@elsewhere.net";
    List<String> recipients =
        local.isEmpty()
            ? List.of(external, "x" + external)
            : List.of(local.get(random.nextInt(local.size())).address, external);
    append(
        "Alias",
        id,
        0,
        new AliasCreatedEvent(id, domainIds.get(d), a.address, recipients, "Bench alias"));
  }

  private void addSender() {
    Alias a = aliasesWithoutSender.remove(aliasesWithoutSender.size() - 1);
    List<Mailbox> local = mailboxesByDomain.get(a.domain);
    if (a.deleted || local.isEmpty()) {
      changeQuota();
      return;
    }
    Mailbox m = local.get(random.nextInt(local.size()));
    append(
        "Alias", a.id, ++a.sequence, new AliasSenderAddedEvent(a.id, a.address, m.id, m.address));
  }

  private void append(String type, String aggregateId, long sequence, Object payload) {
    // The metadata the command side adds to every event (audit and message origin).
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
    batch.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData));
    byType.merge(payload.getClass().getSimpleName(), 1L, Long::sum);
    if (batch.size() >= batchSize) {
      flush();
    }
  }

  /** One JDBC batch in one transaction, serialized by the storage engine's own serializer. */
  private void flush() {
    if (!batch.isEmpty()) {
      eventStore.appendEvents(new ArrayList<>(batch));
      published += batch.size();
      batch.clear();
    }
  }
}
