-- The `postfixadmin` layout: PostfixAdmin's own tables, columns and types as its setup
-- (upgrade.php) creates them on PostgreSQL, so PostfixAdmin's documented Postfix maps and Dovecot
-- queries run on them unchanged. Kept by the projection (processing group layout-postfixadmin).
-- Keys are PostfixAdmin's natural keys; created and modified are the time stamps of the events
-- that created and last changed a row, so a rebuild yields identical rows. Quotas: mailbox.quota
-- in bytes, domain.maxquota in MB (MiB, rounded up), domain.quota (the domain's total) 0 =
-- unlimited, as Mailledger has no total. Each mailbox has an alias row pointing to itself, as
-- PostfixAdmin gives it; goto is comma-separated. An alias domain has a domain row of its own,
-- which PostfixAdmin's virtual_mailbox_domains query needs.

CREATE TABLE domain (
    domain      VARCHAR(255) NOT NULL,
    description VARCHAR(255) NOT NULL DEFAULT '',
    aliases     INTEGER      NOT NULL DEFAULT 0,
    mailboxes   INTEGER      NOT NULL DEFAULT 0,
    maxquota    BIGINT       NOT NULL DEFAULT 0,
    quota       BIGINT       NOT NULL DEFAULT 0,
    transport   VARCHAR(255) DEFAULT NULL,
    backupmx    BOOLEAN      NOT NULL DEFAULT FALSE,
    created     TIMESTAMP WITH TIME ZONE DEFAULT now(),
    modified    TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT domain_key PRIMARY KEY (domain)
);
CREATE INDEX domain_domain_active ON domain (domain, active);

CREATE TABLE mailbox (
    username   VARCHAR(255) NOT NULL,
    password   VARCHAR(255) NOT NULL DEFAULT '',
    name       VARCHAR(255) NOT NULL DEFAULT '',
    maildir    VARCHAR(255) NOT NULL DEFAULT '',
    quota      BIGINT       NOT NULL DEFAULT 0,
    local_part VARCHAR(255) NOT NULL,
    domain     VARCHAR(255) NOT NULL REFERENCES domain (domain),
    created    TIMESTAMP WITH TIME ZONE DEFAULT now(),
    modified   TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT mailbox_key PRIMARY KEY (username)
);
CREATE INDEX mailbox_username_active ON mailbox (username, active);
CREATE INDEX mailbox_domain_idx ON mailbox (domain);

CREATE TABLE alias (
    address  VARCHAR(255) NOT NULL,
    goto     TEXT         NOT NULL,
    domain   VARCHAR(255) NOT NULL REFERENCES domain (domain),
    created  TIMESTAMP WITH TIME ZONE DEFAULT now(),
    modified TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT alias_key PRIMARY KEY (address)
);
CREATE INDEX alias_address_active ON alias (address, active);
CREATE INDEX alias_domain_idx ON alias (domain);

CREATE TABLE alias_domain (
    alias_domain  VARCHAR(255) NOT NULL REFERENCES domain (domain) ON DELETE CASCADE,
    target_domain VARCHAR(255) NOT NULL, -- no foreign key: written in the alias domain's sequence
    created       TIMESTAMP WITH TIME ZONE DEFAULT now(),
    modified      TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (alias_domain)
);
CREATE INDEX alias_domain_active ON alias_domain (alias_domain, active);
CREATE INDEX alias_domain_target_domain ON alias_domain (target_domain);

-- The processor's tokens are in layout_token_entry, which every layout shares (db/layout/shared).
