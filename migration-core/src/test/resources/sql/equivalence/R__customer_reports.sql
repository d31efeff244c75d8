CREATE OR REPLACE VIEW customers_by_country AS
SELECT country, count(*) AS customers FROM customer GROUP BY country;
