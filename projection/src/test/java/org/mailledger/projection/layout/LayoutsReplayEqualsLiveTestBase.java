package org.mailledger.projection.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.ProjectionTestBase;
import org.mailledger.projection.RandomCommands;
import org.mailledger.projection.fold.DinoMailFold;
import org.mailledger.projection.fold.DinoMailTables;
import org.mailledger.projection.fold.Fold;
import org.mailledger.projection.fold.LayoutRows;
import org.mailledger.projection.fold.LayoutTables;
import org.mailledger.projection.fold.LogRange;
import org.mailledger.projection.fold.PostfixAdminFold;
import org.mailledger.projection.fold.PostfixAdminTables;
import org.mailledger.projection.fold.Progress;
import org.mailledger.projection.lookup.Dialect;
import org.mailledger.schema.alias.CreateAliasCommand;
import org.mailledger.schema.aliasdomain.AliasDomainActivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainCreatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeactivatedEvent;
import org.mailledger.schema.aliasdomain.AliasDomainDeletedEvent;
import org.mailledger.schema.domain.CreateDomainCommand;
import org.mailledger.schema.mailbox.ChangeMailboxNameCommand;
import org.mailledger.schema.mailbox.CreateMailboxCommand;
import org.mailledger.schema.value.AliasAddress;
import org.mailledger.schema.value.DomainName;
import org.mailledger.schema.value.EmailAddress;
import org.mailledger.schema.value.Quota;
import org.mailledger.schema.value.Secret;
import org.mailledger.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The three layouts served from one log at once, each by its own processor: a random mix of
 * commands and alias-domain events, then each layout replayed from the start of the log on its own,
 * and every table and view the same as the live ones; and the independent in-memory folds that ops
 * verify and export use giving exactly the live rows, every column.
 */
@TestPropertySource(properties = "mailledger.layouts=mum,postfixadmin,dinomail")
abstract class LayoutsReplayEqualsLiveTestBase extends ProjectionTestBase {

  static final List<String> GROUPS =
      List.of("layout-mum", "layout-postfixadmin", "layout-dinomail");

  static final Map<String, List<String>> POSTFIXADMIN =
      Map.of(
          "domain", List.of("domain"),
          "mailbox", List.of("username"),
          "alias", List.of("address"),
          "alias_domain", List.of("alias_domain"));

  static final Map<String, List<String>> DINOMAIL =
      Map.of(
          "mailledger_dinomail_domain", List.of("id"),
          "mailledger_dinomail_user", List.of("id"),
          "mailledger_dinomail_alias", List.of("id"),
          "mailledger_dinomail_alias_recipient", List.of("id"),
          "mailledger_dinomail_alias_domain", List.of("id"),
          "dinomail_virtualdomain", List.of("name"),
          "dinomail_virtualuser", List.of("email"),
          "dinomail_virtualalias", List.of("source", "destination"));

  @Autowired EventStore eventStore;

  @Test
  void eachLayoutReplaysToItsLiveTables() throws Exception {
    RandomCommands commands = new RandomCommands(seed());
    commands.run(commands(), this::send);
    sendKnownDomain();
    awaitAll();
    appendAliasDomainEvents(new Random(seed()));
    awaitAll();

    Map<String, List<Map<String, Object>>> mum = snapshot();
    Map<String, List<Map<String, Object>>> postfixadmin = rows(POSTFIXADMIN);
    Map<String, List<Map<String, Object>>> dinomail = rows(DINOMAIL);
    assertThat(postfixadmin.get("mailbox")).isNotEmpty();
    assertThat(postfixadmin.get("alias_domain")).isNotEmpty();
    assertThat(postfixadmin.get("alias"))
        .as("some alias has several recipients")
        .anyMatch(row -> row.get("goto").toString().contains(","));
    assertThat(dinomail.get("dinomail_virtualuser")).isNotEmpty();
    assertThat(dinomail.get("dinomail_virtualalias"))
        .as("alias-domain rows")
        .anyMatch(row -> row.get("source").toString().contains(".alias.test"));
    assertThat(postfixadmin.get("mailbox").size())
        .as("every active mailbox in an active domain is a DinoMail user")
        .isGreaterThanOrEqualTo(dinomail.get("dinomail_virtualuser").size());

    for (String group : GROUPS) {
      replay(group);
    }
    awaitAll();

    assertThat(snapshot()).isEqualTo(mum);
    assertThat(rows(POSTFIXADMIN)).isEqualTo(postfixadmin);
    assertThat(rows(DINOMAIL)).isEqualTo(dinomail);
  }

