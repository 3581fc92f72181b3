package org.mailledger.projection.rebuild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that decode the log's payloads while the rebuild applies the pages before: one per
 * core, daemons, so a rebuild that is abandoned never keeps the process alive. One pool per copy of
 * the log, stopped when the copy ends.
 */
final class DecoderPool implements AutoCloseable {

  private final ExecutorService executor;

  private DecoderPool(ExecutorService executor) {
    this.executor = executor;
  }

  static DecoderPool start() {
    return new DecoderPool(
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread thread = new Thread(r, "rebuild-decoder");
              thread.setDaemon(true);
              return thread;
            }));
  }

  ExecutorService executor() {
    return executor;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
