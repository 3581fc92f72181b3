package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailledger.fault.Load.Command;
import org.mailledger.fault.Load.Sent;
import org.mailledger.testsupport.TestDatabase;
import org.mailledger.testsupport.TestDatabases;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * The app process killed with {@code kill -9} while four clients send commands (domains, aliases
 * with a sender: two events in one transaction, quota changes), then started again on the same
 * database: every command that got a 2xx is in the log with all its events and in the tables, no
 * command left only part of its events, {@code ops verify} finds the tables equal to the log, and
 * the restarted app takes commands.
 */
class KillNineTest {

  static final String ROOT_PASSWORD = TestSecrets.password("kill9-root");
  static final String ROOT = Http.basic("admin", ROOT_PASSWORD);
  static final String D = "k.example";
  static final int WORKERS = 4;

  @Test
  void everyAcknowledgedCommandSurvivesAndNoneIsHalfApplied() {
    TestDatabase db = TestDatabases.postgres();
    Map<String, String> env =
        Map.of(
            "SPRING_DATASOURCE_URL", db.jdbcUrl(),
            "SPRING_DATASOURCE_USERNAME", db.username(),
            "SPRING_DATASOURCE_PASSWORD", db.password(),
            "MAILLEDGER_BOOTSTRAP_PASSWORD", ROOT_PASSWORD);
    try (AppProcess app = new AppProcess("kill9", env, List.of()).start()) {
      Http http = new Http(app.port());
      ok(http.send("POST", "/api/v1/domains?wait=true", ROOT, "{\"domain\":\"" + D + "\"}"));
      for (int w = 0; w < WORKERS; w++) {
        ok(
            http.send(
                "POST",
                "/api/v1/domains/" + D + "/mailboxes?wait=true",
                ROOT,
                "{\"localPart\":\"m"
                    + w
                    + "\",\"password\":\""
                    + TestSecrets.password("kill9-mailbox")
                    + "\"}"));
      }

      Load load =
          new Load(http, ROOT, WORKERS, KillNineTest::command, Load.Mode.STOP_ON_NO_ANSWER).start();
      load.awaitAcknowledged(80, 30_000);
      app.kill9();
      List<Sent> sent = load.stopAndCollect();

      app.start();
      http.awaitProjections(ROOT, Duration.ofSeconds(60));
      EventLog log = new EventLog(db.jdbcUrl(), db.username(), db.password());
      Map<String, List<String>> events = log.eventsByCorrelationId();
      List<Sent> acknowledged = sent.stream().filter(Sent::acknowledged).toList();
      List<Sent> unanswered = sent.stream().filter(s -> s.answer().status() == 0).toList();
      System.out.printf(
          "kill -9 under load: %d commands sent, %d acknowledged, %d without answer"
              + " (%d of those applied), %d events in the log%n",
          sent.size(),
          acknowledged.size(),
          unanswered.size(),
          unanswered.stream().filter(s -> events.containsKey(s.correlationId())).count(),
          log.count());

      assertThat(acknowledged).as("commands acknowledged before the kill").hasSizeGreaterThan(40);
      assertThat(unanswered).as("requests cut off by the kill").isNotEmpty();
      assertThat(sent)
          .as("no answer but 2xx or none: the app did not fail under load")
          .allSatisfy(s -> assertThat(s.answer().status()).isIn(0, 200, 201));
      assertThat(acknowledged)
          .as("every acknowledged command is in the log with all its events")
          .allSatisfy(
              s -> assertThat(events.get(s.correlationId())).isEqualTo(s.command().events()));
      assertThat(Load.halfApplied(sent, events)).as("half-applied commands").isEmpty();

      for (Sent s : acknowledged) {
        String path = s.command().key();
        assertThat(http.send("GET", path, ROOT, null).status()).as(path).isEqualTo(200);
      }
      Map<String, Integer> lastQuota = new HashMap<>();
      for (Sent s : sent) {
        if (s.command().path().startsWith("/api/v1/mailboxes/")
            && events.containsKey(s.correlationId())) {
          lastQuota.put(s.command().key(), quota(s.command().body()));
        }
      }
      lastQuota.forEach(
          (mailbox, quota) ->
              assertThat(http.send("GET", mailbox, ROOT, null).json().path("quotaGb").asInt())
                  .as(mailbox)
                  .isEqualTo(quota));

      OpsProcess.Outcome verify = OpsProcess.verifyMum(db.jdbcUrl(), db.username(), db.password());
      assertThat(verify.exitCode()).as(verify.output()).isZero();
      assertThat(verify.output()).contains("OK: ");

      ok(http.send("POST", "/api/v1/domains?wait=true", ROOT, "{\"domain\":\"after.example\"}"));
    }
  }

  /** Each worker cycles through the three kinds of command; every key is new. */
  static Command command(int worker, int i) {
    String tag = "w" + worker + "n" + i;
    return switch (i % 3) {
      case 0 ->
          new Command(
              "POST",
              "/api/v1/domains",
              "{\"domain\":\"" + tag + ".example\"}",
              List.of("DomainCreatedEvent"),
              "/api/v1/domains/" + tag + ".example");
      case 1 ->
          new Command(
              "POST",
              "/api/v1/domains/" + D + "/aliases",
              "{\"localPart\":\""
                  + tag
                  + "\",\"recipients\":[\"x@elsewhere.net\"],\"senders\":[\"m"
                  + worker
                  + "@"
                  + D
                  + "\"]}",
              List.of("AliasCreatedEvent", "AliasSenderAddedEvent"),
              "/api/v1/aliases/" + tag + "@" + D);
      default ->
          new Command(
              "PATCH",
              "/api/v1/mailboxes/m" + worker + "@" + D,
              "{\"quotaGb\":" + (i + 1) + "}",
              List.of("MailboxQuotaChangedEvent"),
              "/api/v1/mailboxes/m" + worker + "@" + D);
    };
  }

  private static int quota(String body) {
    return Integer.parseInt(body.replaceAll("\\D", ""));
  }

  static void ok(Http.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 202);
  }
}
