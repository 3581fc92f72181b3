-- dinomail layout as of 2026-11-20T10:00:44.000Z (log position 36, 36 events), postgresql

-- mailledger_dinomail_domain: 3 rows
INSERT INTO mailledger_dinomail_domain (id, name, active) VALUES (7010766420825688968, 'off.example', FALSE);
INSERT INTO mailledger_dinomail_domain (id, name, active) VALUES (7322831914587300941, 'example.net', TRUE);
INSERT INTO mailledger_dinomail_domain (id, name, active) VALUES (9133087010525216947, 'example.org', TRUE);

-- mailledger_dinomail_alias_domain: 2 rows
INSERT INTO mailledger_dinomail_alias_domain (id, name, target_domain, active) VALUES (1044504973537238879, 'alias.example', 'example.org', TRUE);
INSERT INTO mailledger_dinomail_alias_domain (id, name, target_domain, active) VALUES (4029822554841874517, 'other.example', 'example.net', FALSE);

-- mailledger_dinomail_user: 5 rows
INSERT INTO mailledger_dinomail_user (id, domain_id, email, local_part, password, quota, active) VALUES (1232881163242720918, 7010766420825688968, 'carol@off.example', 'carol', '{SHA512-CRYPT}$6$saltsaltsaltsalt$CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', 0, TRUE);
INSERT INTO mailledger_dinomail_user (id, domain_id, email, local_part, password, quota, active) VALUES (3348319696817748854, 9133087010525216947, 'sender@example.org', 'sender', '{BLF-CRYPT}$2y$04$DDDDDDDDDDDDDDDDDDDDDOabcdefghijklmnopqrstuvwxyz01234', 1073741824, TRUE);
INSERT INTO mailledger_dinomail_user (id, domain_id, email, local_part, password, quota, active) VALUES (4929321704037615582, 7322831914587300941, 'dave@example.net', 'dave', '{BLF-CRYPT}$2y$04$EEEEEEEEEEEEEEEEEEEEEOabcdefghijklmnopqrstuvwxyz01234', 0, FALSE);
INSERT INTO mailledger_dinomail_user (id, domain_id, email, local_part, password, quota, active) VALUES (7237874607913878498, 9133087010525216947, 'bob@example.org', 'bob', '{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 1610612736, TRUE);
INSERT INTO mailledger_dinomail_user (id, domain_id, email, local_part, password, quota, active) VALUES (7460981608678450072, 9133087010525216947, 'alice@example.org', 'alice', '{BLF-CRYPT}$2y$04$BBBBBBBBBBBBBBBBBBBBBOabcdefghijklmnopqrstuvwxyz01234', 2147483648, TRUE);

-- mailledger_dinomail_alias: 4 rows
INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active) VALUES (336028786042864858, 9133087010525216947, 'team@example.org', 'team', TRUE);
INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active) VALUES (1155257061359570301, 7322831914587300941, 'info@example.net', 'info', TRUE);
INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active) VALUES (3823066663778989243, 9133087010525216947, '@example.org', '', TRUE);
INSERT INTO mailledger_dinomail_alias (id, domain_id, source, local_part, active) VALUES (4609159603612338737, 9133087010525216947, 'old@example.org', 'old', FALSE);

-- mailledger_dinomail_alias_recipient: 6 rows
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (1211634007776245802, 336028786042864858, 'alice@example.org');
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (1260020140511360015, 1155257061359570301, 'dave@example.net');
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (3487686077670822851, 3823066663778989243, 'postmaster@elsewhere.test');
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (4024427492232005049, 336028786042864858, 'carol@off.example');
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (7391320540959915972, 4609159603612338737, 'bob@example.org');
INSERT INTO mailledger_dinomail_alias_recipient (id, alias_id, destination) VALUES (8467989003506141278, 3823066663778989243, 'alice@example.org');
