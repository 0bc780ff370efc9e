-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_update_block_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- new_int_field is created with its description
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_int_field' AND description = 'test new int field type');

-- int_field still exists (per-block update does not delete it)
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'int_field');

-- ProductBlockOneForTest now uses new_int_field instead of int_field
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'new_int_field') AND NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'int_field');

-- SubBlockOneForTest keeps int_field
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'int_field');
