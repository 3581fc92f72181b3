package org.mailledger.ops.e2e;

import java.sql.SQLException;
import java.sql.Statement;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;

/**
 * The engine the lookup tables live on, which the ops tests run once each for
 * ({@code @ParameterizedClass @EnumSource(LookupEngine.class)}). Its name is what a test run shows
 * for each pass. The event store's engine is the suite's choice ({@code
 * MAILLEDGER_TEST_EVENTSTORE}, {@link TestDatabases#eventStore()}), not this.
 */
public enum LookupEngine {
  POSTGRESQL("PostgreSQL", "postgresql"),
  MARIADB("MariaDB", "mysql");

  private final String displayName;
  private final String dialect;

  LookupEngine(String displayName, String dialect) {
    this.displayName = displayName;
    this.dialect = dialect;
  }

  /** A new empty database on this engine. */
  public TestDatabase newDatabase() {
    return this == POSTGRESQL ? TestDatabases.postgres() : TestDatabases.mysql();
  }

  /**
   * {@code postgresql} or {@code mysql}, as ops, the migrations and the generated files name it.
   */
  public String dialect() {
    return dialect;
  }

  /**
   * Whether the suite's event store runs on this engine, so the lookup tables may sit beside it.
   */
  public boolean holdsTheEventStore() {
    return dialect.equals(TestDatabases.eventStoreDialect());
  }

  /**
   * Removes an account the generated {@code readonly-users.sql} created: accounts are server-wide,
   * not per database. On PostgreSQL, DROP OWNED revokes the role's grants in this database and on
   * the database itself, without which DROP ROLE refuses; the role may be missing when set-up
   * failed before creating it.
   */
  public void dropAccount(Statement admin, String user) throws SQLException {
    if (this == MARIADB) {
      admin.execute("DROP USER IF EXISTS '" + user + "'@'%'");
      return;
    }
    admin.execute(
        "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + user
            + "') THEN EXECUTE 'DROP OWNED BY \""
            + user
            + "\"'; EXECUTE 'DROP ROLE \""
            + user
            + "\"'; END IF; END $$");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
