-- re-created whenever this file changes, after the versioned files
CREATE OR REPLACE VIEW cheap_item AS
SELECT id, name FROM item WHERE price < 5;
