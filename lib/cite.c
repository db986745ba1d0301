/*
 * Citations: the facts of the input with the outlets behind each, the
 * report of each that is cited, conflicts between reports, and the
 * digests: cite records, Markdown, one HTML page, CSL-JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "date.h"
#include "dateline.h"
#include "hash.h"
#include "record.h"
#include "tok.h"
#include "utf8.h"

#define NONE	((size_t)-1)

static int
vec_grow(void **p, size_t *cap, size_t n, size_t size)
{
	size_t nc;
	void *np;

	if (n < *cap)
		return 0;
	nc = *cap ? *cap * 2 : 64;
	if ((np = reallocarray(*p, nc, size)) == NULL)
		return -1;
	*p = np;
	*cap = nc;
	return 0;
}

#define PUSH(cd, name) \
	(vec_grow((void **)&(cd)->name, &(cd)->cap##name, (cd)->n##name, \
	    sizeof(*(cd)->name)) == -1 ? NULL : \
	    memset(&(cd)->name[(cd)->n##name++], 0, sizeof(*(cd)->name)))

#define S(cd, cs)	((cd)->str + (cs).off)

int
cite_str(struct cite_data *cd, struct cite_str *cs, const char *s, size_t n)
{
	if (cd->strlen + n + 1 > cd->strcap) {
		size_t nc = cd->strcap ? cd->strcap : 1 << 16;
		char *ns;

		while (nc < cd->strlen + n + 1)
			nc *= 2;
		if ((ns = realloc(cd->str, nc)) == NULL)
			return -1;
		cd->str = ns;
		cd->strcap = nc;
	}
	memcpy(cd->str + cd->strlen, s, n);
	cs->off = cd->strlen;
	cs->len = n;
	cd->strlen += n;
	cd->str[cd->strlen++] = '\0';
	return 0;
}

size_t
cite_add_doc(struct cite_data *cd)
{
	struct cite_doc *d;

	if ((d = PUSH(cd, doc)) == NULL)
		abort();
	d->story = NONE;
	d->sent0 = cd->nsent;
	return cd->ndoc - 1;
}

size_t
cite_add_sent(struct cite_data *cd, size_t doc, size_t n)
{
	struct cite_sent *s;

	if ((s = PUSH(cd, sent)) == NULL)
		abort();
	s->doc = doc;
	s->n = n;
	s->time0 = cd->ntime;
	s->quoted = 0;
	if (cd->doc[doc].nsent == 0)
		cd->doc[doc].sent0 = cd->nsent - 1;
	cd->doc[doc].nsent++;
	return cd->nsent - 1;
}

int
cite_add_time(struct cite_data *cd, const char *v, size_t vl, const char *t,
    size_t tl, int date)
{
	struct cite_time *tm;
	struct cite_str a, b;

	if (cd->nsent == 0)
		return 0;
	if (cite_str(cd, &a, v, vl) == -1 || cite_str(cd, &b, t, tl) == -1)
		return -1;
	if ((tm = PUSH(cd, time)) == NULL)
		return -1;
	tm->value = a;
	tm->text = b;
	tm->date = date;
	cd->sent[cd->nsent - 1].ntime++;
	return 0;
}

int
cite_add_quote(struct cite_data *cd, size_t sent, const char *spk, size_t sl,
    const char *t, size_t tl)
{
	struct cite_quote *q;
	struct cite_str a, b;

	if (cite_str(cd, &a, spk, sl) == -1 || cite_str(cd, &b, t, tl) == -1)
		return -1;
	if ((q = PUSH(cd, quote)) == NULL)
		return -1;
	q->sent = sent;
	q->doc = cd->sent[sent].doc;
	if (cd->doc[q->doc].nquote++ == 0)
		cd->doc[q->doc].quote0 = cd->nquote - 1;
	q->speaker = a;
	q->text = b;
	return 0;
}

static int
rehash(struct cite_data *cd)
{
	size_t i, nc = cd->dochashcap ? cd->dochashcap * 2 : 256;
	size_t *nh;

	if ((nh = calloc(nc, sizeof(*nh))) == NULL)
		return -1;
	free(cd->dochash);
	cd->dochash = nh;
	cd->dochashcap = nc;
	for (i = 0; i < cd->ndoc; i++) {
		const struct cite_doc *d = &cd->doc[i];
		size_t h = hash_bytes(S(cd, d->id), d->id.len) & (nc - 1);

		while (nh[h] != 0 && strcmp(S(cd, cd->doc[nh[h] - 1].id),
		    S(cd, d->id)) != 0)
			h = (h + 1) & (nc - 1);
		nh[h] = i + 1;		/* the later of two docs of one id */
	}
	return 0;
}

int
cite_index_doc(struct cite_data *cd, size_t i)
{
	const struct cite_doc *d = &cd->doc[i];
	size_t h;

	if (cd->ndoc * 2 >= cd->dochashcap)
		return rehash(cd);
	h = hash_bytes(S(cd, d->id), d->id.len) & (cd->dochashcap - 1);
	while (cd->dochash[h] != 0 && strcmp(S(cd, cd->doc[cd->dochash[h] -
	    1].id), S(cd, d->id)) != 0)
		h = (h + 1) & (cd->dochashcap - 1);
	cd->dochash[h] = i + 1;
	return 0;
}

long
cite_find_doc(struct cite_data *cd, const char *id, size_t n)
{
	size_t h;

	if (cd->dochashcap == 0)
		return -1;
	h = hash_bytes(id, n) & (cd->dochashcap - 1);
	while (cd->dochash[h] != 0) {
		const struct cite_doc *d = &cd->doc[cd->dochash[h] - 1];

		if (d->id.len == n && memcmp(S(cd, d->id), id, n) == 0)
			return (long)(cd->dochash[h] - 1);
		h = (h + 1) & (cd->dochashcap - 1);
	}
	return -1;
}

long
cite_find_sent(const struct cite_data *cd, size_t doc, size_t n)
{
	const struct cite_doc *d = &cd->doc[doc];
	size_t i;

	if (n >= 1 && n <= d->nsent && cd->sent[d->sent0 + n - 1].n == n)
		return (long)(d->sent0 + n - 1);
	for (i = 0; i < d->nsent; i++)
		if (cd->sent[d->sent0 + i].n == n)
			return (long)(d->sent0 + i);
	return -1;
}

int
cite_set_story(struct cite_data *cd, size_t doc, size_t story)
{
	size_t h, i, *p;

	/* a table, not a search: a million one-document stories */
	if (cd->nstory * 2 >= cd->storyhashcap) {
		size_t nc = cd->storyhashcap ? cd->storyhashcap * 2 : 256;
		size_t *nh;

		if ((nh = calloc(nc, sizeof(*nh))) == NULL)
			return -1;
		for (i = 0; i < cd->nstory; i++) {
			h = hash_bytes(&cd->story[i], sizeof(size_t)) &
			    (nc - 1);
			while (nh[h] != 0)
				h = (h + 1) & (nc - 1);
			nh[h] = i + 1;
		}
		free(cd->storyhash);
		cd->storyhash = nh;
		cd->storyhashcap = nc;
	}
	h = hash_bytes(&story, sizeof(story)) & (cd->storyhashcap - 1);
	while (cd->storyhash[h] != 0 &&
	    cd->story[cd->storyhash[h] - 1] != story)
		h = (h + 1) & (cd->storyhashcap - 1);
	if (cd->storyhash[h] != 0)
		i = cd->storyhash[h] - 1;
	else {
		if ((p = PUSH(cd, story)) == NULL)
			return -1;
		*p = story;
		i = cd->nstory - 1;
		cd->storyhash[h] = i + 1;
	}
	cd->doc[doc].story = i;
	return 0;
}

int
cite_add_fact(struct cite_data *cd, size_t fact, size_t sent)
{
	struct cite_fact *f;

	if ((f = PUSH(cd, fact)) == NULL)
		return -1;
	f->fact = fact;
	f->sent = sent;
	return 0;
}

/* The outlet of a document: its SOURCE, else its DOC. */
static const struct cite_str *
outlet(const struct cite_data *cd, size_t doc)
{
	const struct cite_doc *d = &cd->doc[doc];

	return d->source.len > 0 ? &d->source : &d->id;
}

static int
same_str(const struct cite_data *cd, const struct cite_str *a,
    const struct cite_str *b)
{
	return a->len == b->len && memcmp(S(cd, *a), S(cd, *b), a->len) == 0;
}

/*
 * How good a report a sentence is: complete (long enough to say what
 * happened, not a run-on) and self-contained (not opening with a
 * pronoun or inside a quotation).
 */
