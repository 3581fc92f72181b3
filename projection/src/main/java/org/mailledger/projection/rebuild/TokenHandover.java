package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live processor's side of the swap: it must be stopped everywhere, and then each of its
 * segments goes on from the rebuild's position.
 */
final class TokenHandover {

  private final JdbcTemplate jdbc;
  private final EventProcessingConfiguration processing;
  private final RebuildLayout layout;

  TokenHandover(JdbcTemplate jdbc, EventProcessingConfiguration processing, RebuildLayout layout) {
    this.jdbc = jdbc;
    this.processing = processing;
    this.layout = layout;
  }

  /**
   * The live processor must be stopped everywhere before the swap: one running in another process
   * (the app, while {@code ops rebuild} runs) would keep writing the old tables and then overwrite
   * the tokens we set. Its claims in the token table show it.
   */
  void requireNoOtherOwner() {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      List<String> owners =
          jdbc.queryForList(
              "SELECT owner FROM layout_token_entry WHERE processor_name = ? AND owner IS NOT NULL",
              String.class,
              layout.group());
      if (owners.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            layout.group()
                + " is running in another process ("
                + String.join(", ", owners)
                + "): stop it, or rebuild through that process's POST /api/v1/projections/"
                + layout.name()
                + "/rebuild; the live tables are untouched");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RebuildCancelledException(-1);
      }
    }
  }

  /** Every segment of the live processor at {@code token}, unclaimed; run in the swap. */
  void moveTo(TrackingToken token) {
    TokenStore tokens = processing.tokenStore(layout.group());
    int[] segments = tokens.fetchSegments(layout.group());
    if (segments.length == 0) {
      tokens.initializeTokenSegments(layout.group(), 4, token);
    }
    for (int segment : tokens.fetchSegments(layout.group())) {
      tokens.storeToken(token, layout.group(), segment);
      tokens.releaseClaim(layout.group(), segment);
    }
  }
}
