-- Alias domains take their names from the same name space as hosted domains: a row in
-- claim_domain whose alias_of names the hosted domain it delivers to. The unique name key then
-- keeps a hosted domain and an alias domain from ever sharing a name, under any concurrency; the
-- foreign key keeps a target from vanishing under its alias domains. An alias domain holds no
-- addresses, so its limits and counts stay 0.
ALTER TABLE claim_domain ADD COLUMN alias_of VARCHAR(36) REFERENCES claim_domain (domain_id);
CREATE INDEX claim_domain_alias_of ON claim_domain (alias_of);
