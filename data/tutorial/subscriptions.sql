-- subscriptions.sql - two subscriptions of User internal for lesson 3 of
-- the tutorial: each has a UserBlock instance with a username, an age and
-- a user_id (6 values, 2 of them ages).
WITH p AS (SELECT product_id FROM products WHERE name = 'User internal'),
s AS (
	INSERT INTO subscriptions (description, status, product_id, customer_id, insync)
	SELECT d, 'active', p.product_id, 'workshop', true
	FROM p, (VALUES ('User alice'), ('User bob')) AS v(d)
	RETURNING subscription_id, description
),
i AS (
	INSERT INTO subscription_instances (subscription_id, product_block_id, label)
	SELECT s.subscription_id, b.product_block_id, s.description
	FROM s, product_blocks b WHERE b.name = 'UserBlock'
	RETURNING subscription_instance_id, label
)
INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value)
SELECT i.subscription_instance_id, r.resource_type_id, v.value
FROM i
JOIN (VALUES ('User alice', 'username', 'alice'), ('User alice', 'age', '34'), ('User alice', 'user_id', '1'),
	     ('User bob', 'username', 'bob'), ('User bob', 'age', '29'), ('User bob', 'user_id', '2'))
	AS v(label, rt, value) ON v.label = i.label
JOIN resource_types r ON r.resource_type = v.rt;
