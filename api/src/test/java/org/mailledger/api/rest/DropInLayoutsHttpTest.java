package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
 * ?wait=true} come back once both have applied them, and {@code GET /projections} lists each.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + DropInLayoutsHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4",
      "mailledger.layouts=postfixadmin,dinomail"
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

    assertThat(api.json("POST", "/api/v1/projections/postfixadmin/rebuild", ROOT, null).type())
        .isEqualTo("urn:mailledger:problem:rebuild-unavailable");
    assertThat(api.json("POST", "/api/v1/projections/mum/rebuild", ROOT, null).type())
        .isEqualTo("urn:mailledger:problem:unknown-layout");
  }
}
