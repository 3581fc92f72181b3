-- The command side's claim tables on MySQL/MariaDB: see the PostgreSQL twin for their purpose.
-- Foreign keys are table constraints (MySQL ignores a column's REFERENCES); CHECKs are enforced by
-- MariaDB 10.2+ and MySQL 8.0.16+.

CREATE TABLE claim_domain (
    domain_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(253) NOT NULL,
    active        BOOLEAN      NOT NULL,
    default_quota BIGINT       NOT NULL,
    max_quota     BIGINT       NOT NULL,
    max_mailboxes INT          NOT NULL,
    max_aliases   INT          NOT NULL,
    mailbox_count INT          NOT NULL DEFAULT 0,
    alias_count   INT          NOT NULL DEFAULT 0,
    UNIQUE KEY claim_domain_name (name),
    CONSTRAINT claim_domain_mailbox_count CHECK (mailbox_count >= 0),
    CONSTRAINT claim_domain_alias_count CHECK (alias_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per address in use; catch-alls are stored as '@domain'.
CREATE TABLE claim_address (
    address   VARCHAR(320) NOT NULL PRIMARY KEY,
    kind      VARCHAR(7)   NOT NULL,
    owner_id  VARCHAR(36)  NOT NULL,
    domain_id VARCHAR(36)  NOT NULL,
    UNIQUE KEY claim_address_owner (owner_id),
    KEY claim_address_domain (domain_id),
    CONSTRAINT claim_address_kind CHECK (kind IN ('MAILBOX', 'ALIAS')),
    CONSTRAINT claim_address_domain_fk FOREIGN KEY (domain_id) REFERENCES claim_domain (domain_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE claim_alias_reference (
    alias_id       VARCHAR(36)  NOT NULL,
    target_address VARCHAR(320) NOT NULL,
    role           VARCHAR(9)   NOT NULL,
    PRIMARY KEY (alias_id, target_address, role),
    KEY claim_alias_reference_target (target_address),
    CONSTRAINT claim_alias_reference_role CHECK (role IN ('RECIPIENT', 'SENDER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
