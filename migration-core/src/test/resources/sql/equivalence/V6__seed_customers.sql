INSERT INTO customer (email, full_name)
SELECT 'customer' || i || '@example.com', 'Customer ' || i FROM generate_series(1, 50) AS i;
