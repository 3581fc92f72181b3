package org.mailledger.testsupport;

/** The two database families the project supports, with what differs between them here. */
enum Dialect {
  POSTGRESQL("postgresql", "PostgreSQL", "PG", 5432, "postgres", "postgres"),
  // MariaDB is reached with MySQL Connector/J, so the URL scheme and dialect name are "mysql".
  MYSQL("mysql", "MySQL/MariaDB", "MYSQL", 3306, "root", "");

  final String id;
  final String product;
  final String envPrefix;
  final int defaultPort;
  final String defaultUser;
  final String defaultAdminDatabase;

  Dialect(
      String id,
      String product,
      String envKey,
      int defaultPort,
      String defaultUser,
      String defaultAdminDatabase) {
    this.id = id;
    this.product = product;
    this.envPrefix = "MAILLEDGER_TEST_" + envKey;
    this.defaultPort = defaultPort;
    this.defaultUser = defaultUser;
    this.defaultAdminDatabase = defaultAdminDatabase;
  }

  String urlEnv() {
    return envPrefix + "_URL";
  }

  String userEnv() {
    return envPrefix + "_USER";
  }

  String passwordEnv() {
    return envPrefix + "_PASSWORD";
  }

  String quote(String identifier) {
    return this == POSTGRESQL ? '"' + identifier + '"' : '`' + identifier + '`';
  }
}
