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
  private final int segments;

  /**
   * @param segments how many segments the live processor starts with
   */
  TokenHandover(
      JdbcTemplate jdbc,
      EventProcessingConfiguration processing,
      RebuildLayout layout,
      int segments) {
    this.jdbc = jdbc;
    this.processing = processing;
    this.layout = layout;
    this.segments = segments;
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

  /**
   * Every segment of the live processor at {@code token}, unclaimed; run in the swap. Where the
   * layout has no token rows yet, as many segments as the processor would create itself: a
   * processor finds the segments stored and claims at most its {@code maxClaimedSegments} of them
   * (one on MySQL/MariaDB), so more rows than that would leave segments, and the events of their
   * domains, unapplied for good.
   */
  void moveTo(TrackingToken token) {
    TokenStore tokens = processing.tokenStore(layout.group());
    if (tokens.fetchSegments(layout.group()).length == 0) {
      tokens.initializeTokenSegments(layout.group(), segments, token);
    }
    for (int segment : tokens.fetchSegments(layout.group())) {
      tokens.storeToken(token, layout.group(), segment);
      tokens.releaseClaim(layout.group(), segment);
    }
  }
}
