-- before.sql - a resource type renamed (--updates) and moved to another block converges (beyond the reference)
-- The catalogue and instance data as the reference's fixtures make them;
-- loaded after data/schema.sql on a fresh database.
-- a product with blocks B1 (a, x) and B2 (y), one subscription
INSERT INTO resource_types (resource_type, description) VALUES ('a', '');
INSERT INTO resource_types (resource_type, description) VALUES ('x', '');
INSERT INTO resource_types (resource_type, description) VALUES ('y', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('B1', 'Block one', 'B1', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'B1' AND r.resource_type = 'a';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'B1' AND r.resource_type = 'x';
INSERT INTO product_blocks (name, description, tag, status) VALUES ('B2', 'Block two', 'B2', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'B2' AND r.resource_type = 'y';
INSERT INTO products (name, description, product_type, tag, status) VALUES ('PM', 'Product M', 'Test', 'PM', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'PM' AND b.name = 'B1';
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'PM' AND b.name = 'B2';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000031', 'SM', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000031', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'PM';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000031', product_block_id FROM product_blocks WHERE name = 'B1';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000d1', resource_type_id, '1' FROM resource_types WHERE resource_type = 'a';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000d1', resource_type_id, '2' FROM resource_types WHERE resource_type = 'x';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-000000000031', product_block_id FROM product_blocks WHERE name = 'B2';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000d2', resource_type_id, '3' FROM resource_types WHERE resource_type = 'y';
