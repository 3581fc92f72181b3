package org.mailledger.ops.config;

import org.mailledger.projection.layouts.Layouts;

/**
 * Everything the generated configuration depends on, already validated and defaulted.
 *
 * @param layout one of {@link Layouts#NAMES}
 * @param postfixDir where the Postfix map files will be installed; main.cf names them there
 * @param dovecotDir where dovecot-sql.conf.ext will be installed; the passdb/userdb blocks name it
 * @param grantHost the MySQL host part of the created accounts ({@code 'user'@'host'}); unused on
 *     PostgreSQL, where pg_hba.conf decides who may connect from where
 * @param mailRoot the root of the mail directories ({@code mailledger.mail-root}), where the
 *     postfixadmin and dinomail layouts' documented queries name a path
 * @param tablePrefix the dinomail layout's table prefix ({@code
 *     mailledger.layout.dinomail.table-prefix})
 */
public record ConfigSettings(
    String layout,
    SqlDialect dialect,
    String dbHost,
    int dbPort,
    String dbName,
    String postfixUser,
    String postfixPassword,
    String dovecotUser,
    String dovecotPassword,
    int vmailUid,
    int vmailGid,
    String passwordScheme,
    String postfixDir,
    String dovecotDir,
    String grantHost,
    String mailRoot,
    String tablePrefix) {

  // Identifiers end up unquoted in config lines and inside SQL quotes: a narrow alphabet keeps
  // every one of those contexts safe without per-context escaping.
  private static final String IDENTIFIER = "[A-Za-z0-9_][A-Za-z0-9_-]{0,62}";
  // No whitespace, '=', quotes, backslash, '$', '%' or '#': Dovecot splits its connect string on
  // spaces and '=', libpq treats quotes and backslashes specially, Postfix and Dovecot expand '$'
  // and '%', and the SQL script puts passwords inside single quotes.
  private static final String PASSWORD = "[A-Za-z0-9._~!*+,:;?@^/-]{1,128}";
  private static final String HOST = "[A-Za-z0-9._:-]{1,253}";
  private static final String GRANT_HOST = "[A-Za-z0-9._%:-]{1,255}";
  private static final String PATH = "/[A-Za-z0-9._/-]*";

  public ConfigSettings {
    if (!Layouts.NAMES.contains(layout)) {
      throw new IllegalArgumentException("--layout must be one of " + Layouts.NAMES);
    }
    check("--db-host", dbHost, HOST);
    check("--db-name", dbName, IDENTIFIER);
    check("--postfix-user", postfixUser, IDENTIFIER);
    check("--dovecot-user", dovecotUser, IDENTIFIER);
    check("--postfix-password", postfixPassword, PASSWORD);
    check("--dovecot-password", dovecotPassword, PASSWORD);
    check("--password-scheme", passwordScheme, "[A-Z0-9-]{1,32}");
    check("--postfix-dir", postfixDir, PATH);
    check("--dovecot-dir", dovecotDir, PATH);
    check("--grant-host", grantHost, GRANT_HOST);
    check("--mail-root", mailRoot, PATH);
    check("--table-prefix", tablePrefix, "[a-z][a-z0-9_]{0,30}");
    if (postfixUser.equals(dovecotUser)) {
      throw new IllegalArgumentException(
          "--postfix-user and --dovecot-user must differ: each gets its own grants");
    }
    if (dbPort < 1 || dbPort > 65535) {
      throw new IllegalArgumentException("--db-port must be between 1 and 65535, got " + dbPort);
    }
    if (vmailUid < 1 || vmailGid < 1) {
      throw new IllegalArgumentException("--vmail-uid and --vmail-gid must not be root (0)");
    }
  }

  private static void check(String option, String value, String pattern) {
    if (value == null || !value.matches(pattern)) {
      throw new IllegalArgumentException(
          option + " must match " + pattern + (value == null ? " (missing)" : ""));
    }
  }
}
