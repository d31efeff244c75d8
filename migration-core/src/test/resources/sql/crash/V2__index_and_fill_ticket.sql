-- concurrently, so this file runs outside a transaction, each statement on its own
CREATE UNIQUE INDEX CONCURRENTLY ux_ticket_code ON ticket (code);
ALTER TABLE ticket ADD COLUMN seen integer;
UPDATE ticket SET seen = 1;
CREATE INDEX CONCURRENTLY ix_ticket_owner ON ticket (owner);
INSERT INTO ticket (code, owner) VALUES ('late', 'owner 1');
