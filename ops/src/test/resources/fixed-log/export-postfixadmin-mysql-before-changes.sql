-- postfixadmin layout as of 2026-11-20T10:00:44.000Z (log position 36, 36 events), mysql

-- domain: 5 rows
INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, transport, backupmx, created, modified, active) VALUES ('alias.example', 'Alias domain of example.org', 0, 0, 0, 0, 'virtual', 0, '2026-11-20 10:00:30', '2026-11-20 10:00:30', 1);
INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, transport, backupmx, created, modified, active) VALUES ('example.net', 'Net', 0, 5, 5121, 0, 'virtual', 0, '2026-11-20 10:00:02', '2026-11-20 10:00:33', 1);
INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, transport, backupmx, created, modified, active) VALUES ('example.org', 'Ours', 0, 0, 10240, 0, 'virtual', 0, '2026-11-20 10:00:00', '2026-11-20 10:00:00', 1);
INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, transport, backupmx, created, modified, active) VALUES ('off.example', '', 0, 0, 0, 0, 'virtual', 0, '2026-11-20 10:00:01', '2026-11-20 10:00:10', 0);
INSERT INTO domain (domain, description, aliases, mailboxes, maxquota, quota, transport, backupmx, created, modified, active) VALUES ('other.example', 'Alias domain of example.net', 0, 0, 0, 0, 'virtual', 0, '2026-11-20 10:00:31', '2026-11-20 10:00:32', 0);

-- mailbox: 5 rows
INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain, created, modified, active) VALUES ('alice@example.org', '{BLF-CRYPT}$2y$04$BBBBBBBBBBBBBBBBBBBBBOabcdefghijklmnopqrstuvwxyz01234', 'Alice', '0b000000-0000-4000-8000-000000000001/', 2147483648, 'alice', 'example.org', '2026-11-20 10:00:05', '2026-11-20 10:00:05', 1);
INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain, created, modified, active) VALUES ('bob@example.org', '{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 'Bobby', '0b000000-0000-4000-8000-000000000002/', 1610612736, 'bob', 'example.org', '2026-11-20 10:00:06', '2026-11-20 10:00:35', 1);
INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain, created, modified, active) VALUES ('carol@off.example', '{SHA512-CRYPT}$6$saltsaltsaltsalt$CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', '', '0b000000-0000-4000-8000-000000000003/', 0, 'carol', 'off.example', '2026-11-20 10:00:07', '2026-11-20 10:00:07', 1);
INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain, created, modified, active) VALUES ('dave@example.net', '{BLF-CRYPT}$2y$04$EEEEEEEEEEEEEEEEEEEEEOabcdefghijklmnopqrstuvwxyz01234', 'Dave', '0b000000-0000-4000-8000-000000000005/', 0, 'dave', 'example.net', '2026-11-20 10:00:37', '2026-11-20 10:00:40', 0);
INSERT INTO mailbox (username, password, name, maildir, quota, local_part, domain, created, modified, active) VALUES ('sender@example.org', '{BLF-CRYPT}$2y$04$DDDDDDDDDDDDDDDDDDDDDOabcdefghijklmnopqrstuvwxyz01234', '', '0b000000-0000-4000-8000-000000000004/', 1073741824, 'sender', 'example.org', '2026-11-20 10:00:08', '2026-11-20 10:00:08', 1);

-- alias: 9 rows
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('@example.org', 'alice@example.org,postmaster@elsewhere.test', 'example.org', '2026-11-20 10:00:17', '2026-11-20 10:00:17', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('alice@example.org', 'alice@example.org', 'example.org', '2026-11-20 10:00:05', '2026-11-20 10:00:05', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('bob@example.org', 'bob@example.org', 'example.org', '2026-11-20 10:00:06', '2026-11-20 10:00:06', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('carol@off.example', 'carol@off.example', 'off.example', '2026-11-20 10:00:07', '2026-11-20 10:00:07', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('dave@example.net', 'dave@example.net', 'example.net', '2026-11-20 10:00:37', '2026-11-20 10:00:40', 0);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('info@example.net', 'dave@example.net', 'example.net', '2026-11-20 10:00:38', '2026-11-20 10:00:38', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('old@example.org', 'bob@example.org', 'example.org', '2026-11-20 10:00:18', '2026-11-20 10:00:20', 0);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('sender@example.org', 'sender@example.org', 'example.org', '2026-11-20 10:00:08', '2026-11-20 10:00:08', 1);
INSERT INTO alias (address, goto, domain, created, modified, active) VALUES ('team@example.org', 'alice@example.org,carol@off.example', 'example.org', '2026-11-20 10:00:11', '2026-11-20 10:00:16', 1);

-- alias_domain: 2 rows
INSERT INTO alias_domain (alias_domain, target_domain, created, modified, active) VALUES ('alias.example', 'example.org', '2026-11-20 10:00:30', '2026-11-20 10:00:30', 1);
INSERT INTO alias_domain (alias_domain, target_domain, created, modified, active) VALUES ('other.example', 'example.net', '2026-11-20 10:00:31', '2026-11-20 10:00:32', 0);
