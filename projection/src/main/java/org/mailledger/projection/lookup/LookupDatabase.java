package org.mailledger.projection.lookup;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The database of the lookup tables, with everything the projections write through: one transaction
 * manager, so the rows and the processor's token commit together. Deliberately not a DataSource
 * bean, which would make Spring Boot drop the event store's own.
 */
public final class LookupDatabase {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcTemplate jdbc;
  private final DataSourceTransactionManager transactions;

  public LookupDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.dialect = Dialect.of(dataSource);
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new DataSourceTransactionManager(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Axon's view of the lookup database's transactions, for the layouts' processors. */
  public TransactionManager axonTransactionManager() {
    return new SpringTransactionManager(transactions);
  }

  /** Connections bound to the current lookup transaction, for the layouts' token stores. */
  public ConnectionProvider connectionProvider() {
    return new UnitOfWorkAwareConnectionProviderWrapper(
        new SpringDataSourceConnectionProvider(dataSource));
  }
}
