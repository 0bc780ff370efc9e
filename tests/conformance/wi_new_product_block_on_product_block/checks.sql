-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_new_product_block_on_product_block
-- One boolean SELECT per assertion, run after the upgrade.

-- the new block exists with description and tag
SELECT EXISTS (SELECT 1 FROM product_blocks WHERE name = 'test block' AND description = 'test block description' AND tag = 'test_block_tag' AND status = 'active');

-- the new block has resource type str_field (reused, not duplicated)
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'test block' AND r.resource_type = 'str_field') AND (SELECT count(*) = 1 FROM resource_types WHERE resource_type = 'str_field');

-- ProductBlockOneForTest depends on the new block
SELECT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'ProductBlockOneForTest' AND c.name = 'test block');

-- the subscription got exactly one instance of the new block
SELECT (SELECT count(*) FROM subscription_instances i JOIN product_blocks b USING (product_block_id) WHERE i.subscription_id = '00000000-0000-4000-8000-000000000001' AND b.name = 'test block') = 1;

-- that instance has str_field = 'test'
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) JOIN subscription_instances i USING (subscription_instance_id) JOIN product_blocks b ON b.product_block_id = i.product_block_id WHERE i.subscription_id = '00000000-0000-4000-8000-000000000001' AND b.name = 'test block' AND r.resource_type = 'str_field') = 'test';

-- the block instance is linked to the new child instance
SELECT EXISTS (SELECT 1 FROM subscription_instance_relations r JOIN subscription_instances c ON c.subscription_instance_id = r.depends_on_id JOIN product_blocks b ON b.product_block_id = c.product_block_id WHERE r.in_use_by_id = '00000000-0000-4000-8000-0000000000a1' AND b.name = 'test block');

-- the existing instance relations are untouched
SELECT count(*) = 2 FROM subscription_instance_relations WHERE in_use_by_id = '00000000-0000-4000-8000-0000000000a1' AND depends_on_id IN ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3');

-- values of the product block instance survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'str_field') = 'A' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'int_field') = '1' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'list_field') = '10,20,30' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'enum_field') = 'bar';

-- values of both sub block instances survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'str_field') = 'B' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'int_field') = '2' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'str_field') = 'test' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'int_field') = '3';
