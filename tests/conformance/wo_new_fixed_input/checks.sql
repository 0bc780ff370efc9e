-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_fixed_input
-- One boolean SELECT per assertion, run after the upgrade.

-- the new fixed input exists with the given value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'new_fixed_input' AND f.value = 'test');

-- the fixed input keeps its value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'test_fixed_input' AND f.value = 'False');

-- the product has exactly two fixed inputs
SELECT count(*) = 2 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne';
