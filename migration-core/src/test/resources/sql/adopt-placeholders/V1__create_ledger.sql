CREATE TABLE ${tableName} (id int PRIMARY KEY, created_by text DEFAULT '${flyway:user}');
