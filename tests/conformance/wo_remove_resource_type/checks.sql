-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- list_field is no longer related to ProductBlockOneForTest
SELECT NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'list_field');

-- list_field, used by no block any more, is deleted
SELECT NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field');

-- the other resource types stay
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'int_field') AND EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'enum_field');
