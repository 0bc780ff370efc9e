-- before.sql - test_migrate_domain_models_with_instances.py::test_migrate_domain_models_create_and_rename_and_delete_resource_type
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
-- test_product_sub_block_two_db
INSERT INTO resource_types (resource_type, description) VALUES ('int_field_2', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('SubBlockTwoForTest', 'Test Sub Block Two', 'TEST', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'SubBlockTwoForTest' AND r.resource_type = 'int_field_2';
-- test_product_block_with_list_union_db
INSERT INTO resource_types (resource_type, description) VALUES ('list_field', '');
INSERT INTO product_blocks (name, description, tag, status) VALUES ('ProductBlockWithListUnionForTest', 'Test Union Sub Block', 'TEST', 'active');
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'int_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'str_field';
INSERT INTO product_block_resource_types (product_block_id, resource_type_id)
	SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r
	WHERE b.name = 'ProductBlockWithListUnionForTest' AND r.resource_type = 'list_field';
INSERT INTO product_block_relations (in_use_by_id, depends_on_id)
	SELECT p.product_block_id, c.product_block_id FROM product_blocks p, product_blocks c
	WHERE p.name = 'ProductBlockWithListUnionForTest' AND c.name = 'SubBlockOneForTest';
INSERT INTO product_block_relations (in_use_by_id, depends_on_id)
	SELECT p.product_block_id, c.product_block_id FROM product_blocks p, product_blocks c
	WHERE p.name = 'ProductBlockWithListUnionForTest' AND c.name = 'SubBlockTwoForTest';
-- test_product_sub_list_union
INSERT INTO products (name, description, product_type, tag, status) VALUES ('ProductSubListUnion', 'Product with Union sub product_block', 'Test', 'UnionSub', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'ProductSubListUnion' AND b.name = 'ProductBlockWithListUnionForTest';
-- test_product_sub_one + sub_one_subscription_1
INSERT INTO products (name, description, product_type, tag, status) VALUES ('ProductSubOne', 'Test ProductSubOne', 'Test', 'Sub', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'ProductSubOne' AND b.name = 'SubBlockOneForTest';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000011', 'sub one subscription', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000011', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'ProductSubOne';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000011', product_block_id FROM product_blocks WHERE name = 'SubBlockOneForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b1', resource_type_id, '1' FROM resource_types WHERE resource_type = 'int_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b1', resource_type_id, 'blah' FROM resource_types WHERE resource_type = 'str_field';
-- test_product_sub_two + sub_two_subscription_1
INSERT INTO products (name, description, product_type, tag, status) VALUES ('ProductSubTwo', 'Test ProductSubTwo', 'Test', 'Sub', 'active');
INSERT INTO product_product_blocks (product_id, product_block_id)
	SELECT p.product_id, b.product_block_id FROM products p, product_blocks b
	WHERE p.name = 'ProductSubTwo' AND b.name = 'SubBlockTwoForTest';
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000012', 'sub two subscription', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000012', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'ProductSubTwo';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-000000000012', product_block_id FROM product_blocks WHERE name = 'SubBlockTwoForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b2', resource_type_id, '3' FROM resource_types WHERE resource_type = 'int_field_2';
-- product_sub_list_union_subscription_1
INSERT INTO subscriptions (subscription_id, description, status, product_id, customer_id, insync, start_date)
	SELECT '00000000-0000-4000-8000-000000000013', 'product sub list union sub description', 'active', product_id, 'c0ffee00-0000-4000-8000-000000000013', true, '2024-01-01 00:00:00+00'
	FROM products WHERE name = 'ProductSubListUnion';
INSERT INTO subscription_instances (subscription_instance_id, subscription_id, product_block_id)
	SELECT '00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-000000000013', product_block_id FROM product_blocks WHERE name = 'ProductBlockWithListUnionForTest';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b3', resource_type_id, '1' FROM resource_types WHERE resource_type = 'int_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b3', resource_type_id, 'blah' FROM resource_types WHERE resource_type = 'str_field';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
	SELECT '00000000-0000-4000-8000-0000000000b3', resource_type_id, '2' FROM resource_types WHERE resource_type = 'list_field';
INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr)
	VALUES ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-0000000000b1', 0, 'list_union_blocks');
INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr)
	VALUES ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-0000000000b2', 1, 'list_union_blocks');
