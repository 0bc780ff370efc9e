/* tui.c - the terminal (see tui.h): open/restore, signals, keys from the
 * terminal or a key script, theme, glyphs, text output, screen dump. */
#include "config.h"
#include "tui.h"

#include <curses.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "keyscript.h"
#include "util.h"

static struct {
	bool open, headless, utf8, ended;
	SCREEN *scr;
	FILE *out, *in;
	int attrs[UR_N];
	struct sigaction old_int, old_term, old_hup;
	char *saved_locale;
	FILE *dump;
	int ndumps;
} T;

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static const char *const glyphs_utf8[UG_N] = {
	[UG_HLINE] = "─", [UG_VLINE] = "│", [UG_STEP] = "▸", [UG_CHECK] = "✓", [UG_CROSS] = "✗",
	[UG_DOT] = "•", [UG_OPEN] = "▾", [UG_CLOSED] = "▸", [UG_WARN] = "⚠", [UG_ARROW] = "→",
	[UG_MINUS] = "−", [UG_ELLIPSIS] = "…", [UG_UP] = "↑", [UG_DOWN] = "↓", [UG_BAR_FULL] = "█",
	[UG_BAR_EMPTY] = "░", [UG_TL] = "┌", [UG_TR] = "┐", [UG_BL] = "└", [UG_BR] = "┘",
	[UG_MIDDOT] = "·",
};
static const char *const glyphs_ascii[UG_N] = {
	[UG_HLINE] = "-", [UG_VLINE] = "|", [UG_STEP] = ">", [UG_CHECK] = "+", [UG_CROSS] = "x",
	[UG_DOT] = "*", [UG_OPEN] = "v", [UG_CLOSED] = ">", [UG_WARN] = "!", [UG_ARROW] = "->",
	[UG_MINUS] = "-", [UG_ELLIPSIS] = "~", [UG_UP] = "Up", [UG_DOWN] = "Dn", [UG_BAR_FULL] = "#",
	[UG_BAR_EMPTY] = ".", [UG_TL] = "+", [UG_TR] = "+", [UG_BL] = "+", [UG_BR] = "+",
	[UG_MIDDOT] = "-",
};

bool ui_headless(void)
{
	const char *k = getenv("WFO_UI_KEYS");
	return k && *k;
}

bool ui_possible(void)
{
	if (ui_headless())
		return true;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	const char *term = getenv("TERM");
	if (!term || !*term || !strcmp(term, "dumb"))
		return false;
	int errret = 0;
	if (setupterm(NULL, STDOUT_FILENO, &errret) != OK)
		return false;
	del_curterm(cur_term);
	return true;
}

static void theme(void)
{
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && !(nc && *nc);
	int mono[UR_N] = {
		[UR_NORMAL] = A_NORMAL, [UR_TITLE] = A_BOLD, [UR_DIM] = A_DIM, [UR_BOLD] = A_BOLD,
		[UR_SELECTED] = A_REVERSE, [UR_CURRENT] = A_REVERSE | A_BOLD, [UR_DONE] = A_NORMAL,
		[UR_ERROR] = A_BOLD, [UR_WARN] = A_BOLD, [UR_OK] = A_NORMAL, [UR_FIELD] = A_UNDERLINE,
		[UR_KEY] = A_BOLD, [UR_MATCH] = A_STANDOUT | A_UNDERLINE, [UR_ADD] = A_NORMAL,
		[UR_DEL] = A_NORMAL, [UR_CHANGE] = A_NORMAL,
	};
	memcpy(T.attrs, mono, sizeof mono);
	if (!color)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_RED, -1);
	init_pair(2, COLOR_YELLOW, -1);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_CYAN, -1);
	T.attrs[UR_ERROR] = (int)(COLOR_PAIR(1) | A_BOLD);
	T.attrs[UR_DEL] = (int)COLOR_PAIR(1);
	T.attrs[UR_WARN] = (int)(COLOR_PAIR(2) | A_BOLD);
	T.attrs[UR_CHANGE] = (int)COLOR_PAIR(2);
	T.attrs[UR_OK] = (int)COLOR_PAIR(3);
	T.attrs[UR_ADD] = (int)COLOR_PAIR(3);
	T.attrs[UR_DONE] = (int)COLOR_PAIR(3);
	T.attrs[UR_KEY] = (int)(COLOR_PAIR(4) | A_BOLD);
}

static void size_from_env(void)
{
	const char *s = getenv("WFO_UI_SIZE");
	int c = 80, r = 24;
	if (s && sscanf(s, "%dx%d", &c, &r) != 2)
		c = 80, r = 24;
	resizeterm(r, c);
}

