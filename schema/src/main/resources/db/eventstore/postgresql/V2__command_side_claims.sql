-- The command side's own set-wide state. Written only by command handlers, in the same
-- transaction as the event append, so the unique keys and the row lock on claim_domain decide
-- races between concurrent commands. No lookup-table layout is ever read by the command side.

CREATE TABLE claim_domain (
    domain_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(253) NOT NULL UNIQUE,
    active        BOOLEAN      NOT NULL,
    default_quota BIGINT       NOT NULL,
    max_quota     BIGINT       NOT NULL,
    max_mailboxes INTEGER      NOT NULL,
    max_aliases   INTEGER      NOT NULL,
    mailbox_count INTEGER      NOT NULL DEFAULT 0 CHECK (mailbox_count >= 0),
    alias_count   INTEGER      NOT NULL DEFAULT 0 CHECK (alias_count >= 0)
);

-- One row per address in use; catch-alls are stored as '@domain'.
CREATE TABLE claim_address (
    address   VARCHAR(320) NOT NULL PRIMARY KEY,
    kind      VARCHAR(7)   NOT NULL CHECK (kind IN ('MAILBOX', 'ALIAS')),
    owner_id  VARCHAR(36)  NOT NULL UNIQUE,
    domain_id VARCHAR(36)  NOT NULL REFERENCES claim_domain (domain_id)
);
CREATE INDEX claim_address_domain ON claim_address (domain_id);

-- Which alias points at which address, so a mailbox cannot vanish from under an alias unnoticed.
CREATE TABLE claim_alias_reference (
    alias_id       VARCHAR(36)  NOT NULL,
    target_address VARCHAR(320) NOT NULL,
    role           VARCHAR(9)   NOT NULL CHECK (role IN ('RECIPIENT', 'SENDER')),
    PRIMARY KEY (alias_id, target_address, role)
);
CREATE INDEX claim_alias_reference_target ON claim_alias_reference (target_address);
