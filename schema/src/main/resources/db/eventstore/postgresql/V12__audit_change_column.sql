-- "change" is a reserved word in MySQL: a name that needs no quoting on either engine keeps the
-- audit SQL portable (the MySQL/MariaDB migrations create the same table).
ALTER TABLE audit_entry RENAME COLUMN change TO change_json;
