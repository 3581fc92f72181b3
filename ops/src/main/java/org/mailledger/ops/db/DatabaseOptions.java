package org.mailledger.ops.db;

import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Option;

/**
 * The app's own database properties, bound by hand rather than through a Spring context: the
 * subcommands only need two JDBC connections, and starting Spring Boot (with Axon on the classpath
 * through the projection module) would cost seconds and risk starting processors. Each property is
 * taken, in this order, from the option {@code --spring.datasource.url=...}, the system property
 * {@code -Dspring.datasource.url=...}, or the environment variable in Spring's relaxed form ({@code
 * SPRING_DATASOURCE_URL}); the lookup database defaults to the event store's, as in the app.
 */
public class DatabaseOptions {

  @Option(
      names = "--spring.datasource.url",
      paramLabel = "JDBC_URL",
      description = "Event store database (or SPRING_DATASOURCE_URL).")
  String url;

  @Option(
      names = "--spring.datasource.username",
      paramLabel = "USER",
      description = "Its user (or SPRING_DATASOURCE_USERNAME).")
  String username;

  @Option(
      names = "--spring.datasource.password",
      paramLabel = "PASSWORD",
      description = "Its password (or SPRING_DATASOURCE_PASSWORD).")
  String password;

  @Option(
      names = "--mailledger.lookup.datasource.url",
      paramLabel = "JDBC_URL",
      description =
          "Lookup tables' database, PostgreSQL or MySQL/MariaDB (or"
              + " MAILLEDGER_LOOKUP_DATASOURCE_URL); default: the event store's.")
  String lookupUrl;

  @Option(
      names = "--mailledger.lookup.datasource.username",
      paramLabel = "USER",
      description = "Its user (or MAILLEDGER_LOOKUP_DATASOURCE_USERNAME).")
  String lookupUsername;

  @Option(
      names = "--mailledger.lookup.datasource.password",
      paramLabel = "PASSWORD",
      description = "Its password (or MAILLEDGER_LOOKUP_DATASOURCE_PASSWORD).")
  String lookupPassword;

  // Tests replace the environment; the tool reads the real one.
  Map<String, String> environment = System.getenv();

  public DataSource eventStore() {
    String jdbcUrl = property("spring.datasource.url", url);
    if (jdbcUrl == null) {
      throw new IllegalArgumentException(
          "no event store: give --spring.datasource.url=jdbc:postgresql://HOST/DB or set"
              + " SPRING_DATASOURCE_URL");
    }
    return dataSource(
        jdbcUrl,
        property("spring.datasource.username", username),
        property("spring.datasource.password", password));
  }

  /** Whether an event store is given at all, by option, system property or environment. */
  public boolean eventStoreConfigured() {
    return property("spring.datasource.url", url) != null;
  }

  public DataSource lookup() {
    String jdbcUrl = property("mailledger.lookup.datasource.url", lookupUrl);
    if (jdbcUrl == null) {
      return eventStore();
    }
    return dataSource(
        jdbcUrl,
        property("mailledger.lookup.datasource.username", lookupUsername),
        property("mailledger.lookup.datasource.password", lookupPassword));
  }

  private String property(String name, String option) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String system = System.getProperty(name);
    if (system != null && !system.isBlank()) {
      return system;
    }
    String env = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
    return env == null || env.isBlank() ? null : env;
  }

  private static DataSource dataSource(String url, String username, String password) {
    // One plain connection per use: the tools open a handful, a pool would only linger.
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
    dataSource.setUsername(username);
    dataSource.setPassword(password);
    return dataSource;
  }
}
