COMMENT ON COLUMN customer.email IS 'unique, case-insensitive';
COMMENT ON COLUMN product.sku IS E'stock keeping unit\nprinted on the label';
