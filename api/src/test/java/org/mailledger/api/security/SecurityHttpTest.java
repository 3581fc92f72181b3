package org.mailledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.security.Http.basic;
import static org.mailledger.api.security.Http.bearer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.testsupport.TableScan;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authentication, authorization, admin accounts and tokens over real HTTP against the whole app on
 * a real PostgreSQL.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + SecurityHttpTest.ADMIN_PASSWORD,
      "mailledger.bcrypt-cost=4",
      // These tests fail logins on purpose; LoginRateLimitTest covers the limit.
      "mailledger.security.max-login-failures=100000"
    })
@Import(SecurityHttpTest.DomainAccessProbe.class)
class SecurityHttpTest {

  static final String ADMIN_PASSWORD = "bootstrap-password-for-tests";
  static final String PASSWORD = "a long enough password";
  static final String ADMIN = basic("admin", ADMIN_PASSWORD);

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  /** Answers what DomainAccess says about a domain for the caller, and the caller's actor name. */
  @RestController
  static class DomainAccessProbe {

    private final DomainAccess access;

    DomainAccessProbe(DomainAccess access) {
      this.access = access;
    }

    @GetMapping("/test/domain-access/{domain}")
    Map<String, Object> probe(@PathVariable String domain, Authentication caller) {
      return Map.of("allows", access.allows(domain), "actor", caller.getName());
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CommandGateway gateway;

  Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String domain() {
    String name = unique("d") + ".example";
    gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(
                new CreateDomainCommand(
                    UUID.randomUUID().toString(), DomainName.of(name), "", null, null, 0, 0))
            .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
    return name;
  }

  private Http.Response createAdmin(String name, String password, String role, String... domains) {
    return http.send(
        "POST",
        "/api/v1/admins",
        ADMIN,
        Map.of("name", name, "password", password, "role", role, "domains", List.of(domains)));
  }

  private String domainAdmin(String... domains) {
    String name = unique("dora");
    assertThat(createAdmin(name, PASSWORD, "DOMAIN_ADMIN", domains).status()).isEqualTo(201);
    return name;
  }

  private JsonNode issueToken(String authorization, Map<String, Object> body) {
    Http.Response response = http.send("POST", "/api/v1/tokens", authorization, body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private boolean allows(String authorization, String domain) {
    Http.Response response = http.get("/test/domain-access/" + domain, authorization);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("allows").asBoolean();
  }

  private static void assertProblem(Http.Response response, int status, String type) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asText()).isEqualTo("urn:mailledger:problem:" + type);
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }

  private JsonNode metadataOfLast(String payloadTypeSuffix) throws Exception {
    byte[] meta =
        jdbc.queryForObject(
            "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE ?"
                + " ORDER BY global_index DESC LIMIT 1",
            byte[].class,
            "%" + payloadTypeSuffix);
    return Http.JSON.readTree(meta);
  }

  @Test
  void bootstrapAdminLogsInWithBasicAndWasCreatedByACommandInTheLog() throws Exception {
    Http.Response me = http.get("/api/v1/admins/admin", ADMIN);

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().path("role").asText()).isEqualTo("SUPERADMIN");
    assertThat(me.json().has("passwordHash")).isFalse();
    byte[] meta =
        jdbc.queryForObject(
            "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%AdminCreatedEvent'"
                + " ORDER BY global_index LIMIT 1",
            byte[].class);
    JsonNode first = Http.JSON.readTree(meta);
    assertThat(first.path("actor").asText()).isEqualTo("bootstrap");
    assertThat(first.path("source").asText()).isEqualTo("local");
  }

  @Test
  void wrongPasswordIs401ProblemWithTheBasicChallenge() {
    Http.Response response = http.get("/api/v1/admins", basic("admin", "not the password"));

    assertProblem(response, 401, "unauthorized");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"mailledger\"");
  }

  @Test
  void unknownAdminGetsTheSameAnswerAsAWrongPassword() {
    Http.Response unknown = http.get("/api/v1/admins", basic("nobody", "whatever password"));
    Http.Response wrong = http.get("/api/v1/admins", basic("admin", "whatever password"));

    assertProblem(unknown, 401, "unauthorized");
    assertThat(unknown.json().path("detail")).isEqualTo(wrong.json().path("detail"));
  }

