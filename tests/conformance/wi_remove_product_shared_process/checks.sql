-- checks.sql - deleting a product keeps a process shared with another product (beyond the reference)
-- One boolean SELECT per assertion, run after the upgrade.

-- PA and its subscription are deleted
SELECT NOT EXISTS (SELECT 1 FROM products WHERE name = 'PA') AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscription_id = '00000000-0000-4000-8000-000000000041');

-- the process linked only to PA's subscription is deleted
SELECT NOT EXISTS (SELECT 1 FROM processes WHERE pid = '00000000-0000-4000-8000-0000000000f1');

-- the process shared with PB's subscription survives, linked to PB's only
SELECT EXISTS (SELECT 1 FROM processes WHERE pid = '00000000-0000-4000-8000-0000000000f2') AND (SELECT array_agg(subscription_id::text) FROM processes_subscriptions WHERE pid = '00000000-0000-4000-8000-0000000000f2') = ARRAY['00000000-0000-4000-8000-000000000042'];

-- PB's own process survives
SELECT EXISTS (SELECT 1 FROM processes_subscriptions WHERE pid = '00000000-0000-4000-8000-0000000000f3' AND subscription_id = '00000000-0000-4000-8000-000000000042');

-- PB's subscription keeps its instance and value
SELECT (SELECT coalesce(string_agg(v.value, ',' ORDER BY v.value), '') FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE v.subscription_instance_id = '00000000-0000-4000-8000-0000000000e2' AND r.resource_type = 'fb') = '2';

-- PA's instance and its value are gone
SELECT NOT EXISTS (SELECT 1 FROM subscription_instances WHERE subscription_instance_id = '00000000-0000-4000-8000-0000000000e1') AND NOT EXISTS (SELECT 1 FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'fa');
