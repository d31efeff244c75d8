CREATE OR REPLACE VIEW item_view AS
SELECT id, name FROM item;