int ui_open(struct wfo_error *err)
{
	if (T.open)
		return 0;
	got_signal = 0;
	T.ended = false;
	const char *loc = setlocale(LC_CTYPE, NULL);
	T.saved_locale = xstrdup(loc ? loc : "C");
	if (!strcmp(T.saved_locale, "C") || !strcmp(T.saved_locale, "POSIX"))
		setlocale(LC_CTYPE, "");
	const char *ascii = getenv("WFO_UI_ASCII");
	T.utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8") && !(ascii && *ascii);
	T.headless = ui_headless();
	if (T.headless) {
		if (ks_load(getenv("WFO_UI_KEYS"), err) < 0)
			goto fail;
		T.out = fopen("/dev/null", "w");
		T.in = fopen("/dev/null", "r");
		const char *term = getenv("WFO_UI_TERM");
		if (T.out && T.in)
			T.scr = newterm(term && *term ? term : "xterm", T.out, T.in);
	} else {
		T.scr = newterm(NULL, stdout, stdin);
	}
	if (!T.scr) {
		const char *term = getenv("TERM");
		wfo_fail(err, WFO_INTERNAL, "cannot open the terminal for the full-screen wizard (TERM=%s); "
			 "use --no-tui for line prompts", term ? term : "(unset)");
		goto fail;
	}
	set_term(T.scr);
	T.open = true;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (T.headless)
		size_from_env();
	else
		wtimeout(stdscr, 100); /* poll the signal flag */
	theme();
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &T.old_int);
	sigaction(SIGTERM, &sa, &T.old_term);
	sigaction(SIGHUP, &sa, &T.old_hup);
	return 0;
fail:
	ks_free();
	if (T.out)
		fclose(T.out);
	if (T.in)
		fclose(T.in);
	T.out = T.in = NULL;
	setlocale(LC_CTYPE, T.saved_locale);
	free(T.saved_locale);
	T.saved_locale = NULL;
	return -1;
}

void ui_close(void)
{
	if (!T.open)
		return;
	curs_set(1);
	endwin();
	delscreen(T.scr);
	T.scr = NULL;
	sigaction(SIGINT, &T.old_int, NULL);
	sigaction(SIGTERM, &T.old_term, NULL);
	sigaction(SIGHUP, &T.old_hup, NULL);
	if (T.out)
		fclose(T.out);
	if (T.in)
		fclose(T.in);
	T.out = T.in = NULL;
	if (T.dump && T.dump != stderr)
		fclose(T.dump);
	T.dump = NULL;
	T.ndumps = 0;
	ks_free();
	setlocale(LC_CTYPE, T.saved_locale);
	free(T.saved_locale);
	T.saved_locale = NULL;
	T.open = false;
}

bool ui_interrupted(void)
{
	return got_signal != 0 || T.ended;
}

int ui_pending_signal(void)
{
	return got_signal;
}

void ui_take_signal(void)
{
	got_signal = 0;
}

static void dump_now(void)
{
	if (!T.dump) {
		const char *p = getenv("WFO_UI_DUMP");
		T.dump = p && *p ? fopen(p, "a") : NULL;
		if (!T.dump)
			T.dump = stderr;
	}
	fprintf(T.dump, "=== screen %d (%dx%d) ===\n", ++T.ndumps, COLS, LINES);
	ui_dump(T.dump);
	fflush(T.dump);
}

enum ui_event ui_getkey(struct ui_key *k)
{
	for (;;) {
		if (got_signal)
			return UE_INTERRUPT;
		if (T.headless) {
			struct ks_tok t;
			if (!ks_next(&t)) {
				T.ended = true;
				return UE_INTERRUPT;
			}
			switch (t.kind) {
			case KS_DUMP:
				dump_now();
				continue;
			case KS_RESIZE:
				resizeterm(t.b, t.a);
				return UE_RESIZE;
			case KS_SIGNAL:
				raise(t.a);
				continue;
			case KS_KEY:
				k->fn = t.fn;
				k->ch = t.ch;
				if (k->fn && k->ch == KEY_RESIZE)
					return UE_RESIZE;
				return UE_KEY;
			}
			continue;
		}
		wint_t wc;
		int r = wget_wch(stdscr, &wc);
		if (r == ERR)
			continue; /* timeout: look at the signal flag again */
		if (r == KEY_CODE_YES && wc == KEY_RESIZE)
			return UE_RESIZE;
		k->fn = r == KEY_CODE_YES;
		k->ch = wc;
		return UE_KEY;
	}
}

int ui_rows(void)
{
	return LINES;
}

int ui_cols(void)
{
	return COLS;
}

bool ui_utf8(void)
{
	return T.utf8;
}

int ui_attr(enum ui_role r)
{
	return T.attrs[r];
}

const char *ui_glyph(enum ui_glyph g)
{
	return T.utf8 ? glyphs_utf8[g] : glyphs_ascii[g];
}

