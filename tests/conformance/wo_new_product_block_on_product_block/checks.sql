-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product_block_on_product_block
-- One boolean SELECT per assertion, run after the upgrade.

-- the new block exists with description and tag
SELECT EXISTS (SELECT 1 FROM product_blocks WHERE name = 'test block' AND description = 'test block description' AND tag = 'test_block_tag' AND status = 'active');

-- the new block has resource type str_field (reused, not duplicated)
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'test block' AND r.resource_type = 'str_field') AND (SELECT count(*) = 1 FROM resource_types WHERE resource_type = 'str_field');

-- ProductBlockOneForTest depends on the new block
SELECT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'ProductBlockOneForTest' AND c.name = 'test block');

-- the product is not linked to the new block directly
SELECT NOT EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'TestProductOne' AND b.name = 'test block');
