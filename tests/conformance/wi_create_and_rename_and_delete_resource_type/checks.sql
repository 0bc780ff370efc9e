-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_create_and_rename_and_delete_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- int_field is renamed to changed_int_field (int_field no longer exists)
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'changed_int_field') AND NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'int_field');

-- the list-union block instance keeps its value under the new name
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b3' AND r.resource_type = 'changed_int_field') = '1';

-- the SubBlockOne instance keeps its value under the new name
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b1' AND r.resource_type = 'changed_int_field') = '1';

-- the SubBlockTwo instance got the default value 2
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b2' AND r.resource_type = 'changed_int_field') = '2';

-- SubBlockTwo keeps int_field_2
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b2' AND r.resource_type = 'int_field_2') = '3';

-- SubBlockOneForTest lost str_field
SELECT NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'str_field');

-- the SubBlockOne instance's str_field value is removed (reference defect 1 fixed)
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b1' AND r.resource_type = 'str_field') = '';

-- the list-union block keeps str_field and its value
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'str_field') AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000b3' AND r.resource_type = 'str_field') = 'blah';

-- instance relations are untouched
SELECT count(*) = 2 FROM subscription_instance_relations WHERE in_use_by_id = '00000000-0000-4000-8000-0000000000b3';
