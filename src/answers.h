/* answers.h - prefilled answers: --inputs and --updates JSON in the
 * reference's formats (docs/REFERENCE.md: renames, docs/REFERENCE.md: question order and wording), read into a plan, and the plan's current
 * answers written back as such JSON.
 *
 * --inputs: { "<product>": {"description", "tag", "product_type",
 *   "<fixed input>": value}, "<block>": {"description", "tag"},
 *   "<resource type>": {"description", "<block>": default, "value": default
 *   for every block} }. Strings (numbers are taken as their text for default
 *   values); "" and null mean "not answered". Unknown keys are ignored.
 *   product_type, when given for a product, must equal the model's.
 * --updates: {"fixed_inputs": {"<product>": {"<old>": "<new>"}},
 *   "resource_types": {"<old>": "<new>"}, "block_resource_types":
 *   {"<block>": {"<old>": "<new>"}}}; any content disables rename questions.
 *   Each pair must be a real difference (else an error naming the key; the
 *   reference crashed, defect 5). Our own key "ask_other_renames": true
 *   (written when the wizard saves an unfinished run) changes that: the
 *   pairs answer their rename questions and every other rename is still
 *   asked, so an undecided rename never becomes a drop by itself.
 *
 * text is JSON, or "@FILE" for a file's contents: the file is read by the
 * caller (mdm_read_json_arg); here only JSON text is accepted, the leading
 * '@' form is rejected with a message. Errors (WFO_INPUT) give line:column
 * and the key. */
#ifndef WFO_ANSWERS_H
#define WFO_ANSWERS_H

#include <stdbool.h>

#include "plan.h"
#include "wfo_error.h"

int answers_load_inputs(struct plan *p, const char *json_text, struct wfo_error *err);
int answers_load_updates(struct plan *p, const char *json_text, struct wfo_error *err);

/* The plan's current answers as --inputs JSON (only questions of the inputs
 * file that are answered) and as --updates JSON (the decided renames), each
 * a heap string, pretty-printed with sorted keys and a final newline. */
char *answers_dump_inputs(const struct plan *p);
char *answers_dump_updates(const struct plan *p);
/* The same; ask_others adds "ask_other_renames": true (see above). */
char *answers_dump_updates_open(const struct plan *p, bool ask_others);

#endif
