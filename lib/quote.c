/*
 * Quotations and speakers.  Double quotation marks are paired over the
 * whole document (a paragraph that opens a quotation without closing it
 * goes on into the next one when that one opens with a mark); single
 * marks inside are nested quotes and stay part of the quotation.  The
 * speaker is read from the words around the marks by the patterns of
 * news writing, then resolved to an ent KEY where the stream has them.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "quote.h"
#include "tok.h"

/* How far into a sentence subject() looks: far past any real one. */
#define SUBJ_SCAN	300

extern const char data_speech[];
extern const unsigned long data_speech_len;

/* word classes from data/speech.txt */
enum {
	W_NONE = 0, W_VERB, W_ING, W_SKIP, W_WHEN, W_PREP, W_PRON, W_DET,
	W_TITLE, W_SPOKES, W_ORG, W_STOP
};

/* a quotation mark's direction */
enum { M_OPEN = 1, M_CLOSE, M_EITHER };

struct mark {
	size_t	sent;
	size_t	tok;
	int	dir;
};

/* a noun phrase: tokens [a, b) of sentence s */
struct np {
	size_t	s, a, b;
};

struct qpriv {
	struct tokvec	*tv;		/* per sentence, filled on demand */
	unsigned char	*done;
	size_t		 cap;
	struct mark	*m;
	size_t		 nm, capm;
	size_t		 lastname, lastnamelen;	/* last named speaker in buf */
	int		 havename;
	int		 single;	/* no double marks: single ones quote */
};

static const struct lexicon	*speech;

static int	 add_quote(struct quote_doc *, const struct mark *, size_t,
		    size_t);
static size_t	 orig(const struct quote_sent *, size_t);
static int	 speaker(struct quote_doc *, struct quote *, size_t, size_t,
		    size_t, size_t);

static const struct tokvec *
toks(struct quote_doc *d, size_t i)
{
	struct qpriv *p = d->priv;

	if (!p->done[i]) {
		p->tv[i].n = 0;
		if (tokenize(d->sent[i].text, d->sent[i].len, &p->tv[i]) == -1)
			p->tv[i].n = 0;
		p->done[i] = 1;
	}
	return &p->tv[i];
}

/* The class of a word token, from data/speech.txt; *val its value. */
static int
wclass(const char *s, const struct token *t, const char **val)
{
	char low[24];
	const char *v;
	size_t i, n = t->end - t->start;

	if (val != NULL)
		*val = "";
	if (t->type != TOK_WORD || n >= sizeof(low))
		return W_NONE;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[t->start + i];

		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if ((v = lex_get(speech, low, n)) == NULL)
		return W_NONE;
	if (val != NULL) {
		const char *tab = strchr(v, '\t');

		*val = tab ? tab + 1 : "";
	}
	switch (v[0]) {
	case 'v':
		return W_VERB;
	case 'i':
		return W_ING;
	case 's':
		return v[1] == 'k' ? W_SKIP : v[1] == 'p' ? W_SPOKES : W_STOP;
	case 'w':
		return W_WHEN;
	case 'p':
		return v[2] == 'e' ? W_PREP : W_PRON;
	case 'd':
		return W_DET;
	case 't':
		return W_TITLE;
	case 'o':
		return W_ORG;
	}
	return W_NONE;
}

static int
word_is(const char *s, const struct token *t, const char *w)
{
	size_t i, n = strlen(w);

	if (t->end - t->start != n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[t->start + i];

		if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

static int
is_punct(const char *s, const struct token *t, char c)
{
	return t->type == TOK_PUNCT && t->end - t->start == 1 &&
	    s[t->start] == c;
}

/* A double quotation mark token?  Single marks are apostrophes or nested. */
static int
is_dquote(const char *s, const struct token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->start;
	size_t n = t->end - t->start;

	if (t->type != TOK_QUOTE)
		return 0;
	if (n == 1)
		return p[0] == '"';
	if (n == 2)
		return (p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb)) ||
		    (p[0] == '`' && p[1] == '`') ||
		    (p[0] == '\'' && p[1] == '\'');
	return n == 3 && p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0x9c || p[2] == 0x9d || p[2] == 0x9e || p[2] == 0x9f);
}

/* Does the text hold a double quotation mark at all? */
static int
has_dquote(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	for (; p < e; p++)
		switch (*p) {
		case '"':
		case '`':
			return 1;
		case 0xc2:
			if (p + 1 < e && (p[1] == 0xab || p[1] == 0xbb))
				return 1;
			break;
		case 0xe2:
			if (p + 2 < e && p[1] == 0x80 && p[2] >= 0x9c &&
			    p[2] <= 0x9f)
				return 1;
			break;
		}
	return 0;
}

/* A single quotation mark token: ' ‘ ’ */
static int
is_squote(const char *s, const struct token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->start;
	size_t n = t->end - t->start;

	if (t->type != TOK_QUOTE)
		return 0;
	if (n == 1)
		return p[0] == '\'';
	return n == 3 && p[0] == 0xe2 && p[1] == 0x80 &&
	    (p[2] == 0x98 || p[2] == 0x99);
}

static int
has_squote(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;

	for (; p < e; p++)
		if (*p == '\'' || (*p == 0xe2 && p + 2 < e && p[1] == 0x80 &&
		    (p[2] == 0x98 || p[2] == 0x99)))
			return 1;
	return 0;
}

/* The document's quotation marks: double ones, or single where none. */
static int
is_mark(const struct quote_doc *d, const char *s, const struct token *t)
{
	return ((const struct qpriv *)d->priv)->single ? is_squote(s, t) :
	    is_dquote(s, t);
}

static int
has_mark(const struct quote_doc *d, const char *s, size_t n)
{
	return ((const struct qpriv *)d->priv)->single ? has_squote(s, n) :
	    has_dquote(s, n);
}

/* Is byte c white space or the edge of the text (-1)? */
static int
edge(int c)
{
	return c < 0 || c == ' ';
}

