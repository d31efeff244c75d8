ALTER TABLE customer ADD COLUMN email text;
CREATE INDEX ix_customer_email ON customer (email);
