/*
 * Entity keys: one canonical name per real thing.  The rules, in the
 * order they apply (nentities(1), KEYS):
 *   1. the name as written, white space folded, a leading article and
 *      a trailing possessive stripped;
 *   2. general forms: "[U.S.] X Department" is "Department of X";
 *   3. the alias table (data/neralias.txt);
 *   4. an acronym defined in passing, "Federal Trade Commission (FTC)",
 *      takes the long form's key, in the document and later in the
 *      stream while only one long form has been seen for it;
 *   5. a person's surname (or any last words of the full name) takes the
 *      full name's key; an organisation's first words take the key of
 *      the fuller name seen before; a name in capitals takes the key of
 *      the same name in mixed case in the document;
 *   6. a person known by one word only is "WORD (person)", so that no
 *      person shares a key with an organisation.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lexicon.h"
#include "ner_int.h"
#include "nerkey.h"
#include "tok.h"
#include "utf8.h"

extern const char data_neralias[];
extern const unsigned long data_neralias_len;

#define STREAM_MAX	65536	/* entries the stream tables may hold */
#define NEAR		1000	/* mentions either side that rules 5 see */

/* A name to key map that forgets nothing but stops growing. */
struct smap {
	struct sent_ {
		uint64_t	 h;
		size_t		 koff, klen;	/* in the map's own text */
		int		 ambiguous;
	} *e;
	size_t		 mask, n;
	char		*text;
	size_t		 tlen, tcap;
};

struct nerkey {
	struct nerment	*m;
	size_t		 nm, capm;
	char		*text;		/* the keys of this document */
	size_t		 tlen, tcap;
	char		*low;		/* scratch */
	size_t		 lowcap;
	struct smap	 acr;		/* acronym -> key, the whole stream */
	struct smap	 sur;		/* surname -> person's key, ditto */
	struct smap	 dacr;		/* acronyms of this document */
	struct smap	 names;		/* lower-case name -> key, ditto */
	struct smap	 orgs;		/* an organisation's first word -> key */
	struct lexicon	*alias;
};

static int	add_text(struct nerkey *, const char *, size_t);
static int	reserve(struct nerkey *, size_t);

struct nerkey *
nerkey_new(void)
{
	struct nerkey *k;

	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	if ((k->alias = lex_load(data_neralias, data_neralias_len)) == NULL) {
		free(k);
		return NULL;
	}
	return k;
}

static void
smap_free(struct smap *s)
{
	free(s->e);
	free(s->text);
	memset(s, 0, sizeof(*s));
}

void
nerkey_free(struct nerkey *k)
{
	if (k == NULL)
		return;
	free(k->m);
	free(k->text);
	free(k->low);
	smap_free(&k->acr);
	smap_free(&k->sur);
	smap_free(&k->dacr);
	smap_free(&k->names);
	smap_free(&k->orgs);
	lex_free(k->alias);
	free(k);
}

const char *
nerkey_text(const struct nerkey *k)
{
	return k->text;
}

static struct sent_ *
smap_find(const struct smap *s, uint64_t h)
{
	size_t i;

	if (s->mask == 0)
		return NULL;
	for (i = h & s->mask; s->e[i].h != 0; i = (i + 1) & s->mask)
		if (s->e[i].h == h)
			return &s->e[i];
	return NULL;
}

/* Map h to key[0..n); a second, other key makes h ambiguous. */
static void
smap_put(struct smap *s, uint64_t h, const char *key, size_t n)
{
	struct sent_ *e;
	size_t i;

	if ((e = smap_find(s, h)) != NULL) {
		if (e->klen != n || memcmp(s->text + e->koff, key, n) != 0)
			e->ambiguous = 1;
		return;
	}
	if (s->n >= STREAM_MAX)
		return;
	if ((s->n + 1) * 2 > s->mask) {
		struct smap ns = *s;
		size_t j;

		ns.mask = s->mask ? s->mask * 2 + 1 : 255;
		if ((ns.e = calloc(ns.mask + 1, sizeof(*ns.e))) == NULL)
			return;		/* forget it: keys are a little worse */
		for (j = 0; s->mask && j <= s->mask; j++)
			if (s->e[j].h != 0) {
				for (i = s->e[j].h & ns.mask; ns.e[i].h != 0;
				    i = (i + 1) & ns.mask)
					;
				ns.e[i] = s->e[j];
			}
		free(s->e);
		*s = ns;
	}
	if (s->tlen + n > s->tcap) {
		size_t nc = (s->tlen + n) * 2 + 256;
		char *nt;

		if ((nt = realloc(s->text, nc)) == NULL)
			return;
		s->text = nt;
		s->tcap = nc;
	}
	for (i = h & s->mask; s->e[i].h != 0; i = (i + 1) & s->mask)
		;
	s->e[i].h = h;
	s->e[i].koff = s->tlen;
	s->e[i].klen = n;
	s->e[i].ambiguous = 0;
	memcpy(s->text + s->tlen, key, n);
	s->tlen += n;
	s->n++;
}

