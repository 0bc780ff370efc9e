-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_remove_fixed_input
-- One boolean SELECT per assertion, run after the upgrade.

-- the fixed input is deleted
SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input');

-- the product is kept
SELECT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne');
