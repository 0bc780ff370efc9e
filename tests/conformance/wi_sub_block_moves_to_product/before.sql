-- before.sql - a sub block moved from its parent block to the product keeps its instances (beyond the reference)
-- The catalogue and instance data as the reference's fixtures make them;
-- loaded after data/schema.sql on a fresh database.
-- test_product_sub_block_one_db
INSERT INTO resource_types (resource_type, description) VALUES ('int_field', '');
INSERT INTO resource_types (resource_type, description) VALUES ('str_field', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('SubBlockOneForTest', 'Test Sub Block One', 'TEST', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'int_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'SubBlockOneForTest' AND r.resource_type = 'str_field';
-- test_product_block_one_db
INSERT INTO resource_types (resource_type, description) VALUES ('list_field', '');
INSERT INTO resource_types (resource_type, description) VALUES ('enum_field', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('ProductBlockOneForTest', 'Test Block', 'TEST', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'int_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'str_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'list_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockOneForTest' AND r.resource_type = 'enum_field';
INSERT INTO product_block_relations (in_use_by_id, depends_on_id)
	SELECT p.product_block_id, c.product_block_id FROM product_blocks p, product_blocks c
	WHERE p.name = 'ProductBlockOneForTest' AND c.name = 'SubBlockOneForTest';
-- test_product_one
INSERT INTO products (name, description, product_type, tag, status) VALUES ('TestProductOne', 'Test ProductTable', 'Test', 'TEST', 'active');
INSERT INTO fixed_inputs (name, value, product_id)
	SELECT 'test_fixed_input', 'False', product_id FROM products WHERE name = 'TestProductOne';
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'TestProductOne' AND b.name = 'ProductBlockOneForTest';
-- product_one_subscription_1
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000001', 'product one sub description', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000001', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'TestProductOne';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', product_block_id FROM product_blocks WHERE name = 'ProductBlockOneForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, 'A' FROM resource_types WHERE resource_type = 'str_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '1' FROM resource_types WHERE resource_type = 'int_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '10' FROM resource_types WHERE resource_type = 'list_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '20' FROM resource_types WHERE resource_type = 'list_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, '30' FROM resource_types WHERE resource_type = 'list_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a1', resource_type_id, 'bar' FROM resource_types WHERE resource_type = 'enum_field';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', product_block_id FROM product_blocks WHERE name = 'SubBlockOneForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a2', resource_type_id, 'B' FROM resource_types WHERE resource_type = 'str_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a2', resource_type_id, '2' FROM resource_types WHERE resource_type = 'int_field';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-000000000001', product_block_id FROM product_blocks WHERE name = 'SubBlockOneForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a3', resource_type_id, '3' FROM resource_types WHERE resource_type = 'int_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000a3', resource_type_id, 'test' FROM resource_types WHERE resource_type = 'str_field';
INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr)
	VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', 0, 'sub_block');
INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr)
	VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a3', 0, 'sub_block_2');