static int
report_score(const struct cite_data *cd, size_t si)
{
	const struct cite_sent *s = &cd->sent[si];
	const char *t = S(cd, s->text);
	size_t i, words = 0, digits = 0;
	int score, inword = 0;
	static const char *weak[] = { "He ", "She ", "It ", "They ", "This ",
	    "That ", "These ", "Those ", "His ", "Her ", "Its ", "Their ",
	    "But ", "And ", "So ", "Also ", "Still ", "He\xe2\x80\x99",
	    "She\xe2\x80\x99", "It\xe2\x80\x99" };

	for (i = 0; i < s->text.len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == ' ')
			inword = 0;
		else if (!inword) {
			inword = 1;
			words++;
		}
		if (c >= '0' && c <= '9' && (i == 0 || t[i - 1] < '0' ||
		    t[i - 1] > '9'))
			digits++;
	}
	score = words < 40 ? (int)words : 40 - (int)(words - 40) / 2;
	score += digits < 3 ? (int)digits * 2 : 6;
	for (i = 0; i < sizeof(weak) / sizeof(weak[0]); i++)
		if (strncmp(t, weak[i], strlen(weak[i])) == 0)
			score -= 12;
	if (s->text.len > 0 && (t[0] == '"' || (unsigned char)t[0] == 0xe2))
		score -= 8;
	if (s->text.len > 0 && t[0] >= 'a' && t[0] <= 'z')
		score -= 8;
	if (s->text.len > 0 && strchr(".!?", t[s->text.len - 1]) == NULL &&
	    !(s->text.len > 3 && (unsigned char)t[s->text.len - 3] == 0xe2))
		score -= 4;
	if (words < 5)
		score -= 10;
	return score;
}

static const struct cite_data	*sort_cd;

/*
 * A table of texts: how many facts cite each, keyed by the text of a
 * sentence.  cap is a power of two, at least twice the texts put in.
 */
struct textcount {
	size_t	*sent;		/* a sentence of that text, + 1; 0 empty */
	size_t	*count;
	size_t	 cap;
};

static size_t *
text_slot(const struct cite_data *cd, struct textcount *tc, size_t si)
{
	const struct cite_str *t = &cd->sent[si].text;
	size_t h = hash_bytes(S(cd, *t), t->len) & (tc->cap - 1);

	while (tc->sent[h] != 0 && !same_str(cd, &cd->sent[tc->sent[h] -
	    1].text, t))
		h = (h + 1) & (tc->cap - 1);
	if (tc->sent[h] == 0)
		tc->sent[h] = si + 1;
	return &tc->count[h];
}

static const struct cite_data	*gsize_cd;

/* Facts with more reports first: they have more to choose from. */
static int
gsize_cmp(const void *a, const void *b)
{
	const struct cite_group *x = &gsize_cd->group[*(const size_t *)a];
	const struct cite_group *y = &gsize_cd->group[*(const size_t *)b];

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->fact < y->fact ? -1 : x->fact > y->fact;
}

/*
 * A sentence may report two facts, but no two facts should cite the
 * same text where one has another report: facts whose cited text is
 * also another's give way, most reports first, to their most complete
 * report that no other fact cites.
 */
static int
distinct_texts(struct cite_data *cd)
{
	struct textcount tc;
	size_t i, k, nclash = 0, *clash;

	tc.cap = 64;
	while (tc.cap < cd->ngroup * 2 + cd->ngsent * 2)
		tc.cap *= 2;
	if ((tc.sent = calloc(tc.cap, sizeof(*tc.sent))) == NULL ||
	    (tc.count = calloc(tc.cap, sizeof(*tc.count))) == NULL) {
		free(tc.sent);
		return -1;
	}
	for (i = 0; i < cd->ngroup; i++)
		(*text_slot(cd, &tc, cd->group[i].best))++;
	if ((clash = reallocarray(NULL, cd->ngroup + 1, sizeof(*clash))) ==
	    NULL) {
		free(tc.sent);
		free(tc.count);
		return -1;
	}
	for (i = 0; i < cd->ngroup; i++)
		if (cd->group[i].n > 1 &&
		    *text_slot(cd, &tc, cd->group[i].best) > 1)
			clash[nclash++] = i;
	gsize_cd = cd;
	qsort(clash, nclash, sizeof(*clash), gsize_cmp);
	for (i = 0; i < nclash; i++) {
		struct cite_group *g = &cd->group[clash[i]];
		size_t *own = text_slot(cd, &tc, g->best), pick = g->best;
		int best = 0, found = 0;

		if (*own < 2)
			continue;	/* no longer shared */
		for (k = 0; k < g->n; k++) {
			size_t si = cd->gsent[g->first + k];
			int sc;

			if (*text_slot(cd, &tc, si) > 0)
				continue;	/* another fact's text */
			sc = report_score(cd, si);
			if (!found || sc > best) {
				found = 1;
				best = sc;
				pick = si;
			}
		}
		if (found) {
			(*own)--;
			(*text_slot(cd, &tc, pick))++;
			g->best = pick;
		}
	}
	free(clash);
	free(tc.sent);
	free(tc.count);
	return 0;
}

static int
fact_cmp(const void *a, const void *b)
{
	const struct cite_fact *x = a, *y = b;

	if (x->fact != y->fact)
		return x->fact < y->fact ? -1 : 1;
	return x->sent < y->sent ? -1 : x->sent > y->sent;
}

/* Group the facts: each fact's sentences, outlets and cited report. */
int
cite_group(struct cite_data *cd)
{
	size_t i, j, k, *gs;
	struct cite_group *g;
	int nostory = cd->nstory == 0;

	sort_cd = cd;
	/* documents without a story: all one story, or one each */
	for (i = 0; i < cd->ndoc; i++)
		if (cd->doc[i].story == NONE) {
			size_t *p;

			if (nostory && cd->nstory == 1) {
				cd->doc[i].story = 0;
				continue;
			}
			if ((p = PUSH(cd, story)) == NULL)
				return -1;
			*p = 0;
			cd->doc[i].story = cd->nstory - 1;
		}
	if (cd->nfact == 0) {
		/* no fact records: every sentence is its own fact */
		for (i = 0; i < cd->nsent; i++) {
			if ((g = PUSH(cd, group)) == NULL ||
			    (gs = PUSH(cd, gsent)) == NULL)
				return -1;
			*gs = i;
			g->fact = i + 1;
			g->first = cd->ngsent - 1;
			g->n = 1;
			g->best = i;
			g->nsources = 1;
			g->story = cd->doc[cd->sent[i].doc].story;
		}
		return 0;
	}
	qsort(cd->fact, cd->nfact, sizeof(*cd->fact), fact_cmp);
	for (i = 0; i < cd->nfact; i = j) {
		int best = 0;

		if ((g = PUSH(cd, group)) == NULL)
			return -1;
		g->fact = cd->fact[i].fact;
		g->first = cd->ngsent;
		g->best = cd->fact[i].sent;
		for (j = i; j < cd->nfact && cd->fact[j].fact == g->fact; j++) {
			size_t si = cd->fact[j].sent;
			int sc;

			if (j > i && cd->fact[j - 1].sent == si)
				continue;
			if ((gs = PUSH(cd, gsent)) == NULL)
				return -1;
			*gs = si;
			g->n++;
			sc = report_score(cd, si);
			if (j == i || sc > best) {
				best = sc;
				g->best = si;
			}
			/* a new outlet? */
			for (k = g->first; k < cd->ngsent - 1; k++)
				if (same_str(cd, outlet(cd, cd->sent[cd->gsent[k]].doc),
				    outlet(cd, cd->sent[si].doc)))
					break;
			if (k == cd->ngsent - 1)
				g->nsources++;
		}
		g->story = cd->doc[cd->sent[g->best].doc].story;
	}
	return distinct_texts(cd);
}

/* How many distinct outlets report a group. */
static size_t
count_sources(const struct cite_data *cd, const struct cite_group *g)
{
	size_t i, k, n = 0;

	for (i = 0; i < g->n; i++) {
		const struct cite_str *o =
		    outlet(cd, cd->sent[cd->gsent[g->first + i]].doc);

		for (k = 0; k < i; k++)
			if (same_str(cd, outlet(cd,
			    cd->sent[cd->gsent[g->first + k]].doc), o))
				break;
		if (k == i)
			n++;
	}
	return n;
}

/*
 * For the digests: facts of one story that cite the same text become
 * one, the first, with the reports of all; the others leave the story.
 */
