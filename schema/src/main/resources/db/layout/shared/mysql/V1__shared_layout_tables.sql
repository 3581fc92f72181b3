-- The tables every layout shares on MySQL/MariaDB: see the PostgreSQL twin for what each holds.
-- IF NOT EXISTS because databases migrated before this folder existed already have them.

CREATE TABLE IF NOT EXISTS layout_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          LONGBLOB,
    token_type     VARCHAR(255),
    `timestamp`    VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS layout_processing_error (
    processor_name VARCHAR(255)  NOT NULL,
    segment        INT           NOT NULL,
    position       BIGINT        NOT NULL,
    event_type     VARCHAR(255)  NOT NULL,
    aggregate_id   VARCHAR(255),
    message        VARCHAR(2000) NOT NULL,
    first_failed   VARCHAR(64)   NOT NULL,
    last_failed    VARCHAR(64)   NOT NULL,
    attempts       INT           NOT NULL,
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS layout_rebuild_progress (
    layout     VARCHAR(64)  NOT NULL PRIMARY KEY,
    position   BIGINT       NOT NULL,
    token_type VARCHAR(255) NOT NULL,
    token      LONGTEXT     NOT NULL,
    updated    VARCHAR(64)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
