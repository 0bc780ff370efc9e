-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product
-- One boolean SELECT per assertion, run after the upgrade.

-- the product is created with the given description, tag and the model's product type
SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne' AND description = 'test description' AND tag = 'test_tag' AND product_type = 'ProductTypeOneForTest' AND status = 'active');

-- its fixed input has the given value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'test value');

-- the new block exists with description and tag
SELECT EXISTS (SELECT 1 FROM product_blocks WHERE name = 'ProductBlockOneForTest' AND description = 'product block description' AND tag = 'test_block_tag');

-- the product uses the new block
SELECT EXISTS (SELECT 1 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE p.name = 'TestProductOne' AND b.name = 'ProductBlockOneForTest');

-- the new block depends on the existing sub block
SELECT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'ProductBlockOneForTest' AND c.name = 'SubBlockOneForTest');

-- the new block has its four resource types
SELECT count(*) = 4 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type IN ('int_field', 'str_field', 'list_field', 'enum_field');

-- the new resource types have their descriptions
SELECT EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'list_field' AND description = 'list field desc') AND EXISTS (SELECT 1 FROM resource_types WHERE resource_type = 'enum_field' AND description = 'an enum');

-- the existing resource types are reused, not duplicated
SELECT count(*) = 4 FROM resource_types;

-- the existing sub block is untouched
SELECT EXISTS (SELECT 1 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'int_field') AND EXISTS (SELECT 1 FROM product_blocks WHERE name = 'SubBlockOneForTest' AND description = 'Test Sub Block One');
