package org.mailledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.security.Http.basic;
import static org.mailledger.api.security.Http.bearer;

import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ten failed logins from one address in a minute, by Basic or Bearer, and it gets 429. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + LoginRateLimitTest.PASSWORD,
      "mailledger.bcrypt-cost=4"
    })
class LoginRateLimitTest {

  static final String PASSWORD = "rate-limit-test-password";
  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort int port;

  @Test
  void tenFailuresFromOneAddressGet429WithRetryAfterEvenForTheRightPassword() {
    Http http = new Http(port);
    assertThat(http.get("/api/v1/admins", basic("admin", PASSWORD)).status()).isEqualTo(200);

    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/api/v1/admins", basic("admin", "guess " + i)).status()).isEqualTo(401);
      assertThat(http.get("/api/v1/admins", bearer("mlt_guess" + i)).status()).isEqualTo(401);
    }

    for (String authorization : new String[] {basic("admin", PASSWORD), bearer("mlt_guess")}) {
      Http.Response blocked = http.get("/api/v1/admins", authorization);
      assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
      assertThat(blocked.contentType()).startsWith("application/problem+json");
      assertThat(blocked.json().path("type").asText())
          .isEqualTo("urn:mailledger:problem:too-many-attempts");
      assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
    }
    assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
  }
}
