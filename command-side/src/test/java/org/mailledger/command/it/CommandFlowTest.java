package org.mailledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.StoredEvents;
import org.mailledger.testsupport.TableScan;

/** Commands through the real command bus into the real event store, as the app sends them. */
class CommandFlowTest extends CommandSideTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  private List<String> eventTypesOf(String aggregateId) {
    return jdbc.queryForList(
        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index",
        String.class,
        aggregateId);
  }

  private List<String> eventTypesSince(long globalIndex) {
    return StoredEvents.after(jdbc.getDataSource(), globalIndex).stream()
        .map(StoredEvents.Row::simpleType)
        .toList();
  }

  private long head() {
    return jdbc.queryForObject(
        "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
  }

  private String mailbox(String address, String password) {
    return send(
        new CreateMailboxCommand(
            id(), EmailAddress.parse(address), new Secret(password), "", null, false));
  }

  @Test
  void everyEventCarriesActorSourceAndCorrelation() throws Exception {
    String domainId = createDomain(uniqueDomain(), 0);

    byte[] metaData =
        jdbc.queryForObject(
            "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
            byte[].class,
            domainId);
    JsonNode meta = JSON.readTree(metaData);
    assertThat(meta.path("actor").asText()).isEqualTo("test-admin");
    assertThat(meta.path("source").asText()).isEqualTo("192.0.2.7");
    assertThat(meta.path("correlationId").asText()).isNotBlank();
    assertThat(meta.path("traceId").asText()).isNotBlank();
  }

  @Test
  void eventsAreStoredAsReadableJsonWithRevision() throws Exception {
    String domain = uniqueDomain();
    String domainId = createDomain(domain, 0);

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT payload, payload_type, payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?",
            domainId);
    assertThat(row.get("payload_type"))
        .isEqualTo("org.mailledger.schema.domain.DomainCreatedEvent");
    assertThat(row.get("payload_revision")).isEqualTo("1");
    assertThat(JSON.readTree((byte[]) row.get("payload")).path("name").asText()).isEqualTo(domain);
  }

  @Test
  void commandWithoutActorIsRefusedAndStoresNothing() {
    long before = head();
    assertThatThrownBy(
            () ->
                gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(
                        new org.mailledger.schema.domain.CreateDomainCommand(
                            id(),
                            org.mailledger.schema.value.DomainName.of(uniqueDomain()),
                            "",
                            null,
                            null,
                            0,
                            0))))
        .satisfies(e -> assertThat(violation(e).type()).isEqualTo("missing-audit-metadata"));
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void plaintextPasswordsReachNoTable() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String first = "Canary-Plaintext-4711-first";
    String second = "Canary-Plaintext-4711-second";
    String mailboxId = mailbox("alice@" + domain, first);
    send(new ChangeMailboxPasswordCommand(mailboxId, new Secret(second)));

    for (String canary : List.of(first, second)) {
      assertThat(StoredEvents.all(jdbc.getDataSource())).noneMatch(e -> e.mentions(canary));
      for (String table :
          List.of("claim_domain", "claim_address", "claim_alias_reference", "token_entry")) {
        assertThat(TableScan.rowsContaining(jdbc.getDataSource(), table, canary))
            .as(table)
            .isZero();
      }
    }
    assertThat(
            jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class,
                mailboxId))
        .filteredOn(
            payload -> new String(payload, StandardCharsets.UTF_8).contains("{BLF-CRYPT}$2y$04$"))
        .hasSize(2);
  }

  @Test
  void deletedAddressCanBeCreatedAgain() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String first = mailbox("alice@" + domain, "first password");
    send(new DeleteMailboxCommand(first, false));

    String second = mailbox("alice@" + domain, "second password");

    assertThat(second).isNotEqualTo(first);
    assertThat(eventTypesOf(second))
        .containsExactly("org.mailledger.schema.mailbox.MailboxCreatedEvent");
  }

  @Test
  void deletingAReferencedMailboxIsRefusedWithTheAliases() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String mailboxId = mailbox("alice@" + domain, "alice password");
    send(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("team@" + domain),
            List.of(
                EmailAddress.parse("alice@" + domain), EmailAddress.parse("carol@elsewhere.net")),
            List.of(),
            ""));
    long before = head();

    assertThatThrownBy(() -> send(new DeleteMailboxCommand(mailboxId, false)))
        .satisfies(
            e -> {
              assertThat(violation(e).type()).isEqualTo("mailbox-referenced");
              assertThat(violation(e).subjects()).containsExactly("team@" + domain);
            });
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void cascadeDeleteRemovesAliasEntriesByEventsOfTheirOwnFirst() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String alice = "alice@" + domain;
    String mailboxId = mailbox(alice, "alice password");
    String aliasId = id();
    send(
        new CreateAliasCommand(
            aliasId,
            AliasAddress.parse("team@" + domain),
            List.of(EmailAddress.parse(alice), EmailAddress.parse("carol@elsewhere.net")),
            List.of(EmailAddress.parse(alice)),
            ""));
    long before = head();

    send(new DeleteMailboxCommand(mailboxId, true));

    assertThat(eventTypesSince(before))
        .containsExactly(
            "AliasRecipientRemovedEvent", "AliasSenderRemovedEvent", "MailboxDeletedEvent");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM claim_alias_reference WHERE alias_id = ?",
                Long.class,
                aliasId))
        .as("only the external recipient is left")
        .isEqualTo(1);
  }

  @Test
  void cascadeThatWouldEmptyAnAliasIsRefused() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String alice = "alice@" + domain;
    String mailboxId = mailbox(alice, "alice password");
    send(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("solo@" + domain),
            List.of(EmailAddress.parse(alice)),
            List.of(),
            ""));
    long before = head();

    assertThatThrownBy(() -> send(new DeleteMailboxCommand(mailboxId, true)))
        .satisfies(e -> assertThat(violation(e).type()).isEqualTo("last-recipient"));
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void renamingAMailboxTakesTheAliasesAlong() {
    String domain = uniqueDomain();
    createDomain(domain, 0);
    String mailboxId = mailbox("alice@" + domain, "alice password");
    String aliasId = id();
    send(
        new CreateAliasCommand(
            aliasId,
            AliasAddress.parse("team@" + domain),
            List.of(EmailAddress.parse("alice@" + domain)),
            List.of(),
            ""));
    long before = head();

    send(new RenameMailboxCommand(mailboxId, LocalPart.of("alice.liddell")));

    assertThat(eventTypesSince(before))
        .containsExactly(
            "MailboxRenamedEvent", "AliasRecipientAddedEvent", "AliasRecipientRemovedEvent");
    assertThat(
            jdbc.queryForObject(
                "SELECT target_address FROM claim_alias_reference WHERE alias_id = ?",
                String.class,
                aliasId))
        .isEqualTo("alice.liddell@" + domain);
    assertThat(
            jdbc.queryForObject(
                "SELECT owner_id FROM claim_address WHERE address = ?",
                String.class,
                "alice.liddell@" + domain))
        .isEqualTo(mailboxId);
  }
}
