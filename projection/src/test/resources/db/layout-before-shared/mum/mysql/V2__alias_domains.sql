-- Alias domains, expanded into rows, since MUM has no table of its own for them. An alias domain
-- B of a hosted domain A is a row in domains (so Postfix takes B as a virtual domain) with
-- alias_target_id = A's id; its active is alias_active (its own flag) AND A's active. Every
-- mailbox and alias x@A has a row x@B in aliases with expanded_from = the id of the row it
-- answers for (forwarding to x@A; A's catch-all's row carries copies of its recipients), and the
-- senders that may send as x@A may send as x@B. Expanded rows have no aggregate of their own:
-- aggregate_id is NULL, their ids are the XOR of the ids of the row they answer for and of B.
-- MUM's queries read none of the new columns.
ALTER TABLE domains ADD COLUMN alias_target_id BIGINT NULL, ADD COLUMN alias_active TINYINT(1) NULL,
    ADD INDEX domains_alias_target (alias_target_id);

ALTER TABLE aliases MODIFY aggregate_id VARCHAR(36) NULL, ADD COLUMN expanded_from BIGINT NULL,
    ADD INDEX aliases_expanded_from (expanded_from);

-- An alias domain's events go with its target's, so when a name passes from one owner to the next
-- (an alias domain of A deleted, the same name made an alias domain of C, or a hosted domain), the
-- new row may be written by another segment before the old one is gone. Only hosted domains keep
-- a unique name, which their own sequence guarantees (hosted_domain is NULL on alias-domain rows,
-- and a unique key admits any number of NULLs); an alias domain's row may briefly stand beside the
-- old owner's, until that segment applies the deletion.
ALTER TABLE domains DROP INDEX domain,
    ADD COLUMN hosted_domain TINYINT(1) AS (CASE WHEN alias_target_id IS NULL THEN 1 END) STORED,
    ADD UNIQUE INDEX domains_hosted_domain (domain, hosted_domain),
    ADD INDEX domains_domain (domain);
