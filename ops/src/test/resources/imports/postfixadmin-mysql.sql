-- PostfixAdmin's tables on MySQL/MariaDB as its upgrade.php leaves them (3.x): domain, mailbox
-- (with local_part), alias and alias_domain; quotas bigint, flags tinyint(1). Dates default to
-- 2000-01-01 as upgrade.php's {DATE} does for MySQL.
CREATE TABLE domain (
  domain varchar(255) NOT NULL,
  description varchar(255) NOT NULL DEFAULT '',
  aliases int(10) NOT NULL DEFAULT '0',
  mailboxes int(10) NOT NULL DEFAULT '0',
  maxquota bigint(20) NOT NULL DEFAULT '0',
  quota bigint(20) NOT NULL DEFAULT '0',
  transport varchar(255) NOT NULL DEFAULT 'virtual',
  backupmx tinyint(1) NOT NULL DEFAULT '0',
  created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  active tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (domain)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='Postfix Admin - Virtual Domains';

CREATE TABLE mailbox (
  username varchar(255) NOT NULL,
  password varchar(255) NOT NULL,
  name varchar(255) CHARACTER SET utf8 NOT NULL DEFAULT '',
  maildir varchar(255) NOT NULL,
  quota bigint(20) NOT NULL DEFAULT '0',
  local_part varchar(255) NOT NULL,
  domain varchar(255) NOT NULL,
  created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  active tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (username),
  KEY domain (domain)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='Postfix Admin - Virtual Mailboxes';

CREATE TABLE alias (
  address varchar(255) NOT NULL,
  goto text NOT NULL,
  domain varchar(255) NOT NULL,
  created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  active tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (address),
  KEY domain (domain)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='Postfix Admin - Virtual Aliases';

CREATE TABLE alias_domain (
  alias_domain varchar(255) NOT NULL,
  target_domain varchar(255) NOT NULL,
  created datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  modified datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  active tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (alias_domain),
  KEY active (active),
  KEY target_domain (target_domain)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='Postfix Admin - Domain Aliases';
