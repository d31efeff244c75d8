CREATE TABLE IF NOT EXISTS switch_audit (note text);
INSERT INTO switch_audit (note) VALUES ('migrated into ${flyway:defaultSchema} by ${flyway:user}');