  /** The folds of postfixadmin and dinomail (tables and views) agree with the projection. */
  @Test
  void eachInMemoryFoldAgreesWithItsLiveTables() throws Exception {
    RandomCommands commands = new RandomCommands(seed() + 1);
    commands.run(commands(), this::send);
    sendKnownDomain();
    awaitAll();
    appendAliasDomainEvents(new Random(seed() + 1));
    awaitAll();

    PostfixAdminFold postfixadmin =
        Fold.run(
            new PostfixAdminFold(),
            eventStoreDatabase().dataSource(),
            LogRange.all(),
            Progress.none());
    DinoMailFold dinomail =
        Fold.run(
            new DinoMailFold("dinomail_"),
            eventStoreDatabase().dataSource(),
            LogRange.all(),
            Progress.none());
    assertThat(postfixadmin.warnings()).isEmpty();
    assertThat(dinomail.warnings()).isEmpty();

    LayoutRows expected = postfixadmin.layoutRows();
    if (lookup.dialect() == Dialect.MYSQL) {
      expected.truncateTimes(ChronoUnit.SECONDS); // what a DATETIME keeps
    }
    LayoutRows live = live(PostfixAdminTables.LAYOUT);
    assertThat(expected.table("alias_domain")).isNotEmpty();
    assertThat(expected.table("alias").values())
        .as("some alias has several recipients")
        .anyMatch(row -> row.get("goto").toString().contains(","));
    assertThat(expected.table("mailbox").values())
        .as("some mailbox changed after its creation")
        .anyMatch(row -> !row.get("created").equals(row.get("modified")));
    for (String table : PostfixAdminTables.LAYOUT.compared()) {
      assertThat(live.table(table)).as(table).isEqualTo(expected.table(table));
    }

    LayoutTables dinoMailTables = DinoMailTables.of("dinomail_");
    LayoutRows dinoMailExpected = dinomail.layoutRows();
    LayoutRows dinoMailLive = live(dinoMailTables);
    assertThat(dinoMailExpected.table("dinomail_virtualalias").values())
        .as("alias-domain rows")
        .anyMatch(row -> row.get("source").toString().contains(".alias.test"));
    for (String table : dinoMailTables.compared()) {
      assertThat(dinoMailLive.table(table)).as(table).isEqualTo(dinoMailExpected.table(table));
    }
  }

  /** Every row of the layout's tables and views as they are now, in the folds' normal form. */
  private LayoutRows live(LayoutTables layout) {
    LayoutRows rows = new LayoutRows(layout);
    for (String table : layout.compared()) {
      for (Map<String, Object> row : tables().queryForList("SELECT * FROM " + table)) {
        Map<String, Object> byColumn = new TreeMap<>();
        row.forEach((column, value) -> byColumn.put(column.toLowerCase(Locale.ROOT), value));
        rows.put(table, layout.columns(table).stream().map(byColumn::get).toArray());
      }
    }
    return rows;
  }

  abstract TestDatabase eventStoreDatabase();

  abstract long seed();

  /** How many random commands; fewer where the machine is slow to apply them. */
  abstract int commands();

  /** One domain with mailboxes, an alias and a catch-all that surely stay, for the alias domain. */
  private void sendKnownDomain() {
    String name = "known-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
    send(
        new CreateDomainCommand(
            id(), DomainName.of(name), "known", Quota.ofGigabytes(1), null, 0, 0));
    String anna = null;
    for (String local : List.of("anna", "bert")) {
      String mailboxId = id();
      anna = anna == null ? mailboxId : anna;
      send(
          new CreateMailboxCommand(
              mailboxId,
              EmailAddress.parse(local + "@" + name),
              new Secret("a long enough secret"),
              local,
              null,
              false));
    }
    send(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("team@" + name),
            List.of(EmailAddress.parse("anna@" + name), EmailAddress.parse("x@elsewhere.test")),
            List.of(),
            ""));
    send(
        new CreateAliasCommand(
            id(),
            AliasAddress.parse("@" + name),
            List.of(EmailAddress.parse("bert@" + name)),
            List.of(),
            ""));
    // A change in a later second than the creation, as a DATETIME (whole seconds) can tell apart:
    // on a fast machine every random command may fall into one second.
    try {
      Thread.sleep(1100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    send(new ChangeMailboxNameCommand(anna, "Anna"));
  }

  /** An alias domain for every domain there is now, some switched off, some deleted again. */
  private void appendAliasDomainEvents(Random random) {
    // Hosted domains only, as the alias-domain aggregate allows: DinoMail's table of them.
    List<String> targets =
        tables().queryForList("SELECT name FROM mailledger_dinomail_domain", String.class);
    assertThat(targets).isNotEmpty();
    int n = 0;
    for (String target : targets) {
      String id = UUID.randomUUID().toString();
      String name = "ad" + n++ + "-" + UUID.randomUUID().toString().substring(0, 6) + ".alias.test";
      List<Object> events = new ArrayList<>();
      events.add(new AliasDomainCreatedEvent(id, name, target));
      switch (target.startsWith("known-") ? 3 : random.nextInt(4)) {
        case 0 -> events.add(new AliasDomainDeactivatedEvent(id, name, target));
        case 1 -> {
          events.add(new AliasDomainDeactivatedEvent(id, name, target));
          events.add(new AliasDomainActivatedEvent(id, name, target));
        }
        case 2 -> events.add(new AliasDomainDeletedEvent(id, name, target));
        default -> {}
      }
      for (int seq = 0; seq < events.size(); seq++) {
        eventStore.publish(
            new GenericDomainEventMessage<>(
                "AliasDomain",
                id,
                seq,
                events.get(seq),
                MetaData.with("actor", "test").and("source", "127.0.0.1")));
      }
    }
  }

  private void awaitAll() throws InterruptedException {
    long head = progress.head();
    for (String group : GROUPS) {
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

  private void replay(String group) {
    StreamingEventProcessor processor =
        processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
    processor.shutDown();
    processor.resetTokens();
    processor.start();
  }

  private Map<String, List<Map<String, Object>>> rows(Map<String, List<String>> tables) {
    Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
    for (var table : new TreeMap<>(tables).entrySet()) {
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
