-- DinoMail's tables on PostgreSQL as Django's migrations (core 0001..0004) create them, with the
-- app label "dinomail" its documentation's queries use: virtualdomain, virtualuser (quota in
-- bytes), virtualalias (one row per source and destination).
CREATE TABLE dinomail_virtualdomain (
  id serial PRIMARY KEY,
  name varchar(50) NOT NULL UNIQUE,
  dkim_key_name varchar(200) NOT NULL DEFAULT '',
  dkim_key text NOT NULL DEFAULT '',
  dkim_status integer NOT NULL DEFAULT 0,
  dkim_last_update timestamp with time zone NOT NULL DEFAULT now(),
  display_name varchar(200) NOT NULL DEFAULT '',
  short_display_name varchar(50) NOT NULL DEFAULT '',
  imap_address varchar(255) NOT NULL DEFAULT '',
  pop_address varchar(255) NOT NULL DEFAULT '',
  smtp_address varchar(255) NOT NULL DEFAULT '',
  dmarc_status integer NOT NULL DEFAULT 0,
  dmarc_last_update timestamp with time zone NOT NULL DEFAULT now(),
  spf_status integer NOT NULL DEFAULT 0,
  spf_last_update timestamp with time zone NOT NULL DEFAULT now()
);

CREATE TABLE dinomail_virtualuser (
  id serial PRIMARY KEY,
  email varchar(254) NOT NULL UNIQUE,
  password varchar(300) NOT NULL,
  quota bigint NULL DEFAULT 0,
  domain_id integer NOT NULL REFERENCES dinomail_virtualdomain (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX dinomail_virtualuser_domain_id ON dinomail_virtualuser (domain_id);

CREATE TABLE dinomail_virtualalias (
  id serial PRIMARY KEY,
  source varchar(254) NOT NULL,
  destination varchar(254) NOT NULL,
  domain_id integer NOT NULL REFERENCES dinomail_virtualdomain (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX dinomail_virtualalias_domain_id ON dinomail_virtualalias (domain_id);
