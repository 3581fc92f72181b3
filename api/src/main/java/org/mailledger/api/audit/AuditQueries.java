package org.mailledger.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.mailledger.schema.eventstore.EventStoreDialect;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code audit_entry}, newest first. Every filter is a fixed SQL fragment with a bound
 * parameter, each served by an index of V10__audit (entity and actor with the position, so a page
 * is an index range read, not a sort of all matches). One row more than the page is read to tell
 * whether there is a next page.
 */
@Component
public class AuditQueries {

  private static final String COLUMNS =
      "global_index, occurred_at, actor, source, correlation_id, event_type, entity_kind, entity,"
          + " entity_before, entity_domain, aggregate_id, change_json";

  private final NamedParameterJdbcTemplate jdbc;
  private final EventStoreDialect dialect;

  public AuditQueries(NamedParameterJdbcTemplate jdbc, EventStoreDialect dialect) {
    this.dialect = dialect;
    this.jdbc = jdbc;
  }

  public AuditPage find(AuditFilter filter) {
    if (filter.visibleDomains() != null && filter.visibleDomains().isEmpty()) {
      return new AuditPage(List.of(), filter.page(), filter.size(), false);
    }
    SqlQuery query = select(filter);
    List<AuditItem> items = jdbc.query(query.sql(), query.parameters(), AuditQueries::item);
    boolean hasMore = items.size() > filter.size();
    return new AuditPage(
        hasMore ? items.subList(0, filter.size()) : items, filter.page(), filter.size(), hasMore);
  }

  /** The statement {@link #find} runs for the filter. */
  public SqlQuery select(AuditFilter filter) {
    List<String> conditions = new ArrayList<>();
    MapSqlParameterSource parameters = new MapSqlParameterSource();
    if (filter.entity() != null) {
      conditions.add("(entity = :entity OR entity_before = :entity)");
      parameters.addValue("entity", filter.entity());
    }
    if (filter.domain() != null) {
      conditions.add("entity_domain = :domain");
      parameters.addValue("domain", filter.domain());
    }
    if (filter.actor() != null) {
      conditions.add("actor = :actor");
      parameters.addValue("actor", filter.actor());
    }
    if (filter.type() != null) {
      conditions.add("event_type = :type");
      parameters.addValue("type", filter.type());
    }
    if (filter.from() != null) {
      conditions.add("occurred_at >= :from");
      parameters.addValue("from", dialect.instant(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("occurred_at < :to");
      parameters.addValue("to", dialect.instant(filter.to()));
    }
    if (filter.visibleDomains() != null) {
      conditions.add("entity_domain IN (:visible)");
      parameters.addValue("visible", filter.visibleDomains());
    }
    parameters.addValue("limit", filter.size() + 1);
    parameters.addValue("offset", (long) filter.page() * filter.size());
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new SqlQuery(
        "SELECT "
            + COLUMNS
            + " FROM audit_entry"
            + where
            + " ORDER BY global_index DESC LIMIT :limit OFFSET :offset",
        parameters);
  }

  private static AuditItem item(ResultSet rs, int row) throws SQLException {
    Timestamp time = rs.getTimestamp("occurred_at");
    return new AuditItem(
        rs.getLong("global_index"),
        time.toInstant(),
        rs.getString("actor"),
        rs.getString("source"),
        rs.getString("correlation_id"),
        rs.getString("event_type"),
        rs.getString("entity_kind"),
        rs.getString("entity"),
        rs.getString("entity_before"),
        rs.getString("aggregate_id"),
        rs.getString("change_json"),
        rs.getString("entity_domain"));
  }
}