/* Which way a mark faces: from its glyph, its neighbours overruling. */
static int
mark_dir(const char *s, size_t n, const struct token *t)
{
	const unsigned char *p = (const unsigned char *)s + t->start;
	int before = t->start > 0 ? (unsigned char)s[t->start - 1] : -1;
	int after = t->end < n ? (unsigned char)s[t->end] : -1;
	int glyph = M_EITHER, openside, closeside;

	if (t->end - t->start == 3)
		glyph = p[2] == 0x9d || p[2] == 0x99 ? M_CLOSE : M_OPEN;
	else if (p[0] == 0xc2)
		glyph = p[1] == 0xab ? M_OPEN : M_CLOSE;
	else if (p[0] == '`')
		glyph = M_OPEN;
	else if (p[0] == '\'')
		glyph = M_CLOSE;
	/* open: space or a bracket before, a word after */
	openside = (edge(before) || before == '(' || before == '[' ||
	    before == '/' || before == 0x94) && !edge(after);
	closeside = !edge(before) && before != '(' && before != '[' &&
	    (edge(after) || strchr(",.;:!?)]-", after) != NULL ||
	    after == 0xe2);
	/* the workers' union: an apostrophe */
	if (glyph != M_OPEN && (p[0] == '\'' || (t->end - t->start == 3 &&
	    p[2] == 0x99)) && before == 's' &&
	    after == ' ' && t->end + 1 < n && s[t->end + 1] >= 'a' &&
	    s[t->end + 1] <= 'z')
		return 0;
	if (glyph == M_EITHER) {
		if (openside && !closeside)
			return M_OPEN;
		if (closeside && !openside)
			return M_CLOSE;
		/* "—" before: a dash glued to the mark */
		if (before == 0x94 || before == 0x93)
			return M_OPEN;
		return M_EITHER;
	}
	/* a curly mark set the wrong way round */
	if (glyph == M_CLOSE && openside && !closeside && edge(before))
		return M_OPEN;
	if (glyph == M_OPEN && closeside && !openside && !edge(before) &&
	    edge(after))
		return M_CLOSE;
	return glyph;
}

static int
priv_init(struct quote_doc *d)
{
	struct qpriv *p = d->priv;
	size_t i;

	if (speech == NULL &&
	    (speech = lex_load(data_speech, data_speech_len)) == NULL)
		return -1;
	if (p == NULL) {
		if ((p = calloc(1, sizeof(*p))) == NULL)
			return -1;
		d->priv = p;
	}
	if (d->nsent > p->cap) {
		size_t nc = d->nsent * 2;
		struct tokvec *ntv;
		unsigned char *nd;

		if ((ntv = reallocarray(p->tv, nc, sizeof(*ntv))) == NULL)
			return -1;
		p->tv = ntv;
		memset(p->tv + p->cap, 0, (nc - p->cap) * sizeof(*ntv));
		if ((nd = realloc(p->done, nc)) == NULL)
			return -1;
		p->done = nd;
		p->cap = nc;
	}
	for (i = 0; i < d->nsent; i++)
		p->done[i] = 0;
	p->nm = 0;
	p->havename = 0;
	return 0;
}

/* Does sentence i begin a paragraph?  Sentences in one are 1 byte apart. */
static int
para_start(const struct quote_doc *d, size_t i)
{
	return i == 0 || d->sent[i].start > d->sent[i - 1].end + 1;
}

/*
 * Find the quotations of the document and their speakers.  Returns the
 * number found, or -1 when out of memory.
 */
int
quote_find(struct quote_doc *d)
{
	struct mark open;
	size_t i, k;
	int isopen = 0;

	d->nq = 0;
	d->buflen = 0;
	if (priv_init(d) == -1)
		return -1;
	((struct qpriv *)d->priv)->single = 0;
	for (i = 0; i < d->nsent; i++)
		if (has_dquote(d->sent[i].text, d->sent[i].len))
			break;
	if (i == d->nsent)
		((struct qpriv *)d->priv)->single = 1;
	for (i = 0; i < d->nsent; i++) {
		const struct quote_sent *s = &d->sent[i];
		const struct tokvec *tv;
		size_t first = 0;

		if (isopen && para_start(d, i)) {
			/* a paragraph that left a quotation open */
			tv = has_mark(d, s->text, s->len) ? toks(d, i) : NULL;
			if (tv != NULL && tv->n > 0 &&
			    is_mark(d, s->text, &tv->v[0]) &&
			    mark_dir(s->text, s->len, &tv->v[0]) != M_CLOSE)
				first = 1;
			else {
				if (add_quote(d, &open, i - 1,
				    d->sent[i - 1].len) == -1)
					return -1;
				isopen = 0;
			}
		}
		if (!has_mark(d, s->text, s->len))
			continue;
		tv = toks(d, i);
		for (k = first; k < tv->n; k++) {
			int dir;

			if (!is_mark(d, s->text, &tv->v[k]))
				continue;
			if ((dir = mark_dir(s->text, s->len, &tv->v[k])) == 0)
				continue;
			if (!isopen) {
				if (dir == M_CLOSE)
					continue;	/* a stray closing mark */
				open.sent = i;
				open.tok = k;
				open.dir = dir;
				isopen = 1;
			} else if (dir == M_OPEN && !(open.sent == i &&
			    open.tok + 1 == k)) {
				/* never closed: it ends before this one */
				if (k > 0) {
					if (add_quote(d, &open, i,
					    tv->v[k - 1].end) == -1)
						return -1;
				} else if (i > 0 && add_quote(d, &open, i - 1,
				    d->sent[i - 1].len) == -1)
					return -1;
				open.sent = i;
				open.tok = k;
			} else {
				if (add_quote(d, &open, i, tv->v[k].end) == -1)
					return -1;
				isopen = 0;
			}
		}
	}
	if (isopen && d->nsent > 0 && add_quote(d, &open, d->nsent - 1,
	    d->sent[d->nsent - 1].len) == -1)
		return -1;
	return (int)d->nq;
}

/* The token index in sentence i that ends at byte e (or the last one). */
static size_t
tok_ending(const struct tokvec *tv, size_t e)
{
	size_t lo = 0, hi = tv->n, mid;

	/* tokens run forward: a search, not a walk back from the end */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tv->v[mid].end <= e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 ? lo - 1 : 0;
}

