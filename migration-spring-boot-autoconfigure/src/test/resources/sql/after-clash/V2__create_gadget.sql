CREATE TABLE gadget (id bigint PRIMARY KEY);
