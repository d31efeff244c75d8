CREATE UNIQUE INDEX CONCURRENTLY ix_customer_email ON customer (email);
