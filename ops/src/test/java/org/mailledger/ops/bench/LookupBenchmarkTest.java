package org.mailledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailledger.ops.config.LookupQueries;
import org.mailledger.ops.config.MumQueries;
import org.mailledger.ops.config.SqlDialect;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 3 of issue 7: the generated Postfix and Dovecot queries, with the text Postfix sends
 * (placeholders replaced by the key, simple protocol, no prepared statement), run by pgbench
 * (PostgreSQL) or mysqlslap (MariaDB) on the projected {@code mum} tables at 100,000 mailboxes and
 * 50,000 aliases, beside the same query text on hand-made minimal tables with ideal covering
 * indexes holding the same rows. EXPLAIN of each generated query must show index lookups only.
 *
 * <p>{@code ./mvnw -B -Pbench -pl api,ops -am verify -Dtest=LookupBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} [-Dbench.rounds=3 -Dbench.lookup-seconds=5]
 */
@Tag("bench")
class LookupBenchmarkTest {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final int SECONDS = Integer.getInteger("bench.lookup-seconds", 5);
  static final int MAILBOXES = Integer.getInteger("bench.mailboxes", 100_000);
  static final int ALIASES = Integer.getInteger("bench.aliases", 50_000);
  static final int DOMAINS = 1_000;

  /** An index node of a plan. */
  static final Pattern SCAN = Pattern.compile("Index (Only )?Scan");

  record Pair(String name, String key, String query) {}

  @Test
  void generatedQueriesOnPostgresqlBesideIdealTables() throws Exception {
    TestDatabase db = TestDatabases.postgres();
    run(db, db, SqlDialect.POSTGRESQL);
  }

  @Test
  void generatedQueriesOnMariaDbBesideIdealTables() throws Exception {
    run(TestDatabases.postgres(), TestDatabases.mysql(), SqlDialect.MYSQL);
  }

  private void run(TestDatabase log, TestDatabase db, SqlDialect dialect) throws Exception {
    boolean pg = dialect == SqlDialect.POSTGRESQL;
    LookupWorld world = new LookupWorld(DOMAINS, MAILBOXES, ALIASES);
    long fillStart = System.nanoTime();
    world.build(log, db);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM mailboxes", Long.class))
        .isEqualTo(MAILBOXES);
    TestDatabase idealDb = idealTables(jdbc, db, pg);

    LookupQueries q = MumQueries.forDialect(dialect);
    String mailboxKey = "u:n@d:d.lookup.example";
    String aliasKey = "a:a@d:e.lookup.example";
    List<Pair> pairs =
        List.of(
            new Pair("virtual_mailbox_domains", "d:d.lookup.example", q.domains()),
            new Pair("virtual_mailbox_maps", mailboxKey, q.mailboxes()),
            new Pair("virtual_alias_maps (aliases)", aliasKey, q.aliases()),
            new Pair("smtpd_sender_login_maps", mailboxKey, q.senderLoginMaps()),
            new Pair("Dovecot password_query", mailboxKey, q.dovecotPasswordQuery()),
            new Pair("Dovecot user_query", mailboxKey, q.dovecotUserQuery()));

    String prelude =
        "\\set n random(0, "
            + (MAILBOXES - 1)
            + ")\n\\set d :n % "
            + DOMAINS
            + "\n\\set a random(0, "
            + (ALIASES - 1)
            + ")\n\\set e :a % "
            + DOMAINS
            + "\n";
    Map<String, List<Double>> ours = new LinkedHashMap<>();
    Map<String, List<Double>> ideal = new LinkedHashMap<>();
    StringBuilder plans = new StringBuilder();
    for (Pair p : pairs) {
      String sample = PostfixQuery.forKey(p.query(), literal(p.key(), 17, 17));
      String text;
      if (pg) {
        text = String.join("\n", jdbc.queryForList("EXPLAIN " + sample, String.class));
        // Index lookups only: no node reads a whole table (a bitmap heap scan fetches the rows
        // its bitmap index scan found, so it counts as an index lookup).
        assertThat(text).as(p.name()).doesNotContain("Seq Scan").containsPattern(SCAN);
      } else {
        List<Map<String, Object>> rows = jdbc.queryForList("EXPLAIN " + sample);
        StringBuilder t = new StringBuilder();
        for (Map<String, Object> row : rows) {
          t.append(row).append('\n');
          String table = String.valueOf(row.get("table"));
          if (!table.startsWith("<") && !"null".equals(table)) {
            // type ALL (or index: a full index scan) would read the whole table.
            assertThat(String.valueOf(row.get("type")))
                .as("%s: %s", p.name(), row)
                .isIn("const", "eq_ref", "ref", "range");
          }
        }
        text = t.toString();
      }
      plans.append("-- ").append(p.name()).append('\n').append(text).append("\n\n");
      ours.put(p.name(), new ArrayList<>());
      ideal.put(p.name(), new ArrayList<>());
    }
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < ROUNDS; round++) {
      for (Pair p : pairs) {
        if (pg) {
          ours.get(p.name())
              .add(
                  Pgbench.tps(
                      db, prelude + PostfixQuery.forKey(p.query(), p.key()) + ";\n", 2, SECONDS));
          ideal
              .get(p.name())
              .add(
                  Pgbench.tps(
                      db,
                      prelude + PostfixQuery.forKey(p.query(), p.key()) + ";\n",
                      2,
                      SECONDS,
                      Map.of("PGOPTIONS", "-c search_path=ideal")));
        } else {
          List<String> generated = new ArrayList<>();
          List<String> minimal = new ArrayList<>();
          for (int i = 0; i < 5_000; i++) {
            String key = literal(p.key(), random.nextInt(MAILBOXES), random.nextInt(ALIASES));
            generated.add(PostfixQuery.forKey(p.query(), key));
            minimal.add(PostfixQuery.forKey(p.query(), key));
          }
          int total = 4_000 * SECONDS;
          ours.get(p.name()).add(Mysqlslap.qps(db, generated, 2, total));
          ideal.get(p.name()).add(Mysqlslap.qps(idealDb, minimal, 2, total));
        }
      }
    }

