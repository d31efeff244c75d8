INSERT INTO product (sku, title, price_cents) VALUES
    ('PEN-1', 'Pen; blue', 150),
    ('INK-2', 'Ink ''black''', 420),
    ('PAD-3', E'Pad\twith a tab', 300),
    ('BAG-4', $$Bag "large"; sturdy$$, 2500);
