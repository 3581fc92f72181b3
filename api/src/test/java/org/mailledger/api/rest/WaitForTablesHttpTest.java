package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

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
 * {@code ?wait=true} answers once the rows are in the table Postfix reads, whichever segment of the
 * layout applies them, though it waits only for the segments that apply them (the answer time is
 * the lag benchmark's business, not this test's).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + WaitForTablesHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4"
    })
class WaitForTablesHttpTest {

  static final String ROOT_PASSWORD = "root password for the waits";
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

  @Test
  void everyWaitedWriteIsInTheLookupTableWhenItIsAnswered() {
    ApiClient api = new ApiClient(port);
    // Eight domains spread over the layout's segments, and their aliases with them.
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String domain = "wait" + i + ".example";
      domains.add(domain);
      Answer created =
          api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'" + domain + "'}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(rows("SELECT count(*) FROM domains WHERE domain = ?", domain)).isEqualTo(1);
    }
    for (int i = 0; i < 40; i++) {
      String domain = domains.get(i % domains.size());
      String local = "a" + i;
      Answer created =
          api.json(
              "POST",
              "/api/v1/domains/" + domain + "/aliases?wait=true",
              ROOT,
              "{'localPart':'" + local + "','recipients':['x@elsewhere.example']}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(
              rows(
                  "SELECT count(*) FROM aliases a JOIN domains d ON d.id = a.domain_id"
                      + " WHERE a.local_part = ? AND d.domain = ?",
                  local,
                  domain))
          .as("alias %s@%s in the table when the answer came", local, domain)
          .isEqualTo(1);
    }
  }

  private long rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
