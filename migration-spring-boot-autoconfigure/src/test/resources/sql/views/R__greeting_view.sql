-- depends-on: 1000aa
CREATE OR REPLACE VIEW greeting_view AS SELECT * FROM greeting;