/* A title in quotation marks: a few words, each significant one capitalised. */
static int
title_like(struct quote_doc *d, const struct quote *q, size_t k0, size_t k1)
{
	const struct tokvec *tv = toks(d, q->sent);
	const char *s = d->sent[q->sent].text;
	size_t k, words = 0;

	if (q->last != q->sent || k1 <= k0 + 1)
		return 0;
	for (k = k0 + 1; k < k1; k++) {
		const struct token *t = &tv->v[k];

		if (t->type == TOK_PUNCT) {
			/* a sentence inside: speech, not a title */
			if (k + 1 < k1 && (s[t->start] == '.' ||
			    s[t->start] == '?' || s[t->start] == '!'))
				return 0;
			if (s[t->start] == ',' && k + 1 < k1)
				return 0;
			continue;
		}
		if (t->type != TOK_WORD && t->type != TOK_NUM)
			continue;
		words++;
		if (words == 1 && !(t->flags & TF_CAP) && t->type == TOK_WORD)
			return 0;
		if (t->type == TOK_WORD && !(t->flags & TF_CAP) &&
		    t->end - t->start > 4)
			return 0;
		if (t->type == TOK_WORD && !(t->flags & TF_CAP) &&
		    !word_is(s, t, "of") && !word_is(s, t, "the") &&
		    !word_is(s, t, "and") && !word_is(s, t, "a") &&
		    !word_is(s, t, "an") && !word_is(s, t, "for") &&
		    !word_is(s, t, "in") && !word_is(s, t, "on") &&
		    !word_is(s, t, "to") && !word_is(s, t, "at") &&
		    !word_is(s, t, "or") && !word_is(s, t, "with") &&
		    !word_is(s, t, "from") && !word_is(s, t, "by"))
			return 0;
	}
	return words > 0 && words <= 12;
}

static int
add_quote(struct quote_doc *d, const struct mark *m, size_t last, size_t p1)
{
	const struct tokvec *tv = toks(d, m->sent);
	struct quote *q;
	size_t k1;

	if (d->nq == d->capq) {
		size_t nc = d->capq ? d->capq * 2 : 32;
		struct quote *nq;

		if ((nq = reallocarray(d->q, nc, sizeof(*nq))) == NULL)
			return -1;
		d->q = nq;
		d->capq = nc;
	}
	q = &d->q[d->nq];
	memset(q, 0, sizeof(*q));
	q->sent = m->sent;
	q->last = last;
	q->p0 = tv->v[m->tok].start;
	q->p1 = p1;
	if (q->last == q->sent && q->p1 <= tv->v[m->tok].end)
		return 0;		/* nothing inside */
	q->start = orig(&d->sent[q->sent], q->p0);
	q->end = orig(&d->sent[q->last], q->p1);
	if (q->end < q->start)
		q->end = q->start;	/* sentences out of order: no span */
	k1 = tok_ending(toks(d, last), p1);
	if (speaker(d, q, m->sent, m->tok, last, k1) == -1)
		return -1;
	if (!q->tagged && title_like(d, q, m->tok, k1))
		return 0;		/* a title, not speech */
	d->nq++;
	return 0;
}

/* The original offset of byte pos of a sentence's TEXT. */
static size_t
orig(const struct quote_sent *s, size_t pos)
{
	size_t i, off = s->start + pos;

	for (i = 0; i < s->nfold && s->fpos[i] < pos; i++)
		off += s->flen[i] - 1;
	if (off > s->end && s->end >= s->start)
		off = s->end;
	return off;
}

static int
buf_add(struct quote_doc *d, const char *s, size_t n)
{
	if (d->buflen + n + 1 > d->bufcap) {
		size_t nc = (d->buflen + n + 1) * 2;
		char *nb;

		if ((nb = realloc(d->buf, nc)) == NULL)
			return -1;
		d->buf = nb;
		d->bufcap = nc;
	}
	memcpy(d->buf + d->buflen, s, n);
	d->buflen += n;
	return 0;
}

static int
is_word(const struct token *t)
{
	return t->type == TOK_WORD;
}

static int
is_cap(const struct token *t)
{
	return t->type == TOK_WORD && (t->flags & TF_CAP);
}

/* Skip back over a time or place phrase ending at k ("on Monday"). */
static size_t
skip_when(const char *s, const struct tokvec *tv, size_t lo, size_t k)
{
	size_t j;

	if (wclass(s, &tv->v[k], NULL) != W_WHEN)
		return k;
	for (j = k; j > lo && k - j < 6; j--)
		if (wclass(s, &tv->v[j - 1], NULL) == W_PREP)
			return j - 1 > lo ? j - 2 : lo;
	/* AP style: "Smith Monday said" */
	if (is_cap(&tv->v[k]) && k > lo)
		return k - 1;
	return k;
}

/*
 * The noun phrase whose last word comes before token v of sentence s:
 * "Denise Okafor", "the company", "a spokesperson for the ministry",
 * "he"; skips adverbs, time phrases and an appositive set off by commas.
 */
