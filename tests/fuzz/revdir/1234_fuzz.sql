CREATE TABLE fuzz_sql_file (id int);
INSERT INTO fuzz_sql_file VALUES (1);
