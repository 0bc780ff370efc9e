-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_and_relate_and_remove_resource_type
-- One boolean SELECT per assertion, run after the upgrade.

-- int_field is renamed to changed_int_field
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'changed_int_field') AND NOT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'int_field');

-- ProductBlockWithListUnionForTest keeps the renamed relation
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'changed_int_field');

-- SubBlockOneForTest keeps the renamed relation
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'changed_int_field');

-- SubBlockTwoForTest is related to changed_int_field
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockTwoForTest' AND r.resource_type = 'changed_int_field');

-- SubBlockOneForTest lost str_field
SELECT NOT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'str_field');

-- str_field still exists for ProductBlockWithListUnionForTest
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'str_field');
