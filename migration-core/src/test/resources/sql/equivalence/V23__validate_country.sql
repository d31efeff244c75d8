ALTER TABLE customer VALIDATE CONSTRAINT customer_country_known;
