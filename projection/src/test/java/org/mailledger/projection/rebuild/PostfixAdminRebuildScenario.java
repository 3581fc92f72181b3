package org.mailledger.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.projection.progress.LayoutStatuses;
import org.mailledger.projection.progress.ProjectionStatus;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.Quota;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.TestPropertySource;

/**
 * The rebuild of the {@code postfixadmin} layout, whose rows are keyed by their natural keys and
 * whose foreign keys (on PostgreSQL) point at {@code domain.domain}, not at an id.
 */
@TestPropertySource(properties = "mailledger.layouts=mum,postfixadmin")
abstract class PostfixAdminRebuildScenario extends LayoutRebuildScenario {

  @Autowired LayoutStatuses statuses;

  @Override
  String layout() {
    return "postfixadmin";
  }

  @Override
  Map<String, List<String>> tablesAndViews() {
    return Map.of(
        "domain", List.of("domain"),
        "mailbox", List.of("username"),
        "alias", List.of("address"),
        "alias_domain", List.of("alias_domain"));
  }

  /**
   * PostfixAdmin's documented {@code virtual_mailbox_maps} query, as {@code ops config --layout
   * postfixadmin} writes it for the dialect (ops' PostfixAdminConfig).
   */
  @Override
  String mailboxQuery(String address) {
    return lookup.dialect() == Dialect.POSTGRESQL
        ? "SELECT maildir FROM mailbox WHERE username='" + address + "' AND active = true"
        : "SELECT CONCAT(domain,'/',maildir) FROM mailbox WHERE username='"
            + address
            + "' AND active = '1'";
  }

  @Override
  String answeringAddresses() {
    return "SELECT username FROM mailbox WHERE active = "
        + (lookup.dialect() == Dialect.POSTGRESQL ? "true" : "1");
  }

  /**
   * Another tool's table with a foreign key to {@code domain} (as PostfixAdmin's own {@code
   * vacation} on PostgreSQL, or one an operator adds): the swap moves the key onto the new table,
   * and the rows stay.
   */
  @Test
  void aRebuildMovesAnotherToolsForeignKeyOntoTheNewTables() throws InterruptedException {
    String domain = toolDomain();
    createToolTable();
    try {
      tables().update("INSERT INTO tool_note (domain, note) VALUES (?, 'kept')", domain);

      long at = rebuild();

      assertThat(at).isEqualTo(progress.head());
      assertThat(tables().queryForList("SELECT note FROM tool_note", String.class))
          .containsExactly("kept");
      assertThat(keysOfToolNote()).containsExactly("domain");
      assertThat(shadowTables()).isEmpty();
      assertThatThrownBy(
              () ->
                  tables()
                      .update(
                          "INSERT INTO tool_note (domain, note) VALUES ('nowhere.example', 'x')"))
          .as("the key holds on the new domain table")
          .isInstanceOf(DataIntegrityViolationException.class);
      assertThat(statuses.of(layout()).rebuildFailure()).isNull();
    } finally {
      tables().execute("DROP TABLE tool_note");
    }
  }

  /**
   * A row written to the live {@code domain} behind the log's back (as PostfixAdmin's setup writes
   * its {@code ALL} domain) that another tool's key points at: the rebuilt table lacks it, so the
   * swap is refused, naming the key; the live tables stay, the shadow tables go, and the layout
   * shows error with the cause until the next rebuild, which succeeds once the row is gone.
   */
  @Test
  void aRebuildThatWouldBreakAnotherToolsKeyFailsAndLeavesNothingBehind()
      throws InterruptedException {
    toolDomain();
    createToolTable();
    try {
      tables().update("INSERT INTO domain (domain, description, transport) VALUES ('ALL', '', '')");
      tables().update("INSERT INTO tool_note (domain, note) VALUES ('ALL', 'superadmin')");

      assertThatThrownBy(this::rebuild)
          .hasMessageContaining("tool_note")
          .hasMessageContaining("were not swapped in");

      assertThat(shadowTables()).isEmpty();
      assertThat(tables().queryForList("SELECT domain FROM domain WHERE domain = 'ALL'"))
          .as("the live tables are untouched")
          .hasSize(1);
      ProjectionStatus failed = statuses.of(layout());
      assertThat(failed.state()).isEqualTo("error");
      assertThat(failed.rebuildFailure().message()).contains("tool_note");
      assertThat(failed.rebuildFailure().failed()).isNotBlank();

      tables().update("DELETE FROM tool_note");
      tables().update("DELETE FROM domain WHERE domain = 'ALL'");
      rebuild();
      ProjectionStatus after = statuses.of(layout());
      assertThat(after.rebuildFailure()).isNull();
      assertThat(after.state()).isEqualTo("running");
    } finally {
      tables().execute("DROP TABLE IF EXISTS tool_note");
      tables().update("DELETE FROM domain WHERE domain = 'ALL'");
    }
  }

