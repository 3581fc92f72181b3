-- domains_domain (domain) repeats the first column of domains_hosted_domain (domain,
-- hosted_domain), which serves every lookup by name as well. MariaDB's optimizer weighs each
-- candidate index of an equality (an index dive per candidate) for every query Postfix sends, so
-- the spare one cost the domain query about a tenth: 28,300-30,200 against 30,600-33,100 queries/s
-- without it, beside 31,700-33,500 on the minimal tables (mysqlslap, 80,000 queries a round,
-- by hand on LookupBenchmarkTest's world). PostgreSQL keeps its twin: there the unique name is a
-- partial index that a lookup of any row by name cannot use.
ALTER TABLE domains DROP INDEX domains_domain;
