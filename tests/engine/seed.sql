-- tests/engine/seed.sql - the tutorial catalogue with 2 subscriptions per product, their
-- instances and values, and two processes (one shared by two products).
INSERT INTO products (name, description, product_type, tag, status) VALUES ('User Group','d','UserGroup','T','active'),('User internal','d','User','T','active'),('User external','d','User','T','active');
INSERT INTO fixed_inputs (name, value, product_id) SELECT 'affiliation', CASE WHEN name LIKE '%internal' THEN 'internal' ELSE 'external' END, product_id FROM products WHERE product_type='User';
INSERT INTO product_blocks (name, description, tag, status) VALUES ('UserGroupBlock','d','T','active'),('UserBlock','d','T','active');
INSERT INTO resource_types (resource_type) VALUES ('group_name'),('group_id'),('username'),('age'),('user_id');
INSERT INTO product_block_resource_types SELECT b.product_block_id, r.resource_type_id FROM product_blocks b, resource_types r WHERE (b.name='UserGroupBlock' AND r.resource_type IN ('group_name','group_id')) OR (b.name='UserBlock' AND r.resource_type IN ('username','age','user_id'));
INSERT INTO product_block_relations (in_use_by_id, depends_on_id) SELECT a.product_block_id, b.product_block_id FROM product_blocks a, product_blocks b WHERE a.name='UserBlock' AND b.name='UserGroupBlock';
INSERT INTO product_product_blocks SELECT p.product_id, b.product_block_id FROM products p, product_blocks b WHERE (p.name='User Group' AND b.name='UserGroupBlock') OR (p.product_type='User' AND b.name='UserBlock');
INSERT INTO subscriptions (description, status, product_id, customer_id, insync) SELECT 'sub '||g||' '||p.name, 'active', p.product_id, 'c', true FROM products p, generate_series(1,2) g;
INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT s.subscription_id, b.product_block_id FROM subscriptions s JOIN products p USING (product_id), product_blocks b WHERE (p.name='User Group' AND b.name='UserGroupBlock') OR (p.product_type='User' AND b.name='UserBlock');
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT i.subscription_instance_id, r.resource_type_id, 'v' FROM subscription_instances i JOIN product_block_resource_types pr USING (product_block_id) JOIN resource_types r USING (resource_type_id);
INSERT INTO workflows (name, target, description) VALUES ('w','MODIFY','w');
INSERT INTO processes (pid, workflow_id, last_status) SELECT '00000000-0000-0000-0000-000000000001', workflow_id, 'completed' FROM workflows;
INSERT INTO processes (pid, workflow_id, last_status) SELECT '00000000-0000-0000-0000-000000000002', workflow_id, 'completed' FROM workflows;
INSERT INTO processes_subscriptions (pid, subscription_id) SELECT '00000000-0000-0000-0000-000000000001', subscription_id FROM subscriptions s JOIN products p USING (product_id) WHERE p.name IN ('User external','User internal');
INSERT INTO processes_subscriptions (pid, subscription_id) SELECT '00000000-0000-0000-0000-000000000002', subscription_id FROM subscriptions s JOIN products p USING (product_id) WHERE p.name IN ('User external');