  /** PostgreSQL binds a view to its table: another tool's view stops the rebuild up front. */
  @Test
  void anotherToolsViewStopsTheRebuildBeforeItStarts() throws InterruptedException {
    if (lookup.dialect() != Dialect.POSTGRESQL) {
      return; // MySQL resolves a view's tables by name at each query: nothing to stop
    }
    toolDomain();
    tables().execute("CREATE VIEW tool_view AS SELECT username FROM mailbox");
    try {
      assertThatThrownBy(this::rebuild)
          .hasMessageContaining("view tool_view")
          .hasMessageContaining("Drop the view, rebuild, and create it again");
      assertThat(shadowTables()).isEmpty();
      assertThat(statuses.of(layout()).rebuildFailure().message()).contains("tool_view");
    } finally {
      tables().execute("DROP VIEW tool_view");
    }
  }

  /** A domain of the log, applied by both layouts. */
  private String toolDomain() throws InterruptedException {
    String domain = "tool-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    send(
        new CreateDomainCommand(id(), DomainName.of(domain), "", Quota.ofGigabytes(1), null, 0, 0));
    long head = progress.head();
    assertThat(progress.awaitPosition(GROUP, head, Duration.ofSeconds(60))).isTrue();
    assertThat(progress.awaitPosition("layout-" + layout(), head, Duration.ofSeconds(60))).isTrue();
    return domain;
  }

  private void createToolTable() {
    tables()
        .execute(
            lookup.dialect() == Dialect.POSTGRESQL
                ? "CREATE TABLE tool_note (domain VARCHAR(255) NOT NULL REFERENCES domain (domain),"
                    + " note TEXT)"
                // The key's column must match domain.domain's character set to refer to it.
                : "CREATE TABLE tool_note (domain VARCHAR(255) CHARACTER SET latin1 COLLATE"
                    + " latin1_general_ci NOT NULL, note TEXT, CONSTRAINT tool_note_domain"
                    + " FOREIGN KEY (domain) REFERENCES domain (domain)) ENGINE = InnoDB");
  }

  private long rebuild() {
    return rebuilds
        .rebuilder(layout())
        .orElseThrow()
        .rebuild(false, RebuildListener.NONE, () -> false);
  }

  /** The columns of tool_note's foreign keys whose parent is the table named domain. */
  private List<String> keysOfToolNote() {
    return lookup.dialect() == Dialect.POSTGRESQL
        ? tables()
            .queryForList(
                "SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid ="
                    + " c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND"
                    + " c.conrelid = 'tool_note'::regclass AND c.confrelid = 'domain'::regclass",
                String.class)
        : tables()
            .queryForList(
                "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema ="
                    + " DATABASE() AND table_name = 'tool_note' AND referenced_table_name ="
                    + " 'domain'",
                String.class);
  }

  private List<String> shadowTables() {
    return tables()
        .queryForList(
            lookup.dialect() == Dialect.POSTGRESQL
                ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND"
                    + " tablename LIKE 'rebuild%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                    + " DATABASE() AND table_name LIKE 'rebuild%'",
            String.class);
  }
}