static int
np_before(struct quote_doc *d, size_t si, size_t lo, size_t v, struct np *np)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t k, j, n;
	int c, again = 4;

	if (v <= lo)
		return 0;
	k = v - 1;
	while (again-- > 0) {
		c = wclass(s, &tv->v[k], NULL);
		if ((c == W_SKIP || word_is(s, &tv->v[k], "not") ||
		    (tv->v[k].type == TOK_WORD && !(tv->v[k].flags & TF_CAP) &&
		    tv->v[k].end - tv->v[k].start > 4 &&
		    memcmp(s + tv->v[k].end - 2, "ly", 2) == 0)) && k > lo) {
			k--;
			again++;
			continue;
		}
		if (tv->v[k].type == TOK_CLITIC && k > lo) {
			k--;	/* "he'd said" */
			continue;
		}
		if ((j = skip_when(s, tv, lo, k)) != k) {
			k = j;
			continue;
		}
		if (is_punct(s, &tv->v[k], ')')) {
			/* Smith (R-Ohio) said */
			for (j = k; j > lo && k - j < 8; j--)
				if (is_punct(s, &tv->v[j - 1], '('))
					break;
			if (j > lo + 1 && k - j < 8) {
				k = j - 2;
				continue;
			}
			return 0;
		}
		if (is_punct(s, &tv->v[k], ',') || tv->v[k].type == TOK_DASH) {
			/* X, the mayor of Y, said: the phrase set off is
			 * an appositive unless it starts with a name */
			for (j = k; j > lo && k - j < 20; j--)
				if (is_punct(s, &tv->v[j - 1], ',') ||
				    tv->v[j - 1].type == TOK_DASH ||
				    tv->v[j - 1].type == TOK_QUOTE)
					break;
			if (k - j >= 20 || j + 1 > k)
				return 0;
			if (j > lo && is_cap(&tv->v[j]) &&
			    wclass(s, &tv->v[j], NULL) != W_DET &&
			    tv->v[j - 1].type != TOK_QUOTE) {
				k = k - 1;	/* Gov. John Kasich (R-OH), said */
				again++;
				continue;
			}
			if (j > lo + 1 && tv->v[j - 1].type != TOK_QUOTE) {
				k = j - 2;
				continue;
			}
			return 0;
		}
		break;
	}
	if (k < lo)
		return 0;
	c = wclass(s, &tv->v[k], NULL);
	if (c == W_PRON) {
		np->s = si;
		np->a = k;
		np->b = k + 1;
		return 1;
	}
	if (is_cap(&tv->v[k]) || (tv->v[k].type == TOK_WORD &&
	    (tv->v[k].flags & TF_ALLCAP))) {
		j = k;
		while (j > lo) {
			const struct token *t = &tv->v[j - 1];

			if (is_cap(t) || (t->flags & TF_INITIAL))
				j--;
			else if (j - 1 > lo && is_cap(&tv->v[j - 2]) &&
			    (word_is(s, t, "of") || word_is(s, t, "de") ||
			    word_is(s, t, "for") || word_is(s, t, "and") ||
			    t->type == TOK_CLITIC))
				j--;
			else
				break;
		}
		/* "a spokesperson for Harrow Rail" */
		if (j >= lo + 2 && (word_is(s, &tv->v[j - 1], "for") ||
		    word_is(s, &tv->v[j - 1], "of") ||
		    word_is(s, &tv->v[j - 1], "at")) &&
		    wclass(s, &tv->v[j - 2], NULL) == W_SPOKES) {
			j -= 2;
			if (j > lo && wclass(s, &tv->v[j - 1], NULL) == W_DET)
				j--;
		}
		np->s = si;
		np->a = j;
		np->b = k + 1;
		return 1;
	}
	if (!is_word(&tv->v[k]) || c == W_STOP || c == W_VERB || c == W_ING ||
	    (tv->v[k].end - tv->v[k].start > 4 &&
	    memcmp(s + tv->v[k].end - 3, "ing", 3) == 0))
		return 0;
	/* a common noun phrase, read back to its determiner */
	j = k;
	n = 0;
	while (j > lo && n < 8) {
		const struct token *t = &tv->v[j - 1];
		int tc = wclass(s, t, NULL);

		if (wclass(s, &tv->v[j], NULL) == W_DET && !(j - 1 > lo &&
		    (word_is(s, t, "for") || word_is(s, t, "of") ||
		    word_is(s, t, "at"))))
			break;
		if (t->type == TOK_CLITIC || (t->type == TOK_WORD &&
		    tc != W_STOP && tc != W_VERB && tc != W_ING &&
		    tc != W_PRON))
			j--;
		else
			break;
		n++;
	}
	/* "in the past": a phrase after a preposition is no subject */
	if (j > lo && (wclass(s, &tv->v[j - 1], NULL) == W_PREP ||
	    word_is(s, &tv->v[j - 1], "of") || word_is(s, &tv->v[j - 1], "with") ||
	    word_is(s, &tv->v[j - 1], "from") || word_is(s, &tv->v[j - 1], "by") ||
	    word_is(s, &tv->v[j - 1], "to") || word_is(s, &tv->v[j - 1], "for")))
		return 0;
	np->s = si;
	np->a = j;
	np->b = k + 1;
	return 1;
}

/* The noun phrase right after token v: "said Paul Lindqvist, who ..." */
static int
np_after(struct quote_doc *d, size_t si, size_t v, size_t hi, struct np *np)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t k = v + 1, e;
	int c;

	if (k >= hi)
		return 0;
	c = wclass(s, &tv->v[k], NULL);
	if (c == W_PRON) {
		np->s = si;
		np->a = k;
		np->b = k + 1;
		return 1;
	}
	if (!is_word(&tv->v[k]) || c == W_STOP || c == W_VERB || c == W_PREP)
		return 0;
	for (e = k; e < hi && e - k < 10; e++) {
		const struct token *t = &tv->v[e];
		int tc = wclass(s, t, NULL);

		if (t->type == TOK_CLITIC || (t->flags & TF_INITIAL))
			continue;
		if (t->type != TOK_WORD)
			break;
		if (tc == W_STOP || tc == W_VERB || tc == W_ING ||
		    tc == W_PRON || (tc == W_PREP && !word_is(s, t, "at")))
			break;
		if (!is_cap(t) && tc != W_DET && tc != W_SPOKES &&
		    !word_is(s, t, "for") && !word_is(s, t, "of") &&
		    !word_is(s, t, "at") && e + 1 < hi &&
		    !is_word(&tv->v[e + 1]))
			{ e++; break; }
	}
	while (e > k && !is_word(&tv->v[e - 1]) &&
	    tv->v[e - 1].type != TOK_CLITIC)
		e--;
	/* "of", "for", "at" left at the end belong to what follows */
	while (e > k && (word_is(s, &tv->v[e - 1], "of") ||
	    word_is(s, &tv->v[e - 1], "for") || word_is(s, &tv->v[e - 1], "at") ||
	    wclass(s, &tv->v[e - 1], NULL) == W_DET))
		e--;
	if (e == k)
		return 0;
	np->s = si;
	np->a = k;
	np->b = e;
	return 1;
}

static const struct quote_ent *
ent_at(const struct quote_doc *d, size_t si, size_t st, size_t en, int type)
{
	const struct quote_sent *s = &d->sent[si];
	const struct quote_ent *best = NULL;
	size_t i;

	for (i = s->ent0; i < s->ent0 + s->nent; i++) {
		const struct quote_ent *e = &d->ent[i];

		if (e->end <= st || e->start >= en)
			continue;
		if (type != QE_OTHER && e->type != type)
			continue;
		if (best == NULL || e->type == QE_PER || e->end > best->end)
			best = e;
	}
	return best;
}