static void
smap_clear(struct smap *s)
{
	if (s->n > 0)
		memset(s->e, 0, (s->mask + 1) * sizeof(*s->e));
	s->n = 0;
	s->tlen = 0;
}

static int
reserve(struct nerkey *k, size_t n)
{
	if (k->tlen + n + 1 > k->tcap) {
		size_t nc = (k->tlen + n + 1) * 2;
		char *nt;

		if ((nt = realloc(k->text, nc)) == NULL)
			return -1;
		k->text = nt;
		k->tcap = nc;
	}
	return 0;
}

static int
add_text(struct nerkey *k, const char *s, size_t n)
{
	if (reserve(k, n) == -1)
		return -1;
	memcpy(k->text + k->tlen, s, n);
	k->tlen += n;
	return 0;
}

/* Lower-case copy of s[0..n) in k->low; returns its length. */
static size_t
lower(struct nerkey *k, const char *s, size_t n)
{
	if (n * 2 + 8 > k->lowcap) {
		char *nl;

		if ((nl = realloc(k->low, n * 2 + 64)) == NULL)
			return 0;
		k->low = nl;
		k->lowcap = n * 2 + 64;
	}
	return utf8_lower(k->low, k->lowcap, s, n);
}

static uint64_t
hash_lower(struct nerkey *k, const char *s, size_t n)
{
	size_t l = lower(k, s, n);

	return hash_bytes(k->low, l) | 1;
}

static int
word_is(const struct ner_tok *t, const char *w)
{
	size_t i, n = strlen(w);

	if (t->len != n)
		return 0;
	for (i = 0; i < n; i++)
		if ((t->s[i] | 0x20) != w[i])
			return 0;
	return 1;
}

/* The gazetteer classes of token t (its final period dropped). */
static const char *
gaz_of(struct nerkey *k, const struct ner_tok *t)
{
	size_t n = t->len;

	if (n > 1 && t->s[n - 1] == '.')
		n--;
	n = lower(k, t->s, n);
	return lex_get(ner_gaz(), k->low, n);
}

/* Is t a title before a name: Mr., President, Mayor? */
static int
is_title(struct nerkey *k, const struct ner_tok *t)
{
	const char *v = gaz_of(k, t);

	return v != NULL && strchr(v, 't') != NULL;
}

/* The name's tokens [*f, *l] without articles and possessives. */
static int
trim(const struct ner_doc *d, size_t *f, size_t *l)
{
	while (*f < *l && (word_is(&d->tok[*f], "the") ||
	    word_is(&d->tok[*f], "a") || word_is(&d->tok[*f], "an")))
		(*f)++;
	while (*l > *f && (d->tok[*l].type == TOK_CLITIC ||
	    d->tok[*l].type == TOK_QUOTE))
		(*l)--;
	return d->tok[*l].type != TOK_CLITIC && d->tok[*l].type != TOK_QUOTE;
}

/* Append tokens [f, l] joined by single spaces to the key text. */
static void
add_words(struct nerkey *k, const struct ner_doc *d, size_t f, size_t l)
{
	size_t i;

	for (i = f; i <= l; i++) {
		if (i > f && (d->tok[i].flags & TF_SPACE))
			add_text(k, " ", 1);
		add_text(k, d->tok[i].s, d->tok[i].len);
	}
}

