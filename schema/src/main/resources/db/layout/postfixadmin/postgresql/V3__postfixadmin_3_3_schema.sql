-- The rest of PostfixAdmin 3.3's schema as its own upgrade.php leaves it at version 1847 (the last
-- 3.3 upgrade), column for column, so that PostfixAdmin's code runs on these tables and its
-- upgrade.php finds nothing to do (the config row below says 1847).
--
-- Mailledger writes domain, mailbox, alias and alias_domain (the layout's tables, rebuilt from the
-- log); the columns added to them here are PostfixAdmin's own and keep their defaults. Every other
-- table is PostfixAdmin's to write (admins, its log, vacation, fetchmail, quota usage): the
-- projection never touches them and a rebuild leaves them alone. Two departures from PostfixAdmin,
-- both for the log's sake: domain_admins has no foreign key to domain (a superadmin's 'ALL' row
-- would need a domain row 'ALL' that the log knows nothing of), and vacation's key to domain
-- cascades (a domain the log deletes takes its vacation rows with it, as PostfixAdmin's own
-- deletion does, instead of stopping the projection).

ALTER TABLE domain ADD COLUMN password_expiry INTEGER DEFAULT 0;

ALTER TABLE mailbox
    ADD COLUMN phone           VARCHAR(30)  NOT NULL DEFAULT '',
    ADD COLUMN email_other     VARCHAR(255) NOT NULL DEFAULT '',
    ADD COLUMN token           VARCHAR(255) NOT NULL DEFAULT '',
    ADD COLUMN token_validity  TIMESTAMP WITH TIME ZONE DEFAULT '2000-01-01 00:00:00+00',
    ADD COLUMN password_expiry TIMESTAMP WITH TIME ZONE DEFAULT '2000-01-01 00:00:00+00';

CREATE TABLE config (
    id    SERIAL      NOT NULL,
    name  VARCHAR(20) NOT NULL,
    value VARCHAR(20) NOT NULL,
    CONSTRAINT config_pkey PRIMARY KEY (id),
    CONSTRAINT config_name_key UNIQUE (name)
);
INSERT INTO config (name, value) VALUES ('version', '1847');

CREATE TABLE admin (
    username       VARCHAR(255) NOT NULL,
    password       VARCHAR(255) NOT NULL DEFAULT '',
    created        TIMESTAMP WITH TIME ZONE DEFAULT now(),
    modified       TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    superadmin     BOOLEAN      NOT NULL DEFAULT FALSE,
    phone          VARCHAR(30)  NOT NULL DEFAULT '',
    email_other    VARCHAR(255) NOT NULL DEFAULT '',
    token          VARCHAR(255) NOT NULL DEFAULT '',
    token_validity TIMESTAMP WITH TIME ZONE DEFAULT '2000-01-01 00:00:00+00',
    CONSTRAINT admin_key PRIMARY KEY (username)
);
COMMENT ON TABLE admin IS 'Postfix Admin - Virtual Admins';

