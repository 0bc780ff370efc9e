CREATE TABLE up_sql (id int);
