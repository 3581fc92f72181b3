package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The controllers against a real PostgreSQL-backed app, with stand-in logins for both roles. */
@SpringBootTest(properties = "mailledger.bcrypt-cost=4")
@AutoConfigureMockMvc
class RestControllersTest {

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private static String json(String text) {
    return text.replace('\'', '"');
  }

  private long events() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  @Test
  @WithMockUser(username = "root", authorities = "ROLE_SUPERADMIN")
  void superadminRunsTheWholeContract() throws Exception {
    mvc.perform(
            post("/api/v1/domains?wait=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(
                        "{'domain':'Bücher.Example','description':'Books','quotaGb':1,'maxQuotaGb':5}")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/domains/xn--bcher-kva.example"))
        .andExpect(header().exists("X-Correlation-Id"))
        .andExpect(jsonPath("$.domain").value("xn--bcher-kva.example"))
        .andExpect(jsonPath("$.unicode").value("bücher.example"))
        .andExpect(jsonPath("$.position").isNumber());
    mvc.perform(get("/api/v1/domains/bücher.example"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quotaGb").value(1))
        .andExpect(jsonPath("$.maxQuotaGb").value(5));

    mvc.perform(
            post("/api/v1/domains/xn--bcher-kva.example/mailboxes?wait=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(
                        "{'localPart':'Alice','password':'a long enough password','name':'Alice'}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.address").value("alice@xn--bcher-kva.example"));
    mvc.perform(get("/api/v1/mailboxes/alice@xn--bcher-kva.example"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.quotaGb").value(1))
        .andExpect(content().string(not(containsString("BLF-CRYPT"))));
    mvc.perform(
            patch("/api/v1/mailboxes/alice@xn--bcher-kva.example?wait=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'quotaGb':3,'sendOnly':true}")))
        .andExpect(status().isOk());
    mvc.perform(
            put("/api/v1/mailboxes/alice@xn--bcher-kva.example/password")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'password':'another long password'}")))
        .andExpect(status().isOk());

    mvc.perform(
            post("/api/v1/domains/xn--bcher-kva.example/aliases?wait=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json(
                        "{'localPart':'team','recipients':['alice@xn--bcher-kva.example','x@elsewhere.net'],'senders':['alice@xn--bcher-kva.example']}")))
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/aliases/team@xn--bcher-kva.example"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients.length()").value(2))
        .andExpect(jsonPath("$.senders[0]").value("alice@xn--bcher-kva.example"));
    mvc.perform(
            post("/api/v1/domains/xn--bcher-kva.example/aliases")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'localPart':'*','recipients':['alice@xn--bcher-kva.example']}")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.address").value("@xn--bcher-kva.example"));

    mvc.perform(delete("/api/v1/mailboxes/alice@xn--bcher-kva.example"))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:mailbox-referenced"));
    mvc.perform(delete("/api/v1/domains/xn--bcher-kva.example"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:domain-not-empty"));

    mvc.perform(
            put("/api/v1/tls-policies/partner.example?wait=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'policy':'dane-only'}")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/tls-policies"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].policy").value("dane-only"));
  }

  @Test
  @WithMockUser(username = "root", authorities = "ROLE_SUPERADMIN")
  void badInputIsAProblemAndChangesNothing() throws Exception {
    long before = events();
    mvc.perform(
            post("/api/v1/domains")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'domain':'bad%domain'}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:invalid-value"))
        .andExpect(jsonPath("$.field").value("domain"));
    mvc.perform(
            post("/api/v1/domains")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'domain':'ok.example','color':'red'}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:unknown-field"));
    mvc.perform(
            post("/api/v1/domains").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:malformed-body"));
    mvc.perform(
            post("/api/v1/domains")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'domain':'ok.example','quotaGb':'many'}")))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/domains?size=100000")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/domains/unknown.example"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:unknown-domain"));
    assertThat(events()).isEqualTo(before);
  }

  @Test
  @WithMockUser(
      username = "ops",
      authorities = {"ROLE_DOMAIN_ADMIN", "DOMAIN:granted.example"})
  void domainAdminStaysInItsDomains() throws Exception {
    jdbc.update("DELETE FROM claim_domain WHERE name IN ('granted.example', 'other.example')");
    mvc.perform(
            post("/api/v1/domains")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'domain':'granted.example'}")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:mailledger:problem:forbidden"));
    mvc.perform(get("/api/v1/domains/other.example")).andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/domains/other.example/mailboxes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json("{'localPart':'x','password':'a long enough password'}")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/domains"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").isNumber());
  }

  @Test
  void openApiDocumentIsPublicAndDescribesEveryEndpointAndError() throws Exception {
    String document =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    for (String path :
        new String[] {
          "/api/v1/domains",
          "/api/v1/domains/{domain}",
          "/api/v1/domains/{domain}/mailboxes",
          "/api/v1/mailboxes/{address}",
          "/api/v1/mailboxes/{address}/password",
          "/api/v1/domains/{domain}/aliases",
          "/api/v1/aliases/{address}",
          "/api/v1/aliases/{address}/recipients",
          "/api/v1/aliases/{address}/recipients/{recipient}",
          "/api/v1/aliases/{address}/senders",
          "/api/v1/aliases/{address}/senders/{mailbox}",
          "/api/v1/tls-policies/{domain}"
        }) {
      assertThat(document).contains("\"" + path + "\"");
    }
    assertThat(document)
        .contains("application/problem+json")
        .contains("urn:mailledger:problem:forbidden");
    var paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document).path("paths");
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          assertThat(operation.getValue().path("summary").asText())
                              .as("summary of %s %s", operation.getKey(), path.getKey())
                              .isNotBlank();
                          assertThat(operation.getValue().path("responses").has("403"))
                              .as("problem answers of %s %s", operation.getKey(), path.getKey())
                              .isTrue();
                        }));
  }

  @Test
  void withoutLoginEverythingButHealthAndDocsIsRefused() throws Exception {
    mvc.perform(get("/api/v1/domains")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }
}
