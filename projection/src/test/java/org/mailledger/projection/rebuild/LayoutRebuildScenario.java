package org.mailledger.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.projection.RandomCommands;
import org.mailledger.projection.config.ProjectionProperties;
import org.mailledger.projection.layout.LayoutDescriptor;
import org.mailledger.projection.layouts.Layouts;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.aliasdomain.CreateAliasDomainCommand;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The rebuild of a layout other than mum, kept beside mum: filled by random commands (alias domains
 * included), rebuilt while a reader sends the layout's Postfix mailbox query the whole time, as
 * Postfix sends it (the text of the generated map, the address in it, no prepared statement), for
 * addresses that answer before and after. No answer may fail or come back empty; afterwards every
 * table and view holds exactly the rows it held, mum's tables are untouched, and the processor
 * applies new commands to the swapped-in tables. An interrupted rebuild resumes.
 */
abstract class LayoutRebuildScenario extends ProjectionTestBase {

  @Autowired Rebuilds rebuilds;
  @Autowired ProjectionProperties properties;

  /** The layout under test, as {@code mailledger.layouts} names it. */
  abstract String layout();

  abstract long seed();

  /** How many random commands; fewer where the machine is slow to apply them. */
  abstract int commands();

  /** The layout's tables and views, each with the columns that order its rows. */
  abstract Map<String, List<String>> tablesAndViews();

  /** The Postfix mailbox map's query for one address, as Postfix sends it. */
  abstract String mailboxQuery(String address);

  /** The addresses that query answers, read from the live tables. */
  abstract String answeringAddresses();

  private String group() {
    return "layout-" + layout();
  }

  private LayoutRebuilder rebuilder() {
    return rebuilds.rebuilder(layout()).orElseThrow();
  }

  // Both tests share the class's database: the log is written once.
  private void fill() throws InterruptedException {
    if (progress.head() < 100) {
      sendStableDomains();
      new RandomCommands(seed()).run(commands(), this::send);
    }
    awaitAll();
  }

  /**
   * Domains that the random commands never touch, so the reader has many addresses to ask for: each
   * with 20 mailboxes, an alias with two recipients, a catch-all and an alias domain.
   */
  private void sendStableDomains() {
    for (int d = 0; d < 3; d++) {
      String domain =
          "stable" + d + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
      send(
          new CreateDomainCommand(
              id(), DomainName.of(domain), "stable", Quota.ofGigabytes(2), null, 0, 0));
      for (int m = 0; m < 20; m++) {
        send(
            new CreateMailboxCommand(
                id(),
                EmailAddress.parse("m" + m + "@" + domain),
                new Secret("a long enough secret"),
                "mailbox " + m,
                null,
                false));
      }
      send(
          new CreateAliasCommand(
              id(),
              AliasAddress.parse("team@" + domain),
              List.of(EmailAddress.parse("m0@" + domain), EmailAddress.parse("x@elsewhere.test")),
              List.of(),
              ""));
      send(
          new CreateAliasCommand(
              id(),
              AliasAddress.parse("@" + domain),
              List.of(EmailAddress.parse("m1@" + domain)),
              List.of(),
              ""));
      send(
          new CreateAliasDomainCommand(
              id(), DomainName.of("alias-" + domain), DomainName.of(domain)));
    }
  }

