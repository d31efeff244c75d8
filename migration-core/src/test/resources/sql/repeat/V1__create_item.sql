CREATE TABLE item (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    price numeric(10, 2) NOT NULL
);
INSERT INTO item (name, price) VALUES ('pen', 1.50), ('book', 12.00);
