-- Admin accounts and API tokens on MySQL/MariaDB: see the PostgreSQL twin for their purpose.
-- TIMESTAMPTZ becomes DATETIME(6): instants are written and read through JDBC as java.time values,
-- and MySQL's TIMESTAMP would end in 2038, within reach of a long-lived API token.

CREATE TABLE claim_admin (
    admin_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    superadmin BOOLEAN     NOT NULL,
    active     BOOLEAN     NOT NULL,
    UNIQUE KEY claim_admin_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE auth_admin (
    admin_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY auth_admin_name (name),
    CONSTRAINT auth_admin_role CHECK (role IN ('SUPERADMIN', 'DOMAIN_ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE auth_grant (
    admin_id VARCHAR(36)  NOT NULL,
    domain   VARCHAR(253) NOT NULL,
    PRIMARY KEY (admin_id, domain),
    CONSTRAINT auth_grant_admin FOREIGN KEY (admin_id) REFERENCES auth_admin (admin_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- token_hash: hex SHA-256 of the secret; the secret itself is stored nowhere.
CREATE TABLE auth_token (
    token_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    admin_id    VARCHAR(36)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    description VARCHAR(255) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6),
    UNIQUE KEY auth_token_hash (token_hash),
    KEY auth_token_admin (admin_id),
    CONSTRAINT auth_token_admin_fk FOREIGN KEY (admin_id) REFERENCES auth_admin (admin_id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