  @Test
  void rebuildEqualsLiveWhileReadersNeverMiss() throws Exception {
    fill();
    Map<String, List<Map<String, Object>>> live = rows();
    Map<String, List<Map<String, Object>>> mum = snapshot();
    long migrations = migrations();
    List<String> addresses = tables().queryForList(answeringAddresses(), String.class);
    assertThat(addresses).isNotEmpty();

    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Object> phase = new AtomicReference<>("before");
    AtomicLong asked = new AtomicLong();
    AtomicLong askedAfterSwap = new AtomicLong();
    List<String> misses = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (Connection connection = lookup.dataSource().getConnection();
                  Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                int i = 0;
                while (!stop.get()) {
                  String address = addresses.get(i++ % addresses.size());
                  try (ResultSet rs = statement.executeQuery(mailboxQuery(address))) {
                    String answer = rs.next() ? rs.getString(1) : null;
                    if (answer == null || answer.isEmpty()) {
                      misses.add(address + " " + phase.get());
                    }
                  } catch (SQLException e) {
                    misses.add(address + " " + phase.get() + ": " + e.getMessage());
                  }
                  asked.incrementAndGet();
                  if (phase.get() == RebuildProgress.Phase.DONE) {
                    askedAfterSwap.incrementAndGet();
                  }
                }
              } catch (SQLException e) {
                misses.add("connection: " + e.getMessage());
              }
            },
            "postfix-reader");
    reader.start();
    List<RebuildProgress> reports = new ArrayList<>();
    long position;
    try {
      Thread.sleep(100);
      position =
          rebuilder()
              .rebuild(
                  false,
                  p -> {
                    reports.add(p);
                    phase.set(p.phase());
                  },
                  () -> false);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (askedAfterSwap.get() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      stop.set(true);
      reader.join();
    }

    // For docs/performance.md: how much the reader asked while this rebuild ran.
    System.out.printf(
        "rebuild of %s: %d events to position %d, %d rows; %d mailbox queries, %d after the swap,"
            + " %d missed%n",
        layout(),
        reports.get(reports.size() - 1).events(),
        position,
        live.values().stream().mapToInt(List::size).sum(),
        asked.get(),
        askedAfterSwap.get(),
        misses.size());
    assertThat(position).isEqualTo(progress.head());
    assertThat(asked.get()).isGreaterThan(100);
    assertThat(askedAfterSwap.get()).as("answers after the swap").isGreaterThanOrEqualTo(20);
    assertThat(misses).as("answers missed or empty during the rebuild").isEmpty();
    assertThat(reports).extracting(RebuildProgress::phase).contains(RebuildProgress.Phase.DONE);
    assertThat(rows()).isEqualTo(live);
    assertThat(snapshot()).as("mum's tables").isEqualTo(mum);
    assertThat(migrations()).as("the layout's Flyway history").isEqualTo(migrations);
    assertThat(tables().queryForObject("SELECT COUNT(*) FROM layout_processing_error", Long.class))
        .as("the shared error table is still there")
        .isNotNull();
    for (String table : RebuildLayout.of(descriptor(), lookup.dialect()).tables()) {
      assertThat(exists(ShadowTables.PREFIX + table)).as("shadow of " + table).isFalse();
      assertThat(exists(ShadowTables.OLD + table)).as("old " + table).isFalse();
    }

    // The processor runs again, from the rebuild's position, into the swapped-in tables.
    String domain = "after-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
    send(
        new CreateDomainCommand(id(), DomainName.of(domain), "", Quota.ofGigabytes(1), null, 0, 0));
    send(
        new CreateMailboxCommand(
            id(),
            EmailAddress.parse("new@" + domain),
            new Secret("a long enough secret"),
            "new",
            null,
            false));
    awaitAll();
    assertThat(
            tables().query(mailboxQuery("new@" + domain), (rs, i) -> rs.getString(1)).stream()
                .filter(answer -> answer != null && !answer.isEmpty()))
        .as("the new mailbox answers Postfix's query")
        .hasSize(1);
  }

  @Test
  void interruptedRebuildResumesAndLeavesLiveTablesAlone() throws Exception {
    fill();
    Map<String, List<Map<String, Object>>> live = rows();
    // Transactions of 40 events: rows written in one are changed in later ones.
    LayoutRebuilder small = rebuilder().with(new RebuildSettings(40, Duration.ZERO));
    AtomicInteger pages = new AtomicInteger();
    assertThatThrownBy(
            () ->
                small.rebuild(
                    false,
                    p -> {
                      if (p.phase() == RebuildProgress.Phase.COPYING) {
                        pages.incrementAndGet();
                      }
                    },
                    () -> pages.get() >= 5))
        .isInstanceOf(RebuildCancelledException.class);
    assertThat(rows()).isEqualTo(live);
    long recorded = small.recordedPosition().orElseThrow();
    assertThat(recorded).isGreaterThan(0).isLessThan(progress.head());
    assertThat(
            tables()
                .queryForObject(
                    "SELECT position FROM layout_rebuild_progress WHERE layout = ?",
                    Long.class,
                    layout()))
        .as("the progress row is the layout's own")
        .isEqualTo(recorded);

    List<RebuildProgress> reports = new ArrayList<>();
    small.rebuild(true, reports::add, () -> false);
    assertThat(reports.get(1).position()).isEqualTo(recorded);
    assertThat(small.recordedPosition()).isEmpty();
    assertThat(rows()).isEqualTo(live);
  }

  private LayoutDescriptor descriptor() {
    return Layouts.kept(properties).stream()
        .filter(l -> l.name().equals(layout()))
        .findFirst()
        .orElseThrow();
  }

  private void awaitAll() throws InterruptedException {
    long head = progress.head();
    for (String group : List.of(GROUP, group())) {
      assertThat(progress.awaitPosition(group, head, Duration.ofSeconds(60)))
          .as("%s reaches log position %d", group, head)
          .isTrue();
      StreamingEventProcessor processor =
          processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (processor.processingStatus().values().stream()
              .anyMatch(s -> !s.isCaughtUp() || s.isErrorState())
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(processor.processingStatus().values())
          .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }
  }

  private long migrations() {
    return tables()
        .queryForObject("SELECT COUNT(*) FROM flyway_layout_" + layout() + "_history", Long.class);
  }

  private boolean exists(String table) {
    try {
      tables().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0", Long.class);
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  /** Every row and column of the layout's tables and views, ids included where it has them. */
  private Map<String, List<Map<String, Object>>> rows() {
    Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
    for (var table : new TreeMap<>(tablesAndViews()).entrySet()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row :
          tables()
              .queryForList(
                  "SELECT * FROM "
                      + table.getKey()
                      + " ORDER BY "
                      + String.join(", ", table.getValue()))) {
        Map<String, Object> normalized = new TreeMap<>();
        row.forEach(
            (column, value) ->
                normalized.put(
                    column.toLowerCase(Locale.ROOT),
                    value instanceof Boolean b
                        ? (b ? 1L : 0L)
                        : value instanceof Number number ? number.longValue() : value));
        rows.add(normalized);
      }
      all.put(table.getKey(), rows);
    }
    return all;
  }
}
