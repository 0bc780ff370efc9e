/* keymap.c - the key table (see keymap.h). Order matters: lookups take the
 * first entry that matches, and the hint bar lists hints in table order. */
#include "config.h"
#include "keymap.h"

#include <curses.h>
#include <string.h>

#define S (KC_SCREENS | KC_LESSON | KC_BROWSE)
#define LISTS (KC_DIFF | KC_RENAMES | KC_DETAILS | KC_REVIEW | KC_WRITE | KC_LESSON | KC_BROWSE)
#define F KC_FIELD
#define D KC_DIALOG
#define NF KC_NOFIELD
#define CTRL(c) ((c) & 0x1f)

struct binding {
	unsigned ctx;
	bool fn;
	int code;
	const char *name_utf8, *name_ascii;
	enum ui_action act;
	const char *help;
	const char *hint_utf8, *hint_ascii;  /* on one entry per action, or NULL */
};

static const struct binding table[] = {
	/* moving in lists and text */
	{ LISTS | D, true, KEY_UP, "↑", "Up", UA_UP, "move up", "↑↓ move", "Up/Dn move" },
	{ LISTS | D, false, 'k', "k", "k", UA_UP, "move up", NULL, NULL },
	{ LISTS | D, true, KEY_DOWN, "↓", "Down", UA_DOWN, "move down", NULL, NULL },
	{ LISTS | D, false, 'j', "j", "j", UA_DOWN, "move down", NULL, NULL },
	{ LISTS | D, true, KEY_PPAGE, "PgUp", "PgUp", UA_PGUP, "page up", NULL, NULL },
	{ LISTS | D, true, KEY_NPAGE, "PgDn", "PgDn", UA_PGDN, "page down", NULL, NULL },
	{ LISTS | D, false, ' ', "Space", "Space", UA_PGDN, "page down", NULL, NULL },
	{ LISTS | D, true, KEY_HOME, "Home", "Home", UA_HOME, "first line", NULL, NULL },
	{ LISTS | D, false, 'g', "g", "g", UA_HOME, "first line", NULL, NULL },
	{ LISTS | D, true, KEY_END, "End", "End", UA_END, "last line", NULL, NULL },
	{ LISTS | D, false, 'G', "G", "G", UA_END, "last line", NULL, NULL },

	/* 1 Differences */
	{ KC_DIFF, false, '\r', "Enter", "Enter", UA_TOGGLE, "expand or collapse the group", "Enter expand", "Enter expand" },
	{ KC_DIFF, true, KEY_RIGHT, "→", "Right", UA_RIGHT, "expand the group", NULL, NULL },
	{ KC_DIFF, false, 'l', "l", "l", UA_RIGHT, "expand the group", NULL, NULL },
	{ KC_DIFF, false, '+', "+", "+", UA_RIGHT, "expand the group", NULL, NULL },
	{ KC_DIFF, true, KEY_LEFT, "←", "Left", UA_LEFT, "collapse the group", NULL, NULL },
	{ KC_DIFF, false, 'h', "h", "h", UA_LEFT, "collapse the group", NULL, NULL },
	{ KC_DIFF, false, '-', "-", "-", UA_LEFT, "collapse the group", NULL, NULL },
	{ KC_DIFF, false, 'o', "o", "o", UA_TOGGLE, "expand or collapse the group", NULL, NULL },
	{ KC_DIFF, false, '/', "/", "/", UA_SEARCH, "filter the differences by name", "/ filter", "/ filter" },

	/* 2 Renames */
	{ KC_RENAMES, false, '\r', "Enter", "Enter", UA_ENTER, "choose the rename of the selected name", "Enter choose", "Enter choose" },
	{ KC_RENAMES, true, KEY_DC, "Delete", "Delete", UA_CLEAR, "forget the decision (ask again)", NULL, NULL },
	{ KC_RENAMES, false, 'x', "x", "x", UA_CLEAR, "forget the decision (ask again)", NULL, NULL },

	/* 3 Details */
	{ KC_DETAILS, false, '\r', "Enter", "Enter", UA_ENTER, "edit the selected value", "Enter edit", "Enter edit" },
	{ KC_DETAILS, false, '\t', "Tab", "Tab", UA_TAB, "edit the selected value", NULL, NULL },
	{ KC_DETAILS, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_TAB, "edit the selected value", NULL, NULL },
	{ KC_DETAILS, true, KEY_DC, "Delete", "Delete", UA_CLEAR, "forget the answer", NULL, NULL },

	/* 4 Review */
	{ KC_REVIEW, false, '\t', "Tab", "Tab", UA_TAB, "next tab", "Tab tab", "Tab tab" },
	{ KC_REVIEW, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_BTAB, "previous tab", NULL, NULL },
	{ KC_REVIEW, true, KEY_RIGHT, "→", "Right", UA_TAB, "next tab", NULL, NULL },
	{ KC_REVIEW, true, KEY_LEFT, "←", "Left", UA_BTAB, "previous tab", NULL, NULL },
	{ KC_REVIEW, false, '1', "1", "1", UA_TAB1, "Summary tab", NULL, NULL },
	{ KC_REVIEW, false, '2', "2", "2", UA_TAB2, "Upgrade SQL tab", NULL, NULL },
	{ KC_REVIEW, false, '3', "3", "3", UA_TAB3, "Downgrade SQL tab", NULL, NULL },
	{ KC_REVIEW, false, '4', "4", "4", UA_TAB4, "Dry run tab", NULL, NULL },
	{ KC_REVIEW, false, 'd', "d", "d", UA_DRYRUN, "dry run: upgrade and downgrade on the database, rolled back", "d dry run", "d dry run" },
	{ KC_REVIEW, false, '/', "/", "/", UA_SEARCH, "search", NULL, NULL },
	{ KC_REVIEW, true, KEY_F(3), "F3", "F3", UA_SEARCH_NEXT, "next match", NULL, NULL },
	{ KC_REVIEW, false, CTRL('n'), "Ctrl-N", "Ctrl-N", UA_SEARCH_NEXT, "next match", NULL, NULL },
	{ KC_REVIEW, true, KEY_F(15), "Shift-F3", "Shift-F3", UA_SEARCH_PREV, "previous match", NULL, NULL },
	{ KC_REVIEW, false, CTRL('p'), "Ctrl-P", "Ctrl-P", UA_SEARCH_PREV, "previous match", NULL, NULL },
	{ KC_REVIEW, false, '\r', "Enter", "Enter", UA_ENTER, "confirm the changes and go on to Write", "Enter confirm", "Enter confirm" },

	/* 5 Write */
	{ KC_WRITE, false, '\r', "Enter", "Enter", UA_ENTER, "edit the message / press the button", "Enter choose", "Enter choose" },
	{ KC_WRITE, false, '\t', "Tab", "Tab", UA_TAB, "next field", NULL, NULL },
	{ KC_WRITE, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_BTAB, "previous field", NULL, NULL },

	/* steps */
	{ KC_DIFF | KC_RENAMES | KC_DETAILS, false, 'n', "n", "n", UA_NEXT, "next step", "n next", "n next" },
	{ KC_REVIEW, false, 'n', "n", "n", UA_NEXT, "next step: confirm the changes", NULL, NULL },
	{ KC_RENAMES | KC_DETAILS | KC_REVIEW | KC_WRITE, false, 27, "Esc", "Esc", UA_BACK, "previous step", "Esc back", "Esc back" },
	{ KC_RENAMES | KC_DETAILS | KC_REVIEW | KC_WRITE, true, KEY_BACKSPACE, "Backspace", "Backspace", UA_BACK, "previous step", NULL, NULL },
	{ KC_DIFF, false, 27, "Esc", "Esc", UA_BACK, "quit (asks first)", NULL, NULL },

	/* tutorial pages */
	{ KC_LESSON, false, '\r', "Enter", "Enter", UA_ENTER, "go on with the lesson", "Enter next", "Enter next" },
	{ KC_LESSON, false, 27, "Esc", "Esc", UA_BACK, "the previous page of the lesson", "Esc back", "Esc back" },
	{ KC_LESSON, true, KEY_BACKSPACE, "Backspace", "Backspace", UA_BACK, "the previous page of the lesson", NULL, NULL },

	/* catalogue browser */
	{ KC_BROWSE, true, KEY_RIGHT, "→", "Right", UA_RIGHT, "open the product or block", "→← open", "Right/Left open" },
	{ KC_BROWSE, false, 'l', "l", "l", UA_RIGHT, "open the product or block", NULL, NULL },
	{ KC_BROWSE, false, '\r', "Enter", "Enter", UA_TOGGLE, "open or close the product or block", NULL, NULL },
	{ KC_BROWSE, false, 'o', "o", "o", UA_TOGGLE, "open or close the product or block", NULL, NULL },
	{ KC_BROWSE, true, KEY_LEFT, "←", "Left", UA_LEFT, "close it, or go to the line above it", NULL, NULL },
	{ KC_BROWSE, false, 'h', "h", "h", UA_LEFT, "close it, or go to the line above it", NULL, NULL },
	{ KC_BROWSE, false, '/', "/", "/", UA_SEARCH, "search by name (shows the matches and what holds them)", "/ search", "/ search" },
	{ KC_BROWSE, false, 'n', "n", "n", UA_SEARCH_NEXT, "next match", "n next", "n next" },
	{ KC_BROWSE, false, 'N', "N", "N", UA_SEARCH_PREV, "previous match", NULL, NULL },
	{ KC_BROWSE, false, 27, "Esc", "Esc", UA_BACK, "clear the search, else leave", "Esc back", "Esc back" },

	/* dialogs */
	{ D, false, '\r', "Enter", "Enter", UA_ENTER, "choose", "Enter choose", "Enter choose" },
	{ D, false, 27, "Esc", "Esc", UA_BACK, "cancel", "Esc cancel", "Esc cancel" },
	{ D, false, '\t', "Tab", "Tab", UA_TAB, "next button", NULL, NULL },
	{ D, true, KEY_RIGHT, "→", "Right", UA_TAB, "next button", NULL, NULL },
	{ D, true, KEY_LEFT, "←", "Left", UA_BTAB, "previous button", NULL, NULL },
	{ D, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_BTAB, "previous button", NULL, NULL },
	{ D, false, 'y', "y", "y", UA_YES, "yes", NULL, NULL },
	{ D, false, 'n', "n", "n", UA_NO, "no", NULL, NULL },

	/* text fields */
	{ F, false, '\r', "Enter", "Enter", UA_ENTER, "accept the value", "Enter accept", "Enter accept" },
	{ F, false, 27, "Esc", "Esc", UA_BACK, "cancel the edit", "Esc cancel", "Esc cancel" },
	{ F, false, '\t', "Tab", "Tab", UA_TAB, "keep the text, leave the field", NULL, NULL },
	{ F, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_TAB, "keep the text, leave the field", NULL, NULL },
	{ F, true, KEY_UP, "↑", "Up", UA_UP, "keep the text, leave the field, move up", NULL, NULL },
	{ F, true, KEY_DOWN, "↓", "Down", UA_DOWN, "keep the text, leave the field, move down", NULL, NULL },
	{ F, true, KEY_LEFT, "←", "Left", UA_F_LEFT, "cursor left", NULL, NULL },
	{ F, false, CTRL('b'), "Ctrl-B", "Ctrl-B", UA_F_LEFT, "cursor left", NULL, NULL },
	{ F, true, KEY_RIGHT, "→", "Right", UA_F_RIGHT, "cursor right", NULL, NULL },
	{ F, false, CTRL('f'), "Ctrl-F", "Ctrl-F", UA_F_RIGHT, "cursor right", NULL, NULL },
	{ F, true, KEY_HOME, "Home", "Home", UA_F_HOME, "start of the text", NULL, NULL },
	{ F, false, CTRL('a'), "Ctrl-A", "Ctrl-A", UA_F_HOME, "start of the text", NULL, NULL },
	{ F, true, KEY_END, "End", "End", UA_F_END, "end of the text", NULL, NULL },
	{ F, false, CTRL('e'), "Ctrl-E", "Ctrl-E", UA_F_END, "end of the text", NULL, NULL },
	{ F, true, KEY_BACKSPACE, "Backspace", "Backspace", UA_F_BACKSPACE, "delete before the cursor", NULL, NULL },
	{ F, false, 127, "Backspace", "Backspace", UA_F_BACKSPACE, "delete before the cursor", NULL, NULL },
	{ F, false, CTRL('h'), "Ctrl-H", "Ctrl-H", UA_F_BACKSPACE, "delete before the cursor", NULL, NULL },
	{ F, true, KEY_DC, "Delete", "Delete", UA_F_DELETE, "delete at the cursor", NULL, NULL },
	{ F, false, CTRL('d'), "Ctrl-D", "Ctrl-D", UA_F_DELETE, "delete at the cursor", NULL, NULL },
	{ F, false, CTRL('u'), "Ctrl-U", "Ctrl-U", UA_F_KILL_START, "delete to the start", NULL, NULL },
	{ F, false, CTRL('k'), "Ctrl-K", "Ctrl-K", UA_F_KILL_END, "delete to the end", NULL, NULL },
	{ F, false, CTRL('w'), "Ctrl-W", "Ctrl-W", UA_F_KILL_WORD, "delete the word before the cursor", NULL, NULL },

	/* the merge screen */
	{ KC_MERGE, true, KEY_UP, "↑", "Up", UA_UP, "move up", "↑↓ move", "Up/Dn move" },
	{ KC_MERGE, false, 'k', "k", "k", UA_UP, "move up", NULL, NULL },
	{ KC_MERGE, true, KEY_DOWN, "↓", "Down", UA_DOWN, "move down", NULL, NULL },
	{ KC_MERGE, false, 'j', "j", "j", UA_DOWN, "move down", NULL, NULL },
	{ KC_MERGE, true, KEY_PPAGE, "PgUp", "PgUp", UA_PGUP, "page up", NULL, NULL },
	{ KC_MERGE, true, KEY_NPAGE, "PgDn", "PgDn", UA_PGDN, "page down", NULL, NULL },
	{ KC_MERGE, true, KEY_HOME, "Home", "Home", UA_HOME, "first line", NULL, NULL },
	{ KC_MERGE, false, 'g', "g", "g", UA_HOME, "first line", NULL, NULL },
	{ KC_MERGE, true, KEY_END, "End", "End", UA_END, "last line", NULL, NULL },
	{ KC_MERGE, false, 'G', "G", "G", UA_END, "last line", NULL, NULL },
	{ KC_MHEADS, false, ' ', "Space", "Space", UA_TOGGLE, "select or unselect the head", "Space select", "Space select" },
	{ KC_MHEADS, false, '\r', "Enter", "Enter", UA_ENTER, "show the revision's SQL", "Enter SQL", "Enter SQL" },
	{ KC_MHEADS, false, 'n', "n", "n", UA_NEXT, "next step: the merge (warnings, upgrade order, message)", "n next", "n next" },
	{ KC_MHEADS, false, '\t', "Tab", "Tab", UA_NEXT, "next step: the merge (warnings, upgrade order, message)", NULL, NULL },
	{ KC_MHEADS, false, 27, "Esc", "Esc", UA_QUIT, "quit", NULL, NULL },
	{ KC_MSQL, false, '/', "/", "/", UA_SEARCH, "search", "/ search", "/ search" },
	{ KC_MSQL, false, 'n', "n", "n", UA_SEARCH_NEXT, "next match", NULL, NULL },
	{ KC_MSQL, false, 'N', "N", "N", UA_SEARCH_PREV, "previous match", NULL, NULL },
	{ KC_MSQL, false, 27, "Esc", "Esc", UA_BACK, "back to the graph", "Esc back", "Esc back" },
	{ KC_MSQL, false, '\r', "Enter", "Enter", UA_BACK, "back to the graph", NULL, NULL },
	{ KC_MSQL, true, KEY_BACKSPACE, "Backspace", "Backspace", UA_BACK, "back to the graph", NULL, NULL },
	{ KC_MWRITE, false, '\r', "Enter", "Enter", UA_ENTER, "edit the message / press the button", "Enter choose", "Enter choose" },
	{ KC_MWRITE, false, '\t', "Tab", "Tab", UA_TAB, "next field", "Tab field", "Tab field" },
	{ KC_MWRITE, true, KEY_BTAB, "Shift-Tab", "Shift-Tab", UA_BTAB, "previous field", NULL, NULL },
	{ KC_MWRITE, false, 27, "Esc", "Esc", UA_BACK, "back to the heads", "Esc back", "Esc back" },
	{ KC_MWRITE, true, KEY_BACKSPACE, "Backspace", "Backspace", UA_BACK, "back to the heads", NULL, NULL },

	/* everywhere */
	{ S | F | D, false, CTRL('l'), "Ctrl-L", "Ctrl-L", UA_REDRAW, "redraw the screen", NULL, NULL },
	{ S | F, true, KEY_F(1), "F1", "F1", UA_HELP, "this help", "F1 help", "F1 help" },
	{ S | NF, false, '?', "?", "?", UA_HELP, "this help", NULL, NULL },
	{ S | F, true, KEY_F(10), "F10", "F10", UA_QUIT, "quit (asks before losing answers)", "F10 quit", "F10 quit" },
	{ S | NF, false, 'q', "q", "q", UA_QUIT, "quit (asks before losing answers)", NULL, NULL },
};
#define NTABLE (sizeof table / sizeof table[0])

