-- checks.sql - a sub block moved from its parent block to the product keeps its instances (beyond the reference)
-- One boolean SELECT per assertion, run after the upgrade.

-- the product uses SubBlockOneForTest directly
SELECT EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'TestProductOne' AND b.name = 'SubBlockOneForTest');

-- ProductBlockOneForTest no longer depends on it
SELECT NOT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'ProductBlockOneForTest' AND c.name = 'SubBlockOneForTest');

-- both sub block instances are kept, no new one
SELECT (SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id) WHERE i.subscription_id = '00000000-0000-4000-8000-000000000001' AND b.name = 'SubBlockOneForTest') = 2 AND EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '00000000-0000-4000-8000-0000000000a2') AND EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '00000000-0000-4000-8000-0000000000a3');

-- they are root instances now
SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_relations WHERE depends_on_id IN ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'));

-- values of the product block instance survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'str_field') = 'A' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'int_field') = '1' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'list_field') = '10,20,30' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'enum_field') = 'bar';

-- values of both sub block instances survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'str_field') = 'B' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'int_field') = '2' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'str_field') = 'test' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'int_field') = '3';
