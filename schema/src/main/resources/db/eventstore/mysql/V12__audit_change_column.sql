-- `change` is a reserved word in MySQL: a name that needs no quoting on either engine keeps the
-- audit SQL portable.
ALTER TABLE audit_entry CHANGE `change` change_json LONGTEXT NOT NULL;