/* The last entity of a type mentioned before offset off of sentence si. */
static const struct quote_ent *
ent_last(const struct quote_doc *d, size_t si, size_t off, int type,
    const char *head, size_t headlen)
{
	size_t i, j;

	for (i = si + 1; i-- > 0; ) {
		const struct quote_sent *s = &d->sent[i];

		for (j = s->ent0 + s->nent; j-- > s->ent0; ) {
			const struct quote_ent *e = &d->ent[j];

			if (i == si && e->start >= off)
				continue;
			if (e->type != type)
				continue;
			if (head != NULL && memmem(e->key, e->keylen, head,
			    headlen) == NULL)
				continue;
			return e;
		}
	}
	return NULL;
}

/* Set q's speaker to s[0..n). */
static int
set_speaker(struct quote_doc *d, struct quote *q, const char *s, size_t n)
{
	size_t off = d->buflen;

	if (buf_add(d, s, n) == -1)
		return -1;
	q->spk = off;
	q->spklen = n;
	return 0;
}

/* Where the words of a phrase ending with token b - 1 end: "said Al." */
static size_t
words_end(const char *s, const struct tokvec *tv, size_t b)
{
	static const char *keep[] = { "inc.", "corp.", "co.", "ltd.", "jr.",
	    "sr.", "bros.", "llc.", "plc." };
	const struct token *t = &tv->v[b - 1];
	size_t i;

	if (b != tv->n || t->end - t->start < 3 || s[t->end - 1] != '.' ||
	    (t->flags & TF_INITIAL) || memchr(s + t->start, '.',
	    t->end - t->start - 1) != NULL)
		return t->end;
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (word_is(s, t, keep[i]))
			return t->end;
	return t->end - 1;
}

/* Drop sentence openers and titles before a name: tokens [*a, *b). */
static void
trim_np(struct quote_doc *d, size_t si, size_t *ap, size_t *bp)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t a = *ap, b = *bp;

	while (b - a > 1) {
		const struct token *t = &tv->v[a];
		int tc = wclass(s, t, NULL);

		if ((t->flags & TF_CAP) && ((tc == W_DET && is_cap(&tv->v[a + 1]))
		    || tc == W_STOP ||
		    tc == W_SKIP || (tc == W_NONE && a == 0 &&
		    lex_get(lex_starters(), s + t->start, t->end - t->start)
		    != NULL && wclass(s, &tv->v[a + 1], NULL) != W_NONE)))
			a++;
		else if (tc == W_TITLE && is_cap(&tv->v[a + 1]))
			a++;
		else if (a == 0 && (t->flags & TF_CAP) && b - a > 1 &&
		    lex_get(lex_starters(), s + t->start, t->end - t->start)
		    != NULL && is_cap(&tv->v[a + 1]) && tc != W_DET)
			a++;	/* "But Smith" */
		else
			break;
	}
	*ap = a;
	*bp = b;
}

static int	sentence_speaker(struct quote_doc *, size_t, struct np *);

/* The person a he or she refers to, from the sentences before si. */
static int
person_before(struct quote_doc *d, struct quote *q, size_t si)
{
	struct qpriv *p = d->priv;
	const struct quote_ent *e;
	struct np np;
	size_t i, j, a, b;

	for (i = si; i-- > 0 && si - i <= 3; ) {
		for (j = d->nq; j-- > 0; )
			if (d->q[j].last == i && d->q[j].spklen > 0) {
				q->spk = d->q[j].spk;
				q->spklen = d->q[j].spklen;
				return 1;
			}
		if (sentence_speaker(d, i, &np)) {
			const struct tokvec *tv = toks(d, i);

			a = np.a;
			b = np.b;
			trim_np(d, i, &a, &b);
			if (is_cap(&tv->v[b - 1]) && d->nent > 0 &&
			    (e = ent_at(d, i, orig(&d->sent[i], tv->v[a].start),
			    orig(&d->sent[i], tv->v[b - 1].end), QE_PER)) != NULL &&
			    set_speaker(d, q, e->key, e->keylen) == 0)
				return 1;
			if (is_cap(&tv->v[b - 1]) && d->nent == 0 && set_speaker(d, q,
			    d->sent[i].text + tv->v[a].start, words_end(
			    d->sent[i].text, tv, b) - tv->v[a].start) == 0)
				return 1;
		}
	}
	if (p->havename && d->nent == 0) {
		q->spk = p->lastname;
		q->spklen = p->lastnamelen;
		return 1;
	}
	return 0;
}

/*
 * Turn a noun phrase into the speaker: an entity KEY where one fits,
 * else its words, titles and sentence openers dropped.
 */
