package org.mailledger.projection.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which lookup-table layouts to keep, and where.
 *
 * @param layouts the layouts to keep: mum, postfixadmin, dinomail
 * @param lookup where the lookup tables live; unset means the event store's own database
 * @param layout settings of single layouts ({@code mailledger.layout.dinomail.table-prefix})
 * @param projectionBatchSize events applied per transaction while catching up or replaying
 * @param projectionSegments segments of each layout's processor, the unit of parallelism; unset: 4
 *     on PostgreSQL, 1 on MySQL/MariaDB, where parallel segments deadlock on InnoDB's key locks
 * @param projectionClaimTimeout how long a segment's claim holds without its owner renewing it;
 *     after that another instance takes the segment over (a killed node's segments move then)
 * @param projectionClaimInterval how often an instance looks for segments to claim
 * @param projectionClaimExtension how long an idle segment goes before its owner renews the claim;
 *     well below the timeout, so a live owner never loses its segments
 * @param projectionRetryInitial the wait before a failed segment is tried again, doubled on each
 *     further failure of the same event
 * @param projectionRetryMax the longest wait between two tries
 */
@ConfigurationProperties("mailledger")
public record ProjectionProperties(
    @DefaultValue("mum") List<String> layouts,
    @DefaultValue Lookup lookup,
    @DefaultValue LayoutSettings layout,
    @DefaultValue("500") int projectionBatchSize,
    Integer projectionSegments,
    @DefaultValue("10s") Duration projectionClaimTimeout,
    @DefaultValue("2s") Duration projectionClaimInterval,
    @DefaultValue("2s") Duration projectionClaimExtension,
    @DefaultValue("1s") Duration projectionRetryInitial,
    @DefaultValue("60s") Duration projectionRetryMax) {

  /** The lookup database; an empty url means the event store's database. */
  public record Lookup(@DefaultValue Datasource datasource) {}

  /** JDBC coordinates of the lookup database. */
  public record Datasource(String url, String username, String password) {}

  /** Settings of single layouts. */
  public record LayoutSettings(@DefaultValue Dinomail dinomail) {}

  /**
   * The {@code dinomail} layout.
   *
   * @param tablePrefix put before DinoMail's table names: {@code dinomail_} as the Django app names
   *     them by default, or e.g. {@code core_} when it is installed under another app label
   */
  public record Dinomail(@DefaultValue("dinomail_") String tablePrefix) {
    public Dinomail {
      if (!tablePrefix.matches("[a-z][a-z0-9_]{0,30}")) {
        throw new IllegalArgumentException(
            "mailledger.layout.dinomail.table-prefix must be lower-case letters, digits and _,"
                + " starting with a letter, at most 31 characters");
      }
    }
  }

  /** The segment count for a layout whose tables live in the given dialect. */
  public int segmentsFor(org.mailledger.projection.lookup.Dialect dialect) {
    if (projectionSegments != null) {
      return projectionSegments;
    }
    return dialect == org.mailledger.projection.lookup.Dialect.MYSQL ? 1 : 4;
  }

  public boolean keeps(String layout) {
    return layouts.stream().map(String::trim).anyMatch(layout::equalsIgnoreCase);
  }
}
