package org.mailledger.ops.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ops config}: writes the Postfix and Dovecot files that read a layout's lookup tables. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    headerHeading = "%n",
    header = "Write Postfix, Dovecot and SQL files for a lookup-table layout.",
    descriptionHeading = "%nDescription:%n",
    description = {
      "Writes into DIR:",
      "  postfix/*.cf                      one file per Postfix map (0600)",
      "  postfix/main.cf                   lines for main.cf that use them",
      "  postfix/master.cf                 a submission service",
      "  dovecot/dovecot-sql.conf.ext      SQL passdb/userdb settings (0600)",
      "  dovecot/auth-mailledger.conf.ext  passdb/userdb blocks to !include",
      "  sql/readonly-users.sql            the two read-only accounts (0600)",
      "",
      "Files marked 0600 hold a database password. Passwords not given are",
      "generated and written only into those files.",
      "The queries are the documented ones of the tool whose tables the layout",
      "keeps: MUM's on MySQL/MariaDB (translated for PostgreSQL), PostfixAdmin's",
      "(POSTFIX_CONF.txt, DOVECOT.txt) and DinoMail's, unchanged."
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExample:%n",
    footer = {
      "  ops config --layout mum --dialect postgresql --db-name mail --out out",
      "  psql -d mail -f out/sql/readonly-users.sql"
    })
public class ConfigCommand implements Callable<Integer> {

  private static final char[] PASSWORD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Spec CommandSpec spec;

  @Option(
      names = "--layout",
      required = true,
      paramLabel = "LAYOUT",
      converter = LayoutName.class,
      completionCandidates = LayoutName.class,
      description = "Lookup-table layout: ${COMPLETION-CANDIDATES}.")
  String layout;

  @Option(
      names = "--dialect",
      required = true,
      paramLabel = "DIALECT",
      description = "SQL dialect of the lookup database: postgresql or mysql (MySQL and MariaDB).")
  SqlDialect dialect;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write into; created if missing, files in it replaced.")
  Path out;

  @Option(
      names = "--db-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "Host of the lookup database, as Postfix and Dovecot reach it (default: ${DEFAULT-VALUE}).")
  String dbHost;

  @Option(
      names = "--db-port",
      paramLabel = "PORT",
      description = "Its port (default: 5432 for postgresql, 3306 for mysql).")
  Integer dbPort;

  @Option(
      names = "--db-name",
      required = true,
      paramLabel = "NAME",
      description = "Name of the database that holds the lookup tables.")
  String dbName;

  @Option(
      names = "--postfix-user",
      paramLabel = "USER",
      defaultValue = "mailledger_postfix",
      description = "Database account for Postfix (default: ${DEFAULT-VALUE}).")
  String postfixUser;

  @Option(
      names = "--postfix-password",
      paramLabel = "PASSWORD",
      description = "Its password (default: a new random one).")
  String postfixPassword;

  @Option(
      names = "--dovecot-user",
      paramLabel = "USER",
      defaultValue = "mailledger_dovecot",
      description = "Database account for Dovecot (default: ${DEFAULT-VALUE}).")
  String dovecotUser;

  @Option(
      names = "--dovecot-password",
      paramLabel = "PASSWORD",
      description = "Its password (default: a new random one).")
  String dovecotPassword;

  @Option(
      names = "--vmail-uid",
      defaultValue = "5000",
      paramLabel = "UID",
      description = "uid that owns all mail files (default: ${DEFAULT-VALUE}).")
  int vmailUid;

  @Option(
      names = "--vmail-gid",
      defaultValue = "5000",
      paramLabel = "GID",
      description = "gid that owns all mail files (default: ${DEFAULT-VALUE}).")
  int vmailGid;

  @Option(
      names = "--password-scheme",
      defaultValue = "BLF-CRYPT",
      paramLabel = "SCHEME",
      description =
          "Dovecot's default_pass_scheme, for hashes stored without a {SCHEME} prefix (default: ${DEFAULT-VALUE}).")
  String passwordScheme;

  @Option(
      names = "--postfix-dir",
      defaultValue = "/etc/postfix/mailledger",
      paramLabel = "PATH",
      description =
          "Where the map files will be installed, as main.cf names them (default: ${DEFAULT-VALUE}).")
  String postfixDir;

  @Option(
      names = "--dovecot-dir",
      defaultValue = "/etc/dovecot",
      paramLabel = "PATH",
      description =
          "Where dovecot-sql.conf.ext will be installed, as auth-mailledger.conf.ext names it (default: ${DEFAULT-VALUE}).")
  String dovecotDir;

  @Option(
      names = "--grant-host",
      defaultValue = "%",
      paramLabel = "HOST",
      description =
          "mysql only: host part of the created accounts, 'user'@'HOST' (default: ${DEFAULT-VALUE}).")
  String grantHost;

  @Option(
      names = "--mail-root",
      defaultValue = "/var/vmail",
      paramLabel = "PATH",
      description =
          "postfixadmin, dinomail: the app's mailledger.mail-root, in the paths of their Dovecot queries (default: ${DEFAULT-VALUE}).")
  String mailRoot;

  @Option(
      names = "--table-prefix",
      defaultValue = "dinomail_",
      paramLabel = "PREFIX",
      description =
          "dinomail: the app's mailledger.layout.dinomail.table-prefix (default: ${DEFAULT-VALUE}).")
  String tablePrefix;

  @Override
  public Integer call() throws Exception {
    ConfigSettings settings;
    try {
      settings =
          new ConfigSettings(
              layout,
              dialect,
              dbHost,
              dbPort == null ? dialect.defaultPort() : dbPort,
              dbName,
              postfixUser,
              postfixPassword == null ? randomPassword() : postfixPassword,
              dovecotUser,
              dovecotPassword == null ? randomPassword() : dovecotPassword,
              vmailUid,
              vmailGid,
              passwordScheme,
              postfixDir,
              dovecotDir,
              grantHost,
              mailRoot.length() > 1 && mailRoot.endsWith("/")
                  ? mailRoot.substring(0, mailRoot.length() - 1)
                  : mailRoot,
              tablePrefix);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<GeneratedFile> files = new ConfigGenerator(settings).generate();
    ConfigWriter.write(out, files);
    PrintWriter stdout = spec.commandLine().getOut();
    for (GeneratedFile file : files) {
      stdout.println((file.secret() ? "0600 " : "0644 ") + out.resolve(file.path()));
    }
    stdout.flush();
    return 0;
  }

  private static String randomPassword() {
    char[] chars = new char[32];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
    }
    return new String(chars);
  }
}
