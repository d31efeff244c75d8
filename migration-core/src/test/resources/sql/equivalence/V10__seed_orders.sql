INSERT INTO orders (customer_id, status)
SELECT c.id, CASE WHEN c.id % 3 = 0 THEN 'paid'::order_status ELSE 'open'::order_status END
FROM customer c WHERE c.id <= 30;
INSERT INTO order_line (order_id, product_id, quantity)
SELECT o.id, p.id, (o.id % 4) + 1 FROM orders o CROSS JOIN product p WHERE p.id <= 2;
