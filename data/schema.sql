-- data/schema.sql - the orchestrator-core catalogue and instance tables as the current
-- orchestrator/core/db/models.py defines them (PostgreSQL; uuid defaults via uuid-ossp).
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE TABLE products (
	product_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	name varchar NOT NULL UNIQUE,
	description varchar(2000) NOT NULL,
	product_type varchar(255) NOT NULL,
	tag varchar(20) NOT NULL,
	status varchar(255) NOT NULL,
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	end_date timestamptz
);
CREATE INDEX ix_products_tag ON products (tag);

CREATE TABLE product_blocks (
	product_block_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	name varchar NOT NULL UNIQUE,
	description varchar(2000) NOT NULL,
	tag varchar(20),
	status varchar(255),
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	end_date timestamptz
);

CREATE TABLE resource_types (
	resource_type_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	resource_type varchar(510) NOT NULL UNIQUE,
	description varchar(2000)
);

CREATE TABLE fixed_inputs (
	fixed_input_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	name varchar NOT NULL,
	value varchar NOT NULL,
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	product_id uuid NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
	UNIQUE (name, product_id)
);

CREATE TABLE product_product_blocks (
	product_id uuid NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
	product_block_id uuid NOT NULL REFERENCES product_blocks (product_block_id) ON DELETE CASCADE,
	PRIMARY KEY (product_id, product_block_id)
);

CREATE TABLE product_block_resource_types (
	product_block_id uuid NOT NULL REFERENCES product_blocks (product_block_id) ON DELETE CASCADE,
	resource_type_id uuid NOT NULL REFERENCES resource_types (resource_type_id) ON DELETE CASCADE,
	PRIMARY KEY (product_block_id, resource_type_id)
);

CREATE TABLE product_block_relations (
	in_use_by_id uuid NOT NULL REFERENCES product_blocks (product_block_id) ON DELETE CASCADE,
	depends_on_id uuid NOT NULL REFERENCES product_blocks (product_block_id) ON DELETE CASCADE,
	min integer,
	max integer,
	PRIMARY KEY (in_use_by_id, depends_on_id)
);
CREATE UNIQUE INDEX product_block_relation_i_d_ix ON product_block_relations (in_use_by_id, depends_on_id);

CREATE TABLE workflows (
	workflow_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	name varchar NOT NULL UNIQUE,
	target varchar NOT NULL,
	description varchar(2000) NOT NULL,
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	deleted_at timestamptz,
	is_task boolean DEFAULT false NOT NULL
);

CREATE TABLE products_workflows (
	product_id uuid NOT NULL REFERENCES products (product_id) ON DELETE CASCADE,
	workflow_id uuid NOT NULL REFERENCES workflows (workflow_id) ON DELETE CASCADE,
	PRIMARY KEY (product_id, workflow_id)
);

CREATE TABLE subscriptions (
	subscription_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	description varchar(2000) NOT NULL,
	status varchar(255) NOT NULL,
	product_id uuid NOT NULL REFERENCES products (product_id),
	customer_id varchar NOT NULL,
	insync boolean NOT NULL,
	start_date timestamptz,
	end_date timestamptz,
	note varchar(5000),
	version integer DEFAULT 1 NOT NULL
);
CREATE INDEX ix_subscriptions_status ON subscriptions (status);
CREATE INDEX ix_subscriptions_product_id ON subscriptions (product_id);
CREATE INDEX ix_subscriptions_customer_id ON subscriptions (customer_id);
CREATE INDEX subscription_product_ix ON subscriptions (subscription_id, product_id);
CREATE INDEX subscription_customer_ix ON subscriptions (subscription_id, customer_id);

CREATE TABLE subscription_instances (
	subscription_instance_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	subscription_id uuid NOT NULL REFERENCES subscriptions (subscription_id) ON DELETE CASCADE,
	product_block_id uuid NOT NULL REFERENCES product_blocks (product_block_id),
	label varchar(255)
);
CREATE INDEX ix_subscription_instances_subscription_id ON subscription_instances (subscription_id);
CREATE INDEX ix_subscription_instances_product_block_id ON subscription_instances (product_block_id);
CREATE INDEX subscription_instance_s_pb_ix
	ON subscription_instances (subscription_instance_id, subscription_id, product_block_id);

CREATE TABLE subscription_instance_values (
	subscription_instance_value_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	subscription_instance_id uuid NOT NULL
		REFERENCES subscription_instances (subscription_instance_id) ON DELETE CASCADE,
	resource_type_id uuid NOT NULL REFERENCES resource_types (resource_type_id),
	value varchar(10000) NOT NULL
);
CREATE INDEX ix_subscription_instance_values_subscription_instance_id
	ON subscription_instance_values (subscription_instance_id);
