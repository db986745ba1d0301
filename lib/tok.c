/*
 * Tokenizer.  One pass, no allocation per token; ASCII takes a table
 * lookup, other code points go through utf8_decode() and utf8proc.
 */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "tok.h"
#include "utf8.h"

#define C_SPACE	0x01
#define C_ALPHA	0x02
#define C_DIGIT	0x04
#define C_UPPER	0x08
#define C_JOIN	0x10	/* may join two word parts: - . ' & _ / : , @ */

static unsigned char ctab[128];

static void
ctab_init(void)
{
	int c;

	if (ctab['a'] != 0)
		return;
	for (c = 0; c < 128; c++) {
		unsigned char k = 0;

		if (c == ' ' || (c >= '\t' && c <= '\r'))
			k |= C_SPACE;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			k |= C_ALPHA;
		if (c >= 'A' && c <= 'Z')
			k |= C_UPPER;
		if (c >= '0' && c <= '9')
			k |= C_DIGIT;
		if (strchr("-.'&_/:,@", c) != NULL && c != 0)
			k |= C_JOIN;
		ctab[c] = k;
	}
}

/* Class of the code point at s[i]: its C_ bits, and its length. */
static unsigned
cclass(const char *s, size_t n, size_t i, size_t *len, int32_t *cpp)
{
	unsigned char c = (unsigned char)s[i];
	int32_t cp;
	unsigned k = 0;

	if (c < 0x80) {
		*len = 1;
		if (cpp != NULL)
			*cpp = c;
		return ctab[c];
	}
	*len = utf8_decode(s + i, n - i, &cp);
	if (cpp != NULL)
		*cpp = cp;
	if (cp < 0)
		return 0;
	if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011)	/* ’ ‐ ‑ */
		return C_JOIN;
	if (uc_isalpha(cp))
		k |= C_ALPHA;
	if (uc_isupper(cp))
		k |= C_UPPER;
	if (uc_isdigit(cp))
		k |= C_DIGIT;
	if (uc_isspace(cp))
		k |= C_SPACE;
	return k;
}

static int
isquote(int32_t cp)
{
	switch (cp) {
	case '"': case '\'': case '`':
	case 0x2018: case 0x2019: case 0x201a: case 0x201b:
	case 0x201c: case 0x201d: case 0x201e: case 0x201f:
	case 0x00ab: case 0x00bb: case 0x2039: case 0x203a:
		return 1;
	}
	return 0;
}

static int
isdash(int32_t cp)
{
	return cp == '-' || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
	    cp == 0x2015 || cp == 0x2212;
}

/* Does s[0..n), a word's letters with inner periods, look like U.S or e.g? */
int
is_multiperiod_abbrev(const char *s, size_t n)
{
	size_t i, seg = 0, dots = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.') {
			if (seg == 0 || seg > 3)
				return 0;
			seg = 0;
			dots++;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			seg++;
		else
			return 0;
	}
	return dots > 0 && seg > 0 && seg <= 3;
}

/* The abbreviation class of a word (its final period not included). */
int
abbrev_class(const char *s, size_t n)
{
	char low[16];
	const char *v;
	size_t i;

	if (n == 0)
		return ABBR_NONE;
	if (n < sizeof(low)) {
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		if ((v = lex_get(lex_abbrev(), low, n)) != NULL) {
			if (strcmp(v, "title") == 0)
				return ABBR_TITLE;
			if (strcmp(v, "inner") == 0)
				return ABBR_INNER;
			if (strcmp(v, "num") == 0)
				return ABBR_NUM;
			return ABBR_ANY;
		}
	}
	if (is_multiperiod_abbrev(s, n)) {
		/* e.g. i.e. et al. do not end sentences; U.S. may */
		if (n == 3 && (memcmp(low, "e.g", 3) == 0 ||
		    memcmp(low, "i.e", 3) == 0))
			return ABBR_INNER;
		return ABBR_ANY;
	}
	return ABBR_NONE;
}

static size_t
skip_space(const char *s, size_t n, size_t i, unsigned short *flags)
{
	int nl = 0;

	while (i < n) {
		size_t len;
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (!(ctab[c] & C_SPACE))
				break;
			if (c == '\n')
				nl++;
			*flags |= TF_SPACE;
			i++;
			continue;
		}
		if (!(cclass(s, n, i, &len, NULL) & C_SPACE))
			break;
		*flags |= TF_SPACE;
		i += len;
	}
	if (nl > 0)
		*flags |= TF_NL;
	if (nl > 1)
		*flags |= TF_PARA;
	return i;
}

static int
hasprefix_ci(const char *s, size_t n, const char *p)
{
	size_t i, m = strlen(p);

	if (n < m)
		return 0;
	for (i = 0; i < m; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)p[i])
			return 0;
	}
	return 1;
}

