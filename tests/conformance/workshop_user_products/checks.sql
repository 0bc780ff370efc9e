-- checks.sql - workshop 'Database migration' exercise (seed 001): User Group / User internal / User external
-- One boolean SELECT per assertion, run after the upgrade.

-- three products with the seed's descriptions, types and tags
SELECT count(*) = 3 FROM products WHERE (name, description, product_type, tag, status) IN (('User Group', 'user group administration', 'UserGroup', 'GROUP', 'active'), ('User internal', 'user administration - internal', 'User', 'USER_INT', 'active'), ('User external', 'user administration - external', 'User', 'USER_EXT', 'active'));

-- fixed input affiliation per User product
SELECT count(*) = 2 FROM fixed_inputs f JOIN products p USING (product_id) WHERE (p.name, f.name, f.value) IN (('User internal', 'affiliation', 'internal'), ('User external', 'affiliation', 'external'));

-- two blocks with descriptions and tags
SELECT count(*) = 2 FROM product_blocks WHERE (name, description, tag) IN (('UserGroupBlock', 'user group block', 'UGB'), ('UserBlock', 'user block', 'UB'));

-- UserBlock depends on UserGroupBlock
SELECT EXISTS (SELECT 1 FROM product_block_relations x JOIN product_blocks p ON p.product_block_id = x.in_use_by_id JOIN product_blocks c ON c.product_block_id = x.depends_on_id WHERE p.name = 'UserBlock' AND c.name = 'UserGroupBlock');

-- each product uses its root block
SELECT count(*) = 3 FROM product_product_blocks x JOIN products p USING (product_id) JOIN product_blocks b USING (product_block_id) WHERE (p.name, b.name) IN (('User Group', 'UserGroupBlock'), ('User internal', 'UserBlock'), ('User external', 'UserBlock'));

-- five resource types with the seed's descriptions
SELECT count(*) = 5 FROM resource_types WHERE (resource_type, description) IN (('group_name', 'name of the user group'), ('group_id', 'id of the user group'), ('username', 'name of the user'), ('age', 'age of the user'), ('user_id', 'id of the user'));

-- block resource types as in the model
SELECT count(*) = 5 FROM product_block_resource_types x JOIN product_blocks b USING (product_block_id) JOIN resource_types r USING (resource_type_id) WHERE (b.name, r.resource_type) IN (('UserGroupBlock', 'group_name'), ('UserGroupBlock', 'group_id'), ('UserBlock', 'username'), ('UserBlock', 'age'), ('UserBlock', 'user_id'));