/* Is token t an acronym: 2 to 8 capitals, maybe with periods or &? */
static int
acronym(const struct ner_tok *t)
{
	size_t i, caps = 0;

	if (t->type != TOK_WORD || t->len < 2 || t->len > 12)
		return 0;
	for (i = 0; i < t->len; i++) {
		char c = t->s[i];

		if (c >= 'A' && c <= 'Z')
			caps++;
		else if (c != '.' && c != '&' && c != '-')
			return 0;
	}
	return caps >= 2 && caps <= 8;
}

/*
 * Do the capitals of acronym a stand for the words [f, l]?  Its letters
 * must be, in order, initials of the words (of their hyphened parts),
 * the first letter the first word's.
 */
static int
stands_for(const struct ner_doc *d, const struct ner_tok *a, size_t f,
    size_t l)
{
	char init[64];
	size_t ni = 0, i, j, k = 0;

	for (i = f; i <= l && ni < sizeof(init); i++) {
		const struct ner_tok *t = &d->tok[i];

		if (t->type != TOK_WORD)
			continue;
		init[ni++] = (char)(t->s[0] | 0x20);
		for (j = 1; j + 1 < t->len && ni < sizeof(init); j++)
			if (t->s[j] == '-')
				init[ni++] = (char)(t->s[j + 1] | 0x20);
	}
	for (i = 0; i < a->len; i++) {
		char c = a->s[i];

		if (c < 'A' || c > 'Z')
			continue;
		c |= 0x20;
		if (k == 0 && (ni == 0 || init[0] != c))
			return 0;
		while (k < ni && init[k] != c)
			k++;
		if (k == ni)
			return 0;
		k++;
	}
	return 1;
}

/*
 * "[U.S.] X Department" and "[U.S.] Department of X" are "Department of
 * X"; "X Ministry" is "Ministry of X".  Writes the key and returns 1, or
 * returns 0 when the name has neither form.
 */
static int
general_form(struct nerkey *k, const struct ner_doc *d, size_t f, size_t l)
{
	size_t a = f;

	if (l - f >= 1 && (word_is(&d->tok[f], "u.s.") ||
	    word_is(&d->tok[f], "us") || word_is(&d->tok[f], "federal")))
		a = f + 1;
	else if (l - f >= 2 && word_is(&d->tok[f], "united") &&
	    word_is(&d->tok[f + 1], "states"))
		a = f + 2;
	if (l > a && (word_is(&d->tok[l], "department") ||
	    (a == f && word_is(&d->tok[l], "ministry")))) {
		add_text(k, word_is(&d->tok[l], "ministry") ? "Ministry of " :
		    "Department of ", word_is(&d->tok[l], "ministry") ? 12 : 14);
		add_words(k, d, a, l - 1);
		return 1;
	}
	if (a > f && l - a >= 2 && word_is(&d->tok[a], "department") &&
	    word_is(&d->tok[a + 1], "of")) {
		add_words(k, d, a, l);
		return 1;
	}
	return 0;
}

/* Point mention m at key text [off, off+len). */
static void
set_key(struct nerment *m, size_t off, size_t len)
{
	m->koff = off;
	m->klen = len;
}

static int
same_words(const struct ner_doc *d, size_t f1, size_t f2, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct ner_tok *a = &d->tok[f1 + i], *b = &d->tok[f2 + i];

		if (a->len != b->len || memcmp(a->s, b->s, a->len) != 0)
			return 0;
	}
	return 1;
}

/* Is mention i the last words of person j's longer name?  Take its key. */
static int
person_of(struct nerkey *k, const struct ner_doc *d, const size_t *nf,
    const size_t *nl, size_t i, size_t j)
{
	size_t cnt = nl[i] - nf[i] + 1;

	if (k->m[j].sp.type != 0 || nl[j] - nf[j] + 1 <= cnt ||
	    !same_words(d, nf[i], nl[j] - cnt + 1, cnt))
		return 0;
	k->m[i].koff = k->m[j].koff;
	k->m[i].klen = k->m[j].klen;
	return 1;
}

static int
all_caps(const struct ner_doc *d, size_t f, size_t l)
{
	size_t i;

	for (i = f; i <= l; i++)
		if ((d->tok[i].flags & TF_LOWER) || ((d->tok[i].flags &
		    TF_CAP) && !(d->tok[i].flags & TF_ALLCAP)))
			return 0;
	return 1;
}

