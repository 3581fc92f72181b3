package org.mailledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mailledger.schema.alias.AddAliasRecipientCommand;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.alias.DeleteAliasCommand;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.domain.DeleteDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxQuotaCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.DeleteMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/** The read endpoints with ?asOf answer the state folded from the log up to that instant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithMockUser(authorities = "ROLE_SUPERADMIN")
class PointInTimeApiTest extends AuditApiTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  @Autowired JdbcTemplate jdbc;

  private Instant beforeAll;
  private Instant created;
  private Instant changed;
  private Instant aliasCreated;
  private Instant renamed;
  private Instant quotaRaised;
  private Instant recipientAdded;
  private Instant gone;
  private Instant recreated;

  @BeforeAll
  void history() throws Exception {
    beforeAll = mark();
    String domainId = id();
    as(
        "alice",
        new CreateDomainCommand(
            domainId,
            DomainName.of("p.example"),
            "First",
            Quota.ofGigabytes(1),
            Quota.ofGigabytes(5),
            5,
            0));
    created = mark();
    as("bob", new ChangeDomainSettingsCommand(domainId, "Second", null, null, 7, 3));
    changed = mark();
    String joe =
        as(
            "alice",
            new CreateMailboxCommand(
                id(),
                EmailAddress.parse("joe@p.example"),
                Secret.of("joe's password 1"),
                "Joe",
                null,
                false));
    String team =
        as(
            "alice",
            new CreateAliasCommand(
                id(),
                AliasAddress.parse("team@p.example"),
                List.of(EmailAddress.parse("joe@p.example")),
                List.of(EmailAddress.parse("joe@p.example")),
                "The team"));
    aliasCreated = mark();
    as("bob", new RenameMailboxCommand(joe, LocalPart.of("jo")));
    renamed = mark();
    as("bob", new ChangeMailboxQuotaCommand(joe, Quota.ofGigabytes(2)));
    quotaRaised = mark();
    as("bob", new AddAliasRecipientCommand(team, EmailAddress.parse("ext@elsewhere.net")));
    recipientAdded = mark();
    as("bob", new DeleteAliasCommand(team, false));
    as("bob", new DeleteMailboxCommand(joe, false));
    as("bob", new DeleteDomainCommand(domainId));
    gone = mark();
    as(
        "carol",
        new CreateDomainCommand(id(), DomainName.of("p.example"), "Again", null, null, 0, 0));
    recreated = mark();
    awaitAudit();
  }

  private ResultActions get(String uri, Instant asOf) throws Exception {
    return http.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)
            .param("asOf", asOf.toString()));
  }

  private void notFound(String uri, Instant asOf, String type) throws Exception {
    get(uri, asOf)
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:" + type));
  }

  @Test
  void theLogKeepsTimestampsInTheFormatTheReaderCompares() {
    assertThat(jdbc.queryForList("SELECT time_stamp FROM domain_event_entry", String.class))
        .allMatch(stamp -> stamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
  }

  @Test
  void aDomainAsItWasBeforeAndAfterAChange() throws Exception {
    notFound("/api/v1/domains/p.example", beforeAll, "unknown-domain");
    get("/api/v1/domains/p.example", created)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.domain").value("p.example"))
        .andExpect(jsonPath("$.description").value("First"))
        .andExpect(jsonPath("$.quotaGb").value(1))
        .andExpect(jsonPath("$.maxQuotaGb").value(5))
        .andExpect(jsonPath("$.maxMailboxes").value(5))
        .andExpect(jsonPath("$.maxAliases").value(0))
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.asOf").value(created.toString()));
    get("/api/v1/domains/P.Example", changed)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.description").value("Second"))
        .andExpect(jsonPath("$.maxMailboxes").value(7))
        .andExpect(jsonPath("$.maxAliases").value(3));
    notFound("/api/v1/domains/p.example", gone, "unknown-domain");
    get("/api/v1/domains/p.example", recreated)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.description").value("Again"));
  }

  @Test
  void aMailboxFollowsItsRenameAndNeverShowsItsHash() throws Exception {
    notFound("/api/v1/mailboxes/joe@p.example", created, "unknown-mailbox");
    String atFirst =
        get("/api/v1/mailboxes/joe@p.example", aliasCreated)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.address").value("joe@p.example"))
            .andExpect(jsonPath("$.name").value("Joe"))
            .andExpect(jsonPath("$.quotaGb").value(1))
            .andExpect(jsonPath("$.sendOnly").value(false))
            .andExpect(jsonPath("$.active").value(true))
            .andExpect(jsonPath("$.home").isNotEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(atFirst).doesNotContain("password").doesNotContain("BLF-CRYPT");
    notFound("/api/v1/mailboxes/joe@p.example", renamed, "unknown-mailbox");
    get("/api/v1/mailboxes/jo@p.example", renamed)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quotaGb").value(1));
    get("/api/v1/mailboxes/jo@p.example", quotaRaised)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quotaGb").value(2));
    notFound("/api/v1/mailboxes/jo@p.example", gone, "unknown-mailbox");
  }

  @Test
  void anAliasWithItsRecipientsAndSendersAsTheyWere() throws Exception {
    get("/api/v1/aliases/team@p.example", aliasCreated)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients", contains("joe@p.example")))
        .andExpect(jsonPath("$.senders", contains("joe@p.example")))
        .andExpect(jsonPath("$.description").value("The team"));
    get("/api/v1/aliases/team@p.example", renamed)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients", contains("jo@p.example")))
        .andExpect(jsonPath("$.senders", contains("jo@p.example")));
    get("/api/v1/aliases/team@p.example", recipientAdded)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients", contains("jo@p.example", "ext@elsewhere.net")));
    notFound("/api/v1/aliases/team@p.example", gone, "unknown-alias");
  }

  @Test
  void aBadInstantOrAddressIsAProblem() throws Exception {
    for (String uri :
        List.of(
            "/api/v1/domains/p.example?asOf=yesterday",
            "/api/v1/domains/p.example?asOf=",
            "/api/v1/mailboxes/not-an-address?asOf=2026-11-01T10:00:00Z",
            "/api/v1/aliases/a@@p.example?asOf=2026-11-01T10:00:00Z")) {
      http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value("urn:mailledger:problem:invalid-value"));
    }
  }

  @Test
  @WithMockUser(authorities = {"ROLE_DOMAIN_ADMIN", "DOMAIN:other.example"})
  void aDomainAdminCannotLookIntoOtherDomains() throws Exception {
    get("/api/v1/domains/p.example", created).andExpect(status().isForbidden());
    get("/api/v1/mailboxes/joe@p.example", aliasCreated).andExpect(status().isForbidden());
  }
}
