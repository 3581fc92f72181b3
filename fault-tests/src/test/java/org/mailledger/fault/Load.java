package org.mailledger.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client threads that send commands one after another, each with its own correlation id, and keep
 * every request and its answer, so that afterwards each can be held against the log.
 */
final class Load {

  /** One command to send and the events it must leave in the log when it is accepted. */
  record Command(String method, String path, String body, List<String> events, String key) {}

  /** A request as sent and what came back (status 0: no answer). */
  record Sent(Command command, String correlationId, Http.Answer answer) {
    boolean acknowledged() {
      return answer.ok();
    }
  }

  interface Commands {
    Command next(int worker, int sequence);
  }

  private final Http http;
  private final String authorization;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final Thread[] threads;

  /** What a client does when it gets no answer or a 503. */
  enum Mode {
    /** The app is gone: this client stops. */
    STOP_ON_NO_ANSWER,
    /**
     * The app said retry: the same command again, with a new correlation id, until it is decided.
     */
    RETRY_UNAVAILABLE
  }

  Load(Http http, String authorization, int workers, Commands commands, Mode mode) {
    this.http = http;
    this.authorization = authorization;
    this.threads = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads[w] =
          new Thread(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  Command command = commands.next(worker, i);
                  Sent s = send(command);
                  if (s.answer().status() == 0 && mode == Mode.STOP_ON_NO_ANSWER) {
                    return;
                  }
                  while (mode == Mode.RETRY_UNAVAILABLE
                      && (s.answer().status() == 503 || s.answer().status() == 0)) {
                    AppProcess.sleep(100);
                    s = send(command);
                  }
                }
              },
              "load-" + w);
    }
  }

  Sent send(Command command) {
    String correlationId = "fault-" + UUID.randomUUID();
    Http.Answer answer =
        http.send(
            command.method(),
            command.path(),
            authorization,
            "application/json",
            command.body(),
            correlationId);
    Sent s = new Sent(command, correlationId, answer);
    sent.add(s);
    if (s.acknowledged()) {
      acknowledged.incrementAndGet();
    }
    return s;
  }

  Load start() {
    for (Thread t : threads) {
      t.start();
    }
    return this;
  }

  int acknowledged() {
    return acknowledged.get();
  }

  void awaitAcknowledged(int count, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (acknowledged.get() < count && System.currentTimeMillis() < deadline) {
      AppProcess.sleep(20);
    }
  }

  List<Sent> stopAndCollect() {
    stop.set(true);
    for (Thread t : threads) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(sent);
  }

  /**
   * The commands whose events are in the log only in part: each accepted command must have left all
   * of its events, and no command may have left some but not all.
   */
  static List<String> halfApplied(List<Sent> sent, Map<String, List<String>> log) {
    return sent.stream()
        .filter(s -> log.containsKey(s.correlationId()))
        .filter(s -> !log.get(s.correlationId()).equals(s.command().events()))
        .map(s -> s.command() + " left " + log.get(s.correlationId()))
        .toList();
  }
}