static int
resolve(struct quote_doc *d, struct quote *q, const struct np *np)
{
	struct qpriv *p = d->priv;
	const struct tokvec *tv = toks(d, np->s);
	const struct quote_sent *st = &d->sent[np->s];
	const char *s = st->text;
	const struct quote_ent *e;
	const char *val;
	size_t a = np->a, b = np->b, k;
	int c = wclass(s, &tv->v[a], &val);

	if (b == a + 1 && c == W_PRON) {
		if (val[0] == 'm' || val[0] == 'f') {
			e = ent_last(d, np->s, orig(st, tv->v[a].start),
			    QE_PER, NULL, 0);
			if (person_before(d, q, np->s))
				return 0;
			if (e != NULL)
				return set_speaker(d, q, e->key, e->keylen);
		} else if (val[0] == 'n' && (e = ent_last(d, np->s,
		    orig(st, tv->v[a].start), QE_ORG, NULL, 0)) != NULL)
			return set_speaker(d, q, e->key, e->keylen);
		return set_speaker(d, q, s + tv->v[a].start,
		    tv->v[a].end - tv->v[a].start);
	}
	/* "a spokesperson for X" is X; "X spokeswoman Y" is Y */
	for (k = a; k < b; k++)
		if (wclass(s, &tv->v[k], NULL) == W_SPOKES) {
			if (k + 2 < b && (word_is(s, &tv->v[k + 1], "for") ||
			    word_is(s, &tv->v[k + 1], "of") ||
			    word_is(s, &tv->v[k + 1], "at"))) {
				a = k + 2;
				break;
			}
			if (k + 1 < b && is_cap(&tv->v[k + 1])) {
				a = k + 1;
				break;
			}
			if (k > a && k + 1 == b) {
				b = k;	/* "the company's spokesman" */
				if (b > a && tv->v[b - 1].type == TOK_CLITIC)
					b--;
				break;
			}
		}
	trim_np(d, np->s, &a, &b);
	/* an entity in the phrase */
	if (d->nent > 0) {
		size_t os = orig(st, tv->v[a].start), oe = orig(st,
		    tv->v[b - 1].end);

		if ((e = ent_at(d, np->s, os, oe, QE_OTHER)) != NULL)
			return set_speaker(d, q, e->key, e->keylen);
		c = wclass(s, &tv->v[b - 1], NULL);
		if (c == W_ORG && !is_cap(&tv->v[b - 1])) {
			/* "the ministry": the last ORG with that head */
			char head[32];
			size_t hl = tv->v[b - 1].end - tv->v[b - 1].start;

			if (hl < sizeof(head)) {
				memcpy(head, s + tv->v[b - 1].start, hl);
				if (head[0] >= 'a' && head[0] <= 'z')
					head[0] -= 32;
				e = ent_last(d, np->s, os, QE_ORG, head, hl);
				if (e == NULL && (word_is(s, &tv->v[b - 1],
				    "company") || word_is(s, &tv->v[b - 1],
				    "firm") || word_is(s, &tv->v[b - 1],
				    "group") || word_is(s, &tv->v[b - 1],
				    "railroad") || word_is(s, &tv->v[b - 1],
				    "campaign")))
					e = ent_last(d, np->s, os, QE_ORG,
					    NULL, 0);
				if (e != NULL)
					return set_speaker(d, q, e->key,
					    e->keylen);
			}
		}
	}
	if (set_speaker(d, q, s + tv->v[a].start, words_end(s, tv, b) -
	    tv->v[a].start) == -1)
		return -1;
	if (is_cap(&tv->v[b - 1])) {
		p->lastname = q->spk;
		p->lastnamelen = q->spklen;
		p->havename = 1;
	}
	return 0;
}

/* The first speech verb in tokens [lo, hi) of sentence si. */
static size_t
find_verb(struct quote_doc *d, size_t si, size_t lo, size_t hi, int last,
    int *cls)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t k, found = (size_t)-1;

	for (k = lo; k < hi; k++) {
		int c = wclass(s, &tv->v[k], NULL);

		if (word_is(s, &tv->v[k], "according") && k + 1 < hi &&
		    word_is(s, &tv->v[k + 1], "to"))
			c = W_VERB + 100;
		if (c == W_VERB || c == W_ING || c == W_VERB + 100) {
			/* "a call" is no verb; a capitalised word is a name */
			if (k > 0 && wclass(s, &tv->v[k - 1], NULL) == W_DET)
				continue;
			if (k > 0 && (tv->v[k].flags & TF_CAP) &&
			    tv->v[k - 1].type != TOK_QUOTE)
				continue;
			*cls = c;
			found = k;
			if (!last)
				return k;
		}
	}
	return found;
}

/* Are tokens [a, b) all words: "the Zionist Union Party's" before a name? */
static int
words_only(const struct tokvec *tv, size_t a, size_t b)
{
	for (; a < b; a++)
		if (tv->v[a].type != TOK_WORD && tv->v[a].type != TOK_CLITIC)
			return 0;
	return 1;
}

/*
 * Past what may stand between a subject and its verb: "(R-Ohio)", an
 * appositive set off by commas, "on Wednesday", adverbs.
 */
static size_t
past_aside(const char *s, const struct tokvec *tv, size_t e, size_t hi)
{
	size_t f;
	int again = 4;

	while (e < hi && again-- > 0) {
		if (is_punct(s, &tv->v[e], '(')) {
			for (f = e + 1; f < hi && f - e < 8; f++)
				if (is_punct(s, &tv->v[f], ')'))
					break;
			if (f < hi && f - e < 8)
				e = f + 1;
			continue;
		}
		if (is_punct(s, &tv->v[e], ',') && e + 1 < hi &&
		    !is_cap(&tv->v[e + 1])) {
			for (f = e + 1; f < hi && f - e < 20; f++)
				if (is_punct(s, &tv->v[f], ','))
					break;
			if (f < hi && f - e < 20)
				e = f + 1;
			else
				return e;
			continue;
		}
		if (e + 1 < hi && wclass(s, &tv->v[e], NULL) == W_PREP &&
		    wclass(s, &tv->v[e + 1], NULL) == W_WHEN) {
			e += 2;
			continue;
		}
		if (wclass(s, &tv->v[e], NULL) == W_WHEN &&
		    (tv->v[e].flags & TF_CAP)) {
			e++;	/* "Smith Monday said" */
			continue;
		}
		break;
	}
	return e;
}

/* May a word follow a sentence's subject?  A verb, an auxiliary. */
static int
after_subject(const char *s, const struct token *t)
{
	static const char *aux[] = { "is", "was", "were", "are", "has", "had",
	    "have", "will", "would", "also", "did", "does", "can", "could",
	    "should", "may", "might", "must", "never", "then", "again",
	    "repeatedly", "later", "once", "previously", "recently", "often" };
	size_t i;
	int c;

	if (t->type == TOK_CLITIC)
		return 1;
	if (t->type != TOK_WORD || (t->flags & TF_CAP))
		return 0;
	c = wclass(s, t, NULL);
	if (c == W_NONE || c == W_VERB || c == W_ING)
		return !word_is(s, t, "of") && !word_is(s, t, "for") &&
		    !word_is(s, t, "with") && !word_is(s, t, "from") &&
		    !word_is(s, t, "by") && !word_is(s, t, "into") &&
		    !word_is(s, t, "to");
	for (i = 0; i < sizeof(aux) / sizeof(aux[0]); i++)
		if (word_is(s, t, aux[i]))
			return 1;
	return 0;
}

/*
 * The subject of sentence si before token hi: the first name or
 * pronoun that opens a clause and is followed by a verb ("In Iowa,
 * Smith thanked ...", "Speaking in Ohio, Smith went on ...").
 */
