CREATE UNIQUE INDEX ux_customer_email ON customer (lower(email));
