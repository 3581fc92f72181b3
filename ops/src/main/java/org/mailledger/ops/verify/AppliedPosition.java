package org.mailledger.ops.verify;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * How far the live tables have applied the log, per segment of the processor. Segments move
 * independently: one whose domains saw no event keeps an old (even empty) token while the others
 * are at the head, so a single "lowest position" would call a correct table wrong. Whether an event
 * is applied is therefore decided by the token of the segment that handles it, chosen as Axon
 * chooses it: the hash of the layout's sequence identifier (its domain, for most events) under the
 * segment's mask.
 *
 * @param indexes each segment's position (0 before any event)
 * @param gaps each segment's positions not yet seen (events that may have committed since)
 * @param policy the layout's sequencing policy, the one its processor runs with
 */
public record AppliedPosition(
    Map<Segment, Long> indexes,
    Map<Segment, Set<Long>> gaps,
    SequencingPolicy<? super EventMessage<?>> policy) {

  public int segments() {
    return indexes.size();
  }

  public long lowest() {
    return indexes.values().stream().mapToLong(Long::longValue).min().orElse(0);
  }

  public long highest() {
    return indexes.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** Whether the live tables hold the effect of {@code event}, found at {@code position}. */
  public boolean applied(long position, Object event) {
    Object sequence = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(event));
    int hash = Objects.hashCode(sequence);
    for (Map.Entry<Segment, Long> segment : indexes.entrySet()) {
      if (segment.getKey().matches(hash)) {
        return position <= segment.getValue()
            && !gaps.getOrDefault(segment.getKey(), Set.of()).contains(position);
      }
    }
    return false;
  }

  public boolean even() {
    return lowest() == highest();
  }

  public boolean anyGaps() {
    return gaps.values().stream().anyMatch(g -> !g.isEmpty());
  }
}
