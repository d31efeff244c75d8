ALTER TABLE item ADD COLUMN price_cents bigint;
