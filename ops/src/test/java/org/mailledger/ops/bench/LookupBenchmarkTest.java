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
 * Benchmark 3 of issue 7 on PostgreSQL: the generated Postfix and Dovecot queries, with the text
 * Postfix sends (placeholders replaced by the key, simple protocol, no prepared statement), run by
 * pgbench on the projected {@code mum} tables at 100,000 mailboxes and 50,000 aliases, beside the
 * same lookups on hand-made minimal tables (one table per question, the address as primary key)
 * holding the same answers. EXPLAIN of each generated query must show index lookups only.
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

  record Pair(String name, String key, String ours, String ideal) {}

  @Test
  void generatedQueriesBesideIdealTables() throws Exception {
    TestDatabase db = TestDatabases.postgres();
    LookupWorld world = new LookupWorld(DOMAINS, MAILBOXES, ALIASES);
    long fillStart = System.nanoTime();
    world.build(db, db);
    double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
    JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM mailboxes", Long.class))
        .isEqualTo(MAILBOXES);
    idealTables(jdbc);

    LookupQueries q = MumQueries.forDialect(SqlDialect.POSTGRESQL);
    String mailboxKey = "u:n@d:d.lookup.example";
    String aliasKey = "a:a@d:e.lookup.example";
    List<Pair> pairs =
        List.of(
            new Pair(
                "virtual_mailbox_domains",
                "d:d.lookup.example",
                q.domains(),
                "SELECT domain FROM ideal_domain WHERE domain = '%s'"),
            new Pair(
                "virtual_mailbox_maps",
                mailboxKey,
                q.mailboxes(),
                "SELECT 1 FROM ideal_mailbox WHERE address = '%s'"),
            new Pair(
                "virtual_alias_maps (aliases)",
                aliasKey,
                q.aliases(),
                "SELECT recipients FROM ideal_alias WHERE address = '%s'"),
            new Pair(
                "smtpd_sender_login_maps",
                mailboxKey,
                q.senderLoginMaps(),
                "SELECT owns FROM ideal_sender WHERE address = '%s'"),
            new Pair(
                "Dovecot password_query",
                mailboxKey,
                q.dovecotPasswordQuery(),
                "SELECT address AS user, password FROM ideal_mailbox WHERE address = '%n@%d'"),
            new Pair(
                "Dovecot user_query",
                mailboxKey,
                q.dovecotUserQuery(),
                "SELECT home, mail, quota_rule FROM ideal_mailbox WHERE address = '%n@%d'"));

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
      String sample =
          PostfixQuery.forKey(
              p.ours(),
              p.key()
                  .replace(":n", "17")
                  .replace(":d", "17")
                  .replace(":a", "17")
                  .replace(":e", "17"));
      List<String> plan = jdbc.queryForList("EXPLAIN " + sample, String.class);
      plans
          .append("-- ")
          .append(p.name())
          .append('\n')
          .append(String.join("\n", plan))
          .append("\n\n");
      // Index lookups only: no node reads a whole table (a bitmap heap scan fetches the rows its
      // bitmap index scan found, so it counts as an index lookup).
      String text = String.join("\n", plan);
      assertThat(text).as(p.name()).doesNotContain("Seq Scan").containsPattern(SCAN);
      ours.put(p.name(), new ArrayList<>());
      ideal.put(p.name(), new ArrayList<>());
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (Pair p : pairs) {
        ours.get(p.name())
            .add(
                Pgbench.tps(
                    db, prelude + PostfixQuery.forKey(p.ours(), p.key()) + ";\n", 2, SECONDS));
        ideal
            .get(p.name())
            .add(
                Pgbench.tps(
                    db, prelude + PostfixQuery.forKey(p.ideal(), p.key()) + ";\n", 2, SECONDS));
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
                + "; pgbench, 2 clients, "
                + SECONDS
                + " s a round, keys drawn at random, medians of "
                + ROUNDS
                + " alternating rounds (queries/s).\n\n"
                + "| query | generated, mum tables | ideal table | ratio | rounds (generated / ideal) |\n"
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
        "Lookup: generated queries on PostgreSQL beside ideal tables",
        "./mvnw -B -Pbench -pl api,ops -am verify -Dtest=LookupBenchmarkTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false",
        body.toString());
  }

  /** One table per question, keyed by the full address, holding the answers the maps give. */
  static void idealTables(JdbcTemplate jdbc) {
    jdbc.execute(
        "CREATE TABLE ideal_domain AS SELECT domain FROM domains WHERE active;"
            + " ALTER TABLE ideal_domain ADD PRIMARY KEY (domain);"
            + " CREATE TABLE ideal_mailbox AS SELECT CONCAT(m.local_part, '@', d.domain) AS address,"
            + " m.password, m.homedir AS home, m.maildir AS mail,"
            + " CONCAT('*:storage=', COALESCE(m.quota, d.quota, 0), 'G') AS quota_rule"
            + " FROM mailboxes m JOIN domains d ON m.domain_id = d.id"
            + " WHERE m.active AND d.active AND NOT m.send_only;"
            + " ALTER TABLE ideal_mailbox ADD PRIMARY KEY (address);"
            + " CREATE TABLE ideal_alias AS SELECT CONCAT(a.local_part, '@', d.domain) AS address,"
            + " string_agg(r.recipient_address, ',') AS recipients FROM aliases a"
            + " JOIN domains d ON a.domain_id = d.id JOIN alias_recipients r ON r.alias_id = a.id"
            + " WHERE a.active AND d.active GROUP BY 1;"
            + " ALTER TABLE ideal_alias ADD PRIMARY KEY (address);"
            + " CREATE TABLE ideal_sender AS SELECT address, address AS owns FROM ideal_mailbox;"
            + " ALTER TABLE ideal_sender ADD PRIMARY KEY (address);"
            + " ANALYZE;");
  }
}
