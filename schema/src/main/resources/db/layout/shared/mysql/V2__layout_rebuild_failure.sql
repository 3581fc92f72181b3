-- The last rebuild of a layout that failed (not one that was cancelled or interrupted, which keeps
-- its progress for a resume): when and why, for GET /projections and `ops status`, which show the
-- layout in state error until its next rebuild starts. The live tables are untouched by a failed
-- rebuild and its shadow tables are dropped.
CREATE TABLE layout_rebuild_failure (
    layout  VARCHAR(64)   NOT NULL PRIMARY KEY,
    failed  VARCHAR(64)   NOT NULL,
    message VARCHAR(2000) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
