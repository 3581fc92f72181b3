package org.mailledger.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailledger.testsupport.secrets.TestSecrets;

/**
 * Races through the real REST API of the packaged app: all requests are released at once from a
 * gate, so they meet in the app and in the database, not one after the other in the client.
 */
class ConcurrencyHttpTest {

  final SharedApp shared = SharedApp.get();
  final Http http = shared.http;
  final String root = SharedApp.ROOT;

  @Test
  void twoHundredCreationsOfOneAddressGiveOneCreatedAndTheRestConflicts() throws Exception {
    ok(http.send("POST", "/api/v1/domains?wait=true", root, "{\"domain\":\"same.example\"}"));
    String password = TestSecrets.password("race-mailbox");
    long before = shared.log.count();

    List<Http.Answer> answers =
        race(
            200,
            i ->
                i % 2 == 0
                    ? http.send(
                        "POST",
                        "/api/v1/domains/same.example/mailboxes",
                        root,
                        "{\"localPart\":\"x\",\"password\":\"" + password + "\"}")
                    : http.send(
                        "POST",
                        "/api/v1/domains/same.example/aliases",
                        root,
                        "{\"localPart\":\"x\",\"recipients\":[\"y@elsewhere.net\"]}"));

    Map<Integer, Long> statuses = byStatus(answers);
    System.out.println("200 creations of x@same.example, answers by status: " + statuses);
    assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 1L);
    assertThat(answers.stream().filter(a -> a.status() == 409))
        .allSatisfy(
            a -> {
              assertThat(a.problem()).as(a.toString()).isTrue();
              assertThat(a.type()).isEqualTo("urn:mailledger:problem:address-taken");
            });
    assertThat(shared.log.count() - before).as("events appended by the race").isEqualTo(1);
  }

  @Test
  void fiftyMailboxCreationsAgainstALimitOfTenGiveExactlyTen() throws Exception {
    ok(
        http.send(
            "POST",
            "/api/v1/domains?wait=true",
            root,
            "{\"domain\":\"limit.example\",\"maxMailboxes\":10}"));
    String password = TestSecrets.password("limit-mailbox");

    List<Http.Answer> answers =
        race(
            50,
            i ->
                http.send(
                    "POST",
                    "/api/v1/domains/limit.example/mailboxes?wait=true",
                    root,
                    "{\"localPart\":\"u" + i + "\",\"password\":\"" + password + "\"}"));

    Map<Integer, Long> statuses = byStatus(answers);
    System.out.println(
        "50 mailbox creations against a limit of 10, answers by status: " + statuses);
    assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 10L);
    assertThat(answers.stream().filter(a -> a.status() == 409))
        .allSatisfy(
            a -> assertThat(a.type()).isEqualTo("urn:mailledger:problem:mailbox-limit-reached"));
    assertThat(
            http.send("GET", "/api/v1/domains/limit.example/mailboxes", root, null)
                .json()
                .path("total")
                .asInt())
        .isEqualTo(10);
  }

  interface Request {
    Http.Answer send(int i);
  }

  private static List<Http.Answer> race(int n, Request request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Http.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<Http.Answer> call =
            () -> {
              ready.countDown();
              gate.await();
              return request.send(index);
            };
        futures.add(pool.submit(call));
      }
      ready.await();
      gate.countDown();
      List<Http.Answer> answers = new ArrayList<>();
      for (Future<Http.Answer> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<Integer, Long> byStatus(List<Http.Answer> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(Http.Answer::status, Collectors.counting()));
  }

  private static void ok(Http.Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 202);
  }
}
