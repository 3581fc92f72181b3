package org.mailledger.projection.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the lookup tables live: their own database when configured, else the event store's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
public class LookupDatabaseConfig {

  @Bean(destroyMethod = "")
  public LookupDatabase lookupDatabase(
      ProjectionProperties properties, ObjectProvider<DataSource> eventStore) {
    ProjectionProperties.Datasource own = properties.lookup().datasource();
    if (own.url() == null || own.url().isBlank()) {
      return new LookupDatabase(eventStore.getObject());
    }
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(own.url());
    dataSource.setUsername(own.username());
    dataSource.setPassword(own.password());
    dataSource.setPoolName("lookup");
    // Hikari's 30 s default would hold a processor thread that long on every try while the lookup
    // database is away; the processor's own back-off decides when to try again.
    dataSource.setConnectionTimeout(5_000);
    if (own.url().startsWith("jdbc:mysql:") || own.url().startsWith("jdbc:mariadb:")) {
      // InnoDB's default REPEATABLE READ takes gap locks on the unique keys, and the segments of
      // a layout, writing different domains' rows into the same tables, then deadlock each other.
      dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    return new LookupDatabase(dataSource);
  }
}
