-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_product
-- One boolean SELECT per assertion, run after the upgrade.

-- the product is deleted
SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'TestProductOne');

-- its subscription is deleted
SELECT NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '00000000-0000-4000-8000-000000000001');

-- no instances or values are left
SELECT NOT EXISTS (SELECT 1 FROM subscription_instances) AND NOT EXISTS (SELECT 1 FROM subscription_instance_values);

-- the blocks no model uses any more are deleted
SELECT NOT EXISTS (SELECT 1 FROM product_blocks);
