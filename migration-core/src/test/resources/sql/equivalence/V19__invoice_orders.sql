INSERT INTO invoice (order_id) SELECT id FROM orders WHERE status = 'shipped' ORDER BY id;
