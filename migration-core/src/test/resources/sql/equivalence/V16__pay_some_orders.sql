UPDATE orders SET status = 'shipped' WHERE status = 'paid' AND id % 2 = 0;
