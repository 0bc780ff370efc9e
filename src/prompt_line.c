/* prompt_line.c - line prompts on plain streams (the non-screen driver). */
#include "config.h"
#include "prompt_line.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util.h"

void pl_init(struct pl *p, FILE *in, FILE *out)
{
	p->in = in;
	p->out = out;
	const char *nc = getenv("NO_COLOR");
	p->color = isatty(fileno(out)) && !(nc && *nc);
}

void pl_header(struct pl *p, const char *title)
{
	if (p->color)
		fprintf(p->out, "\n\033[1m\033[4m%s\033[0m\n", title);
	else
		fprintf(p->out, "\n%s\n", title);
	fflush(p->out);
}

void pl_line(struct pl *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
	fputc('\n', p->out);
	fflush(p->out);
}

/* Reads one line (any length) into *line, trimmed. 0, or -1 at end of input. */
static int read_line(struct pl *p, char **line)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[512];
	int got = 0;
	while (fgets(chunk, sizeof chunk, p->in)) {
		got = 1;
		sb_add(&sb, chunk);
		if (sb.len && sb.buf[sb.len - 1] == '\n')
			break;
	}
	if (!got) {
		sb_free(&sb);
		return -1;
	}
	char *s = sb_detach(&sb);
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	size_t start = 0;
	while (s[start] && isspace((unsigned char)s[start]))
		start++;
	if (start)
		memmove(s, s + start, len - start + 1);
	*line = s;
	return 0;
}

/* When input does not come from a terminal, the answer is not echoed by
 * one: print it so a transcript reads like the interactive session. */
static void echo_answer(struct pl *p, const char *answer)
{
	if (!isatty(fileno(p->in)))
		fprintf(p->out, "%s\n", answer);
	fflush(p->out);
}

static int eof_error(struct wfo_error *err, const char *question)
{
	size_t n = strlen(question);
	while (n && (question[n - 1] == ' ' || question[n - 1] == ':' || question[n - 1] == '?'))
		n--;
	return wfo_fail(err, WFO_UNANSWERED,
			"end of input while asking \"%.*s\"; give the answer on standard input "
			"or with --inputs/--updates", (int)n, question);
}

int pl_ask_text(struct pl *p, const char *question, char **answer, struct wfo_error *err)
{
	for (;;) {
		fputs(question, p->out);
		fflush(p->out);
		char *line;
		if (read_line(p, &line) < 0) {
			fputc('\n', p->out);
			return eof_error(err, question);
		}
		echo_answer(p, line);
		if (*line) {
			*answer = line;
			return 0;
		}
		free(line);
	}
}

int pl_ask_default(struct pl *p, const char *question, const char *def, char **answer,
		   struct wfo_error *err)
{
	if (!def || !*def)
		return pl_ask_text(p, question, answer, err);
	size_t n = strlen(question);
	while (n && question[n - 1] == ' ')
		n--;
	if (n && question[n - 1] == ':')
		n--;
	fprintf(p->out, "%.*s [%s]: ", (int)n, question, def);
	fflush(p->out);
	char *line;
	if (read_line(p, &line) < 0) {
		fputc('\n', p->out);
		return eof_error(err, question);
	}
	echo_answer(p, line);
	if (!*line) {
		free(line);
		line = xstrdup(def);
	}
	*answer = line;
	return 0;
}

int pl_menu(struct pl *p, const char *question, const char *const *labels, size_t n,
	    const char *quit_label, size_t *choice, struct wfo_error *err)
{
	for (;;) {
		fprintf(p->out, "%s\n", question);
		for (size_t i = 0; i < n; i++)
			fprintf(p->out, "%zu) %s\n", i + 1, labels[i]);
		if (quit_label)
			fprintf(p->out, "q) %s\n", quit_label);
		for (;;) {
			fputs("? ", p->out);
			fflush(p->out);
			char *line;
			if (read_line(p, &line) < 0) {
				fputc('\n', p->out);
				return eof_error(err, question);
			}
			echo_answer(p, line);
			if (!*line) {
				free(line);
				continue;
			}
			if (quit_label && !strcmp(line, "q")) {
				free(line);
				*choice = n;
				return 0;
			}
			char *end;
			unsigned long v = strtoul(line, &end, 10);
			int ok = isdigit((unsigned char)line[0]) && !*end && v >= 1 && v <= n;
			free(line);
			if (ok) {
				*choice = (size_t)v - 1;
				return 0;
			}
			fprintf(p->out, "Invalid choice\n");
			break;
		}
	}
}

bool pl_is_yes(const char *answer)
{
	return !strcasecmp(answer, "y") || !strcasecmp(answer, "yes");
}

int pl_confirm(struct pl *p, const char *question, bool *yes)
{
	fprintf(p->out, "%s [y/N]: ", question);
	fflush(p->out);
	char *line;
	*yes = false;
	if (read_line(p, &line) < 0) {
		fputc('\n', p->out);
		return 0;
	}
	echo_answer(p, line);
	*yes = pl_is_yes(line);
	free(line);
	return 0;
}
