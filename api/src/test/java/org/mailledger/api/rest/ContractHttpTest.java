package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.api.rest.ApiClient.Answer;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every row of the REST contract over real HTTP against the app on a real PostgreSQL: the
 * SUPERADMIN runs domains and TLS policies, a DOMAIN_ADMIN runs mailboxes and aliases in its
 * domain. Writes wait for the lookup tables, so each read shows the write before it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + ContractHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4"
    })
class ContractHttpTest {

  static final String ROOT_PASSWORD = "root password for the contract";
  static final String ROOT = basic("admin", ROOT_PASSWORD);

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  private JsonNode expect(int status, Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    return answer.json();
  }

  private long head() {
    return jdbc.queryForObject(
        "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
  }

  @Test
  void bothRolesRunTheWholeContract() {
    String d = "contract.example";
    JsonNode created =
        expect(
            201,
            api.json(
                "POST",
                "/api/v1/domains?wait=true",
                ROOT,
                "{'domain':'"
                    + d
                    + "','description':'Contract','quotaGb':1,'maxQuotaGb':4,'maxMailboxes':10,'maxAliases':10}"));
    assertThat(created.path("position").asLong()).isEqualTo(head());
    expect(
        201,
        api.json(
            "POST",
            "/api/v1/admins",
            ROOT,
            "{'name':'deputy','password':'deputy password long','role':'DOMAIN_ADMIN','domains':['"
                + d
                + "']}"));
    String deputy = basic("deputy", "deputy password long");

    assertThat(
            expect(200, api.json("GET", "/api/v1/domains", deputy, null))
                .path("items")
                .get(0)
                .path("domain")
                .asText())
        .isEqualTo(d);
    assertThat(
            expect(200, api.json("GET", "/api/v1/domains/" + d, deputy, null))
                .path("maxMailboxes")
                .asInt())
        .isEqualTo(10);
    expect(
        200,
        api.json(
            "PATCH",
            "/api/v1/domains/" + d + "?wait=true",
            ROOT,
            "{'description':'Renamed','maxQuotaGb':5}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/domains/" + d, ROOT, null))
                .path("description")
                .asText())
        .isEqualTo("Renamed");

    expect(
        201,
        api.json(
            "POST",
            "/api/v1/domains/" + d + "/mailboxes?wait=true",
            deputy,
            "{'localPart':'alice','password':'alice password long','name':'Alice','quotaGb':2}"));
    expect(
        201,
        api.json(
            "POST",
            "/api/v1/domains/" + d + "/mailboxes?wait=true",
            deputy,
            "{'localPart':'bob','password':'bob password long','sendOnly':true}"));
    JsonNode mailboxes =
        expect(200, api.json("GET", "/api/v1/domains/" + d + "/mailboxes", deputy, null));
    assertThat(mailboxes.path("total").asLong()).isEqualTo(2);
    JsonNode alice = expect(200, api.json("GET", "/api/v1/mailboxes/alice@" + d, deputy, null));
    assertThat(alice.path("quotaGb").asLong()).isEqualTo(2);
    assertThat(alice.toString()).doesNotContain("password").doesNotContain("CRYPT");
    expect(
        200,
        api.json(
            "PATCH",
            "/api/v1/mailboxes/alice@" + d + "?wait=true",
            deputy,
            "{'name':'Alice L.','quotaGb':3}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/mailboxes/alice@" + d, deputy, null))
                .path("name")
                .asText())
        .isEqualTo("Alice L.");
    expect(
        200,
        api.json(
            "PUT",
            "/api/v1/mailboxes/alice@" + d + "/password",
            deputy,
            "{'password':'a new long password'}"));