int
cite_merge(struct cite_data *cd)
{
	size_t i, k, m, h, cap = 64, *into, *next, *tail, *slot;
	int any = 0;

	while (cap < cd->ngroup * 2)
		cap *= 2;
	if ((slot = calloc(cap, sizeof(*slot))) == NULL ||
	    (into = reallocarray(NULL, cd->ngroup + 1, 3 * sizeof(*into))) ==
	    NULL) {
		free(slot);
		return -1;
	}
	next = into + cd->ngroup + 1;
	tail = next + cd->ngroup + 1;
	/* the first fact of each story and text, by a hash of both */
	for (i = 0; i < cd->ngroup; i++) {
		const struct cite_group *g = &cd->group[i];
		const struct cite_str *t = &cd->sent[g->best].text;

		into[i] = NONE;
		tail[i] = i;
		if (g->story == NONE)
			continue;
		h = (hash_bytes(S(cd, *t), t->len) ^ g->story *
		    0x9e3779b9U) & (cap - 1);
		while (slot[h] != 0 && !(cd->group[slot[h] - 1].story ==
		    g->story && same_str(cd, &cd->sent[cd->group[slot[h] -
		    1].best].text, t)))
			h = (h + 1) & (cap - 1);
		if (slot[h] != 0) {
			into[i] = slot[h] - 1;
			any = 1;
		} else
			slot[h] = i + 1;
	}
	free(slot);
	if (!any) {
		free(into);
		return 0;
	}
	/* the merged facts, in order, after each first */
	for (i = 0; i < cd->ngroup; i++)
		next[i] = NONE;
	for (i = 0; i < cd->ngroup; i++)
		if (into[i] != NONE) {
			next[tail[into[i]]] = i;
			tail[into[i]] = i;
		}
	for (i = 0; i < cd->ngroup; i++) {
		size_t first = cd->ngsent, *gs;

		if (into[i] != NONE || next[i] == NONE)
			continue;
		for (m = i; m != NONE; m = next[m]) {
			struct cite_group *g = &cd->group[m];

			for (k = 0; k < g->n; k++) {
				size_t si = cd->gsent[g->first + k], j;

				for (j = first; j < cd->ngsent; j++)
					if (cd->gsent[j] == si)
						break;
				if (j < cd->ngsent)
					continue;
				if ((gs = PUSH(cd, gsent)) == NULL) {
					free(into);
					return -1;
				}
				*gs = si;
			}
			if (m != i)
				g->story = NONE;
		}
		cd->group[i].first = first;
		cd->group[i].n = cd->ngsent - first;
		cd->group[i].nsources = count_sources(cd, &cd->group[i]);
	}
	free(into);
	return 0;
}

/* The documents of a group, each once, in input order, into out. */
static size_t
group_docs(const struct cite_data *cd, const struct cite_group *g,
    size_t *out)
{
	size_t i, j, n = 0;

	for (i = 0; i < g->n; i++) {
		size_t d = cd->sent[cd->gsent[g->first + i]].doc;

		for (j = 0; j < n && out[j] != d; j++)
			;
		if (j == n)
			out[n++] = d;
	}
	/* input order */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && out[j - 1] > out[j]; j--) {
			size_t t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

void
cite_put_tsv(FILE *fp, const struct cite_data *cd)
{
	size_t i, j, n, *docs;

	if ((docs = reallocarray(NULL, cd->ndoc + 1, sizeof(*docs))) == NULL)
		abort();
	for (i = 0; i < cd->ngroup; i++) {
		const struct cite_group *g = &cd->group[i];

		fputs("cite\t", fp);
		put_size(fp, g->fact);
		putc_unlocked('\t', fp);
		put_size(fp, g->nsources);
		putc_unlocked('\t', fp);
		n = group_docs(cd, g, docs);
		for (j = 0; j < n; j++) {
			if (j > 0)
				putc_unlocked(',', fp);
			tsv_put(fp, S(cd, cd->doc[docs[j]].id),
			    cd->doc[docs[j]].id.len);
		}
		putc_unlocked('\t', fp);
		tsv_put(fp, S(cd, cd->sent[g->best].text),
		    cd->sent[g->best].text.len);
		putc_unlocked('\n', fp);
	}
	free(docs);
}

/* ---- the digests ---- */

enum { E_MD, E_HTML, E_JSON };

/* Write s[0..n) escaped for a format, bad UTF-8 as U+FFFD. */
static void
put_esc(FILE *fp, const char *s, size_t n, int how)
{
	size_t i = 0, l;
	int32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			l = utf8_decode(s + i, n - i, &cp);
			if (cp < 0)
				fputs("\xef\xbf\xbd", fp);
			else
				fwrite(s + i, 1, l, fp);
			i += l;
			continue;
		}
		i++;
		switch (how) {
		case E_MD:
			if (strchr("\\`*_[]<>|", c) != NULL && c != 0)
				putc_unlocked('\\', fp);
			putc_unlocked(c < 0x20 ? ' ' : c, fp);
			break;
		case E_HTML:
			if (c == '&')
				fputs("&amp;", fp);
			else if (c == '<')
				fputs("&lt;", fp);
			else if (c == '>')
				fputs("&gt;", fp);
			else if (c == '"')
				fputs("&quot;", fp);
			else
				putc_unlocked(c < 0x20 ? ' ' : c, fp);
			break;
		case E_JSON:
			if (c == '"' || c == '\\') {
				putc_unlocked('\\', fp);
				putc_unlocked(c, fp);
			} else if (c < 0x20)
				fprintf(fp, "\\u%04x", c);
			else
				putc_unlocked(c, fp);
			break;
		}
	}
}

#define PUT(fp, cd, cs, how)	put_esc(fp, S(cd, cs), (cs).len, how)

/* A sentence for a reader: a dateline at its front left out. */
static void
put_sent(FILE *fp, const struct cite_data *cd, size_t si, int how)
{
	const struct cite_sent *s = &cd->sent[si];
	const char *t = S(cd, s->text);
	struct dateline dl;

	/*
	 * nsplit keeps the dateline at the front of the first sentence; a
	 * label before a colon (EXCLUSIVE:) may be the sentence's own.
	 */
	if (s->n == 1 && dateline_find(t, s->text.len, &dl) == 1 &&
	    !dl.colon && dl.len < s->text.len) {
		put_esc(fp, t + dl.len, s->text.len - dl.len, how);
		return;
	}
	put_esc(fp, t, s->text.len, how);
}

/* A number, a date or a count in a report, for the conflict check. */
struct claim {
	char	value[24];
	char	unit[24];	/* the word after a number; "date" */
	char	unit2[24];	/* the word after that: "three maintenance workers" */
	size_t	at, len;	/* the phrase in the sentence's TEXT */
	size_t	len1;		/* the phrase up to unit, not unit2 */
	size_t	sent;
};

static const char *numwords[] = { "zero", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "dozen" };
static const int numvals[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60, 70, 80, 90, 100, 12 };
static const char *months[] = { "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november",
    "december" };