    StringBuilder body =
        new StringBuilder(
            "The world: "
                + DOMAINS
                + " domains, "
                + Stats.num(MAILBOXES)
                + " mailboxes, "
                + Stats.num(ALIASES)
                + " aliases, projected by layout-mum in "
                + String.format(java.util.Locale.ROOT, "%.0f s", fillSeconds)
                + (pg
                    ? "; pgbench, 2 clients, " + SECONDS + " s a round"
                    : "; mysqlslap, 2 clients, " + 4_000 * SECONDS + " queries a round")
                + ", keys drawn at random, medians of "
                + ROUNDS
                + " alternating rounds (queries/s).\n\n"
                + "| query as Postfix/Dovecot sends it | on the mum tables | on minimal tables | ratio | rounds (mum / minimal) |\n"
                + "|---|---:|---:|---:|---|\n");
    for (Pair p : pairs) {
      double o = Stats.median(ours.get(p.name()));
      double i = Stats.median(ideal.get(p.name()));
      body.append("| ")
          .append(p.name())
          .append(" | ")
          .append(Stats.num(o))
          .append(" | ")
          .append(Stats.num(i))
          .append(" | **")
          .append(String.format(java.util.Locale.ROOT, "%.2fx", o / i))
          .append("** | ")
          .append(Stats.list(ours.get(p.name()), Stats::num))
          .append(" / ")
          .append(Stats.list(ideal.get(p.name()), Stats::num))
          .append(" |\n");
    }
    body.append("\nPlans (EXPLAIN, one sample key each):\n\n```\n").append(plans).append("```\n");
    BenchResults.write(
        "Lookup: generated queries on "
            + (pg ? "PostgreSQL" : "MariaDB")
            + " beside minimal tables",
        "./mvnw -B -Pbench -pl api,ops -am verify -Dtest=LookupBenchmarkTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false",
        body.toString());
  }

  /** The key template with the pgbench variables replaced by one mailbox and one alias. */
  static String literal(String template, int n, int a) {
    return template
        .replace(":n", String.valueOf(n))
        .replace(":d", String.valueOf(n % DOMAINS))
        .replace(":a", String.valueOf(a))
        .replace(":e", String.valueOf(a % DOMAINS));
  }

  /**
   * The same data in minimal tables beside ours, under the same names (schema {@code ideal} on
   * PostgreSQL, database {@code <db>_ideal} on MariaDB): only the columns the queries read, and for
   * each lookup a covering index in the order the query asks, so the same query text runs there as
   * on the best tables one could hand-make for it.
   */
  static TestDatabase idealTables(JdbcTemplate jdbc, TestDatabase db, boolean pg) {
    String s = pg ? "ideal." : db.database() + "_ideal.";
    List<String> statements = new ArrayList<>();
    statements.add(pg ? "CREATE SCHEMA ideal" : "CREATE DATABASE " + db.database() + "_ideal");
    String[][] tables = {
      {"domains", "id, domain, active, quota", "id"},
      {
        "mailboxes",
        "id, domain_id, local_part, active, send_only, password, homedir, maildir, quota",
        "id"
      },
      {"aliases", "id, domain_id, local_part, active", "id"},
      {"alias_recipients", "alias_id, recipient_address", "alias_id, recipient_address"},
      {"alias_senders", "alias_id, mailbox_id", "alias_id, mailbox_id"},
    };
    for (String[] t : tables) {
      statements.add("CREATE TABLE " + s + t[0] + " AS SELECT " + t[1] + " FROM " + t[0]);
      statements.add("ALTER TABLE " + s + t[0] + " ADD PRIMARY KEY (" + t[2] + ")");
    }
    if (pg) {
      statements.add("CREATE UNIQUE INDEX ON ideal.domains (domain) INCLUDE (id, active, quota)");
      statements.add(
          "CREATE UNIQUE INDEX ON ideal.mailboxes (local_part, domain_id) INCLUDE (active,"
              + " send_only)");
      statements.add(
          "CREATE UNIQUE INDEX ON ideal.aliases (local_part, domain_id) INCLUDE (id, active)");
      statements.add("ANALYZE");
    } else {
      // InnoDB secondary indexes carry the primary key: (domain, active, quota) covers id too.
      statements.add(
          "CREATE UNIQUE INDEX ideal_domain ON " + s + "domains (domain, active, quota)");
      statements.add(
          "CREATE UNIQUE INDEX ideal_mailbox ON "
              + s
              + "mailboxes (local_part, domain_id, active, send_only)");
      statements.add(
          "CREATE UNIQUE INDEX ideal_alias ON " + s + "aliases (local_part, domain_id, active)");
    }
    for (String sql : statements) {
      jdbc.execute(sql);
    }
    if (!pg) {
      for (String[] t : tables) {
        jdbc.queryForList("ANALYZE TABLE " + s + t[0] + ", " + t[0]);
      }
    }
    return pg
        ? db
        : new TestDatabase(
            db.jdbcUrl(),
            db.host(),
            db.port(),
            db.database() + "_ideal",
            db.username(),
            db.password(),
            db.origin());
  }
}
