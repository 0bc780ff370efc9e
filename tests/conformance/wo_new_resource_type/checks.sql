-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- the new resource type exists with its description
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_int_field' AND description = 'test new int field type');

-- ProductBlockOneForTest has the new resource type
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'new_int_field');

-- the sub block does not get it
SELECT NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'new_int_field');
