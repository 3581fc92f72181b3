package org.mailledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeleteAliasDomainCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeactivateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.tls.RemoveTlsPolicyCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Commands through the real gateway, the audit rows read back from the event store's database. */
class AuditProjectionTest extends ProjectionTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired EventGateway events;

  // Axon makes a command's message id the correlation id of every event it causes.
  private final Map<String, String> correlations = new HashMap<>();

  /** Sends as the named admin; the command's message id is kept under the label. */
  private <R> R as(String actor, String label, Object command) {
    CommandMessage<Object> message =
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(Map.of("actor", actor, "source", "10.0.0.7"));
    correlations.put(label, message.getIdentifier());
    try {
      return gateway.sendAndWait(message);
    } catch (CommandExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Waits until every segment is claimed and at the log's head: after a reset a segment not yet
   * claimed again would otherwise not count. (A segment shows "replaying" until it sees an event
   * past the reset position, so that flag cannot tell when a replay of the whole log is done.)
   */
  private void awaitAudit() throws InterruptedException {
    long head = progress.head();
    StreamingEventProcessor processor =
        processing
            .eventProcessor(AuditProjection.GROUP, StreamingEventProcessor.class)
            .orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Map<Integer, EventTrackerStatus> status = processor.processingStatus();
      long segments =
          jdbc.queryForObject(
              "SELECT count(*) FROM token_entry WHERE processor_name = ?",
              Long.class,
              AuditProjection.GROUP);
      if (segments > 0
          && status.size() == segments
          && status.values().stream()
              .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "audit did not reach log position " + head + ": " + processor.processingStatus());
  }

  private List<Map<String, Object>> rowsOf(String entity) {
    return jdbc.queryForList(
        "SELECT * FROM audit_entry WHERE entity = ? OR entity_before = ? ORDER BY global_index",
        entity,
        entity);
  }

  private Map<String, Object> only(String entity, String type) {
    return jdbc.queryForMap(
        "SELECT * FROM audit_entry WHERE entity = ? AND event_type = ?", entity, type);
  }

  private static JsonNode change(Map<String, Object> row) throws Exception {
    return JSON.readTree((String) row.get("change_json"));
  }

  private String scenario() {
    String d = "audit-" + id().substring(0, 6) + ".example";
    String domainId = id();
    as(
        "alice",
        "c-create",
        new CreateDomainCommand(domainId, DomainName.of(d), "", null, null, 0, 0));
    as(
        "bob",
        "c-settings",
        new ChangeDomainSettingsCommand(
            domainId, "Main", Quota.ofGigabytes(1), Quota.ofGigabytes(10), 10, null));
    String john =
        as(
            "alice",
            "c-mailbox",
            new CreateMailboxCommand(
                id(),
                EmailAddress.parse("john@" + d),
                Secret.of("first password 1"),
                "John",
                Quota.ofGigabytes(1),
                false));
    as("alice", "c-password", new ChangeMailboxPasswordCommand(john, Secret.of("second pw 22")));
    as("bob", "c-quota", new ChangeMailboxQuotaCommand(john, Quota.ofGigabytes(2)));
    String team =
        as(
            "alice",
            "c-alias",
            new CreateAliasCommand(
                id(),
                AliasAddress.parse("team@" + d),
                List.of(EmailAddress.parse("john@" + d)),
                List.of(),
                "The team"));
    as(
        "alice",
        "c-recipient",
        new AddAliasRecipientCommand(team, EmailAddress.parse("ext@elsewhere.net")));
    as("carol", "c-rename", new RenameMailboxCommand(john, LocalPart.of("johnny")));
    as(
        "carol",
        "c-tls",
        new SetTlsPolicyCommand(
            DomainName.of("tls-" + d), TlsPolicyLevel.MAY, "", "opportunistic"));
    as(
        "carol",
        "c-tls2",
        new SetTlsPolicyCommand(
            DomainName.of("tls-" + d), TlsPolicyLevel.DANE_ONLY, "", "opportunistic"));
    as("carol", "c-tls3", new RemoveTlsPolicyCommand(DomainName.of("tls-" + d)));
    as("bob", "c-deactivate", new DeactivateDomainCommand(domainId));
    return d;
  }

  @Test
  void recordsEveryEventWithWhoWhenAndWhat() throws Exception {
    String d = scenario();
    awaitAudit();

    assertThat(jdbc.queryForList("SELECT global_index FROM audit_entry ORDER BY 1", Long.class))
        .isEqualTo(
            jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry ORDER BY 1", Long.class));

    Map<String, Object> created = only(d, "DomainCreated");
    assertThat(created)
        .containsEntry("actor", "alice")
        .containsEntry("source", "10.0.0.7")
        .containsEntry("correlation_id", correlations.get("c-create"))
        .containsEntry("entity_kind", "domain")
        .containsEntry("entity_domain", d)
        .containsEntry("payload_type", "org.mailledger.schema.domain.DomainCreatedEvent");
    Map<String, Object> logged =
        jdbc.queryForMap(
            "SELECT aggregate_identifier, time_stamp FROM domain_event_entry WHERE global_index = ?",
            created.get("global_index"));
    assertThat(created.get("aggregate_id")).isEqualTo(logged.get("aggregate_identifier"));
    assertThat(
            jdbc.queryForObject(
                    "SELECT occurred_at FROM audit_entry WHERE global_index = ?",
                    Timestamp.class,
                    created.get("global_index"))
                .toInstant())
        .isEqualTo(Instant.parse((String) logged.get("time_stamp")));
    assertThat(change(created).get("active").asBoolean()).isTrue();

    JsonNode settings = change(only(d, "DomainSettingsChanged"));
    assertThat(settings.toString())
        .isEqualTo(
            "{\"description\":{\"before\":\"\",\"after\":\"Main\"},"
                + "\"defaultQuotaBytes\":{\"before\":0,\"after\":1073741824},"
                + "\"maxQuotaBytes\":{\"before\":0,\"after\":10737418240},"
                + "\"maxMailboxes\":{\"before\":0,\"after\":10}}");
    assertThat(only(d, "DomainSettingsChanged")).containsEntry("actor", "bob");
    assertThat(change(only(d, "DomainDeactivated")).toString())
        .isEqualTo("{\"active\":{\"before\":true,\"after\":false}}");

    String johnny = "johnny@" + d;
    List<Map<String, Object>> mailbox = rowsOf("john@" + d);
    assertThat(mailbox)
        .extracting(row -> row.get("event_type"))
        .containsExactly(
            "MailboxCreated", "MailboxPasswordChanged", "MailboxQuotaChanged", "MailboxRenamed");
    assertThat(change(only("john@" + d, "MailboxPasswordChanged")).toString())
        .isEqualTo("{\"password\":\"changed\"}");
    assertThat(change(only("john@" + d, "MailboxCreated")).get("password").asText())
        .isEqualTo("set");
    assertThat(change(only("john@" + d, "MailboxQuotaChanged")).toString())
        .isEqualTo("{\"quotaBytes\":{\"before\":1073741824,\"after\":2147483648}}");
    Map<String, Object> renamed = only(johnny, "MailboxRenamed");
    assertThat(renamed)
        .containsEntry("entity_before", "john@" + d)
        .containsEntry("correlation_id", correlations.get("c-rename"));
    assertThat(change(renamed).get("address").toString())
        .isEqualTo("{\"before\":\"john@" + d + "\",\"after\":\"" + johnny + "\"}");

    // The rename moved the alias's recipient by events of the alias, in the rename's correlation.
    assertThat(rowsOf("team@" + d))
        .extracting(row -> row.get("event_type") + " " + row.get("correlation_id"))
        .containsExactly(
            "AliasCreated " + correlations.get("c-alias"),
            "AliasRecipientAdded " + correlations.get("c-recipient"),
            "AliasRecipientAdded " + correlations.get("c-rename"),
            "AliasRecipientRemoved " + correlations.get("c-rename"));

    String tls = "tls-" + d;
    List<Map<String, Object>> policy = rowsOf(tls);
    assertThat(policy).extracting(row -> row.get("entity_kind")).containsOnly("tls-policy");
    assertThat(policy).extracting(row -> row.get("entity_domain")).containsOnlyNulls();
    assertThat(change(policy.get(0)).toString())
        .isEqualTo("{\"policy\":\"may\",\"params\":\"\",\"description\":\"opportunistic\"}");
    assertThat(change(policy.get(1)).toString())
        .isEqualTo("{\"policy\":{\"before\":\"may\",\"after\":\"dane-only\"}}");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM audit_state WHERE aggregate_id = ?", Long.class, tls))
        .isZero();

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Long.class,
                AuditProjection.GROUP))
        .isPositive();
  }

  @Test
  void aliasDomainEventsNameTheAliasDomainAndLieInTheTarget() throws Exception {
    String d = "target-" + id().substring(0, 6) + ".example";
    String b = "alias-" + d;
    as("alice", "t-create", new CreateDomainCommand(id(), DomainName.of(d), "", null, null, 0, 0));
    String aliasDomainId =
        as(
            "alice",
            "b-create",
            new CreateAliasDomainCommand(id(), DomainName.of(b), DomainName.of(d)));
    as("bob", "b-off", new DeactivateAliasDomainCommand(aliasDomainId));
    as("bob", "b-delete", new DeleteAliasDomainCommand(aliasDomainId));
    awaitAudit();

    assertThat(rowsOf(b))
        .extracting(r -> r.get("event_type"))
        .containsExactly("AliasDomainCreated", "AliasDomainDeactivated", "AliasDomainDeleted");
    assertThat(rowsOf(b))
        .allSatisfy(
            r ->
                assertThat(r)
                    .containsEntry("entity_kind", "alias-domain")
                    .containsEntry("entity_domain", d)
                    .containsEntry("aggregate_id", aliasDomainId));
    assertThat(only(b, "AliasDomainCreated")).containsEntry("actor", "alice");
    assertThat(change(only(b, "AliasDomainCreated")).get("targetDomain").asText()).isEqualTo(d);
  }

  @Test
  void noPasswordHashReachesTheHistory() throws Exception {
    scenario();
    awaitAudit();
    List<String> hashes = new ArrayList<>();
    for (byte[] payload :
        jdbc.queryForList(
            "SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%Mailbox%'",
            byte[].class)) {
      JsonNode event = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
      if (event.has("passwordHash")) {
        hashes.add(event.get("passwordHash").asText());
      }
    }
    assertThat(hashes).hasSizeGreaterThanOrEqualTo(2);
    List<String> everything = new ArrayList<>();
    jdbc.queryForList("SELECT * FROM audit_entry").forEach(row -> everything.add(row.toString()));
    jdbc.queryForList("SELECT * FROM audit_state").forEach(row -> everything.add(row.toString()));
    for (String row : everything) {
      for (String hash : hashes) {
        assertThat(row).doesNotContain(hash).doesNotContain(hash.substring(0, 16));
      }
      assertThat(row).doesNotContain("BLF-CRYPT").doesNotContain("$2");
    }
  }

  @Test
  void eventsOfKindsNotKnownYetAreRecordedWithoutTheirSecrets() throws Exception {
    events.publish(
        GenericEventMessage.asEventMessage(
                new AccountCreatedTestEvent(
                    "acc-1", "root", "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$abc$def"))
            .andMetaData(Map.of("actor", "bootstrap", "source", "startup")));
    awaitAudit();
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT * FROM audit_entry WHERE event_type = 'AccountCreatedTest' ORDER BY global_index DESC LIMIT 1");
    assertThat(row)
        .containsEntry("entity_kind", "other")
        .containsEntry("actor", "bootstrap")
        .containsEntry("payload_type", AccountCreatedTestEvent.class.getName());
    assertThat(row.get("entity")).isNull();
    assertThat(row.get("entity_domain")).isNull();
    assertThat(row.get("aggregate_id")).isNull();
    assertThat(change(row).toString())
        .isEqualTo("{\"accountId\":\"acc-1\",\"login\":\"root\",\"password\":\"set\"}");
  }

  @Test
  void replayRewritesTheSameRowsAndTouchesNoOtherTable() throws Exception {
    scenario();
    awaitAudit();
    awaitProjection();
    List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM audit_entry ORDER BY 1");
    List<Map<String, Object>> stateBefore =
        jdbc.queryForList("SELECT * FROM audit_state ORDER BY 1");
    Map<String, List<Map<String, Object>>> layout = snapshot();

    StreamingEventProcessor processor =
        processing
            .eventProcessor(AuditProjection.GROUP, StreamingEventProcessor.class)
            .orElseThrow();
    processor.shutDown();
    processor.resetTokens();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isZero();
    processor.start();
    awaitAudit();

    assertThat(jdbc.queryForList("SELECT * FROM audit_entry ORDER BY 1")).isEqualTo(before);
    assertThat(jdbc.queryForList("SELECT * FROM audit_state ORDER BY 1")).isEqualTo(stateBefore);
    assertThat(snapshot()).isEqualTo(layout);
  }
}
