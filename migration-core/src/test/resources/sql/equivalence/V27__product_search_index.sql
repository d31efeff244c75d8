CREATE INDEX ix_product_title ON product USING btree (lower(title) text_pattern_ops) WHERE stock > 0;
