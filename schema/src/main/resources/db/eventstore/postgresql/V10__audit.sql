-- The audit history: one row per event of the log, kept by the projection's processing group
-- 'audit' (its token in token_entry, committed with these rows). Derived data: a reset of that
-- processor empties both tables and replays the log into them.

CREATE TABLE audit_entry (
    -- the event's position in the log (domain_event_entry.global_index)
    global_index   BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ   NOT NULL,
    actor          VARCHAR(255),
    source         VARCHAR(255),
    correlation_id VARCHAR(255),
    -- the payload's simple name without 'Event' (MailboxCreated), and its full type
    event_type     VARCHAR(255)  NOT NULL,
    payload_type   VARCHAR(255)  NOT NULL,
    -- domain, mailbox, alias, tls-policy, or the schema package of an event kind met later
    entity_kind    VARCHAR(64)   NOT NULL,
    -- the address or domain the event is about, lower-case ASCII; null for events about no
    -- address or domain (they are shown to SUPERADMINs only)
    entity         VARCHAR(320),
    -- the address a mailbox had before a rename, so its old address still finds the event
    entity_before  VARCHAR(320),
    -- the managed domain the entity lies in, which decides what a DOMAIN_ADMIN sees
    entity_domain  VARCHAR(253),
    aggregate_id   VARCHAR(255),
    -- the event's fields as JSON, before/after for changed settings, never a password hash
    change         TEXT          NOT NULL
);

CREATE INDEX audit_entry_entity ON audit_entry (entity, global_index DESC);
CREATE INDEX audit_entry_entity_before ON audit_entry (entity_before, global_index DESC)
    WHERE entity_before IS NOT NULL;
CREATE INDEX audit_entry_actor ON audit_entry (actor, global_index DESC);
CREATE INDEX audit_entry_domain ON audit_entry (entity_domain, global_index DESC);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_event_type ON audit_entry (event_type);

-- The last known settings of each live aggregate, so that a change event's audit row can say
-- what the value was before without reading the log again.
CREATE TABLE audit_state (
    aggregate_id VARCHAR(255) NOT NULL PRIMARY KEY,
    state        TEXT         NOT NULL
);
