-- checks.sql - a resource type renamed (--updates) and moved to another block converges (beyond the reference)
-- One boolean SELECT per assertion, run after the upgrade.

-- a is renamed to a2
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'a2') AND NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'a');

-- B2 uses a2, B1 does not
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'B2' AND r.resource_type = 'a2') AND NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'B1' AND r.resource_type = 'a2');

-- B1's instance has no a2 value left, keeps x
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000d1' AND r.resource_type = 'a2') = '' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000d1' AND r.resource_type = 'x') = '2';

-- B2's instance got a2 = 5 and keeps y
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000d2' AND r.resource_type = 'a2') = '5' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000d2' AND r.resource_type = 'y') = '3';
