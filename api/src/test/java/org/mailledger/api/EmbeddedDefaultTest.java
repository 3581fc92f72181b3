package org.mailledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app as the README starts it, with no database configured: it brings up its own PostgreSQL,
 * says where, answers health UP, and keeps its data across a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultTest {

  @TempDir Path workDir;

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private ConfigurableApplicationContext start(int httpPort, int dbPort) {
    SpringApplication app = new SpringApplication(MailledgerApplication.class);
    app.setDefaultProperties(
        Map.of(
            "server.port", String.valueOf(httpPort),
            "mailledger.embedded.data-directory", workDir.resolve("data/postgres").toString(),
            "mailledger.embedded.port", String.valueOf(dbPort),
            "mailledger.bcrypt-cost", "4"));
    return app.run();
  }

  @Test
  void startsOnEmbeddedPostgresAnswersHealthUpAndKeepsDataAcrossRestart(CapturedOutput output)
      throws Exception {
    int httpPort = freePort();
    int dbPort = freePort();
    String domain = "embedded.example";

    try (ConfigurableApplicationContext app = start(httpPort, dbPort)) {
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      assertThat(output.getOut())
          .contains("Embedded PostgreSQL 17 is running")
          .contains("-p " + dbPort);

      app.getBean(CommandGateway.class)
          .sendAndWait(
              GenericCommandMessage.asCommandMessage(
                      new CreateDomainCommand(
                          "d-embedded", DomainName.of(domain), "", null, null, 0, 0))
                  .andMetaData(Map.of("actor", "test", "source", "127.0.0.1")));
    }

    assertThat(Files.isDirectory(workDir.resolve("data/postgres"))).isTrue();
    try (ConfigurableApplicationContext again = start(freePort(), dbPort)) {
      JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM claim_domain WHERE name = ?", Long.class, domain))
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'd-embedded'",
                  Long.class))
          .isEqualTo(1);
    }
  }
}
