CREATE INDEX CONCURRENTLY ix_item_name ON item (name);
