-- checks.sql - a new root block above a shared block keeps the shared block's instances (beyond the reference)
-- One boolean SELECT per assertion, run after the upgrade.

-- S1's Shared instance survives with its values
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000c1' AND r.resource_type = 'a') = '1' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000c1' AND r.resource_type = 'b') = '2';

-- S1 has one Shared instance: the old one, no new empty one
SELECT (SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id) WHERE i.subscription_id = '00000000-0000-4000-8000-000000000021' AND b.name = 'Shared') = 1;

-- S1 got one P1Root instance with c = 7
SELECT (SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id) WHERE i.subscription_id = '00000000-0000-4000-8000-000000000021' AND b.name = 'P1Root') = 1 AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) JOIN subscription_instances i USING (subscription_instance_id) JOIN product_blocks b ON b.product_block_id = i.product_block_id WHERE i.subscription_id = '00000000-0000-4000-8000-000000000021' AND b.name = 'P1Root' AND r.resource_type = 'c') = '7';

-- the kept Shared instance is related under the new P1Root instance (orchestrator-core leaves it unlinked)
SELECT EXISTS (SELECT 1 FROM subscription_instance_relations r JOIN subscription_instances p ON p.subscription_instance_id = r.in_use_by_id JOIN product_blocks b ON b.product_block_id = p.product_block_id WHERE b.name = 'P1Root' AND p.subscription_id = '00000000-0000-4000-8000-000000000021' AND r.depends_on_id = '00000000-0000-4000-8000-0000000000c1');

-- S2 is untouched: its Shared instance keeps its values and stays a root instance
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000c2' AND r.resource_type = 'a') = '3' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000c2' AND r.resource_type = 'b') = '4' AND NOT EXISTS (SELECT 1 FROM subscription_instance_relations WHERE depends_on_id = '00000000-0000-4000-8000-0000000000c2') AND (SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id) WHERE i.subscription_id = '00000000-0000-4000-8000-000000000022' AND b.name = 'P1Root') = 0;

-- P1 uses P1Root, P2 still uses Shared
SELECT EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'P1' AND b.name = 'P1Root') AND NOT EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'P1' AND b.name = 'Shared') AND EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'P2' AND b.name = 'Shared');

-- P1Root depends on Shared
SELECT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'P1Root' AND c.name = 'Shared');
