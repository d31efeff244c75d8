CREATE OR REPLACE VIEW partner_names AS SELECT name FROM ${flyway:defaultSchema}.partner;
