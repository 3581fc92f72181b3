package org.mailledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailledger.schema.domain.ChangeDomainSettingsCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxPasswordCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.mailbox.RenameMailboxCommand;
import org.mailledger.schema.tls.SetTlsPolicyCommand;
import org.mailledger.schema.tls.TlsPolicyLevel;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.LocalPart;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** GET /api/v1/audit and /api/v1/audit/{entity} over a history made by real commands. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest extends AuditApiTestBase {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    eventStore(registry, DATABASE);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private Instant beforeSettings;
  private Instant afterSettings;

  @BeforeAll
  void history() throws Exception {
    String a = id();
    String b = id();
    as("alice", new CreateDomainCommand(a, DomainName.of("a.example"), "", null, null, 0, 0));
    as("alice", new CreateDomainCommand(b, DomainName.of("b.example"), "", null, null, 0, 0));
    String john =
        as(
            "alice",
            new CreateMailboxCommand(
                id(),
                EmailAddress.parse("john@a.example"),
                Secret.of("first password 1"),
                "John",
                null,
                false));
    as(
        "alice",
        new CreateMailboxCommand(
            id(),
            EmailAddress.parse("mary@b.example"),
            Secret.of("other password 2"),
            "Mary",
            null,
            false));
    beforeSettings = mark();
    as("bob", new ChangeDomainSettingsCommand(a, "Main", null, null, 10, null));
    afterSettings = mark();
    as("bob", new ChangeMailboxPasswordCommand(john, Secret.of("second password 3")));
    as("carol", new RenameMailboxCommand(john, LocalPart.of("johnny")));
    as(
        "carol",
        new SetTlsPolicyCommand(DomainName.of("a.example"), TlsPolicyLevel.ENCRYPT, "", ""));
    awaitAudit();
  }

  private JsonNode getJson(String uri) throws Exception {
    String body =
        http.perform(get(uri))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(body);
  }

  private static List<String> field(JsonNode page, String name) {
    List<String> values = new ArrayList<>();
    page.get("items").forEach(item -> values.add(item.get(name).asText()));
    return values;
  }

  @Test
  @WithMockUser(authorities = "ROLE_SUPERADMIN")
  void superadminPagesThroughEverythingNewestFirst() throws Exception {
    JsonNode all = getJson("/api/v1/audit?size=500");
    assertThat(all.get("hasMore").asBoolean()).isFalse();
    List<Long> positions = new ArrayList<>();
    all.get("items").forEach(item -> positions.add(item.get("position").asLong()));
    // Eight from this history, and the bootstrap admin's creation at the very start.
    assertThat(positions).hasSize(9).isSortedAccordingTo((x, y) -> Long.compare(y, x));

    JsonNode first = getJson("/api/v1/audit?size=3");
    JsonNode second = getJson("/api/v1/audit?size=3&page=1");
    JsonNode third = getJson("/api/v1/audit?size=3&page=2");
    assertThat(first.get("hasMore").asBoolean()).isTrue();
    assertThat(third.get("hasMore").asBoolean()).isFalse();
    List<String> paged = new ArrayList<>(field(first, "position"));
    paged.addAll(field(second, "position"));
    paged.addAll(field(third, "position"));
    assertThat(paged).isEqualTo(field(all, "position"));

    JsonNode newest = all.get("items").get(0);
    assertThat(newest.get("type").asText()).isEqualTo("TlsPolicySet");
    assertThat(newest.get("actor").asText()).isEqualTo("carol");
    assertThat(newest.get("source").asText()).isEqualTo("192.0.2.1");
    assertThat(newest.get("correlationId").asText()).isNotBlank();
    assertThat(newest.get("kind").asText()).isEqualTo("tls-policy");
    assertThat(newest.get("change").get("policy").asText()).isEqualTo("encrypt");
    assertThat(Instant.parse(newest.get("time").asText())).isAfter(afterSettings);
  }

  @Test
  @WithMockUser(authorities = "ROLE_SUPERADMIN")
  void filtersByEntityActorTypeAndTime() throws Exception {
    assertThat(field(getJson("/api/v1/audit?entity=A.EXAMPLE"), "type"))
        .containsExactly("TlsPolicySet", "DomainSettingsChanged", "DomainCreated");
    assertThat(field(getJson("/api/v1/audit?actor=bob"), "type"))
        .containsExactly("MailboxPasswordChanged", "DomainSettingsChanged");
    JsonNode passwords = getJson("/api/v1/audit?type=MailboxPasswordChanged");
    assertThat(passwords.get("items")).hasSize(1);
    assertThat(passwords.get("items").get(0).get("change").toString())
        .isEqualTo("{\"password\":\"changed\"}");
    JsonNode window = getJson("/api/v1/audit?from=" + beforeSettings + "&to=" + afterSettings);
    assertThat(field(window, "type")).containsExactly("DomainSettingsChanged");
    assertThat(window.get("items").get(0).get("change").get("maxMailboxes").toString())
        .isEqualTo("{\"before\":0,\"after\":10}");
    assertThat(field(getJson("/api/v1/audit?domain=b.example"), "entity"))
        .containsExactly("mary@b.example", "b.example");
  }

  @Test
  @WithMockUser(authorities = "ROLE_SUPERADMIN")
  void aRenamedMailboxIsFoundByItsOldAddressToo() throws Exception {
    JsonNode old = getJson("/api/v1/audit/john@a.example");
    assertThat(field(old, "type"))
        .containsExactly("MailboxRenamed", "MailboxPasswordChanged", "MailboxCreated");
    JsonNode renamed = old.get("items").get(0);
    assertThat(renamed.get("entity").asText()).isEqualTo("johnny@a.example");
    assertThat(renamed.get("entityBefore").asText()).isEqualTo("john@a.example");
    assertThat(field(getJson("/api/v1/audit/johnny@a.example"), "type"))
        .containsExactly("MailboxRenamed");
  }

  @Test
  @WithMockUser(authorities = {"ROLE_DOMAIN_ADMIN", "DOMAIN:a.example"})
  void aDomainAdminSeesOnlyItsDomains() throws Exception {
    JsonNode mine = getJson("/api/v1/audit?size=500");
    assertThat(field(mine, "entity"))
        .containsExactly(
            "johnny@a.example", "john@a.example", "a.example", "john@a.example", "a.example");
    assertThat(field(getJson("/api/v1/audit?actor=alice"), "entity"))
        .containsExactly("john@a.example", "a.example");
    http.perform(get("/api/v1/audit/b.example")).andExpect(status().isForbidden());
    http.perform(get("/api/v1/audit/mary@b.example")).andExpect(status().isForbidden());
    http.perform(get("/api/v1/audit?entity=b.example")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(authorities = "ROLE_DOMAIN_ADMIN")
  void aDomainAdminWithoutGrantsSeesNothing() throws Exception {
    assertThat(getJson("/api/v1/audit").get("items")).isEmpty();
  }

  @Test
  void anonymousCallersAreTurnedAway() throws Exception {
    http.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
  }

  @Test
  @WithMockUser(authorities = "ROLE_SUPERADMIN")
  void noPasswordHashInAnyAnswer() throws Exception {
    String body =
        http.perform(get("/api/v1/audit?size=500")).andReturn().getResponse().getContentAsString();
    assertThat(body).contains("\"password\":\"set\"").contains("\"password\":\"changed\"");
    assertThat(body).doesNotContain("BLF-CRYPT").doesNotContain("$2").doesNotContain("Hash");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "size=0",
        "size=501",
        "size=ten",
        "page=-1",
        "page=1.5",
        "from=yesterday",
        "to=2026-13-01T00:00:00Z",
        "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
        "type=Mailbox-Created",
        "entity=bad%20name",
        "entity=a@@b.example",
        "domain=-x.example"
      })
  @WithMockUser(authorities = "ROLE_SUPERADMIN")
  void invalidParametersAreProblems(String query) throws Exception {
    http.perform(get("/api/v1/audit?" + query))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:invalid-value"))
        .andExpect(jsonPath("$.detail").isNotEmpty());
  }
}
