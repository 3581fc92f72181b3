package org.mailledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.mailledger.command.support.CatchingUpRepository;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.MailboxDeletedEvent;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.tls.TlsPolicySetEvent;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates stay loaded between commands ({@link CatchingUpRepository}), and another instance
 * writing to the same event store behind this one's back is seen before the next decision: its
 * events are appended here straight through the storage engine, as that instance's would be.
 */
class CachedAggregatesTest extends CommandSideTestBase {

  @Autowired EventStorageEngine storage;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aPolicySetByAnotherInstanceDecidesTheNextCommandHere() {
    DomainName destination = DomainName.of(uniqueDomain());
    send(new SetTlsPolicyCommand(destination, TlsPolicyLevel.of("may"), "", null));
    // Loaded and cached here now; a no-op keeps it so without an event.
    send(new SetTlsPolicyCommand(destination, TlsPolicyLevel.of("may"), "", null));
    assertThat(policies(destination)).containsExactly("may");

    appendElsewhere(
        "TlsPolicy",
        destination.ascii(),
        1,
        new TlsPolicySetEvent(destination.ascii(), "encrypt", "", ""));

    // Caught up: "encrypt" is already the policy, so nothing to record (a stale copy would have
    // appended at sequence 1 and collided with the other instance's event).
    send(new SetTlsPolicyCommand(destination, TlsPolicyLevel.of("encrypt"), "", null));
    assertThat(policies(destination)).containsExactly("may", "encrypt");

    send(new SetTlsPolicyCommand(destination, TlsPolicyLevel.of("may"), "", null));
    assertThat(policies(destination)).containsExactly("may", "encrypt", "may");
    assertThat(sequenceNumbers(destination.ascii())).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aMailboxDeletedByAnotherInstanceTakesNoMoreCommandsHere() {
    String domain = uniqueDomain();
    String domainId = createDomain(domain, 0);
    String mailboxId = id();
    String address = "cached@" + domain;
    send(
        new CreateMailboxCommand(
            mailboxId,
            EmailAddress.parse(address),
            new Secret("a long password 1"),
            "",
            null,
            false));
    send(new ChangeMailboxQuotaCommand(mailboxId, Quota.ofGigabytes(2)));
    long before = sequenceNumbers(mailboxId).size();

    appendElsewhere(
        "Mailbox", mailboxId, before, new MailboxDeletedEvent(mailboxId, domainId, address));

    assertThatThrownBy(() -> send(new ChangeMailboxQuotaCommand(mailboxId, Quota.ofGigabytes(3))))
        .isInstanceOf(AggregateDeletedException.class);
    assertThat(sequenceNumbers(mailboxId)).hasSize((int) before + 1);
  }

  @Test
  void anAppendThatLostTheRaceIsAConcurrencyConflictNotAStoreFailure() {
    DomainName destination = DomainName.of(uniqueDomain());
    send(new SetTlsPolicyCommand(destination, TlsPolicyLevel.of("may"), "", null));
    TlsPolicySetEvent event = new TlsPolicySetEvent(destination.ascii(), "encrypt", "", "");
    appendElsewhere("TlsPolicy", destination.ascii(), 1, event);

    // What a writer that read sequence 0 a moment before would do; the gateway runs the command
    // again on a ConcurrencyException (LockConflicts), and then reads the winner's event first.
    assertThatThrownBy(() -> appendElsewhere("TlsPolicy", destination.ascii(), 1, event))
        .isInstanceOf(ConcurrencyException.class);
    assertThatThrownBy(() -> appendElsewhere("TlsPolicy", destination.ascii(), 0, event))
        .isInstanceOf(AggregateStreamCreationException.class);
  }

  private void appendElsewhere(String type, String aggregateId, long sequence, Object event) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                storage.appendEvents(
                    new GenericDomainEventMessage<>(type, aggregateId, sequence, event)));
  }

  private List<String> policies(DomainName destination) {
    return jdbc
        .queryForList(
            "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number",
            byte[].class,
            destination.ascii())
        .stream()
        .map(p -> new String(p, java.nio.charset.StandardCharsets.UTF_8))
        .map(json -> json.replaceAll(".*\"policy\":\"([^\"]*)\".*", "$1"))
        .toList();
  }

  private List<Long> sequenceNumbers(String aggregateId) {
    return jdbc.queryForList(
        "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " ORDER BY sequence_number",
        Long.class,
        aggregateId);
  }
}
