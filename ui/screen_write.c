/* screen_write.c - step 5, Write: the file to be written (folder,
 * revision id, revises, branch) and the editable message; the button calls
 * env->write. Then "Apply to the database now?" calls env->upgrade with a
 * progress box, and shows the new head, or the error and that nothing was
 * changed (the upgrade is one transaction). Ctrl-C during the upgrade asks
 * whether to stop: stopping rolls everything back; once the COMMIT is on its
 * way it cannot be stopped, and the wizard says so. Errors of either
 * callback are shown in a dialog and the wizard stays usable. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "field.h"
#include "text.h"
#include "upgrade_ask.h"
#include "wz.h"

enum { F_MESSAGE, F_BUTTON, NF };

struct wstate {
	int focus;
	bool editing;
	struct field f;
	char *head;           /* after a successful upgrade */
	char *upgrade_error;  /* after a failed one */
	bool stopped;         /* ... failed because the user stopped it */
};

static struct wstate *S(const struct wz *w)
{
	return w->st[WZ_WRITE];
}

static void init(struct wz *w)
{
	struct wstate *s = xcalloc(1, sizeof *s);
	field_init(&s->f);
	s->focus = F_BUTTON;
	w->st[WZ_WRITE] = s;
}

static void sfree(struct wz *w)
{
	struct wstate *s = S(w);
	if (!s)
		return;
	field_free(&s->f);
	free(s->head);
	free(s->upgrade_error);
	free(s);
	w->st[WZ_WRITE] = NULL;
}

static void enter(struct wz *w)
{
	if (!w->written && !plan_confirmed(w->env->plan))
		wz_goto(w, WZ_REVIEW);
}

static const char *button(const struct wz *w)
{
	if (!w->written)
		return "Write the file";
	if (w->env->upgrade && !w->upgraded)
		return "Apply to the database";
	return "Finish";
}

static void row(int y, const char *label, const char *value, int w, bool path)
{
	ui_put(y, 3, 11, label, ui_attr(UR_DIM));
	if (path)
		ui_put_cut_left(y, 14, w - 15, value ? value : "-", 0);
	else
		ui_put_cut(y, 14, w - 15, value ? value : "-", 0);
}

/* text wrapped into the rows y.. before end; the last row shown ends in an
 * ellipsis when text goes on. Returns the next free row. */
static int para(int y, int end, int w, const char *text, int a)
{
	struct strvec lines = STRVEC_INIT;
	text_wrap(text, w, 2, &lines);
	for (size_t i = 0; i < lines.n && y < end; i++, y++) {
		if (y + 1 == end && i + 1 < lines.n) {
			char *l = xasprintf("%s %s", lines.v[i], ui_glyph(UG_ELLIPSIS));
			ui_put_cut(y, 3, w, l, a);
			free(l);
		} else {
			ui_put(y, 3, w, lines.v[i], a);
		}
	}
	sv_free(&lines);
	return y;
}

static void draw(struct wz *w, const struct wz_rect *r)
{
	struct wstate *s = S(w);
	const struct wizard_env *e = w->env;
	int y = r->y;
	ui_put(y++, 1, r->w - 2, w->written ? "The revision file:" : "The revision file that will be written:",
	       ui_attr(UR_BOLD));
	y++;
	if (w->written)
		row(y++, "File", w->path, r->w, true);
	else
		row(y++, "Folder", e->write_dir, r->w, true);
	row(y++, "Revision", e->revision_id, r->w, false);
	row(y++, "Revises", e->revises, r->w, false);
	row(y++, "Branch", e->branch, r->w, false);
	ui_put(y, 3, 11, "Message", ui_attr(UR_DIM));
	int fw = r->w - 16;
	if (s->editing) {
		int cx = 0;
		field_draw(&s->f, y, 14, fw, true, &cx);
		w->cur_y = y;
		w->cur_x = cx;
	} else {
		int a = s->focus == F_MESSAGE && !w->written ? ui_attr(UR_SELECTED) : ui_attr(UR_FIELD);
		ui_fill(y, 14, fw, a);
		ui_put_cut(y, 14, fw, w->message, a);
	}
	y += 2;
	char *b = xasprintf("[ %s ]", button(w));
	ui_put(y, 3, r->w - 4, b, ui_attr(s->focus == F_BUTTON && !s->editing ? UR_SELECTED : UR_BOLD));
	free(b);
	y += 2;
	int end = r->y + r->h;
	if (w->written && y < end) {
		char *m = xasprintf("%s Written (atomically, never overwriting)", ui_glyph(UG_CHECK));
		ui_put_cut(y++, 3, r->w - 4, m, ui_attr(UR_OK));
		free(m);
	}
	if (s->head && y < end) {
		char *m = xasprintf("%s The database is upgraded; its head is now %s", ui_glyph(UG_CHECK), s->head);
		ui_put_cut(y++, 3, r->w - 4, m, ui_attr(UR_OK));
		free(m);
	}
	if (s->upgrade_error && y < end) {
		/* stays readable after its dialog: wrapped over the rows left */
		/* PostgreSQL's own lines (ERROR, DETAIL, HINT) first: the rest
		   (file, statement) is what gets cut when rows run out */
		struct strbuf sb = STRBUF_INIT, rest = STRBUF_INIT;
		sb_addf(&sb, "%s The upgrade %s; nothing was changed. Enter tries again; F10 leaves.\n",
			ui_glyph(UG_CROSS), s->stopped ? "was stopped" : "failed");
		for (const char *l = s->upgrade_error; *l;) {
			const char *nl = strchr(l, '\n');
			size_t n = nl ? (size_t)(nl - l) : strlen(l);
			bool pg = !strncmp(l, "ERROR:", 6) || !strncmp(l, "DETAIL:", 7) || !strncmp(l, "HINT:", 5);
			sb_addn(pg ? &sb : &rest, l, n);
			sb_add(pg ? &sb : &rest, "\n");
			l += n + (nl ? 1 : 0);
		}
		sb_add(&sb, sb_str(&rest));
		para(y, end, r->w - 4, sb_str(&sb), ui_attr(UR_ERROR));
		sb_free(&sb);
		sb_free(&rest);
	}
}

