-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_product_block
-- One boolean SELECT per assertion, run after the upgrade.

-- the product no longer uses the block
SELECT NOT EXISTS (SELECT 1 FROM product_product_blocks);

-- the blocks no model uses any more are deleted
SELECT NOT EXISTS (SELECT 1 FROM product_blocks);

-- the product and its fixed input are kept
SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne');

-- the fixed input keeps its value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'False');
