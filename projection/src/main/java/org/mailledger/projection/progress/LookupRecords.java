package org.mailledger.projection.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mailledger.projection.lookup.LookupDatabase;
import org.springframework.dao.DataAccessException;

/**
 * What the lookup database records of a layout's processor, as every node and {@code ops} read it:
 * each segment's stored token and claim owner, the events segments stopped on, and the rebuild in
 * progress or the last one that failed.
 */
public final class LookupRecords {

  /**
   * A rebuild whose progress row was written less than this ago is alive: a rebuild writes it after
   * every transaction, which takes seconds. Older, it was interrupted and can be resumed.
   */
  public static final Duration REBUILD_ALIVE = Duration.ofSeconds(60);

  private final LookupDatabase lookup;
  private final Serializer tokenSerializer;

  LookupRecords(LookupDatabase lookup, Serializer tokenSerializer) {
    this.lookup = lookup;
    this.tokenSerializer = tokenSerializer;
  }

  /** A rebuild recorded in {@code layout_rebuild_progress}: where it stood and when. */
  public record RecordedRebuild(long position, String updated) {

    /** Whether the rebuild wrote its progress recently enough to be running still. */
    public boolean alive() {
      try {
        return Duration.between(Instant.parse(updated), Instant.now()).compareTo(REBUILD_ALIVE) < 0;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  /** The rebuild of the layout recorded in the lookup database, if any. */
  Optional<RecordedRebuild> recordedRebuild(String layout) {
    try {
      return lookup
          .jdbc()
          .query(
              "SELECT position, updated FROM layout_rebuild_progress WHERE layout = ?",
              (rs, i) -> new RecordedRebuild(rs.getLong(1), rs.getString(2)),
              layout)
          .stream()
          .findFirst();
    } catch (DataAccessException e) {
      // No such table: this lookup database has never seen a rebuild.
      return Optional.empty();
    }
  }

  /** Why the layout's last rebuild failed, if it did; throws while the table is missing. */
  Optional<RebuildFailure> rebuildFailure(String layout) {
    return lookup
        .jdbc()
        .query(
            "SELECT failed, message FROM layout_rebuild_failure WHERE layout = ?",
            (rs, i) -> new RebuildFailure(rs.getString(1), rs.getString(2)),
            layout)
        .stream()
        .findFirst();
  }

  /** The events the group's segments stopped on ({@link ProcessingFailures}). */
  List<FailedEvent> processingFailures(String group) {
    return ProcessingFailures.stored(lookup, group);
  }

  /** Each claimed segment's owner, as the token table shows it to every node. */
  Map<Integer, String> owners(String group) {
    Map<Integer, String> owners = new TreeMap<>();
    try {
      lookup
          .jdbc()
          .query(
              "SELECT segment, owner FROM layout_token_entry"
                  + " WHERE processor_name = ? AND owner IS NOT NULL",
              rs -> {
                owners.put(rs.getInt(1), rs.getString(2));
              },
              group);
    } catch (DataAccessException e) {
      // Unknown while the lookup database is away.
    }
    return owners;
  }

  /**
   * Each segment's stored token position. Outside the app these are the positions; they may lag for
   * segments without events of their own.
   */
  Map<Integer, Long> storedPositions(String group) {
    Map<Integer, Long> positions = new TreeMap<>();
    lookup
        .jdbc()
        .query(
            "SELECT segment, token_type, token FROM layout_token_entry WHERE processor_name = ?",
            rs -> {
              String type = rs.getString(2);
              byte[] data = rs.getBytes(3);
              long at = 0;
              if (type != null && data != null) {
                TrackingToken token =
                    tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(data, byte[].class, type, null));
                at = token.position().orElse(0);
              }
              positions.put(rs.getInt(1), at);
            },
            group);
    return positions;
  }
}
