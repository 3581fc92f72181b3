package org.mailledger.ops.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The writes of the command-path benchmark, none of which hashes a password: an alias recipient
 * added or removed, a mailbox quota changed, a mailbox deactivated or activated, a TLS policy
 * switched. Each entity is in at most one request at a time (a pool of free entities), so the load
 * measures the command path, not clashes on one aggregate.
 */
final class CommandMix implements OpenLoop.Requests {

  private abstract static class Entity {
    boolean flipped;

    abstract HttpRequest request(AppProcess app, String auth);
  }

  private static final class AliasRecipient extends Entity {
    final String alias;

    AliasRecipient(String alias) {
      this.alias = alias;
    }

    @Override
    HttpRequest request(AppProcess app, String auth) {
      String extra = "bench-extra@elsewhere.example";
      return flipped
          ? app.request("DELETE", "/api/v1/aliases/" + alias + "/recipients/" + extra, auth, null)
          : app.request(
              "POST",
              "/api/v1/aliases/" + alias + "/recipients",
              auth,
              "{\"address\":\"" + extra + "\"}");
    }
  }

  private static final class MailboxQuota extends Entity {
    final String mailbox;

    MailboxQuota(String mailbox) {
      this.mailbox = mailbox;
    }

    @Override
    HttpRequest request(AppProcess app, String auth) {
      return app.request(
          "PATCH", "/api/v1/mailboxes/" + mailbox, auth, "{\"quotaGb\":" + (flipped ? 1 : 2) + "}");
    }
  }

  private static final class MailboxActive extends Entity {
    final String mailbox;

    MailboxActive(String mailbox) {
      this.mailbox = mailbox;
    }

    @Override
    HttpRequest request(AppProcess app, String auth) {
      return app.request(
          "PATCH", "/api/v1/mailboxes/" + mailbox, auth, "{\"active\":" + flipped + "}");
    }
  }

  private static final class Tls extends Entity {
    final String destination;

    Tls(String destination) {
      this.destination = destination;
    }

    @Override
    HttpRequest request(AppProcess app, String auth) {
      return app.request(
          "PUT",
          "/api/v1/tls-policies/" + destination,
          auth,
          "{\"policy\":\"" + (flipped ? "may" : "encrypt") + "\"}");
    }
  }

  private final AppProcess app;
  private final String auth;
  private final ConcurrentLinkedQueue<Entity> free = new ConcurrentLinkedQueue<>();

  private CommandMix(AppProcess app, String auth, List<Entity> entities) {
    this.app = app;
    this.auth = auth;
    free.addAll(entities);
  }

  /**
   * Creates the entities through the API (in parallel, waiting for nothing but the answers): per
   * domain {@code perDomain} mailboxes, as many aliases and TLS destinations.
   */
  static CommandMix create(AppProcess app, String auth, int domains, int perDomain)
      throws Exception {
    List<Entity> entities = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int d = 0; d < domains; d++) {
        String domain = "cmd" + d + ".bench.example";
        app.expectOk(
            "POST",
            "/api/v1/domains?wait=true",
            auth,
            "{\"domain\":\"" + domain + "\",\"quotaGb\":1,\"maxQuotaGb\":100}");
        for (int i = 0; i < perDomain; i++) {
          int n = i;
          work.add(
              pool.submit(
                  () -> {
                    String mailbox = "m" + n + "@" + domain;
                    app.expectOk(
                        "POST",
                        "/api/v1/domains/" + domain + "/mailboxes",
                        auth,
                        "{\"localPart\":\"m"
                            + n
                            + "\",\"password\":\"bench password "
                            + n
                            + "\",\"quotaGb\":1}");
                    app.expectOk(
                        "POST",
                        "/api/v1/domains/" + domain + "/aliases",
                        auth,
                        "{\"localPart\":\"a" + n + "\",\"recipients\":[\"" + mailbox + "\"]}");
                    String tls = "t" + n + "." + domain.replace(".bench.", ".partner.");
                    app.expectOk(
                        "PUT", "/api/v1/tls-policies/" + tls, auth, "{\"policy\":\"may\"}");
                    entities.add(new AliasRecipient("a" + n + "@" + domain));
                    entities.add(
                        n % 2 == 0 ? new MailboxQuota(mailbox) : new MailboxActive(mailbox));
                    entities.add(new Tls(tls));
                    return null;
                  }));
        }
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Entity> shuffled = new ArrayList<>(entities);
    Collections.shuffle(shuffled, new Random(7));
    return new CommandMix(app, auth, shuffled);
  }

  int size() {
    return free.size();
  }

  @Override
  public OpenLoop.Lease next() {
    Entity e = free.poll();
    if (e == null) {
      return null;
    }
    return new OpenLoop.Lease(
        e.request(app, auth),
        status -> {
          if (status / 100 == 2) {
            e.flipped = !e.flipped;
          }
          free.add(e);
          return null;
        });
  }
}
