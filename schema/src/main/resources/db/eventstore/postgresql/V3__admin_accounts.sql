-- Admin accounts and API tokens.
--
-- claim_admin belongs to the command side, like the claims of V2: written by the admin command
-- handlers in the same transaction as the event append, so the unique name decides a race between
-- two creations (two nodes bootstrapping at once included), and the row locks taken on the active
-- superadmins keep the last one from being disabled or deleted.
CREATE TABLE claim_admin (
    admin_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    name       VARCHAR(64) NOT NULL UNIQUE,
    superadmin BOOLEAN     NOT NULL,
    active     BOOLEAN     NOT NULL
);

-- The read model that authenticates requests. A subscribing event processor keeps it in the
-- transaction that appends the events, so an admin or token works on the very next request.
-- Rows can be rebuilt from the log: they hold nothing the events do not.
CREATE TABLE auth_admin (
    admin_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL UNIQUE,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('SUPERADMIN', 'DOMAIN_ADMIN')),
    password_hash VARCHAR(255) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE auth_grant (
    admin_id VARCHAR(36)  NOT NULL REFERENCES auth_admin (admin_id) ON DELETE CASCADE,
    domain   VARCHAR(253) NOT NULL,
    PRIMARY KEY (admin_id, domain)
);

-- token_hash: hex SHA-256 of the secret; the secret itself is stored nowhere.
CREATE TABLE auth_token (
    token_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    admin_id    VARCHAR(36)  NOT NULL REFERENCES auth_admin (admin_id) ON DELETE CASCADE,
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    description VARCHAR(255) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX auth_token_admin ON auth_token (admin_id);
