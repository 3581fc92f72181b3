-- The audit history on MySQL/MariaDB: see the PostgreSQL twin for its purpose. The JSON column
-- is created under its first name, `change` (a reserved word here, hence the quotes), and renamed
-- by V12 on both engines. The index on entity_before covers every row: MySQL has no partial index.

CREATE TABLE audit_entry (
    global_index   BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    DATETIME(6)   NOT NULL,
    actor          VARCHAR(255),
    source         VARCHAR(255),
    correlation_id VARCHAR(255),
    event_type     VARCHAR(255)  NOT NULL,
    payload_type   VARCHAR(255)  NOT NULL,
    entity_kind    VARCHAR(64)   NOT NULL,
    entity         VARCHAR(320),
    entity_before  VARCHAR(320),
    entity_domain  VARCHAR(253),
    aggregate_id   VARCHAR(255),
    `change`       LONGTEXT      NOT NULL,
    KEY audit_entry_entity (entity, global_index DESC),
    KEY audit_entry_entity_before (entity_before, global_index DESC),
    KEY audit_entry_actor (actor, global_index DESC),
    KEY audit_entry_domain (entity_domain, global_index DESC),
    KEY audit_entry_occurred_at (occurred_at DESC),
    KEY audit_entry_event_type (event_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE audit_state (
    aggregate_id VARCHAR(255) NOT NULL PRIMARY KEY,
    state        LONGTEXT     NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
