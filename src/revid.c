/* revid.c - revision ids, slugs, file names and Create Date texts. */
#include "config.h"
#include "revid.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_random(unsigned char *buf, size_t n, struct wfo_error *err)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wfo_fail(err, WFO_IO, "cannot open /dev/urandom for a new revision id: %s",
				strerror(errno));
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int e = r < 0 ? errno : EIO;
			close(fd);
			return wfo_fail(err, WFO_IO, "cannot read /dev/urandom for a new revision id: %s",
					strerror(e));
		}
		got += (size_t)r;
	}
	close(fd);
	return 0;
}

static int clashes(const char *id, const struct strvec *taken)
{
	if (!taken)
		return 0;
	size_t n = strlen(id);
	for (size_t i = 0; i < taken->n; i++) {
		const char *t = taken->v[i];
		size_t m = strlen(t);
		size_t k = n < m ? n : m;
		if (!strncmp(id, t, k))
			return 1;
	}
	return 0;
}

int revid_new(char out[13], const struct strvec *taken, struct wfo_error *err)
{
	static const char hex[] = "0123456789abcdef";
	for (int attempt = 0; attempt < 1000; attempt++) {
		unsigned char b[6];
		if (read_random(b, sizeof b, err) < 0)
			return -1;
		for (int i = 0; i < 6; i++) {
			out[2 * i] = hex[b[i] >> 4];
			out[2 * i + 1] = hex[b[i] & 15];
		}
		out[12] = '\0';
		if (!clashes(out, taken))
			return 0;
	}
	return wfo_fail(err, WFO_INTERNAL,
			"could not find an unused revision id in 1000 attempts");
}

long revid_invalid(const char *s)
{
	size_t i = 0;
	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_'))
			return (long)i;
	}
	return i == 0 || i > REVID_MAX ? 0 : -1;
}

static int is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

char *revid_slug(const char *message)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "");
	if (!message)
		return sb_detach(&sb);
	const unsigned char *p = (const unsigned char *)message;
	while (*p) {
		if (!is_word(*p)) {
			p++;
			continue;
		}
		if (sb.len)
			sb_addc(&sb, '_');
		while (*p && is_word(*p)) {
			unsigned char c = *p++;
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			sb_addc(&sb, (char)c);
		}
	}
	/* Length in code points: count bytes that do not continue a sequence. */
	size_t chars = 0, cut = sb.len;
	for (size_t i = 0; i < sb.len; i++) {
		if (((unsigned char)sb.buf[i] & 0xC0) == 0x80)
			continue;
		if (chars == 40) {
			cut = i;
			break;
		}
		chars++;
	}
	if (cut < sb.len) {
		sb.buf[cut] = '\0';
		sb.len = cut;
		char *us = strrchr(sb.buf, '_');
		if (us) {
			*us = '\0';
			sb.len = (size_t)(us - sb.buf);
		}
		sb_addc(&sb, '_');
	}
	return sb_detach(&sb);
}

char *revid_filename(const char *id, const char *message, time_t when)
{
	struct tm tm;
	localtime_r(&when, &tm);
	char *slug = revid_slug(message);
	char *name = xasprintf("%04d-%02d-%02d_%s_%s.py", tm.tm_year + 1900,
			       tm.tm_mon + 1, tm.tm_mday, id, slug);
	free(slug);
	return name;
}

void revid_date_text(const struct timespec *when, char out[32])
{
	struct tm tm;
	localtime_r(&when->tv_sec, &tm);
	unsigned usec = (unsigned)((when->tv_nsec / 1000) % 1000000);
	int year = (tm.tm_year + 1900) % 10000;
	unsigned mon = (unsigned)(tm.tm_mon + 1) % 100, day = (unsigned)tm.tm_mday % 100;
	unsigned h = (unsigned)tm.tm_hour % 100, m = (unsigned)tm.tm_min % 100;
	unsigned s = (unsigned)tm.tm_sec % 100;
	if (usec)
		snprintf(out, 32, "%04d-%02u-%02u %02u:%02u:%02u.%06u", year, mon, day, h, m, s, usec);
	else
		snprintf(out, 32, "%04d-%02u-%02u %02u:%02u:%02u", year, mon, day, h, m, s);
}
