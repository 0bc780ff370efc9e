-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_and_relate_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- list_field is renamed to new_list_field
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'new_list_field') AND NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field');

-- ProductBlockOneForTest keeps the renamed relation
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'new_list_field');

-- SubBlockOneForTest is related to the renamed resource type
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'new_list_field');

-- the number of resource types is unchanged
SELECT count(*) = 4 FROM resource_types;
