DROP TABLE up_sql;
