-- The `mum` layout on MySQL/MariaDB: see the PostgreSQL twin for the reasons. Flags are
-- TINYINT(1) so MUM's `x = 1` tests run unchanged.

CREATE TABLE domains (
    id            BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id  VARCHAR(36)  NOT NULL UNIQUE,
    domain        VARCHAR(253) NOT NULL UNIQUE,
    description   VARCHAR(255) NOT NULL DEFAULT '',
    quota         BIGINT,
    max_quota     BIGINT,
    max_aliases   INT,
    max_mailboxes INT,
    homedir       VARCHAR(255),
    active        TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE mailboxes (
    id                BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id      VARCHAR(36)  NOT NULL UNIQUE,
    local_part        VARCHAR(64)  NOT NULL,
    password          VARCHAR(255) NOT NULL,
    name              VARCHAR(255),
    domain_id         BIGINT       NOT NULL,
    alternative_email VARCHAR(254),
    quota             BIGINT,
    homedir           VARCHAR(255) NOT NULL,
    maildir           VARCHAR(255) NOT NULL,
    send_only         TINYINT(1)   NOT NULL DEFAULT 0,
    active            TINYINT(1)   NOT NULL DEFAULT 1,
    UNIQUE KEY mailboxes_local_part_domain (local_part, domain_id),
    CONSTRAINT mailboxes_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE aliases (
    id           BIGINT       NOT NULL PRIMARY KEY,
    aggregate_id VARCHAR(36)  NOT NULL UNIQUE,
    local_part   VARCHAR(64)  NOT NULL,
    description  VARCHAR(255) NOT NULL DEFAULT '',
    domain_id    BIGINT       NOT NULL,
    active       TINYINT(1)   NOT NULL DEFAULT 1,
    UNIQUE KEY aliases_local_part_domain (local_part, domain_id),
    CONSTRAINT aliases_domain FOREIGN KEY (domain_id) REFERENCES domains (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- mailbox_id stays NULL: MUM's queries never read it, and which mailbox an address names can
-- change under a parallel segment applying another domain's events, so no value kept here could
-- be both exact and the same after a replay.
CREATE TABLE alias_recipients (
    id                BIGINT       NOT NULL PRIMARY KEY,
    alias_id          BIGINT       NOT NULL,
    recipient_address VARCHAR(254) NOT NULL,
    mailbox_id        BIGINT,
    UNIQUE KEY alias_recipients_alias_address (alias_id, recipient_address),
    KEY alias_recipients_address (recipient_address),
    CONSTRAINT alias_recipients_alias FOREIGN KEY (alias_id) REFERENCES aliases (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE alias_senders (
    id         BIGINT NOT NULL PRIMARY KEY,
    alias_id   BIGINT NOT NULL,
    mailbox_id BIGINT NOT NULL,
    UNIQUE KEY alias_senders_alias_mailbox (alias_id, mailbox_id),
    KEY alias_senders_mailbox (mailbox_id),
    CONSTRAINT alias_senders_alias FOREIGN KEY (alias_id) REFERENCES aliases (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tls_policies (
    id          BIGINT        NOT NULL PRIMARY KEY,
    domain      VARCHAR(253)  NOT NULL UNIQUE,
    policy      VARCHAR(16)   NOT NULL,
    params      VARCHAR(1000),
    description VARCHAR(255)  NOT NULL DEFAULT '',
    active      TINYINT(1)    NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The processor's tokens are in layout_token_entry, which every layout shares (db/layout/shared).
