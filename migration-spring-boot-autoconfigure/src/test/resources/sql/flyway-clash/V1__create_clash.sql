CREATE TABLE clash (id int);
