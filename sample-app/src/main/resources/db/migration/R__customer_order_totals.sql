-- depends-on: 0017
-- A reporting view, kept as a repeatable SQL file: edit it and the next upgrade re-creates it.
CREATE OR REPLACE VIEW customer_order_totals AS
SELECT c.id AS customer_id, c.full_name, count(o.id) AS orders, coalesce(sum(o.total_cents), 0) AS total_cents
FROM customer c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.full_name;
