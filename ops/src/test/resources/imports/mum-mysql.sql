-- MUM's tables on MySQL/MariaDB as its Laravel migrations create them (increments ids,
-- timestamps, the unique keys and foreign keys of the migrations). Quotas in GB.
CREATE TABLE domains (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  domain varchar(255) NOT NULL,
  description text NULL,
  quota bigint unsigned NULL,
  max_quota bigint unsigned NULL,
  max_aliases int unsigned NULL,
  max_mailboxes int unsigned NULL,
  homedir varchar(255) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT '1',
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY domains_domain_unique (domain),
  UNIQUE KEY domains_homedir_unique (homedir)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mailboxes (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  local_part varchar(255) NOT NULL,
  password varchar(255) NOT NULL,
  remember_token varchar(100) NULL,
  name varchar(255) NULL,
  domain_id int unsigned NOT NULL,
  alternative_email varchar(255) NULL,
  quota int unsigned NULL,
  homedir varchar(255) NOT NULL,
  maildir varchar(255) NOT NULL,
  is_super_admin tinyint(1) NOT NULL DEFAULT '0',
  send_only tinyint(1) NOT NULL DEFAULT '0',
  active tinyint(1) NOT NULL DEFAULT '1',
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY mailboxes_local_part_domain_id_unique (local_part, domain_id),
  UNIQUE KEY mailboxes_homedir_unique (homedir),
  UNIQUE KEY mailboxes_maildir_unique (maildir),
  CONSTRAINT mailboxes_domain_id_foreign FOREIGN KEY (domain_id) REFERENCES domains (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE aliases (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  local_part varchar(255) NOT NULL,
  description text NULL,
  domain_id int unsigned NOT NULL,
  active tinyint(1) NOT NULL DEFAULT '1',
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY aliases_local_part_domain_id_unique (local_part, domain_id),
  CONSTRAINT aliases_domain_id_foreign FOREIGN KEY (domain_id) REFERENCES domains (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alias_recipients (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  alias_id int unsigned NOT NULL,
  recipient_address varchar(255) NOT NULL,
  mailbox_id int unsigned NULL,
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY alias_recipients_alias_id_recipient_address_unique (alias_id, recipient_address),
  CONSTRAINT alias_recipients_alias_id_foreign FOREIGN KEY (alias_id) REFERENCES aliases (id) ON DELETE CASCADE,
  CONSTRAINT alias_recipients_mailbox_id_foreign FOREIGN KEY (mailbox_id) REFERENCES mailboxes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alias_senders (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mailbox_id int unsigned NOT NULL,
  alias_id int unsigned NOT NULL,
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY alias_senders_mailbox_id_alias_id_unique (mailbox_id, alias_id),
  CONSTRAINT alias_senders_mailbox_id_foreign FOREIGN KEY (mailbox_id) REFERENCES mailboxes (id) ON DELETE CASCADE,
  CONSTRAINT alias_senders_alias_id_foreign FOREIGN KEY (alias_id) REFERENCES aliases (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tls_policies (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  domain varchar(255) NOT NULL,
  policy enum('none','may','encrypt','dane','dane-only','fingerprint','verify','secure') NOT NULL,
  params text NULL,
  description text NULL,
  active tinyint(1) NOT NULL DEFAULT '1',
  created_at timestamp NULL,
  updated_at timestamp NULL,
  UNIQUE KEY tls_policies_domain_unique (domain)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
