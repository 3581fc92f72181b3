-- mum layout as of 2026-11-21T00:00:00.000Z (log position 50, 50 events), postgresql

-- domains: 4 rows
INSERT INTO domains (id, aggregate_id, domain, description, quota, max_quota, max_aliases, max_mailboxes, homedir, active, alias_target_id, alias_active) VALUES (1044504973537238879, '0e000000-0000-4000-8000-000000000001', 'alias.example', 'alias domain of example.org', NULL, NULL, NULL, NULL, NULL, TRUE, 9133087010525216947, TRUE);
INSERT INTO domains (id, aggregate_id, domain, description, quota, max_quota, max_aliases, max_mailboxes, homedir, active, alias_target_id, alias_active) VALUES (4029822554841874517, '0e000000-0000-4000-8000-000000000002', 'other.example', 'alias domain of example.net', NULL, NULL, NULL, NULL, NULL, TRUE, 7322831914587300941, TRUE);
INSERT INTO domains (id, aggregate_id, domain, description, quota, max_quota, max_aliases, max_mailboxes, homedir, active, alias_target_id, alias_active) VALUES (7322831914587300941, '0d000000-0000-4000-8000-000000000003', 'example.net', 'Net', 3, 6, 0, 5, NULL, TRUE, NULL, NULL);
INSERT INTO domains (id, aggregate_id, domain, description, quota, max_quota, max_aliases, max_mailboxes, homedir, active, alias_target_id, alias_active) VALUES (9133087010525216947, '0d000000-0000-4000-8000-000000000001', 'example.org', 'Ours', 2, 10, 0, 0, NULL, TRUE, NULL, NULL);

-- tls_policies: 2 rows
INSERT INTO tls_policies (id, domain, policy, params, description, active) VALUES (3867380722734656215, 'secure.test', 'secure', 'match=.secure.test', 'Bank', TRUE);
INSERT INTO tls_policies (id, domain, policy, params, description, active) VALUES (7635561557162682520, 'example.com', 'encrypt', NULL, '', TRUE);

-- mailboxes: 3 rows
INSERT INTO mailboxes (id, aggregate_id, local_part, password, name, domain_id, alternative_email, quota, homedir, maildir, send_only, active) VALUES (4929321704037615582, '0b000000-0000-4000-8000-000000000005', 'dave', '{BLF-CRYPT}$2y$04$EEEEEEEEEEEEEEEEEEEEEOabcdefghijklmnopqrstuvwxyz01234', 'Dave', 7322831914587300941, NULL, 0, '/var/vmail/0b000000-0000-4000-8000-000000000005', 'maildir:/var/vmail/0b000000-0000-4000-8000-000000000005/Maildir', FALSE, TRUE);
INSERT INTO mailboxes (id, aggregate_id, local_part, password, name, domain_id, alternative_email, quota, homedir, maildir, send_only, active) VALUES (7237874607913878498, '0b000000-0000-4000-8000-000000000002', 'bob', '{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 'Bobby', 9133087010525216947, NULL, 2, '/var/vmail/0b000000-0000-4000-8000-000000000002', 'maildir:/var/vmail/0b000000-0000-4000-8000-000000000002/Maildir', TRUE, TRUE);
INSERT INTO mailboxes (id, aggregate_id, local_part, password, name, domain_id, alternative_email, quota, homedir, maildir, send_only, active) VALUES (7460981608678450072, '0b000000-0000-4000-8000-000000000001', 'alicia', '{BLF-CRYPT}$2y$04$GGGGGGGGGGGGGGGGGGGGGOabcdefghijklmnopqrstuvwxyz01234', 'Alice', 9133087010525216947, NULL, 7, '/var/vmail/0b000000-0000-4000-8000-000000000001', 'maildir:/var/vmail/0b000000-0000-4000-8000-000000000001/Maildir', FALSE, TRUE);

-- aliases: 11 rows
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (336028786042864858, '0a000000-0000-4000-8000-000000000001', 'team', 'The whole team', 9133087010525216947, TRUE, NULL);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (781097302788201349, NULL, 'team', '', 1044504973537238879, TRUE, 336028786042864858);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (1155257061359570301, '0a000000-0000-4000-8000-000000000005', 'info', '', 7322831914587300941, TRUE, NULL);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (2874565873000795432, NULL, 'info', '', 4029822554841874517, TRUE, 1155257061359570301);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (3569618927542867310, NULL, 'old', '', 1044504973537238879, TRUE, 4609159603612338737);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (3823066663778989243, '0a000000-0000-4000-8000-000000000002', '', '', 9133087010525216947, TRUE, NULL);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (4283083075438504932, NULL, '', '', 1044504973537238879, TRUE, 3823066663778989243);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (4609159603612338737, '0a000000-0000-4000-8000-000000000003', 'old', '', 9133087010525216947, TRUE, NULL);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (7634842182109674695, NULL, 'alicia', '', 1044504973537238879, TRUE, 7460981608678450072);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (7641706035775151293, NULL, 'bob', '', 1044504973537238879, FALSE, 7237874607913878498);
INSERT INTO aliases (id, aggregate_id, local_part, description, domain_id, active, expanded_from) VALUES (8323982221446481803, NULL, 'dave', '', 4029822554841874517, TRUE, 4929321704037615582);

-- alias_recipients: 14 rows
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (781097302788201349, 781097302788201349, 'team@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (1260020140511360015, 1155257061359570301, 'dave@example.net', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (2874565873000795432, 2874565873000795432, 'info@example.net', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (3310710200215575093, 336028786042864858, 'alicia@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (3487686077670822851, 3823066663778989243, 'postmaster@elsewhere.test', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (3569618927542867310, 3569618927542867310, 'old@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (4024427492232005049, 336028786042864858, 'carol@off.example', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (4474347941296196764, 4283083075438504932, 'postmaster@elsewhere.test', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (7391320540959915972, 4609159603612338737, 'bob@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (7634842182109674695, 7634842182109674695, 'alicia@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (7641706035775151293, 7641706035775151293, 'bob@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (8323982221446481803, 8323982221446481803, 'dave@example.net', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (8467989003506141278, 3823066663778989243, 'alice@example.org', NULL);
INSERT INTO alias_recipients (id, alias_id, recipient_address, mailbox_id) VALUES (8933598631059330817, 4283083075438504932, 'alice@example.org', NULL);

-- alias_senders: 5 rows
INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (7634842182109674695, 7634842182109674695, 7460981608678450072);
INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (7641706035775151293, 7641706035775151293, 7237874607913878498);
INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (8223181198441165093, 336028786042864858, 7460981608678450072);
INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (8323982221446481803, 8323982221446481803, 4929321704037615582);
INSERT INTO alias_senders (id, alias_id, mailbox_id) VALUES (8962242449494863482, 781097302788201349, 7460981608678450072);
