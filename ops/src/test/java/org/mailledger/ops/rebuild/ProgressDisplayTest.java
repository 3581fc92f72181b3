package org.mailledger.ops.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mailledger.projection.rebuild.RebuildProgress;
import org.mailledger.projection.rebuild.RebuildProgress.Phase;

class ProgressDisplayTest {

  private final AtomicLong clock = new AtomicLong();
  private final StringWriter out = new StringWriter();

  private ProgressDisplay display(ProgressDisplay.Mode mode) {
    return new ProgressDisplay(new PrintWriter(out), mode, Duration.ofSeconds(5), clock::get);
  }

  private static RebuildProgress copying(long position, Duration left) {
    return new RebuildProgress(Phase.COPYING, position, 1_000_000, position, 50_000, left);
  }

  @Test
  void barRedrawsOneLineWithShareRateAndTimeLeft() {
    ProgressDisplay bar = display(ProgressDisplay.Mode.BAR);
    bar.progress(copying(250_000, Duration.ofSeconds(15)));
    clock.addAndGet(Duration.ofMillis(300).toNanos());
    bar.progress(copying(500_000, Duration.ofSeconds(10)));
    clock.addAndGet(Duration.ofMillis(300).toNanos());
    bar.progress(new RebuildProgress(Phase.DONE, 1_000_000, 1_000_000, 1_000_000, 50_000, null));

    String shown = out.toString();
    assertThat(shown.split("\r", -1)).hasSize(4);
    assertThat(shown)
        .contains("[########----------------------]  25%  copying  250,000 / 1,000,000 events")
        .contains("50,000 events/s  left 15s")
        .contains("[###############---------------]  50%")
        .contains("left 10s")
        .contains("[##############################] 100%  done  1,000,000 / 1,000,000 events");
    assertThat(shown).endsWith(System.lineSeparator());
    assertThat(shown.chars().filter(c -> c == '\n').count()).as("one line, ended").isEqualTo(1);
  }

  @Test
  void linesComeEveryFewSecondsAndAtEachPhase() {
    ProgressDisplay lines = display(ProgressDisplay.Mode.LINES);
    lines.progress(new RebuildProgress(Phase.PREPARING, 0, 1_000_000, 0, 0, null));
    for (int i = 1; i <= 20; i++) {
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      lines.progress(copying(i * 40_000L, Duration.ofMinutes(2)));
    }
    lines.progress(new RebuildProgress(Phase.SWAPPING, 1_000_000, 1_000_000, 1_000_000, 0, null));

    assertThat(out.toString()).doesNotContain("\r");
    // preparing, the first copying line, then one every 5 s of the 20 s, then swapping.
    assertThat(out.toString().lines())
        .hasSize(6)
        .first()
        .asString()
        .startsWith("preparing  0 / 1,000,000 events");
    assertThat(out.toString()).contains("left 2m00s").contains("swapping");
  }
}