  @Test
  void withoutCredentialsOnlyHealthAndTheApiDocumentAnswer() {
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    Http.Response metrics = http.get("/actuator/metrics", null);
    assertProblem(metrics, 401, "unauthorized");
    assertThat(metrics.header("WWW-Authenticate")).isEqualTo("Basic realm=\"mailledger\"");
    assertProblem(http.get("/api/v1/admins", null), 401, "unauthorized");
  }

  @Test
  void domainAdminIsAllowedExactlyItsGrantedDomains() {
    String granted = domain();
    String other = domain();
    String name = domainAdmin(granted);
    String dora = basic(name, PASSWORD);

    assertThat(allows(dora, granted)).isTrue();
    assertThat(allows(dora, other)).isFalse();
    assertThat(allows(ADMIN, other)).isTrue();

    Http.Response grant =
        http.send("POST", "/api/v1/admins/" + name + "/domains", ADMIN, Map.of("domain", other));
    assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
    assertThat(grant.json().path("position").asLong()).isPositive();
    assertThat(allows(dora, other)).isTrue();

    Http.Response revoke =
        http.send("DELETE", "/api/v1/admins/" + name + "/domains/" + other, ADMIN, null);
    assertThat(revoke.status()).as(revoke.toString()).isEqualTo(200);
    assertThat(allows(dora, other)).isFalse();
  }

  @Test
  void domainAdminMayReadItselfButNotManageAdmins() {
    String granted = domain();
    String name = domainAdmin(granted);
    String dora = basic(name, PASSWORD);

    Http.Response self = http.get("/api/v1/admins/" + name, dora);
    assertThat(self.status()).as(self.toString()).isEqualTo(200);
    assertThat(self.json().path("domains").get(0).asText()).isEqualTo(granted);

    assertProblem(http.get("/api/v1/admins", dora), 403, "forbidden");
    assertProblem(http.get("/api/v1/admins/admin", dora), 403, "forbidden");
    assertProblem(
        http.send(
            "POST",
            "/api/v1/admins",
            dora,
            Map.of("name", unique("x"), "password", PASSWORD, "role", "SUPERADMIN")),
        403,
        "forbidden");
    assertProblem(
        http.send("PUT", "/api/v1/admins/admin/password", dora, Map.of("password", PASSWORD)),
        403,
        "forbidden");
  }

  @Test
  void adminCreationAnswers201AndRefusesBadInputUnknownDomainsAndDuplicates() {
    String name = unique("carl");
    Http.Response created = createAdmin(name, PASSWORD, "SUPERADMIN");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/admins/" + name);
    assertThat(created.json().path("position").asLong()).isPositive();

    assertProblem(createAdmin(name, PASSWORD, "SUPERADMIN"), 409, "admin-exists");
    Http.Response shortPassword = createAdmin(unique("p"), "eleven-char", "SUPERADMIN");
    assertProblem(shortPassword, 400, "invalid-value");
    assertThat(shortPassword.json().path("field").asText()).isEqualTo("password");
    Http.Response badName = createAdmin("bad/name", PASSWORD, "SUPERADMIN");
    assertProblem(badName, 400, "invalid-value");
    assertThat(badName.json().path("field").asText()).isEqualTo("name");
    Http.Response badRole = createAdmin(unique("r"), PASSWORD, "ROOT");
    assertThat(badRole.json().path("field").asText()).isEqualTo("role");
    assertProblem(
        createAdmin(unique("u"), PASSWORD, "DOMAIN_ADMIN", "unknown.example"),
        404,
        "unknown-domain");
    assertProblem(http.send("POST", "/api/v1/admins", ADMIN, "{not json"), 400, "malformed-body");
    assertProblem(http.get("/api/v1/admins/nobody", ADMIN), 404, "unknown-admin");
    assertThat(http.get("/api/v1/admins", ADMIN).json().toString())
        .contains("\"" + name + "\"")
        .doesNotContain("bcrypt")
        .doesNotContain("$2a$");
  }

