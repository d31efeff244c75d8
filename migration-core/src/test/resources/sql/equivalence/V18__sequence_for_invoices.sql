CREATE SEQUENCE invoice_number START WITH 1000 INCREMENT BY 10;
CREATE TABLE invoice (
    number bigint PRIMARY KEY DEFAULT nextval('invoice_number'),
    order_id bigint NOT NULL REFERENCES orders (id)
);