/* A URL's end: the run of non-space, less trailing punctuation. */
static size_t
url_end(const char *s, size_t n, size_t i)
{
	size_t e = i, open = 0, close = 0, k;

	while (e < n && !((unsigned char)s[e] < 0x80 &&
	    (ctab[(unsigned char)s[e]] & C_SPACE)) && s[e] != '"' &&
	    s[e] != '<' && s[e] != '>')
		e++;
	for (k = i; k < e; k++) {
		open += s[k] == '(';
		close += s[k] == ')';
	}
	while (e > i) {
		unsigned char c = (unsigned char)s[e - 1];

		if (c == ')' && close > open) {
			close--;
			e--;
		} else if (strchr(".,;:!?'", c) != NULL && c != 0)
			e--;
		else if (c >= 0x80 && e - i >= 3 &&
		    (unsigned char)s[e - 3] == 0xe2 &&
		    (unsigned char)s[e - 2] == 0x80 &&
		    (c == 0x9d || c == 0x99))	/* ” ’ */
			e -= 3;
		else
			break;
	}
	return e;
}

/* Clitic length at the end of the word s[a..e): 's n't 're 've 'll 'd 'm */
static size_t
clitic_len(const char *s, size_t a, size_t e)
{
	static const char *cl[] = { "s", "re", "ve", "ll", "d", "m" };
	size_t i, k, m;

	for (i = 0; i < sizeof(cl) / sizeof(cl[0]); i++) {
		m = strlen(cl[i]);
		if (e - a < m + 2)
			continue;
		for (k = 0; k < m; k++)
			if ((s[e - m + k] | 0x20) != cl[i][k])
				break;
		if (k < m)
			continue;
		if (s[e - m - 1] == '\'')
			return m + 1;
		if (e - a >= m + 4 && (unsigned char)s[e - m - 3] == 0xe2 &&
		    (unsigned char)s[e - m - 2] == 0x80 &&
		    (unsigned char)s[e - m - 1] == 0x99)
			return m + 3;
	}
	/* n't */
	if (e - a >= 4 && (s[e - 1] | 0x20) == 't' && s[e - 2] == '\'' &&
	    (s[e - 3] | 0x20) == 'n')
		return 3;
	if (e - a >= 6 && (s[e - 1] | 0x20) == 't' &&
	    (unsigned char)s[e - 2] == 0x99 && (unsigned char)s[e - 3] == 0x80 &&
	    (unsigned char)s[e - 4] == 0xe2 && (s[e - 5] | 0x20) == 'n')
		return 5;
	return 0;
}

/*
 * The token that starts at or after pos.  Returns the offset after it;
 * t->type is TOK_END when only white space is left.
 */