static void
lower(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i;

	if (n >= cap)
		n = cap - 1;
	for (i = 0; i < n; i++)
		dst[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	dst[n] = '\0';
}

static int
stopword(const char *w)
{
	static const char *stop[] = { "a", "an", "the", "and", "or", "of",
	    "to", "in", "on", "at", "by", "for", "from", "with", "is", "was",
	    "were", "are", "be", "been", "has", "had", "have", "that", "this",
	    "it", "as", "than", "more", "percent", "per", "p.m.", "a.m." };
	size_t i;

	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (strcmp(w, stop[i]) == 0)
			return 1;
	return 0;
}

/* Do two claims count the same thing? */
static int
same_unit(const struct claim *a, const struct claim *b)
{
	if (strcmp(a->unit, b->unit) == 0)
		return 1;
	if (strcmp(a->unit, "date") == 0 || strcmp(b->unit, "date") == 0)
		return 0;
	return (a->unit2[0] != '\0' && (strcmp(a->unit2, b->unit) == 0 ||
	    strcmp(a->unit2, b->unit2) == 0)) ||
	    (b->unit2[0] != '\0' && strcmp(a->unit, b->unit2) == 0);
}

/* The numbers and dates a sentence states, up to max. */
static size_t
claims(const struct cite_data *cd, size_t si, struct claim *c, size_t max)
{
	const struct cite_sent *s = &cd->sent[si];
	const char *t = S(cd, s->text);
	struct tokvec tv;
	size_t k, i, n = 0;
	char w[24];

	memset(&tv, 0, sizeof(tv));
	if (tokenize(t, s->text.len, &tv) == -1)
		return 0;
	for (k = 0; k < tv.n && n < max; k++) {
		const struct token *tk = &tv.v[k];
		int val = -1, mon = -1;

		lower(w, sizeof(w), t + tk->start, tk->end - tk->start);
		if (tk->type == TOK_NUM) {
			size_t l = tk->end - tk->start;

			if (memchr(t + tk->start, ':', l) != NULL ||
			    memchr(t + tk->start, '/', l) != NULL)
				continue;
			if (l == 4 && (w[0] == '1' || w[0] == '2'))
				continue;	/* a year */
			val = 1;
		} else if (tk->type == TOK_WORD) {
			for (i = 0; i < sizeof(numwords) / sizeof(*numwords); i++)
				if (strcmp(w, numwords[i]) == 0)
					val = numvals[i];
			for (i = 0; i < 12; i++)
				if (strcmp(w, months[i]) == 0 ||
				    (strlen(w) == 4 && w[3] == '.' &&
				    strncmp(w, months[i], 3) == 0))
					mon = (int)i + 1;
		}
		if (mon > 0 && k + 1 < tv.n && tv.v[k + 1].type == TOK_NUM &&
		    tv.v[k + 1].end - tv.v[k + 1].start <= 2) {
			/* June 14 */
			int day = atoi(t + tv.v[k + 1].start);

			if (day < 1 || day > 31)
				continue;
			snprintf(c[n].value, sizeof(c[n].value), "%02d-%02d",
			    mon, day);
			strlcpy(c[n].unit, "date", sizeof(c[n].unit));
			c[n].unit2[0] = '\0';
			c[n].at = tk->start;
			c[n].len = c[n].len1 = tv.v[k + 1].end - tk->start;
			c[n].sent = si;
			n++;
			k++;
			continue;
		}
		if (val < 0 || k + 1 >= tv.n)
			continue;
		/* the count's noun: the next word, or the one after it */
		if (tv.v[k + 1].type != TOK_WORD)
			continue;
		lower(c[n].unit, sizeof(c[n].unit), t + tv.v[k + 1].start,
		    tv.v[k + 1].end - tv.v[k + 1].start);
		if (stopword(c[n].unit))
			continue;
		i = k + 1;
		c[n].unit2[0] = '\0';
		if (k + 2 < tv.n && tv.v[k + 2].type == TOK_WORD &&
		    !(tv.v[k + 2].flags & TF_CAP)) {
			lower(c[n].unit2, sizeof(c[n].unit2), t +
			    tv.v[k + 2].start, tv.v[k + 2].end - tv.v[k + 2].start);
			if (stopword(c[n].unit2))
				c[n].unit2[0] = '\0';
			else
				i = k + 2;
		}
		if (tk->type == TOK_NUM) {
			size_t l = 0, j;

			for (j = tk->start; j < tk->end && l + 1 <
			    sizeof(c[n].value); j++)
				if (t[j] != ',')
					c[n].value[l++] = t[j];
			c[n].value[l] = '\0';
		} else
			snprintf(c[n].value, sizeof(c[n].value), "%d", val);
		/* the phrase: two words before the number to its noun */
		{
			size_t a = k >= 2 && tv.v[k - 1].type == TOK_WORD &&
			    tv.v[k - 2].type == TOK_WORD ? k - 2 :
			    k >= 1 && tv.v[k - 1].type == TOK_WORD ? k - 1 : k;

			c[n].at = tv.v[a].start;
			c[n].len = tv.v[i].end - tv.v[a].start;
			c[n].len1 = tv.v[k + 1].end - tv.v[a].start;
		}
		c[n].sent = si;
		n++;
	}
	tokvec_free(&tv);
	return n;
}

#define MAXCLAIM	64

/*
 * Conflicts in a group: two outlets state a count of one thing, or a
 * date, and no value of the one is a value of the other.  Calls back
 * with each pair; returns how many.
 */
static size_t
conflicts(const struct cite_data *cd, const struct cite_group *g,
    void (*found)(void *, const struct claim *, const struct claim *),
    void *arg)
{
	struct claim *c;
	size_t i, j, k, n = 0, nf = 0;

	if (g->nsources < 2)
		return 0;
	if ((c = reallocarray(NULL, MAXCLAIM, sizeof(*c))) == NULL)
		return 0;
	for (i = 0; i < g->n && n < MAXCLAIM; i++) {
		size_t si = cd->gsent[g->first + i];

		n += claims(cd, si, c + n, MAXCLAIM - n);
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			const struct cite_str *oi, *oj;
			int shared = 0;

			if (!same_unit(&c[i], &c[j]) ||
			    strcmp(c[i].value, c[j].value) == 0)
				continue;
			oi = outlet(cd, cd->sent[c[i].sent].doc);
			oj = outlet(cd, cd->sent[c[j].sent].doc);
			if (same_str(cd, oi, oj))
				continue;
			/* does either outlet also give the other's value? */
			for (k = 0; k < n; k++)
				if (same_unit(&c[k], &c[i]) &&
				    ((strcmp(c[k].value, c[j].value) == 0 &&
				    same_str(cd, outlet(cd,
				    cd->sent[c[k].sent].doc), oi)) ||
				    (strcmp(c[k].value, c[i].value) == 0 &&
				    same_str(cd, outlet(cd,
				    cd->sent[c[k].sent].doc), oj))))
					shared = 1;
			if (shared)
				continue;
			/* one pair per unit */
			for (k = 0; k < i; k++)
				if (same_unit(&c[k], &c[i]) &&
				    strcmp(c[k].value, c[i].value) != 0 &&
				    !same_str(cd, outlet(cd, cd->sent[c[k].sent].doc),
				    outlet(cd, cd->sent[c[i].sent].doc)))
					break;
			if (k < i)
				continue;
			if (found != NULL)
				found(arg, &c[i], &c[j]);
			nf++;
			break;
		}
	free(c);
	return nf;
}

/* What the md and html writers share about one story. */
struct story {
	const struct cite_data	*cd;
	FILE			*fp;
	size_t			 id;
	size_t			*docs;	/* its documents, numbered from 1 */
	size_t			 ndocs;
	size_t			*groups;	/* by outlets, then FACT */
	size_t			 ngroups;
	size_t			*tmp;
	size_t			*docno;	/* doc -> its number, 0 if not here */
	size_t			 nconf;
};

static const struct cite_data	*gsort_cd;

static int
group_cmp(const void *a, const void *b)
{
	const struct cite_group *x = &gsort_cd->group[*(const size_t *)a];
	const struct cite_group *y = &gsort_cd->group[*(const size_t *)b];

	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	if (x->fact != y->fact)
		return x->fact < y->fact ? -1 : 1;
	return 0;
}

/*
 * A fact one outlet reports only inside a quotation ("Nobody listened.")
 * is no fact of the digest's: the quotation is shown with its speaker.
 */
static int
quote_only(const struct cite_data *cd, const struct cite_group *g)
{
	size_t i;

	if (g->nsources != 1)
		return 0;
	for (i = 0; i < g->n; i++)
		if (!cd->sent[cd->gsent[g->first + i]].quoted)
			return 0;
	return 1;
}

/*
 * Every story's documents and groups, found in one pass for all the
 * stories of a digest, not one pass over everything for each story.
 */
struct story_index {
	size_t	*doc0, *docs;	/* story s: docs[doc0[s] .. doc0[s + 1]) */
	size_t	*grp0, *grps;	/* the same for its groups */
	size_t	*docno;		/* doc -> its number in its story, from 1 */
	size_t	*tmp;
};

static void
story_index(struct story_index *x, const struct cite_data *cd)
{
	size_t i, s, ns = cd->nstory;

	if ((x->doc0 = calloc(ns + 2, sizeof(size_t))) == NULL ||
	    (x->grp0 = calloc(ns + 2, sizeof(size_t))) == NULL ||
	    (x->docs = reallocarray(NULL, cd->ndoc + 1, sizeof(size_t))) ==
	    NULL || (x->grps = reallocarray(NULL, cd->ngroup + 1,
	    sizeof(size_t))) == NULL || (x->docno = calloc(cd->ndoc + 1,
	    sizeof(size_t))) == NULL || (x->tmp = reallocarray(NULL,
	    cd->ndoc + 1, sizeof(size_t))) == NULL)
		abort();
	/* counted, then placed in input order: a stable counting sort */
	for (i = 0; i < cd->ndoc; i++)
		if (cd->doc[i].story < ns)
			x->doc0[cd->doc[i].story + 2]++;
	for (i = 0; i < cd->ngroup; i++)
		if (cd->group[i].story < ns && !quote_only(cd, &cd->group[i]))
			x->grp0[cd->group[i].story + 2]++;
	for (s = 2; s < ns + 2; s++) {
		x->doc0[s] += x->doc0[s - 1];
		x->grp0[s] += x->grp0[s - 1];
	}
	for (i = 0; i < cd->ndoc; i++)
		if ((s = cd->doc[i].story) < ns)
			x->docs[x->doc0[s + 1]++] = i;
	for (s = 0; s < ns; s++)
		for (i = x->doc0[s]; i < x->doc0[s + 1]; i++)
			x->docno[x->docs[i]] = i - x->doc0[s] + 1;
	for (i = 0; i < cd->ngroup; i++)
		if ((s = cd->group[i].story) < ns &&
		    !quote_only(cd, &cd->group[i]))
			x->grps[x->grp0[s + 1]++] = i;
}

static void
story_index_free(struct story_index *x)
{
	free(x->doc0);
	free(x->docs);
	free(x->grp0);
	free(x->grps);
	free(x->docno);
	free(x->tmp);
}

static int
story_init(struct story *st, const struct cite_data *cd, FILE *fp,
    const struct story_index *x, size_t id)
{
	memset(st, 0, sizeof(*st));
	st->cd = cd;
	st->fp = fp;
	st->id = id;
	st->docs = x->docs + x->doc0[id];
	st->ndocs = x->doc0[id + 1] - x->doc0[id];
	st->docno = x->docno;
	st->tmp = x->tmp;
	st->groups = x->grps + x->grp0[id];
	st->ngroups = x->grp0[id + 1] - x->grp0[id];
	gsort_cd = cd;
	qsort(st->groups, st->ngroups, sizeof(size_t), group_cmp);
	return st->ndocs > 0;
}

/* The number of a document in the story's source list, from 1. */
static size_t
source_no(const struct story *st, size_t doc)
{
	return st->cd->doc[doc].story == st->id ? st->docno[doc] : 0;
}

static void
marks_docs(const struct story *st, const size_t *docs, size_t n, int html)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t k = source_no(st, docs[i]);

		if (html)
			fprintf(st->fp, "<a class=\"ref\" href=\"#s%zu-%zu\">"
			    "[%zu]</a>", st->id, k, k);
		else
			fprintf(st->fp, "[%zu]", k);
	}
}

