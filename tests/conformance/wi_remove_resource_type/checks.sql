-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- list_field is no longer related to ProductBlockOneForTest
SELECT NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'list_field');

-- list_field is deleted
SELECT NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field');

-- the instance has no list_field values left
SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_values v LEFT JOIN resource_types r USING (resource_type_id) WHERE r.resource_type IS NULL OR r.resource_type = 'list_field');

-- the other values survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'str_field') = 'A' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'int_field') = '1' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'enum_field') = 'bar';
