ALTER TABLE customer ADD COLUMN country char(2);
UPDATE customer SET country = CASE WHEN id % 2 = 0 THEN 'FR' ELSE 'DE' END;
ALTER TABLE customer ADD CONSTRAINT customer_country_known CHECK (country IN ('FR', 'DE', 'GB')) NOT VALID;
