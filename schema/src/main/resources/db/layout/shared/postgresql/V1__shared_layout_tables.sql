-- The tables every layout shares, migrated before any layout's own (history table
-- flyway_layout_shared_history). IF NOT EXISTS because databases migrated before this folder
-- existed already have them: the first layout's V1 created the token table, each layout's
-- processing-error migration the error table, and the first rebuild the progress table.

-- Each layout processor's tokens, one row per processor (layout-<name>) and segment, beside the
-- rows and committed in the same transaction as they are.
CREATE TABLE IF NOT EXISTS layout_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    "timestamp"    VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The event each layout processor's segment stopped on, written by the app when a batch fails and
-- read by GET /projections and `ops status` (state error). A row stays until the same segment
-- fails again; it is shown only while that segment's token has not passed the event.
CREATE TABLE IF NOT EXISTS layout_processing_error (
    processor_name VARCHAR(255)  NOT NULL,
    segment        INTEGER       NOT NULL,
    position       BIGINT        NOT NULL,
    event_type     VARCHAR(255)  NOT NULL,
    aggregate_id   VARCHAR(255),
    message        VARCHAR(2000) NOT NULL,
    first_failed   VARCHAR(64)   NOT NULL,
    last_failed    VARCHAR(64)   NOT NULL,
    attempts       INTEGER       NOT NULL,
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Where a layout's rebuild stands, one row per layout while a rebuild runs or was interrupted:
-- the gap-aware token it has applied up to (serialized as the live processor's token store
-- serializes it), for `ops rebuild --resume`; updated is when its last transaction committed.
CREATE TABLE IF NOT EXISTS layout_rebuild_progress (
    layout     VARCHAR(64)  NOT NULL PRIMARY KEY,
    position   BIGINT       NOT NULL,
    token_type VARCHAR(255) NOT NULL,
    token      TEXT         NOT NULL,
    updated    VARCHAR(64)  NOT NULL
);