    expect(
        201,
        api.json(
            "POST",
            "/api/v1/domains/" + d + "/aliases?wait=true",
            deputy,
            "{'localPart':'team','recipients':['alice@"
                + d
                + "','x@elsewhere.net'],'description':'Team'}"));
    expect(
        201,
        api.json(
            "POST",
            "/api/v1/domains/" + d + "/aliases?wait=true",
            deputy,
            "{'localPart':'*','recipients':['alice@" + d + "']}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/domains/" + d + "/aliases", deputy, null))
                .path("total")
                .asLong())
        .isEqualTo(2);
    expect(
        200,
        api.json(
            "POST",
            "/api/v1/aliases/team@" + d + "/recipients?wait=true",
            deputy,
            "{'address':'bob@" + d + "'}"));
    expect(
        200,
        api.json(
            "DELETE",
            "/api/v1/aliases/team@" + d + "/recipients/x@elsewhere.net?wait=true",
            deputy,
            null));
    expect(
        200,
        api.json(
            "POST",
            "/api/v1/aliases/team@" + d + "/senders?wait=true",
            deputy,
            "{'mailbox':'bob@" + d + "'}"));
    JsonNode team = expect(200, api.json("GET", "/api/v1/aliases/team@" + d, deputy, null));
    assertThat(values(team.path("recipients"))).containsExactly("alice@" + d, "bob@" + d);
    assertThat(values(team.path("senders"))).containsExactly("bob@" + d);
    expect(
        200,
        api.json(
            "PATCH",
            "/api/v1/aliases/team@" + d + "?wait=true",
            deputy,
            "{'active':false,'description':'Off'}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/aliases/team@" + d, deputy, null))
                .path("active")
                .asBoolean())
        .isFalse();
    expect(
        200,
        api.json(
            "DELETE",
            "/api/v1/aliases/team@" + d + "/senders/bob@" + d + "?wait=true",
            deputy,
            null));
    assertThat(
            expect(200, api.json("GET", "/api/v1/aliases/@" + d, deputy, null))
                .path("catchAll")
                .asBoolean())
        .isTrue();

    expect(
        200,
        api.json(
            "PUT",
            "/api/v1/tls-policies/partner.example?wait=true",
            ROOT,
            "{'policy':'secure','params':'match=.partner.example'}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/tls-policies", ROOT, null))
                .path("items")
                .get(0)
                .path("params")
                .asText())
        .isEqualTo("match=.partner.example");
    expect(200, api.json("DELETE", "/api/v1/tls-policies/partner.example?wait=true", ROOT, null));

    JsonNode history = expect(200, api.json("GET", "/api/v1/audit/alice@" + d, deputy, null));
    assertThat(history.path("items").get(0).path("actor").asText()).isEqualTo("deputy");
    assertThat(history.toString()).doesNotContain("BLF-CRYPT");
    assertThat(
            expect(200, api.json("GET", "/api/v1/audit?actor=deputy&size=5", deputy, null))
                .path("items")
                .size())
        .isEqualTo(5);
    expect(403, api.json("GET", "/api/v1/audit?domain=other.example", deputy, null));
    String before =
        history.path("items").get(history.path("items").size() - 1).path("time").asText();
    assertThat(
            expect(
                    200,
                    api.json(
                        "GET", "/api/v1/mailboxes/alice@" + d + "?asOf=" + before, deputy, null))
                .path("quotaGb")
                .asLong())
        .as("alice as she was created, before her quota changed")
        .isEqualTo(2);

    String b = "alias-" + d;
    JsonNode aliasDomain =
        expect(
            201,
            api.json(
                "POST",
                "/api/v1/alias-domains?wait=true",
                ROOT,
                "{'aliasDomain':'" + b + "','targetDomain':'" + d + "'}"));
    assertThat(aliasDomain.path("position").asLong()).isEqualTo(head());
    expect(
        403,
        api.json(
            "POST",
            "/api/v1/alias-domains",
            deputy,
            "{'aliasDomain':'x.example','targetDomain':'" + d + "'}"));
    JsonNode read = expect(200, api.json("GET", "/api/v1/alias-domains/" + b, deputy, null));
    assertThat(read.path("targetDomain").asText()).isEqualTo(d);
    assertThat(read.path("active").asBoolean()).isTrue();
    assertThat(read.path("delivering").asBoolean()).isTrue();
    JsonNode listed = expect(200, api.json("GET", "/api/v1/alias-domains?size=10", deputy, null));
    assertThat(listed.path("total").asLong()).isEqualTo(1);
    assertThat(listed.path("items").get(0).path("aliasDomain").asText()).isEqualTo(b);
    assertThat(
            values(
                expect(200, api.json("GET", "/api/v1/domains/" + d, deputy, null))
                    .path("aliasDomains")))
        .containsExactly(b);
    assertThat(expect(200, api.json("GET", "/api/v1/domains?size=500", ROOT, null)).toString())
        .as("an alias domain is no hosted domain")
        .doesNotContain("\"domain\":\"" + b + "\"");
    expect(404, api.json("GET", "/api/v1/domains/" + b, ROOT, null));
    expect(403, api.json("PATCH", "/api/v1/alias-domains/" + b, deputy, "{'active':false}"));
    expect(
        200,
        api.json("PATCH", "/api/v1/alias-domains/" + b + "?wait=true", ROOT, "{'active':false}"));
    assertThat(
            expect(200, api.json("GET", "/api/v1/alias-domains/" + b, ROOT, null))
                .path("active")
                .asBoolean())
        .isFalse();
    JsonNode domainDelete = expect(409, api.json("DELETE", "/api/v1/domains/" + d, ROOT, null));
    assertThat(domainDelete.toString()).contains(b);
    assertThat(
            expect(200, api.json("GET", "/api/v1/audit/" + b, deputy, null))
                .path("items")
                .get(0)
                .path("type")
                .asText())
        .isEqualTo("AliasDomainDeactivated");
    JsonNode aliasHistory = expect(200, api.json("GET", "/api/v1/audit/" + b, ROOT, null));
    String whenCreated =
        aliasHistory.path("items").get(aliasHistory.path("items").size() - 1).path("time").asText();
    JsonNode then =
        expect(
            200,
            api.json("GET", "/api/v1/alias-domains/" + b + "?asOf=" + whenCreated, deputy, null));
    assertThat(then.path("active").asBoolean()).as("active when created").isTrue();
    assertThat(then.path("targetDomain").asText()).isEqualTo(d);
    expect(403, api.json("DELETE", "/api/v1/alias-domains/" + b, deputy, null));
    expect(200, api.json("DELETE", "/api/v1/alias-domains/" + b + "?wait=true", ROOT, null));
    expect(404, api.json("GET", "/api/v1/alias-domains/" + b, ROOT, null));
    expect(200, api.json("GET", "/api/v1/alias-domains/" + b + "?asOf=" + whenCreated, ROOT, null));

    expect(409, api.json("DELETE", "/api/v1/mailboxes/alice@" + d, deputy, null));
    expect(200, api.json("DELETE", "/api/v1/aliases/@" + d + "?wait=true", deputy, null));
    expect(
        200,
        api.json("DELETE", "/api/v1/mailboxes/bob@" + d + "?cascade=true&wait=true", deputy, null));
    expect(200, api.json("DELETE", "/api/v1/aliases/team@" + d + "?wait=true", deputy, null));
    expect(200, api.json("DELETE", "/api/v1/mailboxes/alice@" + d + "?wait=true", deputy, null));
    expect(200, api.json("PATCH", "/api/v1/domains/" + d + "?wait=true", ROOT, "{'active':false}"));
    expect(200, api.json("DELETE", "/api/v1/domains/" + d + "?wait=true", ROOT, null));
    expect(404, api.json("GET", "/api/v1/domains/" + d, ROOT, null));
  }

  @Test
  void writesCarryTheCorrelationIdIntoEveryEvent() {
    Answer answer =
        api.send(
            "POST",
            "/api/v1/domains",
            ROOT,
            "application/json",
            "{\"domain\":\"correlated.example\"}");
    assertThat(answer.status()).isEqualTo(201);
    String correlation = answer.correlationId();
    assertThat(correlation).isNotBlank();
    String meta =
        new String(
            jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class,
                answer.json().path("position").asLong()),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(meta)
        .contains("\"correlationId\":\"" + correlation + "\"")
        .contains("\"actor\":\"admin\"")
        .contains("\"source\":\"127.0.0.1\"");
  }

  private static List<String> values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
