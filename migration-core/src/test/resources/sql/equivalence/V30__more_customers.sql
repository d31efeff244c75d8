INSERT INTO customer (email, display_name, country)
SELECT 'late' || i || '@example.com', NULL, 'GB' FROM generate_series(1, 25) AS i;
