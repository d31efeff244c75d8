INSERT INTO customer (email, name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob; the builder');
