/* util.h - allocation wrappers, growable strings and string vectors.
 *
 * Ownership: a strbuf owns its buffer until sb_detach() hands it to the
 * caller; a strvec owns every string pushed into it (sv_push copies). */
#ifndef WFO_UTIL_H
#define WFO_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation failure is not recoverable for a CLI tool: these print a
 * message and abort instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct strbuf {
	char *buf;   /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};
#define STRBUF_INIT { NULL, 0, 0 }

void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
/* One character (inline: the parsers add text a character at a time). */
static inline void sb_addc(struct strbuf *sb, char c)
{
	if (sb->len + 2 > sb->cap)
		sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sb_reset(struct strbuf *sb);
/* Returns the buffer ("" if empty, always heap) and leaves sb empty. */
char *sb_detach(struct strbuf *sb);
const char *sb_str(const struct strbuf *sb);
void sb_free(struct strbuf *sb);

struct strvec {
	char **v;
	size_t n;
	size_t cap;
};
#define STRVEC_INIT { NULL, 0, 0 }

void sv_push(struct strvec *sv, const char *s);      /* copies s */
void sv_push_owned(struct strvec *sv, char *s);      /* takes s */
int sv_contains(const struct strvec *sv, const char *s);
void sv_sort(struct strvec *sv);                     /* strcmp order */
void sv_free(struct strvec *sv);

/* Reads a whole regular file; returns NULL and sets errno on failure. A
 * FIFO, device or socket is refused with EINVAL (without blocking: it is
 * opened with O_NONBLOCK and checked with fstat before any read), a folder
 * with EISDIR. */
char *read_file(const char *path, size_t *len_out);
/* Same for name relative to the open folder dirfd (openat). */
char *read_file_at(int dirfd, const char *name, size_t *len_out);
/* strerror() for the errno of read_file: EINVAL says "not a regular file". */
const char *file_strerror(int e);

int str_starts_with(const char *s, const char *prefix);
int str_ends_with(const char *s, const char *suffix);

#endif
