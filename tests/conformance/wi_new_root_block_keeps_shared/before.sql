-- before.sql - a new root block above a shared block keeps the shared block's instances (beyond the reference)
-- The catalogue and instance data as the reference's fixtures make them;
-- loaded after data/schema.sql on a fresh database.
-- two products with the root block Shared, one subscription each
INSERT INTO resource_types (resource_type, description) VALUES ('a', '');
INSERT INTO resource_types (resource_type, description) VALUES ('b', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('Shared', 'Shared block', 'SH', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'Shared' AND r.resource_type = 'a';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'Shared' AND r.resource_type = 'b';
INSERT INTO products (name, description, product_type, tag, status) VALUES ('P1', 'Product one', 'Test', 'P1', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'P1' AND b.name = 'Shared';
INSERT INTO products (name, description, product_type, tag, status) VALUES ('P2', 'Product two', 'Test', 'P2', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'P2' AND b.name = 'Shared';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000021', 'S1', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000021', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'P1';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000022', 'S2', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000022', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'P2';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000021', product_block_id FROM product_blocks WHERE name = 'Shared';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000c1', resource_type_id, '1' FROM resource_types WHERE resource_type = 'a';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000c1', resource_type_id, '2' FROM resource_types WHERE resource_type = 'b';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-000000000022', product_block_id FROM product_blocks WHERE name = 'Shared';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000c2', resource_type_id, '3' FROM resource_types WHERE resource_type = 'a';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000c2', resource_type_id, '4' FROM resource_types WHERE resource_type = 'b';
