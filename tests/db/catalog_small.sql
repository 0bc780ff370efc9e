-- tests/db/catalog_small.sql - a small catalogue (3 products, 2 blocks, 4 resource types,
-- 3 subscriptions with instances and values) on top of data/schema.sql.
INSERT INTO products (name, description, product_type, tag, status) VALUES
 ('User Group', 'user group product', 'UserGroup', 'GROUP', 'active'),
 ('User internal', 'user - internal', 'User', 'USER_INT', 'active'),
 ('Empty', 'it''s "quoted"', 'Empty', 'E', 'pre production');
INSERT INTO fixed_inputs (name, value, product_id) SELECT 'affiliation', 'internal', product_id FROM products WHERE name = 'User internal';
INSERT INTO product_blocks (name, description, tag, status) VALUES ('UserGroupBlock', 'group block', 'UGB', 'active'), ('UserBlock', 'user block', NULL, 'active');
INSERT INTO resource_types (resource_type, description) VALUES ('group_name', 'name of the group'), ('group_id', NULL), ('username', 'user name'), ('unused', 'nobody');
INSERT INTO product_product_blocks SELECT p.product_id, b.product_block_id FROM products p, product_blocks b WHERE (p.name, b.name) IN (('User Group','UserGroupBlock'),('User internal','UserBlock'));
INSERT INTO product_block_resource_types SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r WHERE (b.name, r.resource_type) IN (('UserGroupBlock','group_name'),('UserGroupBlock','group_id'),('UserBlock','username'));
INSERT INTO product_block_relations (in_use_by_id, depends_on_id) SELECT u.product_block_id, d.product_block_id FROM product_blocks u, product_blocks d WHERE u.name = 'UserBlock' AND d.name = 'UserGroupBlock';
INSERT INTO subscriptions (description, status, product_id, customer_id, insync) SELECT 'sub ' || g, 'active', product_id, 'c', true FROM products, generate_series(1, 3) g WHERE name = 'User Group';
INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT s.subscription_id, b.product_block_id FROM subscriptions s, product_blocks b WHERE b.name = 'UserGroupBlock';
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT si.subscription_instance_id, r.resource_type_id, 'v' FROM subscription_instances si, resource_types r WHERE r.resource_type IN ('group_name', 'group_id');
INSERT INTO resource_types (resource_type, description) VALUES (E'odd \\ ''name'' "x" \u00e9', E'line1\nline2');
