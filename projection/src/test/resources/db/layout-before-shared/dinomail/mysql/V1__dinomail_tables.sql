-- The `dinomail` layout on MySQL/MariaDB, which DinoMail does not document (it documents
-- PostgreSQL), for lookup databases that are MySQL/MariaDB anyway. Mailledger's own tables behind
-- the views that DinoMail's documented
-- Postfix and Dovecot queries read (see R__dinomail_views.sql). DinoMail's tables have no active
-- flags, so what is inactive must not be there at all: the views show only what is active, and
-- expand alias domains into alias rows. Kept by the projection (processing group
-- layout-dinomail); row ids are 63-bit hashes of the aggregates' identities, as in every layout.

CREATE TABLE mailledger_dinomail_domain (
    id     BIGINT       NOT NULL PRIMARY KEY,
    name   VARCHAR(253) NOT NULL UNIQUE,
    active TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE mailledger_dinomail_user (
    id         BIGINT       NOT NULL PRIMARY KEY,
    domain_id  BIGINT       NOT NULL REFERENCES mailledger_dinomail_domain (id),
    email      VARCHAR(254) NOT NULL UNIQUE,
    local_part VARCHAR(64)  NOT NULL,
    password   VARCHAR(300) NOT NULL,
    quota      BIGINT       NOT NULL DEFAULT 0,
    active     TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX mailledger_dinomail_user_domain_id ON mailledger_dinomail_user (domain_id);

-- The catch-all has the empty local part and the source '@domain'.
CREATE TABLE mailledger_dinomail_alias (
    id         BIGINT       NOT NULL PRIMARY KEY,
    domain_id  BIGINT       NOT NULL REFERENCES mailledger_dinomail_domain (id),
    source     VARCHAR(254) NOT NULL UNIQUE,
    local_part VARCHAR(64)  NOT NULL,
    active     TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX mailledger_dinomail_alias_domain_id ON mailledger_dinomail_alias (domain_id);

CREATE TABLE mailledger_dinomail_alias_recipient (
    id          BIGINT       NOT NULL PRIMARY KEY,
    alias_id    BIGINT       NOT NULL REFERENCES mailledger_dinomail_alias (id) ON DELETE CASCADE,
    destination VARCHAR(254) NOT NULL,
    UNIQUE (alias_id, destination)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An alias domain delivers to the same local parts in its target; sequenced with the target, so
-- the target's row is there before it. Its name is not unique here: a deleted alias domain's name
-- may pass to one of another target, whose events another segment may apply first.
CREATE TABLE mailledger_dinomail_alias_domain (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(253) NOT NULL,
    target_domain VARCHAR(253) NOT NULL,
    active        TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX mailledger_dinomail_alias_domain_name ON mailledger_dinomail_alias_domain (name);
CREATE INDEX mailledger_dinomail_alias_domain_target
    ON mailledger_dinomail_alias_domain (target_domain);

-- Shared by every layout's processor; the mum layout creates it too, whichever runs first.
CREATE TABLE IF NOT EXISTS layout_token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INT          NOT NULL,
    token          LONGBLOB,
    token_type     VARCHAR(255),
    `timestamp`    VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
