-- The `postfixadmin` layout on MySQL/MariaDB: PostfixAdmin's tables as its setup (upgrade.php)
-- creates them there, without foreign keys as PostfixAdmin has none on MySQL; see the PostgreSQL
-- twin for the rest. Flags are TINYINT(1), created and modified DATETIME in UTC.

CREATE TABLE domain (
    `domain`      VARCHAR(255) NOT NULL DEFAULT '',
    `description` VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',
    `aliases`     INT(10)      NOT NULL DEFAULT '0',
    `mailboxes`   INT(10)      NOT NULL DEFAULT '0',
    `maxquota`    BIGINT(20)   NOT NULL DEFAULT '0',
    `quota`       BIGINT(20)   NOT NULL DEFAULT '0',
    `transport`   VARCHAR(255) DEFAULT NULL,
    `backupmx`    TINYINT(1)   NOT NULL DEFAULT '0',
    `created`     DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `modified`    DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `active`      TINYINT(1)   NOT NULL DEFAULT '1',
    PRIMARY KEY (`domain`)
) ENGINE = InnoDB DEFAULT CHARSET = latin1 COLLATE = latin1_general_ci COMMENT = 'Postfix Admin - Virtual Domains';

CREATE TABLE mailbox (
    `username`   VARCHAR(255) NOT NULL DEFAULT '',
    `password`   VARCHAR(255) NOT NULL DEFAULT '',
    `name`       VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',
    `maildir`    VARCHAR(255) NOT NULL DEFAULT '',
    `quota`      BIGINT(20)   NOT NULL DEFAULT '0',
    `local_part` VARCHAR(255) NOT NULL,
    `domain`     VARCHAR(255) NOT NULL DEFAULT '',
    `created`    DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `modified`   DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `active`     TINYINT(1)   NOT NULL DEFAULT '1',
    PRIMARY KEY (`username`),
    KEY `domain` (`domain`)
) ENGINE = InnoDB DEFAULT CHARSET = latin1 COLLATE = latin1_general_ci COMMENT = 'Postfix Admin - Virtual Mailboxes';

CREATE TABLE alias (
    `address`  VARCHAR(255) NOT NULL DEFAULT '',
    `goto`     TEXT         NOT NULL,
    `domain`   VARCHAR(255) NOT NULL DEFAULT '',
    `created`  DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `modified` DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `active`   TINYINT(1)   NOT NULL DEFAULT '1',
    PRIMARY KEY (`address`),
    KEY `domain` (`domain`)
) ENGINE = InnoDB DEFAULT CHARSET = latin1 COLLATE = latin1_general_ci COMMENT = 'Postfix Admin - Virtual Aliases';

CREATE TABLE alias_domain (
    `alias_domain`  VARCHAR(255) NOT NULL DEFAULT '',
    `target_domain` VARCHAR(255) NOT NULL DEFAULT '',
    `created`       DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `modified`      DATETIME     NOT NULL DEFAULT '2000-01-01 00:00:00',
    `active`        TINYINT(1)   NOT NULL DEFAULT '1',
    PRIMARY KEY (`alias_domain`),
    KEY `active` (`active`),
    KEY `target_domain` (`target_domain`)
) ENGINE = InnoDB DEFAULT CHARSET = latin1 COLLATE = latin1_general_ci COMMENT = 'Postfix Admin - Domain Aliases';

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
