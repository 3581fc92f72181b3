-- DinoMail's tables as its documented queries read them, named with the configured prefix
-- (mailledger.layout.dinomail.table-prefix, default dinomail_): ${table_prefix}virtualdomain,
-- ${table_prefix}virtualuser and ${table_prefix}virtualalias, with DinoMail's columns. Only what
-- is active is there, in active domains. An active alias domain B of an active domain A is a
-- domain, every mailbox and alias x@A has the alias row x@B -> x@A, and A's catch-all gives B's
-- catch-all the same destinations. Ids of the expanded rows combine the two rows' ids; DinoMail's
-- queries never read them.

CREATE OR REPLACE VIEW ${table_prefix}virtualdomain AS
SELECT d.id, d.name
FROM mailledger_dinomail_domain d
WHERE d.active = TRUE
UNION ALL
SELECT ad.id, ad.name
FROM mailledger_dinomail_alias_domain ad
         JOIN mailledger_dinomail_domain t ON t.name = ad.target_domain
WHERE ad.active = TRUE AND t.active = TRUE;

CREATE OR REPLACE VIEW ${table_prefix}virtualuser AS
SELECT u.id, u.domain_id, u.email, u.password, u.quota
FROM mailledger_dinomail_user u
         JOIN mailledger_dinomail_domain d ON d.id = u.domain_id
WHERE u.active = TRUE AND d.active = TRUE;

CREATE OR REPLACE VIEW ${table_prefix}virtualalias AS
SELECT r.id, a.domain_id, a.source, r.destination
FROM mailledger_dinomail_alias a
         JOIN mailledger_dinomail_alias_recipient r ON r.alias_id = a.id
         JOIN mailledger_dinomail_domain d ON d.id = a.domain_id
WHERE a.active = TRUE AND d.active = TRUE
UNION ALL
SELECT (ad.id % 4294967296) * 2147483648 + (u.id % 2147483648), ad.id,
       CONCAT(u.local_part, '@', ad.name), u.email
FROM mailledger_dinomail_alias_domain ad
         JOIN mailledger_dinomail_domain t ON t.name = ad.target_domain
         JOIN mailledger_dinomail_user u ON u.domain_id = t.id
WHERE ad.active = TRUE AND t.active = TRUE AND u.active = TRUE
UNION ALL
SELECT (ad.id % 4294967296) * 2147483648 + (a.id % 2147483648), ad.id,
       CONCAT(a.local_part, '@', ad.name), a.source
FROM mailledger_dinomail_alias_domain ad
         JOIN mailledger_dinomail_domain t ON t.name = ad.target_domain
         JOIN mailledger_dinomail_alias a ON a.domain_id = t.id
WHERE ad.active = TRUE AND t.active = TRUE AND a.active = TRUE AND a.local_part <> ''
UNION ALL
SELECT (ad.id % 4294967296) * 2147483648 + (r.id % 2147483648), ad.id,
       CONCAT('@', ad.name), r.destination
FROM mailledger_dinomail_alias_domain ad
         JOIN mailledger_dinomail_domain t ON t.name = ad.target_domain
         JOIN mailledger_dinomail_alias a ON a.domain_id = t.id
         JOIN mailledger_dinomail_alias_recipient r ON r.alias_id = a.id
WHERE ad.active = TRUE AND t.active = TRUE AND a.active = TRUE AND a.local_part = '';
