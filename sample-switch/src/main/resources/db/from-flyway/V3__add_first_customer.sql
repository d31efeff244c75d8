INSERT INTO customer (name, email) VALUES ('Ada', 'ada@example.com');
