package org.mailledger.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailledger.ops.e2e.LookupEngine;
import org.mailledger.projection.progress.FailedEvent;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.aliasdomain.DeactivateAliasDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poison event on an alias domain, whose events postfixadmin sequences by the alias name: only
 * postfixadmin keeps alias domains in a table of their own. Its tables on every engine; the other
 * poison events are {@link PoisonEventTest}'s.
 */
@ParameterizedClass(name = "postfixadmin on {0}")
@EnumSource(LookupEngine.class)
class AliasDomainPoisonEventTest {

  @Parameter LookupEngine engine;

  private PoisonDatabases databases;

  @BeforeEach
  void databases() {
    databases = PoisonDatabases.on(engine);
  }

  /** The alias_domain row deleted by hand: the deactivation stops there instead of being lost. */
  @Test
  void anAliasDomainWhoseRowIsGoneStopsOnItsDeactivation() throws Exception {
    JdbcTemplate jdbc = databases.tables();
    try (Node node =
        new Node(
            databases.eventStore(),
            databases.lookup(),
            PoisonLayout.POSTFIXADMIN.appProperties())) {
      node.createDomain("target.example");
      String aliasDomain = Node.id();
      node.send(
          new CreateAliasDomainCommand(
              aliasDomain, DomainName.of("gone.example"), DomainName.of("target.example")));
      assertThat(node.awaitHead("postfixadmin", Duration.ofSeconds(30))).isTrue();
      String where = " FROM alias_domain WHERE alias_domain = 'gone.example'";
      Map<String, Object> row = jdbc.queryForMap("SELECT *" + where);
      assertThat(jdbc.update("DELETE" + where)).isEqualTo(1);

      node.send(new DeactivateAliasDomainCommand(aliasDomain));
      long poison = node.progress().head();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      ProjectionStatus status = node.status("postfixadmin");
      while (!"error".equals(status.state()) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        status = node.status("postfixadmin");
      }
      assertThat(status.state()).as("%s", status).isEqualTo("error");
      FailedEvent error = status.error();
      assertThat(error.position()).isEqualTo(poison);
      assertThat(error.type()).isEqualTo("AliasDomainDeactivatedEvent");
      assertThat(error.aggregate()).isEqualTo(aliasDomain);
      assertThat(error.message())
          .contains("MissingRowException")
          .contains("alias domain gone.example");

      PoisonLayout.insert(jdbc, "alias_domain", row);
      assertThat(node.awaitHead("postfixadmin", Duration.ofSeconds(30))).isTrue();
      assertThat(node.status("postfixadmin").error()).isNull();
      assertThat(jdbc.queryForObject("SELECT active" + where, Boolean.class)).isFalse();
      assertThat(
              jdbc.queryForObject(
                  "SELECT active FROM domain WHERE domain = 'gone.example'", Boolean.class))
          .isFalse();
    }
  }
}