static bool matches(const struct binding *b, unsigned ctx)
{
	if (!(b->ctx & ctx & ~KC_NOFIELD))
		return false;
	if ((b->ctx & KC_NOFIELD) && (ctx & KC_FIELD))
		return false;
	return true;
}

enum ui_action keymap_lookup(unsigned ctx, const struct ui_key *k)
{
	wint_t ch = k->ch;
	if (!k->fn && ch == '\n')
		ch = '\r';
	if (k->fn && ch == KEY_ENTER)
		return keymap_lookup(ctx, &(struct ui_key){ false, '\r' });
	for (size_t i = 0; i < NTABLE; i++)
		if (matches(&table[i], ctx) && table[i].fn == k->fn && (wint_t)table[i].code == ch)
			return table[i].act;
	return UA_NONE;
}

void keymap_hints(unsigned ctx, struct strvec *out)
{
	for (size_t i = 0; i < NTABLE; i++) {
		const struct binding *b = &table[i];
		if (!b->hint_utf8 || !matches(b, ctx))
			continue;
		/* a field takes the focus: its hints replace the screen's */
		if ((ctx & KC_FIELD) && !(b->ctx & KC_FIELD))
			continue;
		const char *h = ui_utf8() ? b->hint_utf8 : b->hint_ascii;
		if (!sv_contains(out, h))
			sv_push(out, h);
	}
}

