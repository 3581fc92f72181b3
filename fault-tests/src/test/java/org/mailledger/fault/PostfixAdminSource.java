package org.mailledger.fault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.mailledger.fault.ProjectedApp.Engine;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.secrets.TestSecrets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * A PostfixAdmin database to import from: its {@code domain}, {@code mailbox} and {@code alias}
 * tables with the columns {@code ops import} reads (PostfixAdmin 3.3's types: booleans on
 * PostgreSQL, {@code tinyint(1)} on MySQL/MariaDB), and a few rows as PostfixAdmin writes them: its
 * {@code ALL} pseudo-domain, a domain with limits (quotas in MB), bcrypt mailboxes with and without
 * the {@code {BLF-CRYPT}} prefix (both are checked with Spring Security's BCrypt on import; quotas
 * in bytes, within the domain's), each with the alias row PostfixAdmin keeps for it, and an alias.
 */
final class PostfixAdminSource {

  static final String DOMAIN = "imported.example";
  static final List<String> MAILBOXES = List.of("carl@" + DOMAIN, "dora@" + DOMAIN);
  static final String ALIAS = "info@" + DOMAIN;
  static final String OUTSIDE = "help@elsewhere.test";

  private static final String POSTGRESQL =
      """
      CREATE TABLE domain (
        domain varchar(255) PRIMARY KEY,
        description varchar(255) NOT NULL DEFAULT '',
        aliases integer NOT NULL DEFAULT 0,
        mailboxes integer NOT NULL DEFAULT 0,
        maxquota bigint NOT NULL DEFAULT 0,
        quota bigint NOT NULL DEFAULT 0,
        transport varchar(255) DEFAULT NULL,
        backupmx boolean NOT NULL DEFAULT false,
        created timestamp with time zone DEFAULT now(),
        modified timestamp with time zone DEFAULT now(),
        active boolean NOT NULL DEFAULT true);
      CREATE TABLE mailbox (
        username varchar(255) PRIMARY KEY,
        password varchar(255) NOT NULL DEFAULT '',
        name varchar(255) NOT NULL DEFAULT '',
        maildir varchar(255) NOT NULL DEFAULT '',
        quota bigint NOT NULL DEFAULT 0,
        local_part varchar(255) NOT NULL,
        domain varchar(255) REFERENCES domain,
        created timestamp with time zone DEFAULT now(),
        modified timestamp with time zone DEFAULT now(),
        active boolean NOT NULL DEFAULT true);
      CREATE TABLE alias (
        address varchar(255) PRIMARY KEY,
        goto text NOT NULL,
        domain varchar(255) NOT NULL REFERENCES domain,
        created timestamp with time zone DEFAULT now(),
        modified timestamp with time zone DEFAULT now(),
        active boolean NOT NULL DEFAULT true)
      """;

  private static final String MYSQL =
      """
      CREATE TABLE domain (
        domain varchar(255) NOT NULL PRIMARY KEY,
        description varchar(255) NOT NULL DEFAULT '',
        aliases int(10) NOT NULL DEFAULT 0,
        mailboxes int(10) NOT NULL DEFAULT 0,
        maxquota bigint(20) NOT NULL DEFAULT 0,
        quota bigint(20) NOT NULL DEFAULT 0,
        transport varchar(255) NOT NULL DEFAULT '',
        backupmx tinyint(1) NOT NULL DEFAULT 0,
        created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        active tinyint(1) NOT NULL DEFAULT 1) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
      CREATE TABLE mailbox (
        username varchar(255) NOT NULL PRIMARY KEY,
        password varchar(255) NOT NULL,
        name varchar(255) NOT NULL DEFAULT '',
        maildir varchar(255) NOT NULL,
        quota bigint(20) NOT NULL DEFAULT 0,
        local_part varchar(255) NOT NULL,
        domain varchar(255) NOT NULL,
        created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        active tinyint(1) NOT NULL DEFAULT 1) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
      CREATE TABLE alias (
        address varchar(255) NOT NULL PRIMARY KEY,
        goto text NOT NULL,
        domain varchar(255) NOT NULL,
        created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
        active tinyint(1) NOT NULL DEFAULT 1) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
      """;

  private PostfixAdminSource() {}

  /** A new database on {@code engine} holding PostfixAdmin's tables and rows. */
  static TestDatabase create(Engine engine) throws SQLException {
    TestDatabase db = engine.newDatabase();
    String bcrypt =
        new BCryptPasswordEncoder(BCryptVersion.$2Y, 4)
            .encode(TestSecrets.password("packaged-ops-import"));
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      for (String ddl : (engine == Engine.POSTGRESQL ? POSTGRESQL : MYSQL).split(";")) {
        st.execute(ddl);
      }
      // TRUE and FALSE are booleans on PostgreSQL and 1 and 0 on MySQL/MariaDB.
      String domain =
          "INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota,"
              + " backupmx, active) VALUES ('%s', '%s', %d, %d, %d, 0, FALSE, TRUE)";
      st.execute(domain.formatted("ALL", "", 0, 0, 0));
      st.execute(domain.formatted(DOMAIN, "Imported", 10, 10, 2048));
      mailbox(c, MAILBOXES.get(0), "{BLF-CRYPT}" + bcrypt);
      mailbox(c, MAILBOXES.get(1), bcrypt);
      alias(c, ALIAS, MAILBOXES.get(0) + "," + OUTSIDE);
    }
    return db;
  }

  private static void mailbox(Connection c, String address, String hash) throws SQLException {
    String local = address.substring(0, address.indexOf('@'));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain,"
                + " active) VALUES (?, ?, ?, ?, 1024000000, ?, ?, TRUE)")) {
      ps.setString(1, address);
      ps.setString(2, hash);
      ps.setString(3, local);
      ps.setString(4, DOMAIN + "/" + local + "/");
      ps.setString(5, local);
      ps.setString(6, DOMAIN);
      ps.executeUpdate();
    }
    alias(c, address, address);
  }

  private static void alias(Connection c, String address, String target) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alias (address, goto, domain, active) VALUES (?, ?, ?, TRUE)")) {
      ps.setString(1, address);
      ps.setString(2, target);
      ps.setString(3, DOMAIN);
      ps.executeUpdate();
    }
  }
}
