/* mdm.c - answering migrate-domain-models' open questions: line prompts,
 * defaults, and the report of what is still missing. */
#include "config.h"
#include "mdm.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}

int mdm_ask_lines(struct pl *p, struct mdm_group *g, size_t ng, struct wfo_error *err)
{
	for (size_t i = 0; i < ng; i++) {
		pl_header(p, g[i].header);
		const char *shown = NULL;
		for (size_t j = 0; j < g[i].n; j++) {
			struct mdm_question *q = &g[i].q[j];
			if (q->context && !same(q->context, shown)) {
				pl_line(p, "%s", q->context);
				shown = q->context;
			}
			if (q->answer)
				continue;
			if (pl_ask_default(p, q->text, q->prefill, &q->answer, err) < 0)
				return -1;
		}
	}
	return 0;
}

static void key_path(struct strbuf *sb, const struct mdm_question *q)
{
	sb_addf(sb, "\"%s\"", q->key1);
	if (q->key2)
		sb_addf(sb, ".\"%s\"", q->key2);
}

size_t mdm_take_defaults(FILE *out, struct mdm_group *g, size_t ng)
{
	size_t open = 0;
	for (size_t i = 0; i < ng; i++) {
		for (size_t j = 0; j < g[i].n; j++) {
			struct mdm_question *q = &g[i].q[j];
			if (q->answer)
				continue;
			if (q->prefill && *q->prefill) {
				struct strbuf sb = STRBUF_INIT;
				key_path(&sb, q);
				fprintf(out, "Using the default from the models for --%s %s: %s\n",
					q->file ? q->file : "inputs", sb_str(&sb), q->prefill);
				sb_free(&sb);
				q->answer = xstrdup(q->prefill);
			} else {
				open++;
			}
		}
	}
	return open;
}

size_t mdm_open_count(const struct mdm_group *g, size_t ng)
{
	size_t open = 0;
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < g[i].n; j++)
			open += !g[i].q[j].answer;
	return open;
}

static void skeleton(FILE *out, const char *file, const struct mdm_group *g, size_t ng)
{
	json_t *root = json_object();
	for (size_t i = 0; i < ng; i++) {
		for (size_t j = 0; j < g[i].n; j++) {
			const struct mdm_question *q = &g[i].q[j];
			if (q->answer || strcmp(q->file ? q->file : "inputs", file))
				continue;
			if (!q->key2) {
				json_object_set_new(root, q->key1, json_string(""));
				continue;
			}
			json_t *o = json_object_get(root, q->key1);
			if (!json_is_object(o)) {
				o = json_object();
				json_object_set_new(root, q->key1, o);
			}
			json_object_set_new(o, q->key2, json_string(""));
		}
	}
	if (json_object_size(root)) {
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
		fprintf(out, "Complete and pass with --%s @FILE:\n%s\n", file, s ? s : "{}");
		free(s);
	}
	json_decref(root);
}

void mdm_missing_report(FILE *out, const struct mdm_group *g, size_t ng)
{
	fprintf(out, "%zu question(s) need an answer and there is no terminal to ask them on:\n",
		mdm_open_count(g, ng));
	for (size_t i = 0; i < ng; i++) {
		for (size_t j = 0; j < g[i].n; j++) {
			const struct mdm_question *q = &g[i].q[j];
			if (q->answer)
				continue;
			struct strbuf sb = STRBUF_INIT;
			key_path(&sb, q);
			size_t n = strlen(q->text);
			while (n && (q->text[n - 1] == ' ' || q->text[n - 1] == ':'))
				n--;
			fprintf(out, "  --%s %s  (%.*s%s%s)\n", q->file ? q->file : "inputs", sb_str(&sb),
				(int)n, q->text, q->context ? "; " : "", q->context ? q->context : "");
			sb_free(&sb);
		}
	}
	skeleton(out, "inputs", g, ng);
	skeleton(out, "updates", g, ng);
}

int mdm_ask_renames(struct pl *p, const char *first_q, const char *second_prefix,
		    const struct strvec *olds, const struct strvec *news,
		    struct strvec *out_old, struct strvec *out_new, struct wfo_error *err)
{
	for (;;) {
		/* old names still open that have a choice left */
		const char **labels = xcalloc(olds->n + 1, sizeof *labels);
		size_t *idx = xcalloc(olds->n + 1, sizeof *idx);
		size_t n = 0;
		for (size_t i = 0; i < olds->n; i++) {
			if (sv_contains(out_old, olds->v[i]))
				continue;
			for (size_t j = 0; j < news[i].n; j++)
				if (!sv_contains(out_new, news[i].v[j])) {
					idx[n] = i;
					labels[n++] = olds->v[i];
					break;
				}
		}
		size_t c = 0;
		int rc = n ? pl_menu(p, first_q, labels, n, "continue", &c, err) : 0;
		size_t oi = idx[c];
		free(labels);
		free(idx);
		if (rc < 0)
			return -1;
		if (!n || c == n)
			return 0;

		const struct strvec *cand = &news[oi];
		const char **nl = xcalloc(cand->n + 1, sizeof *nl);
		size_t nn = 0;
		for (size_t j = 0; j < cand->n; j++)
			if (!sv_contains(out_new, cand->v[j]))
				nl[nn++] = cand->v[j];
		char *q = xasprintf("%s%s?", second_prefix, olds->v[oi]);
		fputc('\n', p->out);
		size_t c2 = 0;
		rc = pl_menu(p, q, nl, nn, "cancel", &c2, err);
		free(q);
		if (rc == 0 && c2 < nn) {
			sv_push(out_old, olds->v[oi]);
			sv_push(out_new, nl[c2]);
		}
		free(nl);
		if (rc < 0)
			return -1;
	}
}

