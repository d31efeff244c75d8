CREATE VIEW order_summary AS
SELECT o.id, o.status, order_total(o.id) AS total_cents, count(l.product_id) AS lines
FROM orders o LEFT JOIN order_line l ON l.order_id = o.id
GROUP BY o.id, o.status;
