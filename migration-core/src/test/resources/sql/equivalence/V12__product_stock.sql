ALTER TABLE product ADD COLUMN stock integer NOT NULL DEFAULT 0;
UPDATE product SET stock = 10 * id;
