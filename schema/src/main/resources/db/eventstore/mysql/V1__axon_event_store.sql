-- Axon's JDBC storage engine tables on MySQL/MariaDB, the twin of the PostgreSQL V1 with the
-- shapes of Axon's MySqlEventTableFactory: AUTO_INCREMENT global_index, LONGBLOB payload and
-- metadata. Binary collation, so identifiers compare byte for byte as they do on PostgreSQL.
-- InnoDB may leave holes in global_index (a rolled-back append, concurrent appends committing out
-- of order); Axon's GapAwareTrackingToken waits for and then skips them.

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL AUTO_INCREMENT,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE KEY domain_event_entry_aggregate (aggregate_identifier, sequence_number),
    UNIQUE KEY domain_event_entry_event (event_identifier)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE KEY snapshot_event_entry_event (event_identifier)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          LONGBLOB,
    token_type     VARCHAR(255),
    `timestamp`    VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              LONGBLOB      NOT NULL,
    meta_data            LONGBLOB,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                LONGBLOB,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          LONGBLOB,
    PRIMARY KEY (dead_letter_id),
    UNIQUE KEY dead_letter_entry_sequence_index (processing_group, sequence_identifier, sequence_index),
    KEY dead_letter_entry_processing_group (processing_group),
    KEY dead_letter_entry_sequence (processing_group, sequence_identifier)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
