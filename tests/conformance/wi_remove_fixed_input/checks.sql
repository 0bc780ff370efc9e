-- checks.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_remove_fixed_input
-- One boolean SELECT per assertion, run after the upgrade.

-- the fixed input is deleted
SELECT NOT EXISTS (SELECT 1 FROM fixed_inputs WHERE name = 'test_fixed_input');

-- the subscription is kept
SELECT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '00000000-0000-4000-8000-000000000001');

-- values of the product block instance survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'str_field') = 'A' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'int_field') = '1' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'list_field') = '10,20,30' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a1' AND r.resource_type = 'enum_field') = 'bar';

-- values of both sub block instances survive
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'str_field') = 'B' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a2' AND r.resource_type = 'int_field') = '2' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'str_field') = 'test' AND (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000a3' AND r.resource_type = 'int_field') = '3';
