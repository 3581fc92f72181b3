package org.mailledger.projection.rebuild;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.TrackingToken;
import org.mailledger.projection.rebuild.RebuildProgress.Phase;

/**
 * The bookkeeping of one rebuild run: the token the shadow tables stand at, the events applied, the
 * head last seen, and the progress reported to the listener from them.
 */
final class RebuildRun {

  private final RebuildListener listener;
  private final LongSupplier heads;
  private final RebuildClock clock = new RebuildClock();
  private TrackingToken token;
  private long applied;
  private long head;

  /**
   * @param heads the log's head position, asked at the start of each copy
   */
  RebuildRun(RebuildListener listener, LongSupplier heads) {
    this.listener = listener;
    this.heads = heads;
  }

  /** The token the shadow tables stand at; null before the first event. */
  TrackingToken token() {
    return token;
  }

  long position() {
    return LayoutRebuilder.position(token);
  }

  void resumeAt(TrackingToken recorded) {
    token = recorded;
  }

  RebuildClock clock() {
    return clock;
  }

  /** A copy to the head starts: the head is looked up again. Answers the events applied so far. */
  long copying() {
    head = heads.getAsLong();
    report(Phase.COPYING);
    return applied;
  }

  long applied() {
    return applied;
  }

  /** A transaction of {@code count} events committed, the shadow tables now at {@code last}. */
  void committed(TrackingToken last, int count) {
    token = last;
    applied += count;
    head = Math.max(head, position());
    report(Phase.COPYING);
  }

  void report(Phase phase) {
    double seconds = clock.seconds();
    double rate = seconds > 0 ? applied / seconds : 0;
    long left = Math.max(0, head - position());
    Duration remaining =
        phase == Phase.DONE || left == 0
            ? Duration.ZERO
            : rate > 0 ? Duration.ofMillis((long) (left / rate * 1000)) : null;
    listener.progress(new RebuildProgress(phase, position(), head, applied, rate, remaining));
  }
}
