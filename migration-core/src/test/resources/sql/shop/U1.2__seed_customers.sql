DELETE FROM customer WHERE email IN ('ada@example.com', 'bob@example.com');
