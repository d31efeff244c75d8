INSERT INTO partner (id, name) VALUES (1, '${companyName}'), (2, 'Other; Inc.');
