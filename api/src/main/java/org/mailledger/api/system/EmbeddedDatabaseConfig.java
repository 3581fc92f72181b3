package org.mailledger.api.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL 17 whose files persist in {@code ./data/postgres}, on a
 * fixed local port, so the app runs with nothing installed and Postfix could still query it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
public class EmbeddedDatabaseConfig {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

  @Bean(destroyMethod = "close")
  public EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties)
      throws IOException {
    Path data = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
    Files.createDirectories(data);
    Path binaries = data.resolveSibling("postgres-binaries");
    Files.createDirectories(binaries);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(binaries.toFile())
            .setPort(properties.port())
            .start();
    log.info(
        "Embedded PostgreSQL 17 is running with its data in {}; connect with: psql -h 127.0.0.1 -p {} -U postgres postgres"
            + " (JDBC: jdbc:postgresql://127.0.0.1:{}/postgres). Set spring.datasource.url to use your own server.",
        data,
        properties.port(),
        properties.port());
    return postgres;
  }

  @Bean
  public DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    // Lets the driver turn the projections' batched inserts into multi-row statements.
    dataSource.setJdbcUrl(
        "jdbc:postgresql://127.0.0.1:"
            + properties.port()
            + "/postgres?reWriteBatchedInserts=true");
    dataSource.setUsername("postgres");
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