static void
marks(const struct story *st, const struct cite_group *g, int html)
{
	marks_docs(st, st->tmp, group_docs(st->cd, g, st->tmp), html);
}

/* The story's title: the headline of its first document that has one. */
static const struct cite_str *
story_title(const struct story *st)
{
	size_t i;

	for (i = 0; i < st->ndocs; i++)
		if (st->cd->doc[st->docs[i]].title.len > 0)
			return &st->cd->doc[st->docs[i]].title;
	return NULL;
}

/*
 * A time value for the timeline: a DATE or TIME from a known year on,
 * nothing in it unknown (no X), not a reference like PRESENT_REF.
 */
static int
timeline_value(const struct cite_data *cd, const struct cite_time *t)
{
	const char *v = S(cd, t->value);
	size_t i;

	if (!t->date || t->value.len < 4 ||
	    (t->value.len > 4 && v[4] != '-'))
		return 0;
	for (i = 0; i < 4; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return memchr(v, 'X', t->value.len) == NULL;
}

/*
 * The dated report of a fact: its cited report if that has a timeline
 * value, else its most complete report that has one.  Sets *tp to the
 * first such time record of it; NONE when no report is dated.
 */
static size_t
fact_when(const struct cite_data *cd, const struct cite_group *g,
    size_t *tp)
{
	size_t i, j, pick = NONE, ptime = 0;
	int best = 0;

	for (j = 0; j < g->n + 1; j++) {
		size_t si = j == 0 ? g->best : cd->gsent[g->first + j - 1];
		const struct cite_sent *s = &cd->sent[si];
		int sc;

		for (i = s->time0; i < s->time0 + s->ntime; i++)
			if (timeline_value(cd, &cd->time[i]))
				break;
		if (i == s->time0 + s->ntime)
			continue;
		if (j == 0) {
			*tp = i;
			return si;
		}
		sc = report_score(cd, si);
		if (pick == NONE || sc > best) {
			pick = si;
			ptime = i;
			best = sc;
		}
	}
	*tp = ptime;
	return pick;
}

struct when {
	size_t	group, sent, time;
	long	key[5];		/* year, month, day, minute + 1, span */
};

static int
two_digits(const char *v, size_t n, size_t at, long *out)
{
	if (at + 2 > n || v[at] < '0' || v[at] > '9' || v[at + 1] < '0' ||
	    v[at + 1] > '9')
		return 0;
	*out = (v[at] - '0') * 10 + (v[at + 1] - '0');
	return 1;
}

static const char *dayparts[][2] = { { "MO", "morning" },
    { "MI", "midday" }, { "AF", "afternoon" }, { "EV", "evening" },
    { "NI", "night" }, { "DT", "daytime" } };
static const int daypart_min[] = { 6 * 60, 12 * 60, 15 * 60, 19 * 60,
    22 * 60, 12 * 60 };
static const char *seasons[][2] = { { "SP", "spring" }, { "SU", "summer" },
    { "FA", "fall" }, { "AU", "autumn" }, { "WI", "winter" } };
static const int season_month[] = { 3, 6, 9, 9, 12 };

/* Where a TIMEX3 value starts and how long it spans, for sorting. */
static void
when_key(const char *v, size_t n, long *key)
{
	long x, y, hh, mm;
	size_t i;

	memset(key, 0, 5 * sizeof(*key));
	key[0] = atol(v);
	if (n < 7 || v[4] != '-')
		return;
	if (two_digits(v, n, 5, &x)) {
		key[1] = x;
		key[4] = 3;
		if (n < 10 || v[7] != '-' || !two_digits(v, n, 8, &x))
			return;
		key[2] = x;
		key[4] = 5;
		if (n < 13 || v[10] != 'T')
			return;
		key[4] = 6;
		for (i = 0; i < sizeof(dayparts) / sizeof(*dayparts); i++)
			if (strncmp(v + 11, dayparts[i][0], 2) == 0)
				key[3] = daypart_min[i] + 1;
		if (two_digits(v, n, 11, &hh) && n >= 16 && v[13] == ':' &&
		    two_digits(v, n, 14, &mm))
			key[3] = hh * 60 + mm + 1;
		return;
	}
	if (v[5] == 'W' && two_digits(v, n, 6, &x)) {
		long jan4 = date_days(key[0], 1, 4), m, d;
		long mon = jan4 - ((jan4 % 7 + 7 + 3) % 7) + 7 * (x - 1);

		if (n >= 11 && strncmp(v + 8, "-WE", 3) == 0)
			mon += 5;
		date_civil(mon, &y, &m, &d);
		key[0] = y;
		key[1] = m;
		key[2] = d;
		key[4] = 4;
		return;
	}
	if ((v[5] == 'Q' || v[5] == 'H') && v[6] >= '1' && v[6] <= '4') {
		key[1] = (v[6] - '1') * (v[5] == 'Q' ? 3 : 6) + 1;
		key[4] = v[5] == 'Q' ? 2 : 1;
		return;
	}
	for (i = 0; i < sizeof(seasons) / sizeof(*seasons); i++)
		if (strncmp(v + 5, seasons[i][0], 2) == 0) {
			key[1] = season_month[i];
			key[4] = 2;
		}
}

/* A TIMEX3 value as a reader says it: 2025-03-10 evening, summer 2025. */
static void
put_when(FILE *fp, const struct cite_data *cd, const struct cite_str *cs,
    int how)
{
	const char *v = S(cd, *cs);
	size_t n = cs->len, i;
	char buf[64];
	long x;

	buf[0] = '\0';
	if (n == 13 && v[4] == '-' && v[7] == '-' && v[10] == 'T') {
		for (i = 0; i < sizeof(dayparts) / sizeof(*dayparts); i++)
			if (strncmp(v + 11, dayparts[i][0], 2) == 0)
				snprintf(buf, sizeof(buf), "%.10s %s", v,
				    dayparts[i][1]);
	} else if (n >= 16 && n < 40 && v[4] == '-' && v[7] == '-' &&
	    v[10] == 'T' && v[13] == ':')
		snprintf(buf, sizeof(buf), "%.10s %.*s", v, (int)(n - 11),
		    v + 11);
	else if (n >= 8 && v[4] == '-' && v[5] == 'W' &&
	    two_digits(v, n, 6, &x)) {
		if (n == 8)
			snprintf(buf, sizeof(buf), "%.4s, week %ld", v, x);
		else if (n == 11 && strncmp(v + 8, "-WE", 3) == 0)
			snprintf(buf, sizeof(buf), "%.4s, weekend of week %ld",
			    v, x);
	} else if (n == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' &&
	    v[6] <= '4') {
		static const char *nth[] = { "first", "second", "third",
		    "fourth" };

		snprintf(buf, sizeof(buf), "%s quarter of %.4s",
		    nth[v[6] - '1'], v);
	} else if (n == 7 && v[4] == '-' && v[5] == 'H' &&
	    (v[6] == '1' || v[6] == '2'))
		snprintf(buf, sizeof(buf), "%s half of %.4s",
		    v[6] == '1' ? "first" : "second", v);
	else if (n == 7 && v[4] == '-')
		for (i = 0; i < sizeof(seasons) / sizeof(*seasons); i++)
			if (strncmp(v + 5, seasons[i][0], 2) == 0)
				snprintf(buf, sizeof(buf), "%s %.4s",
				    seasons[i][1], v);
	if (buf[0] != '\0')
		put_esc(fp, buf, strlen(buf), how);
	else
		put_esc(fp, v, n, how);
}

static const struct cite_data	*tsort_cd;

/* In time order: start, then the longer span, the value, FACT. */
static int
when_cmp(const void *a, const void *b)
{
	const struct when *x = a, *y = b;
	const struct cite_data *cd = tsort_cd;
	size_t i;
	int c;

	for (i = 0; i < 5; i++)
		if (x->key[i] != y->key[i])
			return x->key[i] < y->key[i] ? -1 : 1;
	if ((c = strcmp(S(cd, cd->time[x->time].value),
	    S(cd, cd->time[y->time].value))) != 0)
		return c;
	return cd->group[x->group].fact < cd->group[y->group].fact ? -1 :
	    cd->group[x->group].fact > cd->group[y->group].fact;
}

/*
 * The story's timeline: each dated fact's time value next to the report
 * that says it, in time order; a report that dates two facts the same
 * way is one entry with the marks of both.
 */
static void
put_timeline(const struct story *st, int html)
{
	const struct cite_data *cd = st->cd;
	struct when *w;
	size_t i, j, k, n = 0, nu, nd, *u, nsent = 1;
	unsigned char *done;
	int how = html ? E_HTML : E_MD;

	/* the documents of an entry are at most the story's sentences */
	for (i = 0; i < st->ngroups; i++)
		nsent += cd->group[st->groups[i]].n;
	if ((w = reallocarray(NULL, st->ngroups + 1, sizeof(*w))) == NULL ||
	    (u = reallocarray(NULL, nsent, sizeof(*u))) == NULL ||
	    (done = calloc(st->ngroups + 1, 1)) == NULL)
		abort();
	for (i = 0; i < st->ngroups; i++) {
		const struct cite_group *g = &cd->group[st->groups[i]];

		w[n].group = st->groups[i];
		if ((w[n].sent = fact_when(cd, g, &w[n].time)) == NONE)
			continue;
		when_key(S(cd, cd->time[w[n].time].value),
		    cd->time[w[n].time].value.len, w[n].key);
		n++;
	}
	tsort_cd = cd;
	qsort(w, n, sizeof(*w), when_cmp);
	if (n > 0)
		fputs(html ? "<h2>Timeline</h2>\n<ol class=\"timeline\">\n" :
		    "## Timeline\n\n", st->fp);
	for (i = 0; i < n; i++) {
		const struct cite_str *v = &cd->time[w[i].time].value;

		if (done[i])
			continue;
		/* the marks of every fact this report dates the same way */
		nu = 0;
		for (j = i; j < n && same_str(cd, &cd->time[w[j].time].value,
		    v); j++) {
			if (j > i && (done[j] || !same_str(cd,
			    &cd->sent[w[j].sent].text, &cd->sent[w[i].sent].text)))
				continue;
			done[j] = 1;
			nd = group_docs(cd, &cd->group[w[j].group], st->tmp);
			for (k = 0; k < nd; k++) {
				size_t a, d = st->tmp[k];

				for (a = 0; a < nu && u[a] != d; a++)
					;
				if (a == nu)
					u[nu++] = d;
			}
		}
		for (j = 1; j < nu; j++)
			for (k = j; k > 0 && u[k - 1] > u[k]; k--) {
				size_t t = u[k];

				u[k] = u[k - 1];
				u[k - 1] = t;
			}
		if (html) {
			fputs("<li><time title=\"", st->fp);
			PUT(st->fp, cd, *v, E_HTML);
			fputs("\">", st->fp);
			put_when(st->fp, cd, v, E_HTML);
			fputs("</time>", st->fp);
		} else {
			fputs("- **", st->fp);
			put_when(st->fp, cd, v, E_MD);
			fputs("**: ", st->fp);
		}
		put_sent(st->fp, cd, w[i].sent, how);
		putc(' ', st->fp);
		marks_docs(st, u, nu, html);
		fputs(html ? "</li>\n" : "\n", st->fp);
	}
	if (n > 0)
		fputs(html ? "</ol>\n" : "\n", st->fp);
	free(w);
	free(u);
	free(done);
}

struct confout {
	const struct story	*st;
	int			 html;
};

static void
put_claim(const struct story *st, const struct claim *c, int whole, int how)
{
	const struct cite_data *cd = st->cd;
	const struct cite_sent *s = &cd->sent[c->sent];
	size_t k = source_no(st, s->doc);

	fputs(how == E_HTML ? "&ldquo;" : "\xe2\x80\x9c", st->fp);
	put_esc(st->fp, S(cd, s->text) + c->at, whole ? c->len : c->len1, how);
	fputs(how == E_HTML ? "&rdquo; (" : "\xe2\x80\x9d (", st->fp);
	PUT(st->fp, cd, *outlet(cd, s->doc), how);
	if (how == E_HTML)
		fprintf(st->fp, " <a class=\"ref\" href=\"#s%zu-%zu\">[%zu]</a>)",
		    st->id, k, k);
	else
		fprintf(st->fp, " [%zu])", k);
}

static void
conf_found(void *arg, const struct claim *a, const struct claim *b)
{
	struct confout *co = arg;
	const struct story *st = co->st;
	int how = co->html ? E_HTML : E_MD;
	const char *w = a->unit;

	/* the word the two share: "workers" of "three maintenance workers" */
	if (strcmp(a->unit, b->unit) != 0 && strcmp(a->unit, b->unit2) != 0)
		w = a->unit2;
	fputs(co->html ? "<li><b>" : "- **", st->fp);
	put_esc(st->fp, w, strlen(w), how);
	fputs(co->html ? "</b>: " : "**: ", st->fp);
	/* each phrase up to the word the two share */
	put_claim(st, a, strcmp(a->unit, b->unit) != 0 &&
	    strcmp(a->unit, b->unit2) != 0, how);
	fputs(" vs ", st->fp);
	put_claim(st, b, strcmp(b->unit, a->unit) != 0 &&
	    strcmp(b->unit, a->unit2) != 0, how);
	fputs(co->html ? "</li>\n" : "\n", st->fp);
}

/*
 * Write a quotation's text without the marks that reopen it at each new
 * paragraph ("We were lucky. "The water rose fast."): a mark of the
 * opening kind after a sentence's end and a space, before any close.
 */
static void
put_quote_text(FILE *fp, const char *t, size_t n, int how)
{
	size_t i, from = 0, ml;
	int curly;

	if (n > 0 && t[0] == '"') {
		curly = 0;
		ml = 1;
	} else if (n >= 3 && memcmp(t, "\xe2\x80\x9c", 3) == 0) {
		curly = 1;
		ml = 3;
	} else {
		put_esc(fp, t, n, how);
		return;
	}
	for (i = ml; i + ml < n; i++) {
		if (curly && memcmp(t + i, "\xe2\x80\x9d", 3) == 0)
			break;		/* closed: what follows is its own */
		if (!curly && t[i] == '"' && t[i - 1] != ' ')
			break;
		if (memcmp(t + i, t, ml) != 0 || t[i - 1] != ' ' || i < 2 ||
		    strchr(".?!", t[i - 2]) == NULL)
			continue;
		put_esc(fp, t + from, i - from, how);
		from = i + ml;
		i += ml - 1;
	}
	put_esc(fp, t + from, n - from, how);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Quotations of the story, one line each, repeats across outlets merged. */
static void
put_quotes(const struct story *st, int html)
{
	const struct cite_data *cd = st->cd;
	size_t i, j, k, n = 0, m = 0, *qi, *next, *slot, hcap = 64;
	unsigned char *first;
	int how = html ? E_HTML : E_MD;

	/* the story's quotations, in input order: its documents' runs */
	for (i = 0; i < st->ndocs; i++)
		m += cd->doc[st->docs[i]].nquote;
	while (hcap < m * 2)
		hcap *= 2;
	if ((qi = reallocarray(NULL, m + 1, sizeof(*qi))) == NULL ||
	    (next = calloc(m + 1, sizeof(*next))) == NULL ||
	    (first = calloc(m + 1, sizeof(*first))) == NULL ||
	    (slot = calloc(hcap, sizeof(*slot))) == NULL)
		abort();
	for (i = m = 0; i < st->ndocs; i++) {
		const struct cite_doc *d = &cd->doc[st->docs[i]];

		for (j = 0; j < d->nquote; j++)
			qi[m++] = d->quote0 + j;
	}
	qsort(qi, m, sizeof(*qi), cmp_size);
	/* each quotation's next report in this story, through a hash */
	for (i = 0; i < m; i++) {
		const struct cite_quote *q = &cd->quote[qi[i]];
		size_t h;

		next[i] = NONE;
		h = hash_bytes(S(cd, q->text), q->text.len) & (hcap - 1);
		while (slot[h] != 0 && !same_str(cd, &cd->quote[qi[slot[h] -
		    1]].text, &q->text))
			h = (h + 1) & (hcap - 1);
		if (slot[h] == 0)
			first[i] = 1;
		else
			next[slot[h] - 1] = i;
		slot[h] = i + 1;
	}
	free(slot);
	for (i = 0; i < m; i++) {
		const struct cite_quote *q = &cd->quote[qi[i]];

		if (!first[i])
			continue;	/* written with its first report */
		if (n++ == 0)
			fputs(html ? "<h3>Quotations</h3>\n<ul class=\"quotes\">\n" :
			    "## Quotations\n\n", st->fp);
		fputs(html ? "<li><q>" : "- ", st->fp);
		/* the marks are in the text: the q element adds none */
		put_quote_text(st->fp, S(cd, q->text), q->text.len, how);
		fputs(html ? "</q> &mdash; " : " \xe2\x80\x94 ", st->fp);
		if (q->speaker.len > 0) {
			fputs(html ? "<b>" : "**", st->fp);
			PUT(st->fp, cd, q->speaker, how);
			fputs(html ? "</b>" : "**", st->fp);
		} else
			fputs(html ? "<i>speaker unknown</i>" :
			    "*speaker unknown*", st->fp);
		fputs(" (", st->fp);
		for (k = i, j = 0; k != NONE; k = next[k]) {
			const struct cite_quote *r = &cd->quote[qi[k]];
			size_t no;

			if (j++ > 0)
				fputs("; ", st->fp);
			PUT(st->fp, cd, *outlet(cd, r->doc), how);
			no = source_no(st, r->doc);
			if (html)
				fprintf(st->fp, " <a class=\"ref\" "
				    "href=\"#s%zu-%zu\">[%zu]</a>", st->id,
				    no, no);
			else
				fprintf(st->fp, " [%zu]", no);
		}
		fputs(html ? ")</li>\n" : ")\n", st->fp);
	}
	if (n > 0)
		fputs(html ? "</ul>\n" : "\n", st->fp);
	free(qi);
	free(next);
	free(first);
}

void
cite_put_md(FILE *fp, const struct cite_data *cd)
{
	struct story st;
	struct story_index x;
	struct confout co;
	size_t s, i, n;
	const struct cite_str *title;

	story_index(&x, cd);
	for (s = 0; s < cd->nstory; s++) {
		if (!story_init(&st, cd, fp, &x, s))
			continue;
		fputs("# ", fp);
		if ((title = story_title(&st)) != NULL)
			PUT(fp, cd, *title, E_MD);
		else
			fprintf(fp, "Story %zu", s + 1);
		fprintf(fp, "\n\n%zu report%s", st.ndocs,
		    st.ndocs == 1 ? "" : "s");
		fputs(".\n\n", fp);
		put_timeline(&st, 0);
		fputs("## Facts\n\n", fp);
		for (i = 0; i < st.ngroups; i++) {
			const struct cite_group *g = &cd->group[st.groups[i]];

			fprintf(fp, "%zu. ", i + 1);
			put_sent(fp, cd, g->best, E_MD);
			putc(' ', fp);
			marks(&st, g, 0);
			if (g->nsources == 1)
				fputs(" *(single source)*", fp);
			else
				fprintf(fp, " *(%zu outlets)*", g->nsources);
			putc('\n', fp);
		}
		putc('\n', fp);
		co.st = &st;
		co.html = 0;
		for (i = n = 0; i < st.ngroups; i++) {
			const struct cite_group *g = &cd->group[st.groups[i]];

			if (conflicts(cd, g, NULL, NULL) == 0)
				continue;
			if (n++ == 0)
				fputs("## Conflicts\n\n", fp);
			fprintf(fp, "- Fact %zu: ", i + 1);
			put_sent(fp, cd, g->best, E_MD);
			putc('\n', fp);
			fputs("  ", fp);
			(void)conflicts(cd, g, conf_found, &co);
		}
		if (n > 0)
			putc('\n', fp);
		put_quotes(&st, 0);
		fputs("## Sources\n\n", fp);
		for (i = 0; i < st.ndocs; i++) {
			const struct cite_doc *d = &cd->doc[st.docs[i]];

			fprintf(fp, "%zu. ", i + 1);
			PUT(fp, cd, *outlet(cd, st.docs[i]), E_MD);
			if (d->title.len > 0) {
				fputs(", \xe2\x80\x9c", fp);
				PUT(fp, cd, d->title, E_MD);
				fputs("\xe2\x80\x9d", fp);
			}
			if (d->date.len > 0) {
				fputs(", ", fp);
				PUT(fp, cd, d->date, E_MD);
			}
			fputs(". ", fp);
			if (d->url.len > 0) {
				putc('<', fp);
				put_esc(fp, S(cd, d->url), d->url.len, E_HTML);
				putc('>', fp);
			} else {
				putc('`', fp);
				PUT(fp, cd, d->id, E_HTML);
				putc('`', fp);
			}
			putc('\n', fp);
		}
		if (s + 1 < cd->nstory)
			putc('\n', fp);
	}
	story_index_free(&x);
}

static const char css[] =
"body{font:16px/1.5 Georgia,serif;max-width:60em;margin:2em auto;"
"padding:0 1em;color:#222;background:#fff}\n"
"h1{font-size:1.7em;border-bottom:2px solid #444;margin-top:1.5em}\n"
"h2,h3{font-family:Helvetica,Arial,sans-serif}\n"
"a.ref{text-decoration:none;font-size:.8em;vertical-align:super}\n"
".meta{color:#666}\n"
"ol.timeline{list-style:none;border-left:3px solid #2a6ebb;"
"margin-left:.5em;padding-left:1.2em}\n"
"ol.timeline li{position:relative;margin-bottom:.8em}\n"
"ol.timeline li:before{content:'';position:absolute;left:-1.72em;"
"top:.45em;width:.7em;height:.7em;border-radius:50%;background:#2a6ebb}\n"
"ol.timeline time{font-family:Helvetica,Arial,sans-serif;font-weight:bold;"
"color:#2a6ebb;margin-right:.5em}\n"
"table.grid{border-collapse:collapse;font-size:.9em;margin:1em 0}\n"
"table.grid th,table.grid td{border:1px solid #bbb;padding:.3em .5em}\n"
"table.grid thead th{background:#eee;font-family:Helvetica,Arial,"
"sans-serif}\n"
"table.grid td.y{text-align:center;color:#fff;background:#2a8a4a;"
"font-weight:bold}\n"
"table.grid td.n{background:#f6f6f6}\n"
"table.grid tr.single td:first-child{border-left:4px solid #d08a00}\n"
".single-tag{color:#a06a00;font-style:italic;font-size:.85em}\n"
"ul.conflicts li{background:#fdf0ef;border-left:4px solid #c0392b;"
"padding:.3em .6em;margin:.4em 0;list-style:none}\n"
"ul.quotes{list-style:none;padding-left:0}\n"
"ul.quotes li{border-left:3px solid #999;padding-left:.8em;margin:.6em 0}\n"
"q{quotes:none;font-style:italic}\n";

#define GRID_MAX	40	/* outlets in the grid, a page's width */

void
cite_put_html(FILE *fp, const struct cite_data *cd)
{
	struct story st;
	struct story_index x;
	struct confout co;
	size_t s, i, j, n, *outl, nout;
	const struct cite_str *title;

	if ((outl = reallocarray(NULL, cd->ndoc + 1, sizeof(*outl))) == NULL)
		abort();
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>News digest</title>\n<style>\n", fp);
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n", fp);
	story_index(&x, cd);
	for (s = 0; s < cd->nstory; s++) {
		if (!story_init(&st, cd, fp, &x, s))
			continue;
		fprintf(fp, "<article id=\"story%zu\">\n<h1>", s + 1);
		if ((title = story_title(&st)) != NULL)
			PUT(fp, cd, *title, E_HTML);
		else
			fprintf(fp, "Story %zu", s + 1);
		fprintf(fp, "</h1>\n<p class=\"meta\">%zu report%s.</p>\n",
		    st.ndocs, st.ndocs == 1 ? "" : "s");
		put_timeline(&st, 1);
		/* the outlets, each once, as the grid's columns */
		for (i = nout = 0; i < st.ndocs; i++) {
			for (j = 0; j < nout; j++)
				if (same_str(cd, outlet(cd, outl[j]),
				    outlet(cd, st.docs[i])))
					break;
			if (j == nout && nout < GRID_MAX)
				outl[nout++] = st.docs[i];
		}
		fputs("<h2>Facts by outlet</h2>\n<table class=\"grid\">\n"
		    "<thead><tr><th>#</th><th>Fact</th>", fp);
		for (j = 0; j < nout; j++) {
			fputs("<th>", fp);
			PUT(fp, cd, *outlet(cd, outl[j]), E_HTML);
			fputs("</th>", fp);
		}
		fputs("</tr></thead>\n<tbody>\n", fp);
		for (i = 0; i < st.ngroups; i++) {
			const struct cite_group *g = &cd->group[st.groups[i]];
			size_t nd = group_docs(cd, g, st.tmp), k;

			fprintf(fp, "<tr%s><td>%zu</td><td>",
			    g->nsources == 1 ? " class=\"single\"" : "", i + 1);
			put_sent(fp, cd, g->best, E_HTML);
			putc(' ', fp);
			marks(&st, g, 1);
			if (g->nsources == 1)
				fputs(" <span class=\"single-tag\">single "
				    "source</span>", fp);
			fputs("</td>", fp);
			for (j = 0; j < nout; j++) {
				for (k = 0; k < nd; k++)
					if (same_str(cd, outlet(cd, st.tmp[k]),
					    outlet(cd, outl[j])))
						break;
				fputs(k < nd ? "<td class=\"y\">&#10003;</td>" :
				    "<td class=\"n\"></td>", fp);
			}
			fputs("</tr>\n", fp);
		}
		fputs("</tbody>\n</table>\n", fp);
		if (nout == GRID_MAX)
			fprintf(fp, "<p class=\"meta\">The grid shows the first "
			    "%d outlets.</p>\n", GRID_MAX);
		co.st = &st;
		co.html = 1;
		for (i = n = 0; i < st.ngroups; i++) {
			const struct cite_group *g = &cd->group[st.groups[i]];

			if (conflicts(cd, g, NULL, NULL) == 0)
				continue;
			if (n++ == 0)
				fputs("<h2>Conflicts</h2>\n"
				    "<ul class=\"conflicts\">\n", fp);
			(void)conflicts(cd, g, conf_found, &co);
		}
		if (n > 0)
			fputs("</ul>\n", fp);
		put_quotes(&st, 1);
		fputs("<h2>Sources</h2>\n<ol class=\"sources\">\n", fp);
		for (i = 0; i < st.ndocs; i++) {
			const struct cite_doc *d = &cd->doc[st.docs[i]];

			fprintf(fp, "<li id=\"s%zu-%zu\">", s, i + 1);
			PUT(fp, cd, *outlet(cd, st.docs[i]), E_HTML);
			if (d->title.len > 0) {
				fputs(", &ldquo;", fp);
				PUT(fp, cd, d->title, E_HTML);
				fputs("&rdquo;", fp);
			}
			if (d->date.len > 0) {
				fputs(", ", fp);
				PUT(fp, cd, d->date, E_HTML);
			}
			fputs(". ", fp);
			if (d->url.len > 0) {
				fputs("<a href=\"", fp);
				PUT(fp, cd, d->url, E_HTML);
				fputs("\">", fp);
				PUT(fp, cd, d->url, E_HTML);
				fputs("</a>", fp);
			} else {
				fputs("<code>", fp);
				PUT(fp, cd, d->id, E_HTML);
				fputs("</code>", fp);
			}
			fputs("</li>\n", fp);
		}
		fputs("</ol>\n</article>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
	story_index_free(&x);
	free(outl);
}

/* A CSL id: the outlet's letters and digits, then the date. */
static void
csl_id(const struct cite_data *cd, size_t doc, char *buf, size_t cap)
{
	const struct cite_doc *d = &cd->doc[doc];
	const struct cite_str *o = outlet(cd, doc);
	const char *s = S(cd, *o);
	size_t i, n = 0, a = 0;
	int dash = 0;

	/* a path: its last part, less the extension */
	if (o == &d->id) {
		for (i = 0; i < o->len; i++)
			if (s[i] == '/')
				a = i + 1;
	}
	for (i = a; i < o->len && n + 12 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (o == &d->id && c == '.' && memchr(s + i + 1, '/',
		    o->len - i - 1) == NULL && i > a)
			break;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0)
				buf[n++] = '-';
			buf[n++] = (char)c;
			dash = 0;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && n > 0)
				buf[n++] = '-';
			buf[n++] = (char)(c + 32);
			dash = 0;
		} else
			dash = 1;
	}
	if (n == 0)
		n = (size_t)snprintf(buf, cap, "doc");
	if (d->date.len >= 10)
		n += (size_t)snprintf(buf + n, cap - n, "-%.10s", S(cd, d->date));
	else if (d->date.len >= 4)
		n += (size_t)snprintf(buf + n, cap - n, "-%.4s", S(cd, d->date));
	buf[n] = '\0';
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * How many of the CSL ids given so far are a key, or the key, a dash
 * and more: each id counts for itself and for its every part before a
 * dash, so a new id's duplicates are one look-up, not a pass over all.
 */
struct idcount {
	char	(*key)[96];
	size_t	*n;		/* 0: the slot is free */
	size_t	 cap, used;
};

static size_t *
idcount_slot(struct idcount *t, const char *k, size_t len)
{
	size_t h = hash_bytes(k, len) & (t->cap - 1);

	while (t->n[h] != 0 && (strlen(t->key[h]) != len ||
	    memcmp(t->key[h], k, len) != 0))
		h = (h + 1) & (t->cap - 1);
	return &t->n[h];
}

static void
idcount_add(struct idcount *t, const char *k, size_t len)
{
	size_t *slot;

	if (t->used * 2 >= t->cap) {
		struct idcount nt;
		size_t i;

		nt.cap = t->cap ? t->cap * 2 : 1024;
		nt.used = t->used;
		if ((nt.key = reallocarray(NULL, nt.cap, sizeof(*nt.key))) ==
		    NULL || (nt.n = calloc(nt.cap, sizeof(size_t))) == NULL)
			abort();
		for (i = 0; i < t->cap; i++)
			if (t->n[i] != 0) {
				slot = idcount_slot(&nt, t->key[i],
				    strlen(t->key[i]));
				*slot = t->n[i];
				strcpy(nt.key[slot - nt.n], t->key[i]);
			}
		free(t->key);
		free(t->n);
		*t = nt;
	}
	slot = idcount_slot(t, k, len);
	if (*slot == 0) {
		memcpy(t->key[slot - t->n], k, len);
		t->key[slot - t->n][len] = '\0';
		t->used++;
	}
	(*slot)++;
}

void
cite_put_csl(FILE *fp, const struct cite_data *cd)
{
	struct idcount seen = { NULL, NULL, 0, 0 };
	char (*ids)[96];
	size_t i, k, len, dup, *slot;

	if ((ids = reallocarray(NULL, cd->ndoc + 1, sizeof(*ids))) == NULL)
		abort();
	fputs("[", fp);
	for (i = 0; i < cd->ndoc; i++) {
		const struct cite_doc *d = &cd->doc[i];
		const char *dt = S(cd, d->date);

		csl_id(cd, i, ids[i], sizeof(ids[i]) - 24);
		dup = 1;
		if (seen.cap > 0 && *(slot = idcount_slot(&seen, ids[i],
		    strlen(ids[i]))) != 0)
			dup += *slot;
		if (dup > 1)
			snprintf(ids[i] + strlen(ids[i]), sizeof(ids[i]) -
			    strlen(ids[i]), "-%zu", dup);
		len = strlen(ids[i]);
		for (k = 1; k <= len; k++)
			if (k == len || ids[i][k] == '-')
				idcount_add(&seen, ids[i], k);
		fputs(i > 0 ? ",\n  {" : "\n  {", fp);
		fputs("\"id\": \"", fp);
		put_esc(fp, ids[i], strlen(ids[i]), E_JSON);
		fputs("\", \"type\": \"article-newspaper\"", fp);
		if (d->title.len > 0) {
			fputs(", \"title\": \"", fp);
			PUT(fp, cd, d->title, E_JSON);
			putc('"', fp);
		}
		if (d->source.len > 0) {
			fputs(", \"container-title\": \"", fp);
			PUT(fp, cd, d->source, E_JSON);
			putc('"', fp);
		}
		if (d->date.len >= 4 && digits(dt, 4)) {
			fprintf(fp, ", \"issued\": {\"date-parts\": [[%d",
			    atoi(dt));
			if (d->date.len >= 7 && dt[4] == '-' &&
			    digits(dt + 5, 2)) {
				fprintf(fp, ", %d", atoi(dt + 5));
				if (d->date.len >= 10 && dt[7] == '-' &&
				    digits(dt + 8, 2))
					fprintf(fp, ", %d", atoi(dt + 8));
			}
			fputs("]]}", fp);
		}
		if (d->url.len > 0) {
			fputs(", \"URL\": \"", fp);
			PUT(fp, cd, d->url, E_JSON);
			putc('"', fp);
		}
		fputs(", \"note\": \"", fp);
		PUT(fp, cd, d->id, E_JSON);
		fputs("\"}", fp);
	}
	fputs(cd->ndoc > 0 ? "\n]\n" : "]\n", fp);
	free(seen.key);
	free(seen.n);
	free(ids);
}

void
cite_free(struct cite_data *cd)
{
	free(cd->str);
	free(cd->doc);
	free(cd->sent);
	free(cd->time);
	free(cd->quote);
	free(cd->fact);
	free(cd->story);
	free(cd->group);
	free(cd->gsent);
	free(cd->dochash);
	free(cd->storyhash);
	memset(cd, 0, sizeof(*cd));
}
