package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailledger.fault.Load.Command;
import org.mailledger.fault.Load.Sent;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * The event store's PostgreSQL (a private cluster, never the shared server) restarted while three
 * clients create aliases and retry whatever the app answers 503 to, with a new correlation id each
 * time. Every 503 is problem+json of type {@code unavailable} and changed nothing; no alias is
 * created twice; the app reconnects by itself and takes commands after the restart; {@code ops
 * verify} finds the tables equal to the log.
 */
class DatabaseRestartTest {

  static final String ROOT_PASSWORD = TestSecrets.password("dbrestart-root");
  static final String ROOT = Http.basic("admin", ROOT_PASSWORD);
  static final String D = "r.example";
  static final int WORKERS = 3;

  @Test
  void commandsInFlightFailCleanlyAndNoneIsAppliedTwice() {
    try (PrivatePostgres pg = PrivatePostgres.create().start()) {
      pg.createDatabase("mailledger");
      String url = pg.jdbcUrl("mailledger");
      Map<String, String> env =
          Map.of(
              "SPRING_DATASOURCE_URL",
              url,
              "SPRING_DATASOURCE_USERNAME",
              "postgres",
              "SPRING_DATASOURCE_PASSWORD",
              "",
              "MAILLEDGER_BOOTSTRAP_PASSWORD",
              ROOT_PASSWORD);
      try (AppProcess app = new AppProcess("dbrestart", env, List.of()).start()) {
        Http http = new Http(app.port());
        ok(http.send("POST", "/api/v1/domains?wait=true", ROOT, "{\"domain\":\"" + D + "\"}"));
        ok(
            http.send(
                "POST",
                "/api/v1/domains/" + D + "/mailboxes?wait=true",
                ROOT,
                "{\"localPart\":\"owner\",\"password\":\""
                    + TestSecrets.password("dbrestart-mailbox")
                    + "\"}"));

        Load load =
            new Load(http, ROOT, WORKERS, DatabaseRestartTest::command, Load.Mode.RETRY_UNAVAILABLE)
                .start();
        load.awaitAcknowledged(30, 60_000);
        int beforeRestart = load.acknowledged();
        pg.restart();
        load.awaitAcknowledged(beforeRestart + 40, 120_000);
        List<Sent> sent = load.stopAndCollect();

        http.awaitProjections(ROOT, Duration.ofSeconds(90));
        EventLog log = new EventLog(url, "postgres", "");
        Map<String, List<String>> events = log.eventsByCorrelationId();
        Map<Integer, Long> statuses =
            sent.stream()
                .collect(Collectors.groupingBy(s -> s.answer().status(), Collectors.counting()));
        System.out.printf(
            "database restart under load: %d requests, answers by status %s, %d acknowledged"
                + " before the restart, %d events in the log%n",
            sent.size(), statuses, beforeRestart, log.count());

        List<Sent> unavailable = sent.stream().filter(s -> s.answer().status() == 503).toList();
        assertThat(unavailable).as("commands in flight during the restart").isNotEmpty();
        assertThat(unavailable)
            .as("503 answers are problem+json of type unavailable")
            .allSatisfy(
                s -> {
                  assertThat(s.answer().problem()).as(s.answer().toString()).isTrue();
                  assertThat(s.answer().type()).isEqualTo("urn:mailledger:problem:unavailable");
                });
        assertThat(unavailable)
            .as("a 503 changed nothing")
            .allSatisfy(s -> assertThat(events).doesNotContainKey(s.correlationId()));
        assertThat(statuses.keySet())
            .as("answers: created, unavailable, or taken when an earlier try was applied")
            .isSubsetOf(201, 503, 409);
        Map<String, List<Sent>> byAlias =
            sent.stream().collect(Collectors.groupingBy(s -> s.command().key()));
        byAlias.forEach(
            (alias, tries) -> {
              long applied =
                  tries.stream().filter(s -> events.containsKey(s.correlationId())).count();
              assertThat(applied).as("tries of %s applied", alias).isEqualTo(1);
              tries.stream()
                  .filter(s -> s.answer().status() == 409)
                  .forEach(
                      s ->
                          assertThat(s.answer().type())
                              .as(alias)
                              .isEqualTo("urn:mailledger:problem:address-taken"));
            });
        assertThat(Load.halfApplied(sent, events)).as("half-applied commands").isEmpty();
        assertThat(load.acknowledged() - beforeRestart)
            .as("commands acknowledged after the restart")
            .isGreaterThanOrEqualTo(40);

        OpsProcess.Outcome verify = OpsProcess.verifyMum(url, "postgres", "");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("OK: ");
      }
    }
  }

  static Command command(int worker, int i) {
    String local = "w" + worker + "n" + i;
    return new Command(
        "POST",
        "/api/v1/domains/" + D + "/aliases",
        "{\"localPart\":\""
            + local
            + "\",\"recipients\":[\"x@elsewhere.net\"],\"senders\":[\"owner@"
            + D
            + "\"]}",
        List.of("AliasCreatedEvent", "AliasSenderAddedEvent"),
        local + "@" + D);
  }

  static void ok(Http.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 202);
  }
}
