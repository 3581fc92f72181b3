package org.mailledger.ops.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailledger.ops.imports.RoundTrip.insert;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

/**
 * An import interrupted half-way, a dry run of the rest, the rest, and a run against a source that
 * changed since: nothing is imported twice, a changed row is reported and left alone, a new row
 * comes in.
 */
class ImportResumeTest {

  static final int MAILBOXES = 20;

  @Test
  void anInterruptedImportContinuesAndAChangedSourceIsReportedNotDuplicated() throws Exception {
    TestDatabase source = TestDatabases.postgres();
    TestDatabase mailledger = TestDatabases.postgres();
    fill(source.dataSource());
    String[] args =
        RoundTrip.importArgs(
            mailledger,
            "--from=dinomail",
            "--url=" + source.jdbcUrl(),
            "--user=" + source.username());
    String[] withoutName = java.util.Arrays.copyOfRange(args, 1, args.length);

    // Ctrl-C as the 11th step is about to start: ten rows are in, each whole.
    AtomicInteger asked = new AtomicInteger();
    RoundTrip.Run interrupted = run(withoutName, () -> asked.incrementAndGet() > 10);
    assertThat(interrupted.exit()).as(interrupted.err()).isEqualTo(130);
    assertThat(interrupted.out()).contains("(interrupted)");
    assertThat(interrupted.err()).contains("run the same command again to continue");
    assertThat(created(mailledger, "DomainCreatedEvent")).isEqualTo(2);
    assertThat(created(mailledger, "MailboxCreatedEvent")).isEqualTo(8);
    long eventsAfterInterrupt = RoundTrip.events(mailledger);

    RoundTrip.Run dryRun = RoundTrip.ops(append(args, "--dry-run"));
    assertThat(dryRun.out())
        .as(dryRun.err())
        .containsPattern("mailboxes:\\s+12 to import, 8 imported before")
        .containsPattern("aliases:\\s+2 to import, 0 imported before");
    assertThat(RoundTrip.events(mailledger)).isEqualTo(eventsAfterInterrupt);

    RoundTrip.Run rest = RoundTrip.ops(args);
    assertThat(rest.exit()).as(rest.out() + rest.err()).isZero();
    assertThat(rest.out())
        .containsPattern("domains:\\s+0 imported now, 2 imported before")
        .containsPattern("mailboxes:\\s+12 imported now, 8 imported before")
        .containsPattern("aliases:\\s+2 imported now, 0 imported before");
    assertThat(created(mailledger, "MailboxCreatedEvent")).isEqualTo(MAILBOXES);
    assertThat(created(mailledger, "AliasCreatedEvent")).isEqualTo(2);

    JdbcTemplate sourceDb = new JdbcTemplate(source.dataSource());
    sourceDb.update("UPDATE dinomail_virtualuser SET quota = 5 WHERE email = 'u03@example.org'");
    insert(
        source.dataSource(),
        "INSERT INTO dinomail_virtualuser (email, password, quota, domain_id) VALUES (?, ?, 0, 1)",
        "late@example.org",
        "{BLF-CRYPT}" + RoundTrip.bcrypt());
    RoundTrip.Run again = RoundTrip.ops(args);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out())
        .containsPattern("mailboxes:\\s+1 imported now, 19 imported before")
        .contains("Changed in the source since an earlier import (not applied):")
        .contains("mailbox u03@example.org: changed in the source");
    assertThat(created(mailledger, "MailboxCreatedEvent")).isEqualTo(MAILBOXES + 1);
    assertThat(created(mailledger, "MailboxQuotaChangedEvent")).isZero();
  }

  private static RoundTrip.Run run(String[] args, java.util.function.BooleanSupplier cancel) {
    ImportCommand command = new ImportCommand();
    command.cancellation = cancel;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(command)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new RoundTrip.Run(exit, out.toString(), err.toString());
  }

  private static long created(TestDatabase db, String type) {
    return new JdbcTemplate(db.dataSource())
        .queryForObject(
            "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?",
            Long.class,
            "%." + type);
  }

  private static void fill(DataSource db) throws Exception {
    RoundTrip.runScript(db, "/imports/dinomail-postgresql.sql");
    insert(db, "INSERT INTO dinomail_virtualdomain (id, name) VALUES (1, 'example.org')");
    insert(db, "INSERT INTO dinomail_virtualdomain (id, name) VALUES (2, 'example.net')");
    String hash = "{BLF-CRYPT}" + RoundTrip.bcrypt();
    for (int i = 0; i < MAILBOXES; i++) {
      insert(
          db,
          "INSERT INTO dinomail_virtualuser (email, password, quota, domain_id) VALUES (?, ?, ?,"
              + " 1)",
          String.format("u%02d@example.org", i),
          hash,
          1_000_000L);
    }
    String alias =
        "INSERT INTO dinomail_virtualalias (source, destination, domain_id) VALUES (?, ?, ?)";
    insert(db, alias, "all@example.org", "u00@example.org", 1);
    insert(db, alias, "all@example.org", "u01@example.org", 1);
    insert(db, alias, "@example.net", "all@example.org", 2);
  }

  private static String[] append(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }
}
