package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The app keeping only the PostfixAdmin and DinoMail layouts, without mum: writes with {@code
 * ?wait=true} come back once both have applied them, {@code GET /projections} lists each, and
 * {@code POST /projections/postfixadmin/rebuild} rebuilds that layout alone. Each rebuild
 * transaction pauses, so the rebuild lasts long enough to be seen.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + DropInLayoutsHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4",
      "mailledger.layouts=postfixadmin,dinomail",
      "mailledger.rebuild.pause-per-transaction=700ms"
    })
class DropInLayoutsHttpTest {

  static final String ROOT_PASSWORD = "root password for drop-in layouts";
  static final String ROOT = basic("admin", ROOT_PASSWORD);

  static final TestDatabase DATABASE = TestDatabases.postgres();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void writesWaitForBothLayoutsAndEachHasItsStatus() {
    ApiClient api = new ApiClient(port);
    assertThat(
            api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'d.example'}").status())
        .isEqualTo(201);
    Answer created =
        api.json(
            "POST",
            "/api/v1/domains/d.example/mailboxes?wait=true",
            ROOT,
            "{'localPart':'ann','password':'a long password ann'}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(
            jdbc.queryForList(
                "SELECT goto FROM alias WHERE address = 'ann@d.example'", String.class))
        .containsExactly("ann@d.example");
    assertThat(
            jdbc.queryForList(
                "SELECT email FROM dinomail_virtualuser WHERE email = 'ann@d.example'",
                String.class))
        .containsExactly("ann@d.example");
    assertThat(jdbc.queryForObject("SELECT to_regclass('mailboxes') IS NULL", Boolean.class))
        .as("no mum tables where mum is not kept")
        .isTrue();

    JsonNode status = api.json("GET", "/api/v1/projections", ROOT, null).json();
    List<String> names = new ArrayList<>();
    for (JsonNode layout : status) {
      names.add(layout.path("layout").asText());
      assertThat(layout.path("state").asText()).isEqualTo("running");
      assertThat(layout.path("position").asLong()).isEqualTo(layout.path("head").asLong());
      assertThat(layout.path("lagEvents").asLong()).isZero();
    }
    assertThat(names).containsExactly("postfixadmin", "dinomail");

    assertThat(api.json("POST", "/api/v1/projections/mum/rebuild", ROOT, null).type())
        .isEqualTo("urn:mailledger:problem:unknown-layout");
  }

  @Test
  void postfixAdminRebuildsOverHttpToTheSameTables() throws Exception {
    ApiClient api = new ApiClient(port);
    assertThat(
            api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'r.example'}").status())
        .isEqualTo(201);
    for (String name : List.of("ann", "ben")) {
      Answer created =
          api.json(
              "POST",
              "/api/v1/domains/r.example/mailboxes?wait=true",
              ROOT,
              "{'localPart':'" + name + "','password':'a long password " + name + "'}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    List<Map<String, Object>> mailboxes = postfixAdminRows("mailbox", "username");
    List<Map<String, Object>> aliases = postfixAdminRows("alias", "address");
    List<Map<String, Object>> domains = postfixAdminRows("domain", "domain");

    Answer started = api.json("POST", "/api/v1/projections/postfixadmin/rebuild", ROOT, null);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    Answer again = api.json("POST", "/api/v1/projections/postfixadmin/rebuild", ROOT, null);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.type()).isEqualTo("urn:mailledger:problem:rebuild-running");
    assertThat(states(api)).containsEntry("postfixadmin", "rebuilding");
    assertThat(states(api)).containsEntry("dinomail", "running");

    Map<String, String> states = states(api);
    for (int i = 0; i < 600 && !states.get("postfixadmin").equals("running"); i++) {
      Thread.sleep(100);
      states = states(api);
    }
    assertThat(states).containsEntry("postfixadmin", "running");
    assertThat(postfixAdminRows("mailbox", "username")).isEqualTo(mailboxes);
    assertThat(postfixAdminRows("alias", "address")).isEqualTo(aliases);
    assertThat(postfixAdminRows("domain", "domain")).isEqualTo(domains);

    Answer after =
        api.json(
            "POST",
            "/api/v1/domains/r.example/mailboxes?wait=true",
            ROOT,
            "{'localPart':'cat','password':'a long password cat'}");
    assertThat(after.status())
        .as("the processor runs again after the swap: %s", after)
        .isEqualTo(201);
    assertThat(
            jdbc.queryForList(
                "SELECT maildir FROM mailbox WHERE username='cat@r.example' AND active = true",
                String.class))
        .hasSize(1);
  }

  private List<Map<String, Object>> postfixAdminRows(String table, String key) {
    return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key);
  }

  private static Map<String, String> states(ApiClient api) {
    Map<String, String> states = new LinkedHashMap<>();
    for (JsonNode layout : api.json("GET", "/api/v1/projections", ROOT, null).json()) {
      states.put(layout.path("layout").asText(), layout.path("state").asText());
    }
    return states;
  }
}
