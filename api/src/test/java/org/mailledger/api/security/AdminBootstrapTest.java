package org.mailledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.api.security.Http.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailledger.api.MailledgerApplication;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first start with no admin creates {@code admin} with a generated password, logged once; a
 * restart on the same database creates nothing and logs no password.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

  private static final Pattern GENERATED =
      Pattern.compile(
          "WARN .*Created the first admin account 'admin' with the generated password (\\S+) ");

  static final TestDatabase DATABASE = TestDatabases.eventStore();

  private static ConfigurableApplicationContext start() {
    SpringApplication app = new SpringApplication(MailledgerApplication.class);
    app.setDefaultProperties(
        Map.of(
            "server.port", "0",
            "spring.datasource.url", DATABASE.jdbcUrl(),
            "spring.datasource.username", DATABASE.username(),
            "spring.datasource.password", DATABASE.password(),
            "mailledger.bcrypt-cost", "4"));
    return app.run();
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
  }

  @Test
  void firstStartCreatesAdminWithAGeneratedPasswordLoggedOnceAndARestartDoesNothing(
      CapturedOutput output) throws Exception {
    String password;
    try (ConfigurableApplicationContext app = start()) {
      Matcher generated = GENERATED.matcher(output.getOut());
      assertThat(generated.find()).as("the WARN line with the password").isTrue();
      password = generated.group(1);
      assertThat(password).hasSizeGreaterThanOrEqualTo(12);
      assertThat(new Http(port(app)).get("/api/v1/admins/admin", basic("admin", password)).status())
          .isEqualTo(200);
    }

    try (ConfigurableApplicationContext again = start()) {
      assertThat(output.getOut().split(Pattern.quote(password), -1)).hasSize(2);
      assertThat(GENERATED.matcher(output.getOut()).results().count()).isEqualTo(1);
      assertThat(
              new Http(port(again)).get("/api/v1/admins/admin", basic("admin", password)).status())
          .isEqualTo(200);
      JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%AdminCreatedEvent'",
                  Long.class))
          .isEqualTo(1);
      JsonNode meta =
          Http.JSON.readTree(
              jdbc.queryForObject(
                  "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%AdminCreatedEvent'",
                  byte[].class));
      assertThat(meta.path("actor").asText()).isEqualTo("bootstrap");
      assertThat(meta.path("source").asText()).isEqualTo("local");
    }
  }
}
