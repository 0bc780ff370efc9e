-- before.sql - test_migrate_domain_models_without_instances.py::test_migrate_domain_models_new_product
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
