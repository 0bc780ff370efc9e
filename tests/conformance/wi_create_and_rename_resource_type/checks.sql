-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_create_and_rename_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- list_field is renamed to new_list_field
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_list_field') AND NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field');

-- the block instance keeps its list values under the new name
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'new_list_field') = '10,20,30';

-- SubBlockOneForTest is related to new_list_field
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'new_list_field');

-- both sub block instances got new_list_field = 5
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'new_list_field') = '5' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'new_list_field') = '5';

-- values of both sub block instances survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'str_field') = 'B' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'int_field') = '2' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'str_field') = 'test' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'int_field') = '3';