size_t
nerkey_doc(struct nerkey *k, const struct ner_doc *d,
    const struct nerment **out)
{
	size_t si, i, j, n, nm0;
	size_t *nf, *nl;	/* trimmed name tokens of each mention */

	k->nm = 0;
	k->tlen = 0;
	smap_clear(&k->dacr);
	for (si = 0; si < d->nsent; si++) {
		n = ner_spans(d, si, NULL, 0);
		if (k->nm + n > k->capm) {
			struct nerment *nmv;

			k->capm = (k->nm + n) * 2;
			if ((nmv = reallocarray(k->m, k->capm,
			    sizeof(*k->m))) == NULL)
				abort();
			k->m = nmv;
		}
		{
			struct ner_span *sp = malloc((n ? n : 1) * sizeof(*sp));

			if (sp == NULL)
				abort();
			ner_spans(d, si, sp, n);
			for (i = 0; i < n; i++)
				k->m[k->nm++].sp = sp[i];
			free(sp);
		}
	}
	*out = k->m;
	if (k->nm == 0)
		return 0;
	nm0 = k->nm;
	if ((nf = calloc(nm0 * 2, sizeof(*nf))) == NULL)
		abort();
	nl = nf + nm0;

	/* rules 1 to 3, and acronyms defined in passing */
	for (i = 0; i < nm0; i++) {
		struct nerment *m = &k->m[i];
		size_t f = m->sp.first, l = m->sp.last, off = k->tlen;
		const char *v;

		/* a person's title is not part of the name */
		while (m->sp.type == 0 && f < l && is_title(k, &d->tok[f]))
			m->sp.first = ++f;
		if (!trim(d, &f, &l)) {
			f = m->sp.first;
			l = m->sp.last;
		}
		nf[i] = f;
		nl[i] = l;
		if (general_form(k, d, f, l)) {
			set_key(m, off, k->tlen - off);
			continue;
		}
		add_words(k, d, f, l);
		set_key(m, off, k->tlen - off);
		j = lower(k, k->text + off, k->tlen - off);
		if (m->sp.type != 0 && (v = lex_get(k->alias, k->low, j)) !=
		    NULL) {
			k->tlen = off;
			add_text(k, v, strlen(v));
			set_key(m, off, k->tlen - off);
		}
		/* NAME ( ACRONYM ) */
		if (m->sp.type != 0 && l > f && l + 3 < d->ntok &&
		    d->tok[l + 1].len == 1 && d->tok[l + 1].s[0] == '(' &&
		    acronym(&d->tok[l + 2]) && d->tok[l + 3].len == 1 &&
		    d->tok[l + 3].s[0] == ')' &&
		    stands_for(d, &d->tok[l + 2], f, l)) {
			const struct ner_tok *a = &d->tok[l + 2];

			smap_put(&k->dacr, hash_bytes(a->s, a->len) | 1,
			    k->text + m->koff, m->klen);
			smap_put(&k->acr, hash_bytes(a->s, a->len) | 1,
			    k->text + m->koff, m->klen);
		}
	}

	/* rules 4 and 5 */
	for (i = 0; i < nm0; i++) {
		struct nerment *m = &k->m[i];
		size_t f = nf[i], l = nl[i], cnt = l - f + 1;
		/* the mentions looked at: all but in huge documents, where
		 * a search of all for each would take quadratic time */
		size_t lo = i > NEAR ? i - NEAR : 0;
		size_t hi = nm0 - i > NEAR ? i + NEAR + 1 : nm0;
		const struct sent_ *e;
		int done = 0;

		if (f == l && m->sp.type != 0 && acronym(&d->tok[f])) {
			uint64_t h = hash_bytes(d->tok[f].s, d->tok[f].len) | 1;

			if ((e = smap_find(&k->dacr, h)) != NULL ||
			    ((e = smap_find(&k->acr, h)) != NULL &&
			    !e->ambiguous)) {
				const struct smap *s = smap_find(&k->dacr, h) ?
				    &k->dacr : &k->acr;
				size_t off = k->tlen;

				add_text(k, s->text + e->koff, e->klen);
				set_key(m, off, e->klen);
				continue;
			}
		}
		if (m->sp.type == 0) {
			/* a person: the last words of a longer name, the
			 * nearest before, else the nearest after */
			for (j = i; j-- > lo && !done; )
				done = person_of(k, d, nf, nl, i, j);
			for (j = i + 1; j < hi && !done; j++)
				done = person_of(k, d, nf, nl, i, j);
		} else if (m->sp.type == 1) {
			/* an organisation: the first words of a longer one */
			for (j = i; j-- > lo && !done; ) {
				size_t c2 = nl[j] - nf[j] + 1;

				if (k->m[j].sp.type != 1 || c2 <= cnt)
					continue;
				if (same_words(d, f, nf[j], cnt)) {
					m->koff = k->m[j].koff;
					m->klen = k->m[j].klen;
					done = 1;
				}
			}
		}
		if (!done && m->sp.type == 1 && cnt == 1 &&
		    gaz_of(k, &d->tok[f]) == NULL &&
		    (e = smap_find(&k->orgs, hash_bytes(d->tok[f].s,
		    d->tok[f].len) | 1)) != NULL && !e->ambiguous) {
			/* the first word of an organisation named before */
			size_t off = k->tlen;

			add_text(k, k->orgs.text + e->koff, e->klen);
			set_key(m, off, e->klen);
			continue;
		}
		if (done || !all_caps(d, f, l) || (cnt == 1 &&
		    acronym(&d->tok[f])))
			continue;
		/* in capitals: the same name in mixed case */
		for (j = lo; j < hi; j++) {
			size_t c2 = nl[j] - nf[j] + 1, x;

			if (j == i || c2 != cnt || k->m[j].sp.type !=
			    m->sp.type || all_caps(d, nf[j], nl[j]))
				continue;
			for (x = 0; x < cnt; x++) {
				const struct ner_tok *a = &d->tok[f + x];
				const struct ner_tok *b = &d->tok[nf[j] + x];

				if (a->hl != b->hl)
					break;
			}
			if (x == cnt) {
				m->koff = k->m[j].koff;
				m->klen = k->m[j].klen;
				break;
			}
		}
		if (j == hi && (e = smap_find(&k->names, hash_lower(k,
		    k->text + m->koff, m->klen))) != NULL && !e->ambiguous) {
			/* or in mixed case earlier in the stream */
			size_t off = k->tlen;

			add_text(k, k->names.text + e->koff, e->klen);
			set_key(m, off, e->klen);
		}
	}

	/* what the stream remembers: names in mixed case, organisations */
	for (i = 0; i < nm0; i++) {
		const struct nerment *m = &k->m[i];
		size_t f = nf[i];

		if (all_caps(d, f, nl[i]))
			continue;
		smap_put(&k->names, hash_lower(k, k->text + m->koff, m->klen),
		    k->text + m->koff, m->klen);
		if (m->sp.type == 1 && nl[i] > f &&
		    (d->tok[f].flags & TF_CAP) &&
		    !(d->tok[f].flags & TF_ALLCAP) &&
		    gaz_of(k, &d->tok[f]) == NULL)
			smap_put(&k->orgs, hash_bytes(d->tok[f].s,
			    d->tok[f].len) | 1, k->text + m->koff, m->klen);
	}

	/* rule 6, and what the stream remembers about people */
	for (i = 0; i < nm0; i++) {
		struct nerment *m = &k->m[i];
		const char *key;
		const struct sent_ *e;
		uint64_t h;

		if (m->sp.type != 0)
			continue;
		/* room for the longest key this step may add */
		if (reserve(k, m->klen + 9) == -1)
			continue;
		key = k->text + m->koff;
		if (memchr(key, ' ', m->klen) != NULL) {
			/* a full name: its surname, for later documents */
			const char *sp = key + m->klen;

			while (sp > key && sp[-1] != ' ')
				sp--;
			smap_put(&k->sur, hash_lower(k, sp, (size_t)(key +
			    m->klen - sp)), key, m->klen);
			continue;
		}
		h = hash_lower(k, key, m->klen);
		if ((e = smap_find(&k->sur, h)) != NULL && !e->ambiguous) {
			size_t off = k->tlen;

			add_text(k, k->sur.text + e->koff, e->klen);
			set_key(m, off, e->klen);
		} else {
			size_t off = k->tlen;

			add_text(k, key, m->klen);
			add_text(k, " (person)", 9);
			set_key(m, off, k->tlen - off);
		}
	}
	free(nf);
	*out = k->m;
	return k->nm;
}