size_t
tok_next(const char *s, size_t n, size_t pos, struct token *t)
{
	size_t i, len, e, k;
	unsigned cl, prevcl;
	int32_t cp;
	int alpha = 0, upper = 0, lower = 0, digit = 0, bad = 0, first = 1;
	int onlynum = 1, at = 0;

	ctab_init();
	t->flags = 0;
	i = skip_space(s, n, pos, &t->flags);
	t->start = i;
	if (i >= n) {
		t->type = TOK_END;
		t->end = n;
		return n;
	}
	if (hasprefix_ci(s + i, n - i, "http://") ||
	    hasprefix_ci(s + i, n - i, "https://") ||
	    (hasprefix_ci(s + i, n - i, "www.") && i + 4 < n &&
	    (ctab[(unsigned char)s[i + 4] & 0x7f] & C_ALPHA))) {
		t->type = TOK_URL;
		t->end = url_end(s, n, i);
		return t->end;
	}
	cl = cclass(s, n, i, &len, &cp);
	if (cl & (C_ALPHA | C_DIGIT)) {
		/* a run of letters and digits, joined by single joiners */
		e = i;
		prevcl = 0;
		while (e < n) {
			cl = cclass(s, n, e, &len, &cp);
			if (cl & (C_ALPHA | C_DIGIT)) {
				if (cl & C_ALPHA) {
					alpha = 1;
					onlynum = 0;
					if (cl & C_UPPER) {
						upper = 1;
						if (first)
							t->flags |= TF_CAP;
					} else {
						lower = 1;
						if (first)
							t->flags |= TF_LOWER;
					}
				} else
					digit = 1;
				first = 0;
				prevcl = cl;
				e += len;
				continue;
			}
			if (cp < 0 && (unsigned char)s[e] >= 0x80) {
				/* a bad byte inside a word stays in it */
				bad = 1;
				onlynum = 0;
				e += 1;
				continue;
			}
			if (!(cl & C_JOIN) || e + len >= n)
				break;
			{
				size_t nlen;
				int32_t ncp;
				unsigned ncl = cclass(s, n, e + len, &nlen, &ncp);
				char j = s[e];

				if (!(ncl & (C_ALPHA | C_DIGIT)))
					break;
				/* , : / join digits only; @ only in addresses */
				if ((j == ',' || j == ':' || j == '/') &&
				    !((prevcl & C_DIGIT) && (ncl & C_DIGIT)))
					break;
				if (j == '@')
					at = 1;
				if (j != '.' && j != ',' && j != ':' &&
				    j != '/' && !(prevcl & C_DIGIT &&
				    ncl & C_DIGIT))
					onlynum = 0;
				if (j == '-' || j == '_' || j == '&' ||
				    j == '\'' || (unsigned char)j >= 0x80)
					onlynum = 0;
			}
			e += len;
		}
		t->end = e;
		if (at) {
			t->type = TOK_EMAIL;
			return e;
		}
		/* Boeing's -> Boeing 's; don't -> do n't */
		if (alpha && (k = clitic_len(s, i, e)) > 0 && e - i > k)
			t->end = e - k;
		else if ((s[i] | 0x20) == 'n' && clitic_len(s, i - (i > 0),
		    e) == e - i && e - i > 1) {
			t->type = TOK_CLITIC;	/* the n't of don't */
			return e;
		}
		t->type = digit && onlynum ? TOK_NUM : TOK_WORD;
		if (digit)
			t->flags |= TF_DIGIT;
		if (upper && !lower && alpha)
			t->flags |= TF_ALLCAP;
		if (bad)
			t->flags |= TF_BADUTF8;
		/* a period that belongs to the word: U.S. Mr. J. */
		if (t->end == e && e < n && s[e] == '.' && alpha &&
		    !(e + 1 < n && s[e + 1] == '.')) {
			int ac = abbrev_class(s + i, e - i);
			size_t nx = e + 1;
			unsigned short dummy = 0;

			nx = skip_space(s, n, nx, &dummy);
			if (ac == ABBR_NUM && !(nx < n &&
			    s[nx] >= '0' && s[nx] <= '9'))
				ac = ABBR_NONE;
			if (ac == ABBR_NONE && e - i <= 2 && upper &&
			    !lower && (e - i == 1 || !(cclass(s, n, i + 1,
			    &len, NULL) & C_ALPHA))) {
				/* an initial */
				t->flags |= TF_INITIAL;
				ac = ABBR_ANY;
			}
			if (ac != ABBR_NONE) {
				t->flags |= TF_ABBR;
				t->end = e + 1;
			}
		}
		return t->end;
	}
	/* the 's of Boeing's, split off above */
	if ((s[i] == '\'' || cp == 0x2019) && i > 0) {
		size_t clen;
		int32_t ccp;

		/* own variables: cp and len still describe s[i] below */
		e = i;
		while (e < n && (cclass(s, n, e, &clen, &ccp) & (C_ALPHA |
		    C_JOIN)) && !(ccp == '-' || ccp == '.' || ccp == ','))
			e += clen;
		if (e > i && clitic_len(s, i > 0 ? i - 1 : i, e) == e - i) {
			t->type = TOK_CLITIC;
			t->end = e;
			return e;
		}
	}
	if (cp >= 0 && isquote(cp)) {
		t->type = TOK_QUOTE;
		e = i + len;
		/* `` and '' are one quote each */
		if ((s[i] == '`' || s[i] == '\'') && e < n && s[e] == s[i])
			e++;
		t->end = e;
		return e;
	}
	if (cp >= 0 && isdash(cp)) {
		t->type = TOK_DASH;
		e = i + len;
		while (e < n && s[e] == '-')
			e++;
		t->end = e;
		return e;
	}
	t->type = TOK_PUNCT;
	e = i + len;
	if (cp < 0)
		t->flags |= TF_BADUTF8;
	else if (s[i] == '.' || s[i] == '!' || s[i] == '?') {
		/* ... and ?! are one mark */
		while (e < n && (s[e] == '.' || s[e] == '!' || s[e] == '?'))
			e++;
	}
	t->end = e;
	return e;
}

/* Append every token of s[0..n) to tv.  Returns -1 when out of memory. */
int
tokenize(const char *s, size_t n, struct tokvec *tv)
{
	size_t pos = 0;
	struct token t;

	for (;;) {
		pos = tok_next(s, n, pos, &t);
		if (t.type == TOK_END)
			return 0;
		if (tv->n == tv->cap) {
			size_t nc = tv->cap ? tv->cap * 2 : 256;
			struct token *nv;

			if ((nv = reallocarray(tv->v, nc, sizeof(*nv))) == NULL)
				return -1;
			tv->v = nv;
			tv->cap = nc;
		}
		tv->v[tv->n++] = t;
	}
}

void
tokvec_free(struct tokvec *tv)
{
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
}
