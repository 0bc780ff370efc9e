-- before.sql - deleting a product keeps a process shared with another product (beyond the reference)
-- The catalogue and instance data as the reference's fixtures make them;
-- loaded after data/schema.sql on a fresh database.
-- products PA and PB, one subscription each, three processes
INSERT INTO resource_types (resource_type, description) VALUES ('fa', '');
INSERT INTO resource_types (resource_type, description) VALUES ('fb', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('BA', 'Block A', 'BA', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'BA' AND r.resource_type = 'fa';
INSERT INTO product_blocks (name, description, tag, status) VALUES ('BB', 'Block B', 'BB', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'BB' AND r.resource_type = 'fb';
INSERT INTO products (name, description, product_type, tag, status) VALUES ('PA', 'Product A', 'Test', 'PA', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'PA' AND b.name = 'BA';
INSERT INTO products (name, description, product_type, tag, status) VALUES ('PB', 'Product B', 'Test', 'PB', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'PB' AND b.name = 'BB';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000041', 'SA', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000041', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'PA';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000042', 'SB', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000042', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'PB';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000041', product_block_id FROM product_blocks WHERE name = 'BA';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000e1', resource_type_id, '1' FROM resource_types WHERE resource_type = 'fa';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-000000000042', product_block_id FROM product_blocks WHERE name = 'BB';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000e2', resource_type_id, '2' FROM resource_types WHERE resource_type = 'fb';
INSERT INTO workflows (name, target, description) VALUES ('modify', 'MODIFY', 'modify');
INSERT INTO processes (pid, workflow_id, last_status)
	SELECT '00000000-0000-4000-8000-0000000000f1', workflow_id, 'completed' FROM workflows WHERE name = 'modify';
INSERT INTO processes_subscriptions (pid, subscription_id) VALUES ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-000000000041');
INSERT INTO processes (pid, workflow_id, last_status)
	SELECT '00000000-0000-4000-8000-0000000000f2', workflow_id, 'completed' FROM workflows WHERE name = 'modify';
INSERT INTO processes_subscriptions (pid, subscription_id) VALUES ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-000000000041');
INSERT INTO processes_subscriptions (pid, subscription_id) VALUES ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-000000000042');
INSERT INTO processes (pid, workflow_id, last_status)
	SELECT '00000000-0000-4000-8000-0000000000f3', workflow_id, 'completed' FROM workflows WHERE name = 'modify';
INSERT INTO processes_subscriptions (pid, subscription_id) VALUES ('00000000-0000-4000-8000-0000000000f3', '00000000-0000-4000-8000-000000000042');
