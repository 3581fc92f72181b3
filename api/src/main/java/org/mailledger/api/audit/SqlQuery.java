package org.mailledger.api.audit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** A statement with named parameters, kept apart so tests can EXPLAIN exactly what runs. */
public record SqlQuery(String sql, MapSqlParameterSource parameters) {}