static int
subject(struct quote_doc *d, size_t si, size_t lo, size_t hi, struct np *np)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t k, e, n;
	int c0;

	/* "When Smith died, Jones said": past an opening clause */
	if (lo < hi && ((c0 = wclass(s, &tv->v[lo], NULL)) == W_STOP ||
	    c0 == W_PREP || word_is(s, &tv->v[lo], "after") ||
	    word_is(s, &tv->v[lo], "during") || word_is(s, &tv->v[lo],
	    "despite") || word_is(s, &tv->v[lo], "unlike") || (tv->v[lo].end -
	    tv->v[lo].start > 4 && memcmp(s + tv->v[lo].end - 3, "ing", 3) ==
	    0))) {
		for (k = lo + 1; k < hi && k - lo < 25; k++)
			if (is_punct(s, &tv->v[k], ','))
				break;
		if (k + 1 < hi && k - lo < 25)
			lo = k + 1;
	}
	/*
	 * A subject opens the sentence: past SUBJ_SCAN tokens there is none,
	 * and a sentence of many quotations is not read again for each
	 */
	if (hi - lo > SUBJ_SCAN)
		hi = lo + SUBJ_SCAN;
	for (k = lo; k < hi; k++) {
		const struct token *t = &tv->v[k];
		int c = wclass(s, t, NULL), open;
		size_t p = k;

		/* "the Wisconsin Republican": a determiner opens it */
		if (k > lo && wclass(s, &tv->v[k - 1], NULL) == W_DET &&
		    !word_is(s, &tv->v[k - 1], "his") &&
		    !word_is(s, &tv->v[k - 1], "her"))
			p = k - 1;
		open = p == lo || is_punct(s, &tv->v[p - 1], ',') ||
		    tv->v[p - 1].type == TOK_DASH ||
		    word_is(s, &tv->v[p - 1], "and") ||
		    word_is(s, &tv->v[p - 1], "but") ||
		    (p == lo + 1 && (tv->v[lo].flags & TF_CAP) &&
		    lex_get(lex_starters(), s + tv->v[lo].start,
		    tv->v[lo].end - tv->v[lo].start) != NULL);
		if (!open)
			continue;
		if (c == W_PRON && !word_is(s, t, "it") &&
		    !word_is(s, t, "you") && k + 1 < hi &&
		    after_subject(s, &tv->v[k + 1])) {
			np->s = si;
			np->a = k;
			np->b = k + 1;
			return 1;
		}
		if (!is_cap(t) || c == W_DET || c == W_STOP || c == W_PREP ||
		    c == W_ING || c == W_VERB)
			continue;
		if (k == 0 && lex_get(lex_starters(), s + t->start,
		    t->end - t->start) != NULL)
			continue;
		n = t->end - t->start;
		if (n > 3 && memcmp(s + t->end - 3, "ing", 3) == 0)
			continue;
		for (e = k + 1; e < hi; e++) {
			const struct token *u = &tv->v[e];

			if (is_cap(u) || (u->flags & TF_INITIAL))
				continue;
			if (e + 1 < hi && is_cap(&tv->v[e + 1]) &&
			    (word_is(s, u, "of") || word_is(s, u, "de")))
				continue;
			break;
		}
		np->s = si;
		np->a = k;
		np->b = e;
		e = past_aside(s, tv, e, hi);
		if (e < hi && after_subject(s, &tv->v[e]))
			return 1;
	}
	return 0;
}

/* The speaker for a speech verb at token v: its subject, or "said X". */
static int
verb_speaker(struct quote_doc *d, size_t si, size_t lo, size_t v, size_t hi,
    int cls, struct np *np)
{
	const struct tokvec *tv = toks(d, si);
	const char *s = d->sent[si].text;
	size_t k;

	if (cls == W_VERB + 100)
		return np_after(d, si, v + 1, hi, np);
	if (cls == W_ING) {
		/* "with Smith reportedly yelling" */
		if (v > lo && !is_punct(s, &tv->v[v - 1], ',') &&
		    np_before(d, si, lo, v, np) && (is_cap(&tv->v[np->b - 1]) ||
		    wclass(s, &tv->v[np->a], NULL) == W_PRON))
			return 1;
		return subject(d, si, 0, v, np);
	}
	if (v > lo && np_before(d, si, lo, v, np))
		return 1;
	/* "Beck, who has in the past described" */
	for (k = v; k > lo + 2 && v - k < 8; k--)
		if (word_is(s, &tv->v[k - 1], "who") &&
		    is_punct(s, &tv->v[k - 2], ',') && np_before(d, si, lo,
		    k - 2, np) && is_cap(&tv->v[np->b - 1]))
			return 1;
	/* "... and said": the subject of the sentence */
	if (v > lo && subject(d, si, 0, v, np))
		return 1;
	/* "said X" only right before the mark, or X right after the verb */
	if (np_after(d, si, v, hi, np) && (np->b >= hi - 1 || v == lo))
		return 1;
	return 0;
}

/* A speech verb and its speaker anywhere in sentence si. */
static int
sentence_speaker(struct quote_doc *d, size_t si, struct np *np)
{
	const struct tokvec *tv = toks(d, si);
	size_t v;
	int cls;

	if (tv->n == 0)
		return 0;
	if ((v = find_verb(d, si, 0, tv->n, 0, &cls)) != (size_t)-1 &&
	    verb_speaker(d, si, 0, v, tv->n, cls, np))
		return 1;
	return subject(d, si, 0, tv->n, np);
}

/* The next double mark in sentence si from token k, or tv->n. */
static size_t
next_mark(struct quote_doc *d, size_t si, size_t k)
{
	const struct tokvec *tv = toks(d, si);

	for (; k < tv->n; k++)
		if (is_mark(d, d->sent[si].text, &tv->v[k]))
			return k;
	return tv->n;
}

static size_t
prev_mark(struct quote_doc *d, size_t si, size_t k)
{
	const struct tokvec *tv = toks(d, si);

	while (k > 0) {
		k--;
		if (is_mark(d, d->sent[si].text, &tv->v[k]))
			return k + 1;
	}
	return 0;
}

