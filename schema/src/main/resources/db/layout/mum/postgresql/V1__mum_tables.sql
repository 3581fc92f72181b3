-- The `mum` layout: the tables and columns that MUM's documented Postfix and Dovecot queries
-- read, kept by the projection (processing group layout-mum). Row ids derive from the log: a
-- 63-bit hash of the aggregate's identity (of the natural key for recipients, senders and TLS
-- policies), so a rebuild yields identical rows, ids included, and a row can name another row
-- (a sender's mailbox) without looking it up. aggregate_id ties a row to its aggregate in the
-- log; MUM's queries never read it.

CREATE TABLE domains (
    id            BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id  VARCHAR(36)  NOT NULL UNIQUE,
    domain        VARCHAR(253) NOT NULL UNIQUE,
    description   VARCHAR(255) NOT NULL DEFAULT '',
    quota         BIGINT,
    max_quota     BIGINT,
    max_aliases   INTEGER,
    max_mailboxes INTEGER,
    homedir       VARCHAR(255),
    active        BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE mailboxes (
    id                BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id      VARCHAR(36)  NOT NULL UNIQUE,
    local_part        VARCHAR(64)  NOT NULL,
    password          VARCHAR(255) NOT NULL,
    name              VARCHAR(255),
    domain_id         BIGINT       NOT NULL REFERENCES domains (id),
    alternative_email VARCHAR(254),
    quota             BIGINT,
    homedir           VARCHAR(255) NOT NULL,
    maildir           VARCHAR(255) NOT NULL,
    send_only         BOOLEAN      NOT NULL DEFAULT FALSE,
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    UNIQUE (local_part, domain_id)
);

-- The catch-all has the empty local part.
CREATE TABLE aliases (
    id           BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id VARCHAR(36)  NOT NULL UNIQUE,
    local_part   VARCHAR(64)  NOT NULL,
    description  VARCHAR(255) NOT NULL DEFAULT '',
    domain_id    BIGINT       NOT NULL REFERENCES domains (id),
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    UNIQUE (local_part, domain_id)
);

-- mailbox_id stays NULL: MUM's queries never read it, and which mailbox an address names can
-- change under a parallel segment applying another domain's events, so no value kept here could
-- be both exact and the same after a replay.
CREATE TABLE alias_recipients (
    id                BIGINT       NOT NULL PRIMARY KEY,
    alias_id          BIGINT       NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    recipient_address VARCHAR(254) NOT NULL,
    mailbox_id        BIGINT,
    UNIQUE (alias_id, recipient_address)
);
CREATE INDEX alias_recipients_address ON alias_recipients (recipient_address);

-- No foreign key to mailboxes: the sender's mailbox may live in another domain, whose events
-- another segment applies, so this row can come first; the join simply finds it once it is there.
CREATE TABLE alias_senders (
    id         BIGINT NOT NULL PRIMARY KEY,
    alias_id   BIGINT NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    mailbox_id BIGINT NOT NULL,
    UNIQUE (alias_id, mailbox_id)
);
CREATE INDEX alias_senders_mailbox ON alias_senders (mailbox_id);

CREATE TABLE tls_policies (
    id          BIGINT       NOT NULL PRIMARY KEY,
    domain      VARCHAR(253) NOT NULL UNIQUE,
    policy      VARCHAR(16)  NOT NULL,
    params      VARCHAR(1000),
    description VARCHAR(255) NOT NULL DEFAULT '',
    active      BOOLEAN      NOT NULL DEFAULT TRUE
);

-- The processor's tokens are in layout_token_entry, which every layout shares (db/layout/shared).