CREATE INDEX ix_subscription_instance_values_resource_type_id
	ON subscription_instance_values (resource_type_id);
CREATE INDEX siv_si_rt_ix
	ON subscription_instance_values (subscription_instance_value_id, subscription_instance_id, resource_type_id);

CREATE TABLE subscription_instance_relations (
	in_use_by_id uuid NOT NULL
		REFERENCES subscription_instances (subscription_instance_id) ON DELETE CASCADE,
	depends_on_id uuid NOT NULL
		REFERENCES subscription_instances (subscription_instance_id) ON DELETE CASCADE,
	order_id integer NOT NULL,
	domain_model_attr varchar(255),
	PRIMARY KEY (in_use_by_id, depends_on_id, order_id)
);
CREATE UNIQUE INDEX subscription_relation_i_d_o_ix
	ON subscription_instance_relations (in_use_by_id, depends_on_id, order_id);

CREATE TABLE processes (
	pid uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	workflow_id uuid NOT NULL REFERENCES workflows (workflow_id),
	assignee varchar(50) DEFAULT 'SYSTEM' NOT NULL,
	last_status varchar(50) NOT NULL,
	last_step varchar(255),
	started_at timestamptz DEFAULT current_timestamp NOT NULL,
	last_modified_at timestamptz DEFAULT current_timestamp NOT NULL,
	failed_reason varchar(10000),
	traceback varchar(50000),
	created_by varchar(255),
	is_task boolean DEFAULT false NOT NULL,
	note varchar(5000)
);
CREATE INDEX ix_processes_pid ON processes (pid);
CREATE INDEX ix_processes_is_task ON processes (is_task);

CREATE TABLE processes_subscriptions (
	id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	pid uuid NOT NULL REFERENCES processes (pid) ON DELETE CASCADE,
	subscription_id uuid NOT NULL REFERENCES subscriptions (subscription_id),
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	workflow_target varchar(255)
);
CREATE INDEX ix_processes_subscriptions_pid ON processes_subscriptions (pid);
CREATE INDEX ix_processes_subscriptions_subscription_id ON processes_subscriptions (subscription_id);
CREATE INDEX processes_subscriptions_ix ON processes_subscriptions (pid, subscription_id);

CREATE TABLE process_steps (
	stepid uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	pid uuid NOT NULL REFERENCES processes (pid) ON DELETE CASCADE,
	name varchar NOT NULL,
	status varchar(50) NOT NULL,
	state jsonb NOT NULL,
	created_by varchar(255),
	completed_at timestamptz DEFAULT statement_timestamp() NOT NULL,
	started_at timestamptz DEFAULT statement_timestamp() NOT NULL,
	commit_hash varchar(40)
);
CREATE INDEX ix_process_steps_pid ON process_steps (pid);

CREATE TYPE inputtype AS ENUM ('user_input', 'initial_state');
CREATE TABLE input_states (
	input_state_id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	pid uuid NOT NULL REFERENCES processes (pid) ON DELETE CASCADE,
	input_state jsonb NOT NULL,
	input_time timestamptz DEFAULT current_timestamp NOT NULL,
	input_type inputtype NOT NULL
);
CREATE INDEX ix_input_states_input_state_id ON input_states (input_state_id);

CREATE TABLE subscription_customer_descriptions (
	id uuid DEFAULT uuid_generate_v4() NOT NULL PRIMARY KEY,
	subscription_id uuid NOT NULL REFERENCES subscriptions (subscription_id) ON DELETE CASCADE,
	customer_id varchar NOT NULL,
	description varchar(2000) NOT NULL,
	created_at timestamptz DEFAULT current_timestamp NOT NULL,
	version integer DEFAULT 1 NOT NULL,
	CONSTRAINT uniq_customer_subscription_description UNIQUE (customer_id, subscription_id)
);
CREATE INDEX ix_subscription_customer_descriptions_subscription_id
	ON subscription_customer_descriptions (subscription_id);
CREATE INDEX ix_subscription_customer_descriptions_customer_id
	ON subscription_customer_descriptions (customer_id);

CREATE TABLE subscription_metadata (
	subscription_id uuid NOT NULL PRIMARY KEY
		REFERENCES subscriptions (subscription_id) ON DELETE CASCADE,
	metadata jsonb NOT NULL
);
CREATE INDEX ix_subscription_metadata_subscription_id ON subscription_metadata (subscription_id);
