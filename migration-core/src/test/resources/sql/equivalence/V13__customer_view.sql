CREATE VIEW customer_order_count AS
SELECT c.id, c.email, count(o.id) AS orders
FROM customer c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.email;
