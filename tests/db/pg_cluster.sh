#!/bin/bash
# The private cluster starts, answers on its socket only, and is removed.
. "$WFO_TOP_SRCDIR/tests/lib/assert.sh"
. "$WFO_TOP_SRCDIR/tests/lib/pg.sh"
pg_start
t_eq "server answers over the unix socket" "1" "$(psql -X -At -c 'select 1')"
t_eq "no TCP listener" "" "$(psql -X -At -c 'show listen_addresses')"
t_eq "fsync off" "off" "$(psql -X -At -c 'show fsync')"
dir=$PG_TMP
pg_stop
t_false "cluster directory removed" test -d "$dir"
t_done
