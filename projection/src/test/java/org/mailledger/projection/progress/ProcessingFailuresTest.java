package org.mailledger.projection.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.support.DomainSequencingPolicy;

class ProcessingFailuresTest {

  private final ProcessingFailures failures =
      new ProcessingFailures(
          "layout-mum",
          null,
          new DomainSequencingPolicy(),
          Optional::empty,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  @Test
  void theWaitDoublesFromTheInitialOneUpToTheLongest() {
    assertThat(failures.backOff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(failures.backOff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(failures.backOff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(failures.backOff(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(failures.backOff(7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(failures.backOff(1_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void theMessageNamesTheErrorAndItsRootCauseWithinBounds() {
    var error =
        new IllegalStateException("batch failed", new java.sql.SQLException("Connection refused"));
    assertThat(ProcessingFailures.message(error))
        .isEqualTo(
            "IllegalStateException: batch failed (caused by SQLException: Connection refused)");
    String longMessage = "x".repeat(5_000);
    assertThat(ProcessingFailures.message(new RuntimeException(longMessage))).hasSize(2000);
  }

  @Test
  void oneRoundOfWorkPackagesAskingAboutAnUnroutableEventIsOneAttempt() {
    ProcessingFailures guarded =
        new ProcessingFailures(
            "layout-mum",
            // A database without the layout's tables: the record stays in memory.
            new org.mailledger.projection.lookup.LookupDatabase(
                org.mailledger.testsupport.TestDatabases.postgres().dataSource()),
            new DomainSequencingPolicy(),
            Optional::empty,
            Duration.ofSeconds(1),
            Duration.ofSeconds(60));
    var policy =
        guarded.guarding(
            e -> {
              throw new IllegalStateException("undecodable");
            });
    var event =
        new org.axonframework.eventhandling.GenericTrackedEventMessage<>(
            new org.axonframework.eventhandling.GlobalSequenceTrackingToken(10),
            org.axonframework.eventhandling.GenericEventMessage.asEventMessage("x"));
    for (int i = 0; i < 4; i++) {
      try {
        policy.getSequenceIdentifierFor(event);
      } catch (IllegalStateException expected) {
        // rethrown, as Axon must see it
      }
    }
    assertThat(guarded.known()).hasSize(1);
    assertThat(guarded.known().get(0).attempts()).isEqualTo(1);
    assertThat(guarded.known().get(0).segment()).isEqualTo(ProcessingFailures.ALL_SEGMENTS);
  }
}