/*
 * Find q's speaker: "...," X said / said X after the closing mark, X
 * said: "..." before the opening one, "according to X", the speaker of
 * a quotation before it in the sentence, the sentence's subject, else
 * the speaker of the sentence before for a quotation standing alone.
 */
static int
speaker(struct quote_doc *d, struct quote *q, size_t s0, size_t k0,
    size_t s1, size_t k1)
{
	const struct tokvec *tv1 = toks(d, s1), *tv0 = toks(d, s0);
	const char *t1 = d->sent[s1].text;
	struct np np;
	size_t v, hi, lo, i, start;
	int cls, inner = 0, closed;

	closed = k1 < tv1->n && is_mark(d, t1, &tv1->v[k1]) &&
	    tv1->v[k1].end == q->p1;
	/* "...," before the closing mark asks for a tag after it */
	if (closed && k1 > 0) {
		const struct token *t = &tv1->v[k1 - 1];

		/* through a nested mark: ...,'" */
		if (t->type == TOK_QUOTE && k1 > 1)
			t--;
		inner = t->type == TOK_PUNCT && (t1[t->start] == ',' ||
		    t1[t->start] == '?' || t1[t->start] == '!');
		inner |= t->type == TOK_DASH;
	}
	if (closed && k1 + 1 < tv1->n) {
		hi = next_mark(d, s1, k1 + 1);
		start = k1 + 1;
		if (start < hi && (is_punct(t1, &tv1->v[start], ',') ||
		    tv1->v[start].type == TOK_DASH))
			start++;
		if (hi > start + 14)
			hi = start + 14;
		v = find_verb(d, s1, start, hi, 0, &cls);
		q->tagged = 1;
		if (v == start && cls != W_ING) {
			if (cls == W_VERB + 100)
				v++;
			if (np_after(d, s1, v, next_mark(d, s1, k1 + 1), &np))
				return resolve(d, q, &np);
		} else if (v != (size_t)-1 && cls != W_ING &&
		    np_before(d, s1, start, v, &np) && (np.a == start ||
		    ((inner || v <= start + 3) && words_only(tv1, start, np.a))))
			return resolve(d, q, &np);
		q->tagged = 0;
		/* "...," Smith barked */
		if (inner && start < tv1->n && subject(d, s1, start, start + 1 <
		    hi ? start + 1 : hi, &np) && np.a == start)
			return resolve(d, q, &np);
	}
	/* before the opening mark */
	lo = prev_mark(d, s0, k0);
	if ((v = find_verb(d, s0, lo, k0, 1, &cls)) != (size_t)-1 &&
	    verb_speaker(d, s0, lo, v, k0, cls, &np)) {
		/* the verb right before the mark: X said: "..." */
		q->tagged = v + 1 == k0 || (v + 2 == k0 &&
		    tv0->v[k0 - 1].type == TOK_PUNCT) || (v + 2 == k0 &&
		    word_is(d->sent[s0].text, &tv0->v[k0 - 1], "that"));
		return resolve(d, q, &np);
	}
	/* "Carl Bialik: "..."" */
	if (k0 >= 2 && is_punct(d->sent[s0].text, &tv0->v[k0 - 1], ':') &&
	    (is_cap(&tv0->v[k0 - 2]) || tv0->v[k0 - 2].type == TOK_WORD) &&
	    np_before(d, s0, lo, k0 - 1, &np) && is_cap(&tv0->v[np.b - 1])) {
		q->tagged = 1;
		return resolve(d, q, &np);
	}
	/* a quotation before it in the sentence */
	for (i = d->nq; i-- > 0; ) {
		const struct quote *pq = &d->q[i];

		if (pq->last != s0)
			break;
		if (pq->spklen > 0) {
			q->spk = pq->spk;
			q->spklen = pq->spklen;
			return 0;
		}
	}
	if (k0 > 1 && subject(d, s0, 0, k0, &np))
		return resolve(d, q, &np);
	/* "..." by itself: the speaker of the sentence or quote before */
	if (k0 <= 1 && s0 > 0) {
		for (i = d->nq; i-- > 0; ) {
			const struct quote *pq = &d->q[i];

			if (pq->last + 1 < s0)
				break;
			if (pq->spklen > 0) {
				q->spk = pq->spk;
				q->spklen = pq->spklen;
				return 0;
			}
		}
		if (toks(d, s0 - 1)->n > 0 && (v = find_verb(d, s0 - 1, 0,
		    toks(d, s0 - 1)->n, 0, &cls)) != (size_t)-1 &&
		    verb_speaker(d, s0 - 1, 0, v, toks(d, s0 - 1)->n, cls, &np))
			return resolve(d, q, &np);
		for (i = d->nq; i-- > 0; ) {
			const struct quote *pq = &d->q[i];

			if (pq->last + 2 < s0)
				break;
			if (pq->spklen > 0) {
				q->spk = pq->spk;
				q->spklen = pq->spklen;
				return 0;
			}
		}
		if (sentence_speaker(d, s0 - 1, &np))
			return resolve(d, q, &np);
	}
	return 0;
}

/* Copy q's TEXT (sentences joined by a space) into buf; its length. */
size_t
quote_text(const struct quote_doc *d, const struct quote *q, char *buf,
    size_t cap)
{
	size_t i, o = 0;

	for (i = q->sent; i <= q->last; i++) {
		const struct quote_sent *s = &d->sent[i];
		size_t a = i == q->sent ? q->p0 : 0;
		size_t b = i == q->last ? q->p1 : s->len;

		if (i > q->sent && o < cap && s->start > d->sent[i - 1].end)
			buf[o++] = ' ';
		if (b > a) {
			size_t n = b - a < cap - o ? b - a : cap - o;

			memcpy(buf + o, s->text + a, n);
			o += n;
		}
	}
	return o;
}

void
quote_free(struct quote_doc *d)
{
	struct qpriv *p = d->priv;
	size_t i;

	if (p != NULL) {
		for (i = 0; i < p->cap; i++)
			tokvec_free(&p->tv[i]);
		free(p->tv);
		free(p->done);
		free(p->m);
		free(p);
	}
	free(d->q);
	free(d->buf);
	d->priv = NULL;
	d->q = NULL;
	d->buf = NULL;
	d->nq = d->capq = d->buflen = d->bufcap = 0;
}