CREATE TABLE domain_admins (
    username VARCHAR(255) NOT NULL,
    domain   VARCHAR(255) NOT NULL,
    created  TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active   BOOLEAN      NOT NULL DEFAULT TRUE,
    id       SERIAL       NOT NULL,
    CONSTRAINT domain_admins_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE domain_admins IS 'Postfix Admin - Domain Admins';

CREATE TABLE fetchmail (
    id             SERIAL       NOT NULL,
    mailbox        VARCHAR(255) NOT NULL DEFAULT '',
    src_server     VARCHAR(255) NOT NULL DEFAULT '',
    src_auth       VARCHAR(15)  NOT NULL,
    src_user       VARCHAR(255) NOT NULL DEFAULT '',
    src_password   VARCHAR(255) NOT NULL DEFAULT '',
    src_folder     VARCHAR(255) NOT NULL DEFAULT '',
    poll_time      INTEGER      NOT NULL DEFAULT 10,
    fetchall       BOOLEAN      NOT NULL DEFAULT FALSE,
    keep           BOOLEAN      NOT NULL DEFAULT FALSE,
    protocol       VARCHAR(15)  NOT NULL,
    extra_options  TEXT,
    returned_text  TEXT,
    mda            VARCHAR(255) NOT NULL DEFAULT '',
    date           TIMESTAMP WITH TIME ZONE DEFAULT now(),
    usessl         BOOLEAN      NOT NULL DEFAULT FALSE,
    sslcertck      BOOLEAN      NOT NULL DEFAULT FALSE,
    sslcertpath    VARCHAR(255) DEFAULT '',
    sslfingerprint VARCHAR(255) DEFAULT '',
    domain         VARCHAR(255) DEFAULT '',
    active         BOOLEAN      NOT NULL DEFAULT FALSE,
    created        TIMESTAMP WITH TIME ZONE DEFAULT '2000-01-01 00:00:00+00',
    modified       TIMESTAMP WITH TIME ZONE DEFAULT now(),
    src_port       INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT fetchmail_pkey PRIMARY KEY (id),
    CONSTRAINT fetchmail_protocol_check CHECK (protocol IN ('POP3', 'IMAP', 'POP2', 'ETRN', 'AUTO')),
    CONSTRAINT fetchmail_src_auth_check CHECK (src_auth IN ('password', 'kerberos_v5', 'kerberos',
        'kerberos_v4', 'gssapi', 'cram-md5', 'otp', 'ntlm', 'msn', 'ssh', 'any'))
);

CREATE TABLE log (
    "timestamp" TIMESTAMP WITH TIME ZONE DEFAULT now(),
    username    VARCHAR(255) NOT NULL DEFAULT '',
    domain      VARCHAR(255) NOT NULL DEFAULT '',
    action      VARCHAR(255) NOT NULL DEFAULT '',
    data        TEXT         NOT NULL DEFAULT '',
    id          SERIAL       NOT NULL,
    CONSTRAINT log_pkey PRIMARY KEY (id)
);
COMMENT ON TABLE log IS 'Postfix Admin - Log';
CREATE INDEX log_domain_timestamp_idx ON log (domain, "timestamp");

-- Dovecot's quota dicts write these; PostfixAdmin's triggers turn inserts into increments.
CREATE TABLE quota (
    username VARCHAR(255) NOT NULL,
    path     VARCHAR(100) NOT NULL,
    current  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT quota_pkey PRIMARY KEY (username, path)
);

CREATE TABLE quota2 (
    username VARCHAR(100) NOT NULL,
    bytes    BIGINT       NOT NULL DEFAULT 0,
    messages INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT quota2_pkey PRIMARY KEY (username)
);

CREATE FUNCTION merge_quota() RETURNS TRIGGER AS $$
BEGIN
    UPDATE quota SET current = NEW.current + current WHERE username = NEW.username AND path = NEW.path;
    IF found THEN
        RETURN NULL;
    ELSE
        RETURN NEW;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER mergequota BEFORE INSERT ON quota FOR EACH ROW EXECUTE PROCEDURE merge_quota();

CREATE FUNCTION merge_quota2() RETURNS TRIGGER AS $$
BEGIN
    IF NEW.messages < 0 OR NEW.messages IS NULL THEN
        -- PostfixAdmin's own kludge: coming from this function, really insert
        IF NEW.messages IS NULL THEN
            NEW.messages = 0;
        ELSE
            NEW.messages = -NEW.messages;
        END IF;
        RETURN NEW;
    END IF;
    LOOP
        UPDATE quota2 SET bytes = bytes + NEW.bytes, messages = messages + NEW.messages
            WHERE username = NEW.username;
        IF found THEN
            RETURN NULL;
        END IF;
        BEGIN
            IF NEW.messages = 0 THEN
                INSERT INTO quota2 (bytes, messages, username) VALUES (NEW.bytes, NULL, NEW.username);
            ELSE
                INSERT INTO quota2 (bytes, messages, username) VALUES (NEW.bytes, -NEW.messages, NEW.username);
            END IF;
            RETURN NULL;
        EXCEPTION WHEN unique_violation THEN
            -- someone inserted the row meanwhile: update it
        END;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER mergequota2 BEFORE INSERT ON quota2 FOR EACH ROW EXECUTE PROCEDURE merge_quota2();

CREATE TABLE vacation (
    email         VARCHAR(255) NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    body          TEXT         NOT NULL DEFAULT '',
    created       TIMESTAMP WITH TIME ZONE DEFAULT now(),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    domain        VARCHAR(255) REFERENCES domain (domain) ON DELETE CASCADE,
    modified      TIMESTAMP WITH TIME ZONE DEFAULT now(),
    activefrom    TIMESTAMP WITH TIME ZONE DEFAULT '2000-01-01 00:00:00+00',
    activeuntil   TIMESTAMP WITH TIME ZONE DEFAULT '2038-01-18 00:00:00+00',
    interval_time INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT vacation_pkey PRIMARY KEY (email)
);
CREATE INDEX vacation_email_active ON vacation (email, active);

CREATE TABLE vacation_notification (
    on_vacation VARCHAR(255) NOT NULL REFERENCES vacation (email) ON DELETE CASCADE,
    notified    VARCHAR(255) NOT NULL,
    notified_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT vacation_notification_pkey PRIMARY KEY (on_vacation, notified)
);
