-- catalogue-registry.sql - the model registry JSON (--models) of the
-- catalogue in the database, as docs/MODELS.md describes it:
-- psql -v P=N -v variant=V -f catalogue-registry.sql (N as for
-- catalogue-data.sql). Variants:
--   same  exactly the database's catalogue (no differences)
--   mtu   PortBlock gets one new resource type, port_mtu (the migration that
--         adds a value to each of PortBlock's 5N/2 * 2 instances)
--   diff  some of every difference kind: the last 3 products removed (their
--         6 blocks with them), 2 new products on 2 new blocks with 3 new
--         resource types, a product losing a fixed input and gaining
--         another, a product gaining an existing block, a block gaining a
--         resource type, one losing one, and a rename candidate (Block00042:
--         rt_00165 -> rt_00165_renamed)
\set QUIET on
\pset format unaligned
\pset tuples_only on
WITH prod AS (
	SELECT jsonb_object_agg(p.name, jsonb_build_object(
		'product_type', p.product_type, 'description', p.description, 'tag', p.tag,
		'fixed_inputs', (SELECT coalesce(jsonb_object_agg(f.name, f.value), '{}') FROM fixed_inputs f
				 WHERE f.product_id = p.product_id),
		'product_blocks', (SELECT coalesce(jsonb_agg(b.name ORDER BY b.name), '[]') FROM product_product_blocks x
				   JOIN product_blocks b USING (product_block_id) WHERE x.product_id = p.product_id))) AS j
	FROM products p
), blk AS (
	SELECT jsonb_object_agg(b.name, jsonb_build_object(
		'description', b.description, 'tag', b.tag,
		'resource_types', (SELECT coalesce(jsonb_agg(r.resource_type ORDER BY r.resource_type), '[]')
				   FROM product_block_resource_types x JOIN resource_types r USING (resource_type_id)
				   WHERE x.product_block_id = b.product_block_id),
		'product_blocks', (SELECT coalesce(jsonb_agg(d.name ORDER BY d.name), '[]') FROM product_block_relations x
				   JOIN product_blocks d ON d.product_block_id = x.depends_on_id
				   WHERE x.in_use_by_id = b.product_block_id))) AS j
	FROM product_blocks b
), reg AS (
	SELECT prod.j AS p, blk.j AS b FROM prod, blk
), n AS (  -- names that depend on N
	SELECT ARRAY(SELECT 'Product ' || lpad(i::text, 5, '0') FROM generate_series(:P - 2, :P) i) AS gone_p,
	       ARRAY(SELECT 'Block' || lpad(i::text, 5, '0') FROM generate_series(:P - 2, :P) i
		     UNION ALL SELECT 'Block' || lpad(i::text, 5, '0') FROM generate_series(2 * :P - 2, 2 * :P) i) AS gone_b,
	       'Block' || lpad((2 * :P + (5 * :P / 2 - 2 * :P - 1) / 2)::text, 5, '0') AS shared
), mtu AS (
	SELECT p, jsonb_set(b, '{PortBlock,resource_types}', (b #> '{PortBlock,resource_types}') || '["port_mtu"]') AS b,
	       '{"port_mtu": {"description": "MTU of the port"}}'::jsonb AS r
	FROM reg
), diff AS (
	SELECT
	  jsonb_set(jsonb_set(
	    (p - gone_p) || '{
	      "New Product A": {"product_type": "NewType", "fixed_inputs": {"speed": "1000"}, "product_blocks": ["NewBlockA"],
	                        "description": "a new product", "tag": "NEWA"},
	      "New Product B": {"product_type": "NewType", "fixed_inputs": {"speed": "10000"},
	                        "product_blocks": ["Block00010", "NewBlockA"], "description": "another new product", "tag": "NEWB"}}',
	    '{Product 00003,fixed_inputs}', jsonb_build_object('speed', '4000', 'colour', 'blue')),
	    '{Product 00004,product_blocks}', (p #> '{Product 00004,product_blocks}') || to_jsonb(ARRAY[shared])) AS p,
	  jsonb_set(jsonb_set(jsonb_set(
	    (b - gone_b) || '{
	      "NewBlockA": {"resource_types": ["new_rt_a1", "new_rt_a2", "new_rt_a3"], "product_blocks": ["NewBlockB", "PortBlock"],
	                    "description": "a new block", "tag": "NBA"},
	      "NewBlockB": {"resource_types": ["rt_00001"], "product_blocks": [], "description": "another new block", "tag": "NBB"}}',
	    '{Block00005,resource_types}', (b #> '{Block00005,resource_types}') || '["new_rt_c"]'),
	    '{Block00007,resource_types}', (b #> '{Block00007,resource_types}') - 'rt_00026'),
	    '{Block00042,resource_types}', ((b #> '{Block00042,resource_types}') - 'rt_00165') || '["rt_00165_renamed"]') AS b,
	  '{"new_rt_a1": {"description": "new a1"}, "new_rt_c": {"description": "new c"}}'::jsonb AS r
	FROM reg, n
)
SELECT jsonb_pretty(jsonb_build_object('products', p, 'product_blocks', b, 'resource_types', r))
FROM (SELECT p, b, '{}'::jsonb AS r FROM reg WHERE :'variant' = 'same'
      UNION ALL SELECT p, b, r FROM mtu WHERE :'variant' = 'mtu'
      UNION ALL SELECT p, b, r FROM diff WHERE :'variant' = 'diff') v;