static void upgrade(struct wz *w)
{
	struct wstate *s = S(w);
	char *head = NULL;
	struct wfo_error err = { 0 };
	dialog_progress("Upgrading the database", 0, 0, "starting");
	free(s->upgrade_error);
	s->upgrade_error = NULL;
	s->stopped = false;
	if (w->env->upgrade(w->env->ctx, upgrade_ask_progress, w, &head, &err) < 0) {
		s->upgrade_error = xstrdup(err.msg);
		s->stopped = err.status == WFO_ABORTED;
		upgrade_ask_after_failure();
		char *body = s->stopped
			? xasprintf("You stopped the upgrade. Everything it had done was rolled back: the "
				    "database is exactly as it was. The revision file stays; you can apply it "
				    "again or upgrade later.")
			: xasprintf("%s\n\nNothing was changed in the database (the upgrade is one "
				    "transaction). The revision file stays; you can try again or upgrade later.",
				    err.msg);
		dialog_message(s->stopped ? "The upgrade was stopped" : "The upgrade failed", body);
		free(body);
		return;
	}
	w->upgraded = true;
	s->head = head ? head : xstrdup("?");
	char *body = xasprintf("%sThe database is now at head %s.",
			       upgrade_ask_too_late() ? UPGRADE_ASK_TOO_LATE : "", s->head);
	dialog_message("Database upgraded", body);
	free(body);
	w->result = WIZARD_WRITTEN;
	w->done = true;
}

static void write_file(struct wz *w)
{
	char *path = NULL;
	struct wfo_error err = { 0 };
	if (w->env->write(w->env->ctx, w->message, &path, &err) < 0) {
		dialog_message("Cannot write the revision file", err.msg);
		return;
	}
	w->written = true;
	w->path = path ? path : xstrdup("?");
	if (!w->env->upgrade) {
		w->result = WIZARD_WRITTEN;
		w->done = true;
		return;
	}
	if (w->env->upgrade_default) {   /* --upgrade: asked already on the command line */
		upgrade(w);
		return;
	}
	static const char *const yn[] = { "Yes, upgrade", "No" };
	char *body = xasprintf("Written: %s\n\nApply it to the database now?", w->path);
	int b = dialog_buttons("Apply to the database now?", body, yn, 2, w->env->upgrade_default ? 0 : 1);
	free(body);
	if (b == 0) {
		upgrade(w);
	} else if (!ui_interrupted()) {
		w->result = WIZARD_WRITTEN;
		w->done = true;
	}
}

static void press(struct wz *w)
{
	if (!w->written)
		write_file(w);
	else if (w->env->upgrade && !w->upgraded)
		upgrade(w);
	else {
		w->result = WIZARD_WRITTEN;
		w->done = true;
	}
}

static void key(struct wz *w, enum ui_action a, const struct ui_key *k)
{
	struct wstate *s = S(w);
	if (s->editing) {
		if (a == UA_ENTER || a == UA_TAB) {
			char *m = field_text(&s->f);
			if (strspn(m, " \t") == strlen(m)) {
				wz_status(w, true, "The message is required (it names the file)");
				free(m);
				return;
			}
			free(w->message);
			w->message = m;
			s->editing = false;
			s->focus = F_BUTTON;
		} else if (a == UA_BACK) {
			s->editing = false;
		} else {
			field_key(&s->f, a, k);
		}
		return;
	}
	switch (a) {
	case UA_UP:
	case UA_BTAB:
		s->focus = (s->focus + NF - 1) % NF;
		break;
	case UA_DOWN:
	case UA_TAB:
		s->focus = (s->focus + 1) % NF;
		break;
	case UA_ENTER:
		if (s->focus == F_MESSAGE && !w->written) {
			field_set(&s->f, w->message);
			s->editing = true;
		} else if (s->focus == F_BUTTON) {
			press(w);
		}
		break;
	case UA_BACK:
		wz_goto(w, WZ_REVIEW);
		break;
	default:
		break;
	}
}

static bool field_focus(const struct wz *w)
{
	return S(w)->editing;
}

const struct screen_ops screen_write_ops = {
	.name = "Write",
	.ctx = KC_WRITE,
	.init = init,
	.enter = enter,
	.draw = draw,
	.key = key,
	.field_focus = field_focus,
	.free = sfree,
};
