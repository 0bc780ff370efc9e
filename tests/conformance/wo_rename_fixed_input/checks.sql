-- checks.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_rename_fixed_input
-- One boolean SELECT per assertion, run after the upgrade.

-- the fixed input is renamed and keeps its value
SELECT EXISTS (SELECT 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne' AND f.name = 'changed_fixed_input' AND f.value = 'False');

-- the old name is gone
SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input');

-- the product still has exactly one fixed input
SELECT count(*) = 1 FROM fixed_inputs f JOIN products p USING (product_id) WHERE p.name = 'TestProductOne';
