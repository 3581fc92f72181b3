package org.mailledger.ops.bench;

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

  /** One HTTP call: method, path and JSON body (or null). */
  record Call(String method, String path, String body) {}

  private abstract static class Entity {
    boolean flipped;

    /** The write that turns the entity to the other state: {@code flipped} is the current one. */
    abstract Call call(boolean flipped);
  }

  private static final class AliasRecipient extends Entity {
    final String alias;

    AliasRecipient(String alias) {
      this.alias = alias;
    }

    @Override
    Call call(boolean flipped) {
      String extra = "bench-extra@elsewhere.example";
      return flipped
          ? new Call("DELETE", "/api/v1/aliases/" + alias + "/recipients/" + extra, null)
          : new Call(
              "POST",
              "/api/v1/aliases/" + alias + "/recipients",
              "{\"address\":\"" + extra + "\"}");
    }
  }

  private static final class MailboxQuota extends Entity {
    final String mailbox;

    MailboxQuota(String mailbox) {
      this.mailbox = mailbox;
    }

    @Override
    Call call(boolean flipped) {
      return new Call(
          "PATCH", "/api/v1/mailboxes/" + mailbox, "{\"quotaGb\":" + (flipped ? 1 : 2) + "}");
    }
  }

  private static final class MailboxActive extends Entity {
    final String mailbox;

    MailboxActive(String mailbox) {
      this.mailbox = mailbox;
    }

    @Override
    Call call(boolean flipped) {
      return new Call("PATCH", "/api/v1/mailboxes/" + mailbox, "{\"active\":" + flipped + "}");
    }
  }

  private static final class Tls extends Entity {
    final String destination;

    Tls(String destination) {
      this.destination = destination;
    }

    @Override
    Call call(boolean flipped) {
      return new Call(
          "PUT",
          "/api/v1/tls-policies/" + destination,
          "{\"policy\":\"" + (flipped ? "may" : "encrypt") + "\"}");
    }
  }

  private final AppProcess app;
  private final String auth;
  private final ConcurrentLinkedQueue<Entity> free = new ConcurrentLinkedQueue<>();

  private final List<Entity> all;

  private CommandMix(AppProcess app, String auth, List<Entity> entities) {
    this.app = app;
    this.auth = auth;
    this.all = List.copyOf(entities);
    free.addAll(entities);
  }

  /**
   * Creates the entities through the API (in parallel, waiting for nothing but the answers): per
   * domain {@code perDomain} mailboxes, as many aliases and TLS destinations.
   */
  static CommandMix create(AppProcess app, String auth, int domains, int perDomain)
      throws Exception {
    return create(app, auth, "cmd", domains, perDomain);
  }

  /** As above, in domains named {@code <prefix><n>.bench.example}. */
  static CommandMix create(AppProcess app, String auth, String prefix, int domains, int perDomain)
      throws Exception {
    List<Entity> entities = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int d = 0; d < domains; d++) {
        String domain = prefix + d + ".bench.example";
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
    Call c = e.call(e.flipped);
    return new OpenLoop.Lease(
        new OpenLoop.Call(c.method(), c.path(), auth, c.body()),
        status -> {
          if (status / 100 == 2) {
            e.flipped = !e.flipped;
          }
          free.add(e);
          return null;
        });
  }

  /**
   * A wrk script sending this mix: wrk thread {@code t} of {@code threads} takes the entities
   * {@code t, t + threads, ...} in turn, each time the write that flips it, so no entity is in two
   * requests at once while a thread has fewer connections than entities. At the end it prints each
   * thread's request count, from which {@link #afterWrk} learns every entity's state. Not to be
   * used while {@link #next} leases run.
   */
  java.nio.file.Path wrkScript(int threads) throws java.io.IOException {
    StringBuilder lua = new StringBuilder();
    lua.append("local auth = [==[").append(auth).append("]==]\n");
    lua.append("local nthreads = ").append(threads).append("\n");
    lua.append("local calls = {\n");
    for (Entity e : all) {
      lua.append("  {").append(lua(e.call(e.flipped))).append(", ");
      lua.append(lua(e.call(!e.flipped))).append("},\n");
    }
    lua.append("}\n");
    lua.append(
        """
        local threads = {}
        local created = 0
        function setup(thread)
          thread:set("tid", created)
          created = created + 1
          table.insert(threads, thread)
        end
        function init(args)
          mine = {}
          for i = 1, #calls do
            if (i - 1) % nthreads == tid then
              local c = calls[i]
              local h = {["Authorization"] = auth, ["Content-Type"] = "application/json"}
              table.insert(mine, {wrk.format(c[1][1], c[1][2], h, c[1][3]),
                                  wrk.format(c[2][1], c[2][2], h, c[2][3])})
            end
          end
          counter = 0
        end
        function request()
          local n = #mine
          local e = mine[(counter % n) + 1]
          local visit = math.floor(counter / n)
          counter = counter + 1
          return e[(visit % 2) + 1]
        end
        function done(summary, latency, requests)
          for _, t in ipairs(threads) do
            io.write(string.format("counter %d %d\\n", t:get("tid"), t:get("counter")))
          end
        end
        """);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("mailledger-wrk", ".lua");
    java.nio.file.Files.writeString(file, lua);
    return file;
  }

  private static String lua(Call c) {
    return "{\""
        + c.method()
        + "\", [==["
        + c.path()
        + "]==], "
        + (c.body() == null ? "nil" : "[==[" + c.body() + "]==]")
        + "}";
  }

  /**
   * Flips every entity that the wrk run sent an odd number of writes. A write that failed (counted
   * by wrk as non-2xx) left its entity as it was, out of step with the alternation; the entity's
   * next write fails too and brings it back in step.
   */
  void afterWrk(int threads, java.util.Map<Integer, Long> counters) {
    if (counters.size() != threads) {
      throw new IllegalStateException("wrk reported " + counters + " for " + threads + " threads");
    }
    for (int t = 0; t < threads; t++) {
      List<Entity> mine = new ArrayList<>();
      for (int i = t; i < all.size(); i += threads) {
        mine.add(all.get(i));
      }
      long sent = counters.get(t);
      for (int j = 0; j < mine.size(); j++) {
        long visits = sent / mine.size() + (j < sent % mine.size() ? 1 : 0);
        if (visits % 2 == 1) {
          mine.get(j).flipped = !mine.get(j).flipped;
        }
      }
    }
  }

  /**
   * One wrk run of this mix with two threads; at most 1 % of its writes may fail (see {@link
   * #afterWrk}).
   */
  Wrk.Result wrk(AppProcess app, int connections, int seconds) throws Exception {
    int threads = 2;
    java.nio.file.Path script = wrkScript(threads);
    try {
      Wrk.Result r = Wrk.run(app.port, script, threads, connections, seconds);
      afterWrk(threads, r.counters());
      if (r.socketErrors() > 0 || r.non2xx() > r.requests() / 100) {
        throw new IllegalStateException(
            "wrk: "
                + r.socketErrors()
                + " socket errors, "
                + r.non2xx()
                + " non-2xx of "
                + r.requests());
      }
      // Requests cut off by wrk's stop may still be applied: let them land before what follows.
      Thread.sleep(500);
      return r;
    } finally {
      java.nio.file.Files.deleteIfExists(script);
    }
  }
}