  @Test
  void adminChangesItsOwnPassword() {
    String name = domainAdmin(domain());
    String newPassword = "another long password";

    Http.Response changed =
        http.send(
            "PUT",
            "/api/v1/admins/" + name + "/password",
            basic(name, PASSWORD),
            Map.of("password", newPassword));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("position").asLong()).isPositive();
    assertProblem(http.get("/api/v1/admins/" + name, basic(name, PASSWORD)), 401, "unauthorized");
    assertThat(http.get("/api/v1/admins/" + name, basic(name, newPassword)).status())
        .isEqualTo(200);
  }

  @Test
  void disabledAdminAndItsTokensAreRefusedUntilEnabled() {
    String name = domainAdmin(domain());
    String token = issueToken(basic(name, PASSWORD), Map.of()).path("token").asText();

    Http.Response disabled =
        http.send("PATCH", "/api/v1/admins/" + name, ADMIN, Map.of("active", false));
    assertThat(disabled.json().path("active").asBoolean()).isFalse();
    assertProblem(http.get("/api/v1/admins/" + name, basic(name, PASSWORD)), 401, "unauthorized");
    assertProblem(http.get("/api/v1/admins/" + name, bearer(token)), 401, "unauthorized");

    http.send("PATCH", "/api/v1/admins/" + name, ADMIN, Map.of("active", true));
    assertThat(http.get("/api/v1/admins/" + name, basic(name, PASSWORD)).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/admins/" + name, bearer(token)).status()).isEqualTo(200);
  }

  @Test
  void deletedAdminCannotLogInAndItsNameIsFreeAgain() {
    String name = domainAdmin(domain());
    String token = issueToken(basic(name, PASSWORD), Map.of()).path("token").asText();

    Http.Response deleted = http.send("DELETE", "/api/v1/admins/" + name, ADMIN, null);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertProblem(http.get("/api/v1/admins/" + name, basic(name, PASSWORD)), 401, "unauthorized");
    assertProblem(http.get("/api/v1/admins/" + name, bearer(token)), 401, "unauthorized");
    assertThat(createAdmin(name, PASSWORD, "DOMAIN_ADMIN").status()).isEqualTo(201);
  }

  @Test
  void theLastActiveSuperadminCannotBeDeletedOrDisabled() {
    for (JsonNode admin : http.get("/api/v1/admins", ADMIN).json()) {
      if (admin.path("role").asText().equals("SUPERADMIN")
          && !admin.path("name").asText().equals("admin")) {
        http.send("DELETE", "/api/v1/admins/" + admin.path("name").asText(), ADMIN, null);
      }
    }

    assertProblem(http.send("DELETE", "/api/v1/admins/admin", ADMIN, null), 409, "last-superadmin");
    assertProblem(
        http.send("PATCH", "/api/v1/admins/admin", ADMIN, Map.of("active", false)),
        409,
        "last-superadmin");
  }

  @Test
  void tokenIsShownOnceWorksAsBearerIsListedWithoutSecretAndStopsWhenRevoked() {
    JsonNode issued = issueToken(ADMIN, Map.of("description", "deploy script", "ttlDays", 7));
    String token = issued.path("token").asText();
    String id = issued.path("id").asText();
    assertThat(token).startsWith("mlt_");
    assertThat(issued.path("admin").asText()).isEqualTo("admin");

    Http.Response withToken = http.get("/test/domain-access/any.example", bearer(token));
    assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
    assertThat(withToken.json().path("actor").asText()).isEqualTo("admin/token:" + id);
    assertThat(http.get("/api/v1/admins", bearer(token)).status()).isEqualTo(200);

    Http.Response list = http.get("/api/v1/tokens", ADMIN);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().toString()).contains(id).contains("deploy script");
    assertThat(list.json().toString())
        .doesNotContain(token)
        .doesNotContain(token.substring(4))
        .doesNotContain("\"token\"");

    Http.Response revoked = http.send("DELETE", "/api/v1/tokens/" + id, bearer(token), null);
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    Http.Response after = http.get("/api/v1/admins", bearer(token));
    assertProblem(after, 401, "unauthorized");
    assertThat(after.raw().headers().allValues("WWW-Authenticate"))
        .contains("Basic realm=\"mailledger\"");
    assertThat(http.get("/api/v1/tokens", ADMIN).json().toString()).contains("\"revoked\"");
    assertProblem(http.get("/api/v1/admins", bearer("mlt_made-up")), 401, "unauthorized");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String token =
        issueToken(ADMIN, Map.of("expiresAt", expiresAt.toString())).path("token").asText();
    assertThat(http.get("/api/v1/admins/admin", bearer(token)).status()).isEqualTo(200);

    Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 300);

    assertProblem(http.get("/api/v1/admins/admin", bearer(token)), 401, "unauthorized");
  }

  @Test
  void tokenRequestsWithBadExpiriesAreRefused() {
    assertThat(
            http.send(
                    "POST",
                    "/api/v1/tokens",
                    ADMIN,
                    Map.of("expiresAt", "2099-01-01T00:00:00Z", "ttlDays", 3))
                .json()
                .path("field")
                .asText())
        .isEqualTo("expiresAt");
    assertProblem(
        http.send("POST", "/api/v1/tokens", ADMIN, Map.of("expiresAt", "2001-01-01T00:00:00Z")),
        400,
        "invalid-value");
    assertProblem(
        http.send("POST", "/api/v1/tokens", ADMIN, Map.of("ttlDays", 0)), 400, "invalid-value");
    assertProblem(
        http.send("POST", "/api/v1/tokens", ADMIN, Map.of("admin", "nobody")),
        404,
        "unknown-admin");
  }

  @Test
  void domainAdminManagesOnlyItsOwnTokensAndItsTokensCarryItsGrants() {
    String granted = domain();
    String name = domainAdmin(granted);
    String dora = basic(name, PASSWORD);
    String adminTokenId = issueToken(ADMIN, Map.of()).path("id").asText();

    JsonNode own = issueToken(dora, Map.of("description", "mine"));
    String token = own.path("token").asText();
    assertThat(allows(bearer(token), granted)).isTrue();
    assertThat(allows(bearer(token), "other.example")).isFalse();
    assertProblem(http.get("/api/v1/admins", bearer(token)), 403, "forbidden");

    assertProblem(
        http.send("POST", "/api/v1/tokens", dora, Map.of("admin", "admin")), 403, "forbidden");
    JsonNode listed = http.get("/api/v1/tokens", dora).json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("admin").asText()).isEqualTo(name);
    assertProblem(
        http.send("DELETE", "/api/v1/tokens/" + adminTokenId, dora, null), 403, "forbidden");

    JsonNode forDora = issueToken(ADMIN, Map.of("admin", name));
    assertThat(forDora.path("admin").asText()).isEqualTo(name);
  }

  @Test
  void eventsOfAdminChangesCarryTheActorAndSource() throws Exception {
    String name = unique("meta");
    createAdmin(name, PASSWORD, "DOMAIN_ADMIN");
    JsonNode created = metadataOfLast("AdminCreatedEvent");
    assertThat(created.path("actor").asText()).isEqualTo("admin");
    assertThat(created.path("source").asText()).isEqualTo("127.0.0.1");

    JsonNode issued = issueToken(ADMIN, Map.of());
    String token = issued.path("token").asText();
    http.send("PATCH", "/api/v1/admins/" + name, bearer(token), Map.of("active", false));
    JsonNode disabled = metadataOfLast("AdminDisabledEvent");
    assertThat(disabled.path("actor").asText())
        .isEqualTo("admin/token:" + issued.path("id").asText());
    assertThat(disabled.path("source").asText()).isEqualTo("127.0.0.1");
    assertThat(metadataOfLast("ApiTokenIssuedEvent").path("actor").asText()).isEqualTo("admin");
  }

  @Test
  void plaintextPasswordsAndTokenSecretsReachNoTableAndNoEvent() {
    String name = unique("canary");
    String first = "Canary-Admin-Password-4711";
    String second = "Canary-Admin-Password-4712";
    assertThat(createAdmin(name, first, "SUPERADMIN").status()).isEqualTo(201);
    http.send(
        "PUT",
        "/api/v1/admins/" + name + "/password",
        basic(name, first),
        Map.of("password", second));
    String token = issueToken(basic(name, second), Map.of()).path("token").asText();

    List<String> canaries = List.of(first, second, token, token.substring(4));
    for (String table : TableScan.tables(jdbc.getDataSource())) {
      for (String canary : canaries) {
        assertThat(TableScan.rowsContaining(jdbc.getDataSource(), table, canary))
            .as("%s in %s", canary.substring(0, 8), table)
            .isZero();
      }
    }
  }
}
