/* shellquote.h - quoting for a POSIX shell: the one place that turns a word
 * into text a person can paste into sh/bash/zsh as that same word. */
#ifndef WFO_SHELLQUOTE_H
#define WFO_SHELLQUOTE_H

#include "util.h"

/* Appends s to out as one shell word: unchanged when it holds only
 * characters that are safe unquoted (letters, digits, and _-./:@%+=,),
 * otherwise inside single quotes, each ' written as '\''. The empty
 * string becomes ''. */
void shell_quote(struct strbuf *out, const char *s);

#endif
