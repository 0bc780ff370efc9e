/* sqlgen.h - the SQL text of a domain-model migration: a change set in,
 * upgrade and downgrade statements out (reference §7), pure text.
 *
 * Statements are single-line, without a trailing ';', in the reference's
 * order U1..U21 / D1..D12, names sorted within a kind, every literal made by
 * sql_quote() (standard-conforming: ' doubled, backslashes and % kept as is).
 * Set-based: no statement embeds ids read at generation time; instances and
 * values for existing subscriptions are made at upgrade time by
 * INSERT ... SELECT (reference defect 11 fixed).
 *
 * Reference defects fixed here (each has a unit test named defectNN_*):
 *  1  value cleanup matches instance values of the block's instances and the
 *     value's own resource_type_id
 *  2  (plan.c) change sets are true unions
 *  3  (plan.c) every per-block update pair is kept
 *  7  default values are quoted literals, no text formatting
 *  9  % is never doubled
 * 10  one new child instance per parent instance, linked explicitly to it,
 *     domain_model_attr = the parent's attribute
 * 12  not feasible without values: instances made for an existing block get
 *     no values for its existing resource types (listed in the summary)
 * 13  removing a block from a product / a block relation also removes the
 *     instances (and instance relations) that hung there; the downgrade of a
 *     new link removes the instances the upgrade made
 * 14  deleting products deletes only processes whose every subscription is
 *     being deleted
 * Not restored by a downgrade (as in the reference): deleted products,
 * blocks, resource types, relations and their subscriptions, instances and
 * values.
 *
 * Ownership: statements are appended (heap strings) to the caller's strvec. */
#ifndef WFO_SQLGEN_H
#define WFO_SQLGEN_H

#include "plan.h"
#include "util.h"

void sqlgen_upgrade(const struct changeset *cs, struct strvec *stmts);
void sqlgen_downgrade(const struct changeset *cs, struct strvec *stmts);

#endif
