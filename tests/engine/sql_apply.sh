#!/bin/bash
# The engine's SQL runs on a real PostgreSQL: set-based instances for a new
# child block (one per parent instance, defect 10), default values, hostile
# text byte for byte, shared processes kept (defect 14), and the downgrade
# removes what the upgrade made (defect 13).
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
t_need psql
gen="$WFO_TOP_BUILDDIR/tests/unit/engine_sqlrun"
t_true "scenario generator built" test -x "$gen"
schema="$WFO_DATA/schema.sql"
[ -f "$schema" ] || schema="$WFO_TOP_SRCDIR/tests/engine/schema_min.sql"
pg_start
pg_newdb engine
work=$(mktemp -d)
trap 'pg_stop; rm -rf "$work"' EXIT   # pg_start's trap, kept
q() { psql -X -q -At -c "$1"; }
t_true "schema loads" psql -X -q -v ON_ERROR_STOP=1 -f "$schema" -o /dev/null
t_true "catalogue loads" psql -X -q -v ON_ERROR_STOP=1 -f "$WFO_TOP_SRCDIR/tests/engine/seed.sql" -o /dev/null
"$gen" up >"$work/up.sql"
"$gen" down >"$work/down.sql"
t_eq "instances before" "6" "$(q 'select count(*) from subscription_instances')"
t_true "upgrade runs in one transaction" psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/up.sql" -o /dev/null
t_eq "one new child instance per parent instance" "2" \
	"$(q "select count(*) from subscription_instances i join product_blocks b using (product_block_id) where b.name = 'AddressBlock'")"
t_eq "each parent instance linked to its own child, by attribute" "2/2/2" \
	"$(q "select count(distinct r.in_use_by_id)||'/'||count(distinct r.depends_on_id)||'/'||count(*) from subscription_instance_relations r join subscription_instances c on c.subscription_instance_id = r.depends_on_id join subscription_instances p on p.subscription_instance_id = r.in_use_by_id and p.subscription_id = c.subscription_id where r.domain_model_attr = 'address'")"
t_eq "default value on every new instance, quote kept" "Main St. 1 'x' x2" \
	"$(q "select string_agg(distinct value, '|')||' x'||count(*) from subscription_instance_values v join resource_types r using (resource_type_id) where r.resource_type = 'street'")"
t_eq "hostile description stored byte for byte" 'ext'"'"'s """ 100% \n :x é' \
	"$(q "select description from products where name = 'User Zxternal'")"
t_eq "values of the removed resource type and the deleted product gone" "10" \
	"$(q 'select count(*) from subscription_instance_values')"
t_eq "only the process of the deleted product alone deleted" "00000000-0000-0000-0000-000000000001" \
	"$(q 'select pid from processes')"
t_eq "new fixed input" "eu-west" "$(q "select value from fixed_inputs where name = 'zone'")"
t_true "downgrade runs" psql -X -q -1 -v ON_ERROR_STOP=1 -f "$work/down.sql" -o /dev/null
t_eq "downgrade removes the instances the upgrade made" "4" "$(q 'select count(*) from subscription_instances')"
t_eq "and their values" "8" "$(q 'select count(*) from subscription_instance_values')"
t_eq "no instance relations left" "0" "$(q 'select count(*) from subscription_instance_relations')"
t_eq "created product, block, resource type, fixed input removed" "User Group,User internal|UserBlock,UserGroupBlock|age,group_name,user_id,username|affiliation" \
	"$(q "select (select string_agg(name, ',' order by name) from products)||'|'||(select string_agg(name, ',' order by name) from product_blocks)||'|'||(select string_agg(resource_type, ',' order by resource_type) from resource_types)||'|'||(select string_agg(name, ',' order by name) from fixed_inputs)")"
t_done