size_t ui_utf8_seq(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] < 0x80 ? 1 : (u[0] >> 5) == 6 ? 2 : (u[0] >> 4) == 14 ? 3 : (u[0] >> 3) == 30 ? 4 : 1;
	for (size_t i = 1; i < n; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/* Decodes up to n bytes of s into wide characters that fit w columns. */
static size_t decode(const char *s, size_t n, int w, wchar_t *out, size_t cap, int *used)
{
	size_t k = 0;
	int cols = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < n && s[i] && k < cap;) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + i, n - i, &st);
		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			memset(&st, 0, sizeof st);
			wc = L'?';
			len = ui_utf8_seq(s + i);
		}
		int cw = wcwidth(wc);
		if (cw < 0 || wc < 32) {
			wc = L'?';
			cw = 1;
		}
		if (cols + cw > w)
			break;
		out[k++] = wc;
		cols += cw;
		i += len;
	}
	*used = cols;
	return k;
}

int ui_putn(int y, int x, int w, const char *s, size_t n, int a)
{
	if (w <= 0 || !s || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	wchar_t buf[512];
	int used;
	size_t k = decode(s, n, w, buf, sizeof buf / sizeof buf[0], &used);
	attrset((attr_t)a);
	mvaddnwstr(y, x, buf, (int)k);
	attrset(A_NORMAL);
	return used;
}

int ui_put(int y, int x, int w, const char *s, int a)
{
	return s ? ui_putn(y, x, w, s, strlen(s), a) : 0;
}

int ui_put_cut(int y, int x, int w, const char *s, int a)
{
	if (!s || w <= 0)
		return 0;
	if (ui_width(s) <= w)
		return ui_put(y, x, w, s, a);
	int used = ui_put(y, x, w - 1, s, a);
	return used + ui_put(y, x + used, 1, ui_glyph(UG_ELLIPSIS), a);
}

int ui_put_cut_left(int y, int x, int w, const char *s, int a)
{
	if (!s || w <= 0)
		return 0;
	if (ui_width(s) <= w)
		return ui_put(y, x, w, s, a);
	const char *p = s;
	while (*p && ui_width(p) > w - 1)
		p += ui_utf8_seq(p);
	int used = ui_put(y, x, 1, ui_glyph(UG_ELLIPSIS), a);
	return used + ui_put(y, x + used, w - used, p, a);
}

int ui_width(const char *s)
{
	int w = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0, n = strlen(s); i < n;) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + i, n - i, &st);
		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			memset(&st, 0, sizeof st);
			len = ui_utf8_seq(s + i);
			w++;
		} else {
			int cw = wcwidth(wc);
			w += cw < 0 ? 1 : cw;
		}
		i += len;
	}
	return w;
}

void ui_fill(int y, int x, int w, int a)
{
	if (y < 0 || y >= LINES || x >= COLS || w <= 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	mvwhline(stdscr, y, x, ' ' | (chtype)a, w);
}

void ui_hline(int y, int x, int w, int a)
{
	if (y < 0 || y >= LINES || x >= COLS || w <= 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	if (!T.utf8) {
		mvwhline(stdscr, y, x, '-' | (chtype)a, w);
		return;
	}
	cchar_t cc;
	wchar_t line[2] = { 0x2500, 0 };
	setcchar(&cc, line, (attr_t)a, 0, NULL);
	mvwhline_set(stdscr, y, x, &cc, w);
}

void ui_clear(void)
{
	erase();
}

void ui_cursor(int y, int x)
{
	if (y < 0) {
		curs_set(0);
		return;
	}
	move(y, x);
	curs_set(1);
}

void ui_repaint(void)
{
	clearok(curscr, TRUE);
}

void ui_flush(void)
{
	int y, x;
	getyx(stdscr, y, x);
	wnoutrefresh(stdscr);
	move(y, x);
	doupdate();
}

void ui_dump(FILE *fp)
{
	char line[4096];
	for (int y = 0; y < LINES; y++) {
		size_t len = 0, keep = 0;
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t at;
			short pair;
			if (mvwin_wch(stdscr, y, x, &cc) == ERR)
				break;
			getcchar(&cc, wch, &at, &pair, NULL);
			wchar_t c = wch[0] ? wch[0] : L' ';
			char mb[MB_LEN_MAX];
			mbstate_t st;
			memset(&st, 0, sizeof st);
			size_t n = wcrtomb(mb, c, &st);
			if (n == (size_t)-1) {
				mb[0] = '?';
				n = 1;
			}
			if (len + n >= sizeof line)
				break;
			memcpy(line + len, mb, n);
			len += n;
			if (c != L' ')
				keep = len;
			int cw = wcwidth(c);
			if (cw > 1)
				x += cw - 1;
		}
		fprintf(fp, "%.*s\n", (int)keep, line);
	}
}