bool mdm_fd_has_input(int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return false;
	if (isatty(fd))
		return true;
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		return false;
	if (S_ISREG(st.st_mode)) {
		off_t pos = lseek(fd, 0, SEEK_CUR);
		return pos >= 0 && pos < st.st_size;
	}
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	if (poll(&pfd, 1, 0) < 0)
		return true;
	if (pfd.revents & POLLIN)
		return true;  /* data, or at least not known to be empty */
	return !(pfd.revents & (POLLHUP | POLLERR | POLLNVAL));
}

enum mdm_mode mdm_choose_mode(bool no_tui, bool tui_available, bool stdin_tty, bool stdout_tty,
			      bool stdin_has_input)
{
	if (stdin_tty && stdout_tty && !no_tui && tui_available)
		return MDM_MODE_TUI;
	if (stdin_tty || stdin_has_input)
		return MDM_MODE_LINES;
	return MDM_MODE_NONINTERACTIVE;
}

struct opt {
	const char *name;
	int for_mdm, for_diff;
	size_t str_off;   /* offset of a const char * field, or (size_t)-1 */
	size_t flag_off;  /* offset of a bool field, or (size_t)-1 */
};

#define NONE ((size_t)-1)
#define S(f) offsetof(struct mdm_args, f), NONE
#define F(f) NONE, offsetof(struct mdm_args, f)
static const struct opt opts[] = {
	{ "--models", 1, 1, S(models) },
	{ "--database-uri", 1, 1, S(database_uri) },
	{ "--migrations", 1, 1, S(migrations) },
	{ "--inputs", 1, 0, S(inputs) },
	{ "--updates", 1, 0, S(updates) },
	{ "--test", 1, 0, F(test) },
	{ "--yes", 1, 0, F(yes) },
	{ "--no-tui", 1, 0, F(no_tui) },
	{ "--upgrade", 1, 0, F(upgrade) },
	{ "--confirm-warnings", 1, 0, F(confirm_warnings) },
	{ "--dry-run", 1, 0, F(dry_run) },
	{ "--json", 0, 1, F(json) },
	{ "--exit-code", 0, 1, F(exit_code) },
	{ "--help", 1, 1, F(help) },
	{ "-h", 1, 1, F(help) },
};
#undef S
#undef F

int mdm_parse_args(int argc, char **argv, struct mdm_args *a, struct wfo_error *err)
{
	memset(a, 0, sizeof *a);
	bool is_diff = argc > 0 && !strcmp(argv[0], "diff");
	const char *cmd = argc > 0 ? argv[0] : "migrate-domain-models";
	bool only_positional = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (only_positional || arg[0] != '-' || !strcmp(arg, "-")) {
			if (is_diff)
				return wfo_fail(err, WFO_USAGE, "%s: unexpected argument '%s'", cmd, arg);
			if (a->message)
				return wfo_fail(err, WFO_USAGE,
						"%s: one MESSAGE only, got '%s' and '%s' (quote a message "
						"with spaces)", cmd, a->message, arg);
			a->message = arg;
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_positional = true;
			continue;
		}
		const char *eq = strchr(arg, '=');
		size_t nlen = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct opt *o = NULL;
		for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++)
			if (strlen(opts[k].name) == nlen && !strncmp(opts[k].name, arg, nlen)) {
				o = &opts[k];
				break;
			}
		if (!o || !(is_diff ? o->for_diff : o->for_mdm))
			return wfo_fail(err, WFO_USAGE, "%s: unknown option '%.*s'; see 'wfo-migrate %s --help'",
					cmd, (int)nlen, arg, cmd);
		if (o->flag_off != NONE) {
			if (eq)
				return wfo_fail(err, WFO_USAGE, "%s: option '%s' takes no value", cmd, o->name);
			*(bool *)((char *)a + o->flag_off) = true;
			continue;
		}
		const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
		if (!val)
			return wfo_fail(err, WFO_USAGE, "%s: option '%s' needs a value", cmd, o->name);
		*(const char **)((char *)a + o->str_off) = val;
	}
	if (!is_diff && !a->help && !a->message)
		return wfo_fail(err, WFO_USAGE, "%s: MESSAGE missing (the revision's message, e.g. "
				"\"Add User and UserGroup products\")", cmd);
	return 0;
}
#undef NONE

void mdm_groups_free_answers(struct mdm_group *g, size_t ng)
{
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < g[i].n; j++) {
			free(g[i].q[j].answer);
			g[i].q[j].answer = NULL;
		}
}

char *mdm_read_json_arg(const char *opt, const char *arg, struct wfo_error *err)
{
	if (arg[0] != '@')
		return xstrdup(arg);
	size_t len;
	char *text = read_file(arg + 1, &len);
	if (!text) {
		wfo_fail(err, WFO_IO, "%s %s: cannot read %s: %s", opt, arg, arg + 1, file_strerror(errno));
		return NULL;
	}
	if (strlen(text) != len) {
		free(text);
		wfo_fail(err, WFO_INPUT, "%s %s: %s contains a NUL byte; JSON text expected",
			 opt, arg, arg + 1);
		return NULL;
	}
	return text;
}
