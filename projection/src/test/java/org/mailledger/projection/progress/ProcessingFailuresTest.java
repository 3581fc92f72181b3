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
}
