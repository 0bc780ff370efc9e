-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_product_block
-- One boolean SELECT per assertion, run after the upgrade.

-- the product no longer uses the block
SELECT NOT EXISTS (SELECT 1 FROM product_product_blocks);

-- the blocks no model uses any more are deleted
SELECT NOT EXISTS (SELECT 1 FROM product_blocks);

-- all three int_field values are gone with their instances
SELECT NOT EXISTS (SELECT 1 FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'int_field');

-- the subscription is kept
SELECT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '00000000-0000-4000-8000-000000000001');

-- the fixed input keeps its value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'False');
