package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import com.fasterxml.jackson.databind.JsonNode;
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

/** GET /projections and a rebuild through POST /projections/mum/rebuild, over real HTTP. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + ProjectionsHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4"
    })
class ProjectionsHttpTest {

  static final String ROOT_PASSWORD = "root password for projections";
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

  private List<Map<String, Object>> mailboxes() {
    return jdbc.queryForList("SELECT * FROM mailboxes ORDER BY id");
  }

  @Test
  void statusThenARebuildThatEndsWithTheSameTables() throws Exception {
    ApiClient api = new ApiClient(port);
    assertThat(
            api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'p.example'}").status())
        .isEqualTo(201);
    for (String name : List.of("ann", "ben", "cat")) {
      Answer created =
          api.json(
              "POST",
              "/api/v1/domains/p.example/mailboxes?wait=true",
              ROOT,
              "{'localPart':'" + name + "','password':'a long password " + name + "'}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    List<Map<String, Object>> before = mailboxes();

    JsonNode status = api.json("GET", "/api/v1/projections", ROOT, null).json();
    assertThat(status.isArray()).isTrue();
    JsonNode mum = status.get(0);
    assertThat(mum.path("layout").asText()).isEqualTo("mum");
    assertThat(mum.path("state").asText()).isEqualTo("running");
    assertThat(mum.path("position").asLong()).isEqualTo(mum.path("head").asLong());
    assertThat(mum.path("lagEvents").asLong()).isZero();
    // This process holds every segment's claim, named as the token table names it: pid@host.
    String self = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    assertThat(mum.path("owners").size()).isPositive();
    mum.path("owners").elements().forEachRemaining(o -> assertThat(o.asText()).isEqualTo(self));
    assertThat(mum.has("error")).isFalse();

    assertThat(api.json("POST", "/api/v1/projections/unknown/rebuild", ROOT, null).type())
        .isEqualTo("urn:mailledger:problem:unknown-layout");
    Answer started = api.json("POST", "/api/v1/projections/mum/rebuild", ROOT, null);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String state = "rebuilding";
    for (int i = 0; i < 600 && !state.equals("running"); i++) {
      Thread.sleep(100);
      state =
          api.json("GET", "/api/v1/projections", ROOT, null).json().get(0).path("state").asText();
    }
    assertThat(state).isEqualTo("running");
    assertThat(mailboxes()).isEqualTo(before);

    Answer after =
        api.json(
            "POST",
            "/api/v1/domains/p.example/mailboxes?wait=true",
            ROOT,
            "{'localPart':'dan','password':'a long password dan'}");
    assertThat(after.status())
        .as("the processor runs again after the swap: %s", after)
        .isEqualTo(201);
    assertThat(mailboxes()).hasSize(4);
  }

  @Test
  void onlyASuperadminSeesProjections() {
    ApiClient api = new ApiClient(port);
    assertThat(api.json("GET", "/api/v1/projections", null, null).status()).isEqualTo(401);
  }
}
