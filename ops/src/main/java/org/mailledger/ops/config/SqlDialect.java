package org.mailledger.ops.config;

/** The lookup database's SQL dialect, with the names Postfix and Dovecot give its drivers. */
public enum SqlDialect {
  POSTGRESQL(5432, "pgsql", "pgsql"),
  // MariaDB too: Postfix and Dovecot reach it through their MySQL drivers.
  MYSQL(3306, "mysql", "mysql");

  private final int defaultPort;
  private final String postfixMapType;
  private final String dovecotDriver;

  SqlDialect(int defaultPort, String postfixMapType, String dovecotDriver) {
    this.defaultPort = defaultPort;
    this.postfixMapType = postfixMapType;
    this.dovecotDriver = dovecotDriver;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** The Postfix lookup table type, as in {@code pgsql:/etc/postfix/...cf}. */
  public String postfixMapType() {
    return postfixMapType;
  }

  public String dovecotDriver() {
    return dovecotDriver;
  }
}
