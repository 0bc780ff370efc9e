-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_product
-- One boolean SELECT per assertion, run after the upgrade.

-- the product is deleted
SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne');

-- its fixed inputs went with it
SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs);

-- the blocks no model uses any more are deleted
SELECT NOT EXISTS (SELECT 1 FROM product_blocks);
