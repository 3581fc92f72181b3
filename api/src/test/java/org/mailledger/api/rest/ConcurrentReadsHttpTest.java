package org.mailledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.rest.ApiClient.basic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mailledger.api.rest.ApiClient.Answer;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many more concurrent reads than the pool has connections: each read must hold at most one
 * connection at a time. A domain's alias domains were once read from inside the domain row's
 * mapper, a second connection taken while the first was held; with the pool's connections all held
 * by such reads, every one of them waited for the pool's time-out and answered 503.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mailledger.bootstrap-password=" + ConcurrentReadsHttpTest.ROOT_PASSWORD,
      "mailledger.bcrypt-cost=4",
      // Small on purpose: 32 concurrent readers against 4 connections, a short wait for one.
      "spring.datasource.hikari.maximum-pool-size=4",
      "spring.datasource.hikari.connection-timeout=2000"
    })
class ConcurrentReadsHttpTest {

  static final String ROOT_PASSWORD = "root password for the reads";
  static final String ROOT = basic("admin", ROOT_PASSWORD);
  static final int READERS = 32;

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @LocalServerPort int port;

  @Test
  void domainReadsOutnumberingThePoolAllAnswerWithTheirAliasDomains() throws Exception {
    ApiClient api = new ApiClient(port);
    created(api.json("POST", "/api/v1/domains?wait=true", ROOT, "{'domain':'reads.example'}"));
    created(
        api.json(
            "POST",
            "/api/v1/alias-domains?wait=true",
            ROOT,
            "{'aliasDomain':'reads-alias.example','targetDomain':'reads.example'}"));
    Answer issued = api.json("POST", "/api/v1/tokens", ROOT, "{'description':'reads','ttlDays':1}");
    created(issued);
    String bearer = "Bearer " + issued.json().path("token").asText();

    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try {
      List<Future<Answer>> one = new ArrayList<>();
      List<Future<Answer>> list = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        one.add(
            pool.submit(
                () -> api.send("GET", "/api/v1/domains/reads.example", bearer, null, null)));
        list.add(pool.submit(() -> api.send("GET", "/api/v1/domains", bearer, null, null)));
      }
      for (Future<Answer> f : one) {
        Answer a = f.get();
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().path("aliasDomains").toString()).isEqualTo("[\"reads-alias.example\"]");
      }
      for (Future<Answer> f : list) {
        Answer a = f.get();
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().path("items").get(0).path("aliasDomains").toString())
            .isEqualTo("[\"reads-alias.example\"]");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void created(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
  }
}
