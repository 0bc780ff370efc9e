-- catalogue-data.sql - the catalogue of tests/bench/catalogue: psql -v P=N
-- -f catalogue-data.sql into a database made with data/schema.sql. With N
-- products (N even, >= 20; the benchmark uses 2,000 and 20):
--   products          N, 2 fixed inputs each (speed, affiliation), 2 direct
--                     blocks each (its root block and a second block)
--   product_blocks    5N/2: N roots, N second blocks, shared blocks, and
--                     PortBlock (every root depends on it and on one shared
--                     block; every third shared block on the next one)
--   resource_types    10N: 4 of each block's own, every root also has one
--                     of rt_00001..rt_00008
--   subscriptions     100 per product (every tenth terminated)
--   instances         one of its product's root per subscription, and 5 of
--                     PortBlock (5 * 100N: 1,000,000 for N = 2,000)
--   values            2 per root instance, 1 on 3 of the 5 ports (500N)
-- Ids are made from (table, number), so no statement reads ids back. Foreign
-- key triggers are off during the load (the data satisfies them) and the
-- secondary indexes of the three big tables are built after it.
\set NB (5 * :P / 2)
\set NR (10 * :P)
\set NS (100 * :P)
\set NSH (:NB - 2 * :P - 1)
SET session_replication_role = replica;
CREATE FUNCTION pg_temp.id(t int, n bigint) RETURNS uuid IMMUTABLE LANGUAGE sql
AS $$ SELECT (lpad(t::text, 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;
BEGIN;
-- the secondary indexes of the big tables are built after the load
SET LOCAL maintenance_work_mem = '256MB';
CREATE TEMP TABLE bench_ix ON COMMIT DROP AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = 'public' AND i.tablename IN ('subscriptions', 'subscription_instances', 'subscription_instance_values')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
SELECT format('DROP INDEX %I', indexname) FROM bench_ix \gexec
INSERT INTO products (product_id, name, description, product_type, tag, status)
SELECT pg_temp.id(1, i), 'Product ' || lpad(i::text, 5, '0'), 'product number ' || i,
       'Type' || (i % 40), 'TAG' || (i % 40), CASE WHEN i % 50 = 0 THEN 'end of life' ELSE 'active' END
FROM generate_series(1, :P) i;
INSERT INTO fixed_inputs (name, value, product_id)
SELECT f, CASE f WHEN 'speed' THEN ((i % 4 + 1) * 1000)::text ELSE (ARRAY['internal','external'])[i % 2 + 1] END,
       pg_temp.id(1, i)
FROM generate_series(1, :P) i, unnest(ARRAY['speed', 'affiliation']) f;
INSERT INTO product_blocks (product_block_id, name, description, tag, status)
SELECT pg_temp.id(2, j), CASE WHEN j = :NB THEN 'PortBlock' ELSE 'Block' || lpad(j::text, 5, '0') END,
       'block number ' || j, 'B' || (j % 100), 'active'
FROM generate_series(1, :NB) j;
INSERT INTO resource_types (resource_type_id, resource_type, description)
SELECT pg_temp.id(3, r), 'rt_' || lpad(r::text, 5, '0'), 'resource type ' || r
FROM generate_series(1, :NR) r;
-- product i uses its root block i and its second block P+i
INSERT INTO product_product_blocks
SELECT pg_temp.id(1, i), pg_temp.id(2, i) FROM generate_series(1, :P) i
UNION ALL SELECT pg_temp.id(1, i), pg_temp.id(2, :P + i) FROM generate_series(1, :P) i;
-- 4 own resource types per block, plus one shared (rt 1..8) per root block
INSERT INTO product_block_resource_types
SELECT pg_temp.id(2, (r - 1) / 4 + 1), pg_temp.id(3, r) FROM generate_series(1, :NR) r
UNION ALL SELECT pg_temp.id(2, j), pg_temp.id(3, j % 8 + 1) FROM generate_series(9, :P) j;
-- roots use a shared block and PortBlock, second blocks a shared block,
-- every third shared block the next one
INSERT INTO product_block_relations (in_use_by_id, depends_on_id)
SELECT pg_temp.id(2, j), pg_temp.id(2, 2 * :P + 1 + j % :NSH) FROM generate_series(1, :P) j
UNION ALL SELECT pg_temp.id(2, j), pg_temp.id(2, :NB) FROM generate_series(1, :P) j
UNION ALL SELECT pg_temp.id(2, :P + j), pg_temp.id(2, 2 * :P + 1 + (j * 7) % :NSH) FROM generate_series(1, :P) j
UNION ALL SELECT pg_temp.id(2, s), pg_temp.id(2, s + 1) FROM generate_series(2 * :P + 1, :NB - 2) s WHERE s % 3 = 0;
-- 100 subscriptions per product
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
SELECT pg_temp.id(4, s), 'subscription ' || s, CASE WHEN s % 10 = 0 THEN 'terminated' ELSE 'active' END,
       pg_temp.id(1, (s - 1) % :P + 1), 'customer' || (s % 997), true, now()
FROM generate_series(1, :NS) s;
-- one root instance (its product's root block) and 5 PortBlock instances each
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id, label)
SELECT pg_temp.id(5, s), pg_temp.id(4, s), pg_temp.id(2, (s - 1) % :P + 1), NULL
FROM generate_series(1, :NS) s;
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id, label)
SELECT pg_temp.id(5, :NS + (s - 1) * 5 + k), pg_temp.id(4, s), pg_temp.id(2, :NB), 'port ' || k
FROM generate_series(1, :NS) s, generate_series(1, 5) k;
-- 2 values per root instance (its block's first two resource types), one on
-- 3 of the 5 ports (PortBlock's first resource type): 2 * NS + 3 * NS values
INSERT INTO subscription_instance_values (subscription_instance_value_id, subscription_instance_id, resource_type_id, value)
SELECT pg_temp.id(6, (s - 1) * 2 + k), pg_temp.id(5, s), pg_temp.id(3, 4 * ((s - 1) % :P) + k), 'value ' || s || '/' || k
FROM generate_series(1, :NS) s, generate_series(1, 2) k;
INSERT INTO subscription_instance_values (subscription_instance_value_id, subscription_instance_id, resource_type_id, value)
SELECT pg_temp.id(6, 2 * :NS + (s - 1) * 3 + k), pg_temp.id(5, :NS + (s - 1) * 5 + k), pg_temp.id(3, 4 * (:NB - 1) + 1), (100 + k)::text
FROM generate_series(1, :NS) s, generate_series(1, 3) k;
SELECT indexdef FROM bench_ix \gexec
COMMIT;
RESET session_replication_role;
VACUUM ANALYZE;