/* One help line per (action, help text) among the entries that pass want. */
static void help_lines(unsigned ctx, bool field_pass, bool *done, struct strvec *out)
{
	for (size_t i = 0; i < NTABLE; i++) {
		const struct binding *e = &table[i];
		bool field_only = (e->ctx & KC_FIELD) && !(e->ctx & KC_SCREENS);
		if (done[i] || field_only != field_pass)
			continue;
		if (field_pass ? !(ctx & KC_FIELD) : !matches(e, ctx & ~KC_FIELD))
			continue;
		struct strbuf keys = STRBUF_INIT;
		for (size_t j = i; j < NTABLE; j++) {
			const struct binding *b = &table[j];
			bool fo = (b->ctx & KC_FIELD) && !(b->ctx & KC_SCREENS);
			if (done[j] || fo != field_pass || b->act != e->act || strcmp(b->help, e->help))
				continue;
			if (!field_pass && !matches(b, ctx & ~KC_FIELD))
				continue;
			const char *n = ui_utf8() ? b->name_utf8 : b->name_ascii;
			if (!strstr(sb_str(&keys), n)) {
				if (keys.len)
					sb_add(&keys, " ");
				sb_add(&keys, n);
			}
			done[j] = true;
		}
		sv_push_owned(out, xasprintf("%s\t%s%s", sb_str(&keys), field_pass ? "in a field: " : "", e->help));
		sb_free(&keys);
	}
}

void keymap_help(unsigned ctx, struct strvec *out)
{
	bool done[NTABLE] = { false };
	if (ctx & KC_FIELD)
		help_lines(ctx, true, done, out); /* the keys that work right now first */
	help_lines(ctx, false, done, out);
}
