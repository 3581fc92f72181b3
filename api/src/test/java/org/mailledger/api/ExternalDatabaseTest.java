package org.mailledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.testsupport.TableScan;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With spring.datasource.url set, the app uses that server (PostgreSQL or MySQL/MariaDB, as the
 * suite's event store): Flyway makes every table there.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mailledger.bootstrap-password=" + ExternalDatabaseTest.ADMIN_PASSWORD)
class ExternalDatabaseTest {

  static final String ADMIN_PASSWORD = "external-database-test-admin";

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired CommandGateway gateway;

  @Test
  void healthIsUpAndFlywayOwnsEveryTable() {
    assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
    List<String> tables = TableScan.tables(jdbc.getDataSource());
    assertThat(tables)
        .containsExactly(
            "alias_recipients",
            "alias_senders",
            "aliases",
            "audit_entry",
            "audit_state",
            "auth_admin",
            "auth_grant",
            "auth_token",
            "claim_address",
            "claim_admin",
            "claim_alias_reference",
            "claim_domain",
            "dead_letter_entry",
            "domain_event_entry",
            "domains",
            "flyway_layout_mum_history",
            "flyway_layout_shared_history",
            "flyway_schema_history",
            "layout_processing_error",
            "layout_rebuild_failure",
            "layout_rebuild_progress",
            "layout_token_entry",
            "mailboxes",
            "snapshot_event_entry",
            "tls_policies",
            "token_entry");
  }

  @Test
  @SuppressWarnings("unchecked")
  void projectionLagIsAGauge() throws Exception {
    gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(
                new CreateDomainCommand(
                    "d-gauge", DomainName.of("gauge.example"), "", null, null, 0, 0))
            .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
    long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

    double lag = -1;
    double position = -1;
    for (int i = 0; i < 200 && (lag != 0 || position < head); i++) {
      Thread.sleep(50);
      lag = gauge("/actuator/metrics/mailledger.projection.lag?tag=layout:mum");
      position = gauge("/actuator/metrics/mailledger.projection.position?tag=layout:mum");
    }
    assertThat(lag).isZero();
    assertThat(position).isGreaterThanOrEqualTo(head);
    assertThat(gauge("/actuator/metrics/mailledger.eventstore.head")).isEqualTo(head);
  }

  @SuppressWarnings("unchecked")
  private double gauge(String path) {
    // Metrics are not public: the bootstrap admin asks.
    Map<String, Object> metric =
        http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject(path, Map.class);
    List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
    return ((Number) measurements.get(0).get("value")).doubleValue();
  }
}
