/* tutorial_wizard.h - the lesson panel of a migrate-domain-models run
 * started by the tutorial: $WFO_TUTORIAL_LESSON names the lesson file and
 * $WFO_TUTORIAL_STEP the wizard step in it (counted from 0).
 *
 * Ownership: tutorial_wizard_free releases what tutorial_wizard_from_env
 * returned; the wizard_lesson inside stays valid until then. */
#ifndef WFO_TUTORIAL_WIZARD_H
#define WFO_TUTORIAL_WIZARD_H

#include "wfo_error.h"
#include "wizard.h"

struct tutorial_wizard;

/* 0 and *out (NULL when the variables are not set), or -1 with err. */
int tutorial_wizard_from_env(struct tutorial_wizard **out, struct wfo_error *err);
const struct wizard_lesson *tutorial_wizard_lesson(const struct tutorial_wizard *t);
void tutorial_wizard_free(struct tutorial_wizard *t);

#endif
