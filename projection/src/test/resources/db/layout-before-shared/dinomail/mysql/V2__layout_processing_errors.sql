-- Shared by every layout (mum creates it too): whichever layout migrates first creates it.
-- The event each layout processor's segment stopped on, written by the app when a batch fails and
-- read by GET /projections and `ops status` (state error). A row stays until the same segment
-- fails again; it is shown only while that segment's token has not passed the event.
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
