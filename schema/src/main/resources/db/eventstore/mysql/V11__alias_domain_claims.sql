-- The MySQL/MariaDB twin of the PostgreSQL V11 (alias domains on main): an alias domain is a
-- claim_domain row whose alias_of names the hosted domain it delivers to.
ALTER TABLE claim_domain
    ADD COLUMN alias_of VARCHAR(36),
    ADD KEY claim_domain_alias_of (alias_of),
    ADD CONSTRAINT claim_domain_alias_of_fk FOREIGN KEY (alias_of) REFERENCES claim_domain (domain_id);
