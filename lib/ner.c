/*
 * Named-entity tagger.  Features are hashed to 32-bit keys; the model
 * maps a key to 17 weights, one per BILOU tag.  Word-level features
 * (the word, its shape, affixes, gazetteer classes) at offsets -2..+2
 * are summed once per word type and cached, so a token costs a cache
 * probe, a few context features and one Viterbi step.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lexicon.h"
#include "ner.h"
#include "ner_int.h"
#include "tok.h"
#include "utf8.h"

const char *const ner_type_name[NER_NTYPE] = { "PER", "ORG", "LOC", "MISC" };

extern const char data_nergaz[];
extern const unsigned long data_nergaz_len;

#define CACHE_BITS	15
#define ROW		20	/* NER_NTAG floats padded, for vector code */
#define MAXSEG		1000	/* Viterbi runs over at most this many */

/* Rows add four floats at a time (GCC and Clang vector extensions). */
typedef float vf4 __attribute__((vector_size(16)));

static inline void
row_add(float *v, const float *r)
{
	size_t i;

	for (i = 0; i < ROW; i += 4) {
		vf4 a, b;

		memcpy(&a, v + i, sizeof(a));
		memcpy(&b, r + i, sizeof(b));
		a += b;
		memcpy(v + i, &a, sizeof(a));
	}
}

struct cache_ent {
	uint64_t	hw;
	uint32_t	len;
	uint32_t	used;
	float		v[NWIN][ROW];
};

struct ner_model {
	float		 trans[NER_NTAG + 1][NER_NTAG];
	float		 endw[NER_NTAG];
	struct slot { uint32_t key, row; } *slot;	/* row+1; 0: empty */
	size_t		 mask;
	const float	*bias;
	float		*w;		/* nrow * ROW */
	size_t		 nrow;
	struct cache_ent *cache;
	float		 pad[2][NWIN][ROW];	/* <S> and </S> */
	float		*sc;		/* emission scores, MAXSEG rows */
	float		*vit;		/* Viterbi scores */
	unsigned char	*bp;		/* back pointers */
	struct ner_hist	*hist;
};

static const struct lexicon *gaz;
static uint64_t phrase_first[1024];	/* first words of phrases, hashed */

const struct lexicon *
ner_gaz(void)
{
	const char *p, *e = data_nergaz + data_nergaz_len;

	if (gaz != NULL)
		return gaz;
	gaz = lex_load(data_nergaz, data_nergaz_len);
	for (p = data_nergaz; p < e; ) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e, *sp, *tab;

		tab = memchr(p, '\t', (size_t)(le - p));
		sp = memchr(p, ' ', (size_t)(le - p));
		if (*p != '#' && sp != NULL && (tab == NULL || sp < tab)) {
			uint64_t h = hash_bytes(p, (size_t)(sp - p)) & 0xffff;

			phrase_first[h >> 6] |= 1ULL << (h & 63);
		}
		p = le + 1;
	}
	return gaz;
}

static inline int
may_start_phrase(uint64_t hl)
{
	hl &= 0xffff;
	return (phrase_first[hl >> 6] >> (hl & 63)) & 1;
}

/* ---- features ---- */

static inline uint64_t
mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static inline uint32_t
fkey(unsigned tid, uint64_t h)
{
	return (uint32_t)mix64(h ^ ((uint64_t)tid * 0x9e3779b97f4a7c15ULL));
}

/* Shapes: Xx, XX, dd, X.X.; long keeps up to 12 marks, short no repeats. */
static void
shapes(const char *s, size_t n, char *lng, size_t *ln, char *sht, size_t *sn)
{
	size_t i = 0, l = 0, k = 0;

	while (i < n) {
		int32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		char c;

		if (cp < 0)
			c = '?';
		else if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				c = 'X';
			else if (cp >= 'a' && cp <= 'z')
				c = 'x';
			else if (cp >= '0' && cp <= '9')
				c = 'd';
			else
				c = (char)cp;
		} else if (uc_isupper(cp))
			c = 'X';
		else if (uc_islower(cp) || uc_isalpha(cp))
			c = 'x';
		else if (uc_isdigit(cp))
			c = 'd';
		else
			c = '*';
		if (l < 12)
			lng[l++] = c;
		if (k == 0 || sht[k - 1] != c) {
			if (k < 12)
				sht[k++] = c;
		}
		i += len;
	}
	*ln = l;
	*sn = k;
}

uint64_t
ner_short_shape(const char *s, size_t n)
{
	char lng[12], sht[12];
	size_t ln, sn;

	shapes(s, n, lng, &ln, sht, &sn);
	return hash_bytes(sht, sn);
}

/* Gazetteer classes of a lower-case word, as a bit set of letters. */
static uint32_t
gaz_classes(const char *low, size_t n)
{
	const char *v;
	uint32_t m = 0;

	if (n == 0 || (v = lex_get(ner_gaz(), low, n)) == NULL)
		return 0;
	for (; *v != '\0'; v++)
		if (*v >= 'a' && *v <= 'z')
			m |= 1u << (*v - 'a');
	return m;
}

/*
 * The features of word s[0..n) seen from tokens -2..+2 places away:
 * those of offset off go to out[at[off+2] .. at[off+3]).  Returns how
 * many keys went into out.
 */
size_t
ner_word_feats_all(const char *s, size_t n, unsigned flags, uint32_t *out,
    size_t *at)
{
	char low[128], lng[12], sht[12];
	size_t ln, sn, nl, k = 0, i;
	uint64_t hl, hsht, hw, hx3 = 0, hlng, hpre[5], hsuf[5];
	uint32_t g;
	int off;

	if (n > 100)
		n = 100;
	nl = utf8_lower(low, sizeof(low), s, n);
	hl = hash_bytes(low, nl);
	shapes(s, n, lng, &ln, sht, &sn);
	hsht = hash_bytes(sht, sn);
	hw = hash_bytes(s, n);
	hlng = hash_bytes(lng, ln);
	if (nl >= 3)
		hx3 = hash_bytes(low + nl - 3, 3);
	for (i = 1; i <= 4; i++) {
		hpre[i] = i <= n ? hash_bytes(s, i) : 0;
		hsuf[i] = i <= nl ? hash_bytes(low + nl - i, i) : 0;
	}
	g = gaz_classes(low, nl);
	for (off = -2; off <= 2; off++) {
		unsigned slot = (unsigned)(off + 2) * 64;

		at[off + 2] = k;
		out[k++] = fkey(slot + 1, hl);
		out[k++] = fkey(slot + 2, hsht);
		for (i = 0; i < 26; i++)
			if (g & (1u << i))
				out[k++] = fkey(slot + 3, i * 4 + (flags & TF_CAP ?
				    1 : 0) + (flags & TF_ALLCAP ? 2 : 0));
		if (off < -1 || off > 1)
			continue;
		out[k++] = fkey(slot + 4, hw);
		if (off != 0) {
			if (nl >= 3)
				out[k++] = fkey(slot + 5, hx3);
			continue;
		}
		out[k++] = fkey(slot + 6, hlng);
		for (i = 1; i <= 4 && i <= n; i++) {
			out[k++] = fkey(slot + 6 + i, hpre[i]);
			if (i <= nl)
				out[k++] = fkey(slot + 10 + i, hsuf[i]);
		}
		out[k++] = fkey(slot + 15, (n > 8 ? 8 : n) * 4 +
		    (flags & TF_ABBR ? 1 : 0) + (flags & TF_INITIAL ? 2 : 0));
		if (g == 0 && (flags & TF_CAP))
			out[k++] = fkey(slot + 16, 1);
	}
	at[NWIN] = k;
	return k;
}

/* The features of word s[0..n) seen from a token `off' places away. */
size_t
ner_word_feats(const char *s, size_t n, unsigned flags, int off,
    uint32_t *out)
{
	uint32_t all[NWIN * NER_MAXFEAT];
	size_t at[NWIN + 1], k;

	(void)ner_word_feats_all(s, n, flags, all, at);
	k = at[off + 3] - at[off + 2];
	memcpy(out, all + at[off + 2], k * sizeof(*out));
	return k;
}

/* The pads before and after a sentence. */
size_t
ner_pad_feats(int which, int off, uint32_t *out)
{
	unsigned slot = (unsigned)(off + 2) * 64;
	uint64_t h = which ? 0x2f53ULL : 0x53ULL;

	out[0] = fkey(slot + 1, h);
	out[1] = fkey(slot + 2, h);
	return 2;
}

static unsigned
capclass(const struct ner_tok *t)
{
	if (t->flags & TF_ALLCAP)
		return 2;
	if (t->flags & TF_CAP)
		return 1;
	if (t->flags & TF_LOWER)
		return 0;
	return 3;
}

/* Features of token i (of sentence [a, b)) that look at its context. */
size_t
ner_ctx_feats(const struct ner_doc *d, size_t si, size_t a, size_t b,
    size_t i, int withbias, uint32_t *out)
{
	const struct ner_tok *t = &d->tok[i];
	uint64_t sp = i > a ? d->tok[i - 1].hs : 0x53ULL;
	uint64_t sn = i + 1 < b ? d->tok[i + 1].hs : 0x2f53ULL;
	unsigned cc = capclass(t), caps = d->sflags[si] & NER_S_CAPS;
	size_t k = 0;

	if (withbias)
		out[k++] = fkey(400, 0);
	out[k++] = fkey(401, t->hs * 8 + (t->dflags & NER_D_FIRST ? 1 : 0) +
	    (caps ? 2 : 0));
	out[k++] = fkey(402, (uint64_t)(t->dflags & NER_D_CTX) * 32 + cc * 4 +
	    (t->dflags & NER_D_FIRST ? 1 : 0) + (caps ? 2 : 0));
	out[k++] = fkey(405, mix64(mix64(sp) ^ t->hs) ^ sn);
	out[k++] = fkey(406, mix64(sp) ^ t->hs);
	out[k++] = fkey(407, mix64(t->hs) ^ sn);
	if (t->dflags & NER_D_CTX)
		out[k++] = fkey(408, (uint64_t)(t->dflags & NER_D_CTX) * 4 +
		    cc);
	if (t->gpos != 0) {
		unsigned c;

		for (c = 0; c < 26; c++)
			if (t->gcls & (1u << c))
				out[k++] = fkey(409, c * 4 + t->gpos);
	}
	return k;
}

/* Features of what the token's word was tagged as earlier. */
size_t
ner_hist_feats(const struct ner_tok *t, uint32_t *out)
{
	if (t->hist == 0)
		return 0;
	out[0] = fkey(410, t->hist);
	out[1] = fkey(411, (uint64_t)t->hist * 16 + capclass(t) * 2 +
	    (t->dflags & NER_D_FIRST ? 1 : 0));
	return 2;
}

struct ner_hist {
	struct hent { uint64_t h; unsigned short n[1 + NER_NTYPE]; } *t;
	size_t	 mask, used;
};

struct ner_hist *
ner_hist_new(void)
{
	struct ner_hist *h;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	h->mask = 255;
	if ((h->t = calloc(h->mask + 1, sizeof(*h->t))) == NULL) {
		free(h);
		return NULL;
	}
	return h;
}

void
ner_hist_reset(struct ner_hist *h)
{
	if (h->used > 0)
		memset(h->t, 0, (h->mask + 1) * sizeof(*h->t));
	h->used = 0;
}

void
ner_hist_free(struct ner_hist *h)
{
	if (h == NULL)
		return;
	free(h->t);
	free(h);
}

static inline int
hist_word(const struct ner_tok *t)
{
	return t->type == TOK_WORD && (t->flags & TF_CAP) && t->len > 1;
}

static struct hent *
hist_find(const struct ner_hist *h, uint64_t key)
{
	size_t i = (size_t)mix64(key) & h->mask;

	while (h->t[i].h != 0 && h->t[i].h != key)
		i = (i + 1) & h->mask;
	return &h->t[i];
}

/* Set tokens [a, b)'s hist from the words seen so far. */
void
ner_hist_set(const struct ner_hist *h, struct ner_doc *d, size_t a, size_t b)
{
	size_t i;
	int k, best;

	for (i = a; i < b; i++) {
		struct ner_tok *t = &d->tok[i];
		const struct hent *e;

		t->hist = 0;
		if (!hist_word(t) || h->used == 0)
			continue;
		e = hist_find(h, t->hl | 1);
		if (e->h == 0)
			continue;
		for (best = 0, k = 1; k <= NER_NTYPE; k++)
			if (e->n[k] > e->n[best])
				best = k;
		t->hist = (unsigned char)(1 + best);
	}
}

/* Record what tokens [a, b) were tagged as (tags[0..b-a)). */
int
ner_hist_add(struct ner_hist *h, const struct ner_doc *d, size_t a, size_t b,
    const unsigned char *tags)
{
	size_t i;

	for (i = a; i < b; i++) {
		const struct ner_tok *t = &d->tok[i];
		struct hent *e;
		int lab = tags[i - a] == 0 ? 0 : 1 + (tags[i - a] - 1) / 4;

		if (!hist_word(t))
			continue;
		if ((h->used + 1) * 2 > h->mask) {
			struct ner_hist nh;
			size_t j;

			nh.mask = h->mask * 2 + 1;
			nh.used = h->used;
			if ((nh.t = calloc(nh.mask + 1, sizeof(*nh.t))) == NULL)
				return -1;
			for (j = 0; j <= h->mask; j++)
				if (h->t[j].h != 0)
					*hist_find(&nh, h->t[j].h) = h->t[j];
			free(h->t);
			*h = nh;
		}
		e = hist_find(h, t->hl | 1);
		if (e->h == 0) {
			e->h = t->hl | 1;
			h->used++;
		}
		if (e->n[lab] < 65535)
			e->n[lab]++;
	}
	return 0;
}

uint32_t
ner_bias_key(void)
{
	return fkey(400, 0);
}

/* ---- documents ---- */

void
ner_doc_clear(struct ner_doc *d)
{
	d->ntok = 0;
	d->nsent = 0;
}

void
ner_doc_free(struct ner_doc *d)
{
	free(d->tok);
	free(d->sent);
	free(d->sflags);
	memset(d, 0, sizeof(*d));
}

/* Tokenize one sentence s[0..n) (kept, not copied) onto the document. */
int
ner_doc_add(struct ner_doc *d, const char *s, size_t n)
{
	size_t pos = 0;
	struct token t;
	char low[128];

	if (d->nsent == d->capsent) {
		size_t nc = d->capsent ? d->capsent * 2 : 64;
		size_t *ns;
		unsigned char *nf;

		if ((ns = reallocarray(d->sent, nc, sizeof(*ns))) == NULL)
			return -1;
		d->sent = ns;
		if ((nf = realloc(d->sflags, nc)) == NULL)
			return -1;
		d->sflags = nf;
		d->capsent = nc;
	}
	d->sent[d->nsent] = d->ntok;
	d->sflags[d->nsent] = 0;
	d->nsent++;
	for (;;) {
		struct ner_tok *k;
		size_t len, nl;

		pos = tok_next(s, n, pos, &t);
		if (t.type == TOK_END)
			break;
		if (d->ntok == d->captok) {
			size_t nc = d->captok ? d->captok * 2 : 1024;
			struct ner_tok *nv;

			if ((nv = reallocarray(d->tok, nc, sizeof(*nv))) ==
			    NULL)
				return -1;
			d->tok = nv;
			d->captok = nc;
		}
		k = &d->tok[d->ntok++];
		len = t.end - t.start;
		k->s = s + t.start;
		k->len = (uint32_t)len;
		k->start = (uint32_t)t.start;
		k->end = (uint32_t)t.end;
		k->flags = t.flags;
		k->type = (unsigned char)t.type;
		k->dflags = 0;
		k->gold = k->tag = k->gpos = k->hist = 0;
		k->gcls = 0;
		k->hw = hash_bytes(k->s, len);
		nl = utf8_lower(low, sizeof(low), k->s, len > 100 ? 100 : len);
		k->hl = hash_bytes(low, nl);
		k->hs = ner_short_shape(k->s, len > 100 ? 100 : len);
	}
	return 0;
}

/*
 * Gazetteer phrases of two to four words in sentence [a, b), longest
 * first, starting at capitalised words.
 */
static void
gaz_phrases(struct ner_doc *d, size_t a, size_t b)
{
	char buf[256];
	size_t i, n, k, len;

	(void)ner_gaz();
	for (i = a; i + 1 < b; i++) {
		if (!(d->tok[i].flags & TF_CAP) ||
		    !may_start_phrase(d->tok[i].hl))
			continue;
		for (n = 4; n >= 2; n--) {
			const char *v;

			/* a name ends with a capitalised word */
			if (i + n > b || !(d->tok[i + n - 1].flags & TF_CAP))
				continue;
			for (k = 0, len = 0; k < n; k++) {
				const struct ner_tok *t = &d->tok[i + k];

				if (len + t->len + 1 > sizeof(buf))
					break;
				if (k > 0)
					buf[len++] = ' ';
				len += utf8_lower(buf + len, sizeof(buf) - len,
				    t->s, t->len);
			}
			if (k < n || (v = lex_get(ner_gaz(), buf, len)) == NULL)
				continue;
			for (k = 0; k < n; k++) {
				struct ner_tok *t = &d->tok[i + k];

				t->gpos = k == 0 ? 1 : k + 1 == n ? 3 : 2;
				t->gcls = 0;
				for (; *v != '\0'; v++)
					if (*v >= 'a' && *v <= 'z')
						t->gcls |= 1u << (*v - 'a');
				if (k + 1 < n)
					v = lex_get(ner_gaz(), buf, len);
			}
			i += n - 1;
			break;
		}
	}
}

/*
 * Document context: headlines in capitals, sentence-initial words, and
 * for each capitalised word whether the same word appears elsewhere in
 * the document capitalised in mid-sentence, or in lower case.
 */
void
ner_doc_context(struct ner_doc *d)
{
	struct dent { uint64_t h; unsigned mid, low; } *tab;
	size_t size = 64, mask, si, i;

	while (size < d->ntok * 2)
		size <<= 1;
	mask = size - 1;
	if ((tab = calloc(size, sizeof(*tab))) == NULL)
		return;		/* no context: the tags are a little worse */
	for (si = 0; si < d->nsent; si++) {
		size_t a = d->sent[si], b = si + 1 < d->nsent ?
		    d->sent[si + 1] : d->ntok, alpha = 0, caps = 0;
		int first = 1;

		for (i = a; i < b; i++) {
			struct ner_tok *t = &d->tok[i];

			if (t->type != TOK_WORD)
				continue;
			if (first) {
				t->dflags |= NER_D_FIRST;
				first = 0;
			}
			if ((t->flags & (TF_CAP | TF_LOWER)) && t->len > 1) {
				alpha++;
				caps += (t->flags & TF_ALLCAP) != 0;
			}
		}
		if (alpha > 0 && caps * 5 >= alpha * 4)
			d->sflags[si] |= NER_S_CAPS;
		gaz_phrases(d, a, b);
		for (i = a; i < b; i++) {
			struct ner_tok *t = &d->tok[i];
			size_t j;

			if (t->type != TOK_WORD)
				continue;
			j = t->hl & mask;
			while (tab[j].h != 0 && tab[j].h != t->hl)
				j = (j + 1) & mask;
			tab[j].h = t->hl;
			if ((t->flags & TF_LOWER))
				tab[j].low++;
			else if ((t->flags & TF_CAP) && !(t->flags & TF_ALLCAP) &&
			    !(t->dflags & NER_D_FIRST) &&
			    !(d->sflags[si] & NER_S_CAPS))
				tab[j].mid++;
		}
	}
	for (si = 0; si < d->nsent; si++) {
		size_t a = d->sent[si], b = si + 1 < d->nsent ?
		    d->sent[si + 1] : d->ntok;

		for (i = a; i < b; i++) {
			struct ner_tok *t = &d->tok[i];
			size_t j;
			unsigned mid, low;

			if (t->type != TOK_WORD || !(t->flags & TF_CAP))
				continue;
			j = t->hl & mask;
			while (tab[j].h != t->hl)
				j = (j + 1) & mask;
			mid = tab[j].mid;
			low = tab[j].low;
			if (!(t->flags & TF_ALLCAP) &&
			    !(t->dflags & NER_D_FIRST) &&
			    !(d->sflags[si] & NER_S_CAPS))
				mid--;	/* not itself */
			if (mid > 0)
				t->dflags |= NER_D_MIDCAP;
			if (low > 0)
				t->dflags |= NER_D_LOWER;
		}
	}
	free(tab);
}

/* ---- the model ---- */

static inline uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static inline float
rdf(const unsigned char *p)
{
	uint32_t u = rd32(p);
	float f;

	memcpy(&f, &u, sizeof(f));
	return f;
}

static inline const float *
ner_row(const struct ner_model *m, uint32_t key)
{
	size_t i = (key * 0x9e3779b1u) & m->mask;

	while (m->slot[i].row != 0) {
		if (m->slot[i].key == key)
			return m->w + (size_t)(m->slot[i].row - 1) * ROW;
		i = (i + 1) & m->mask;
	}
	return NULL;
}

static void
add_feats(const struct ner_model *m, const uint32_t *f, size_t n, float *v)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const float *r = ner_row(m, f[i]);

		if (r != NULL)
			row_add(v, r);
	}
}

void
ner_free(struct ner_model *m)
{
	if (m == NULL)
		return;
	free(m->slot);
	free(m->w);
	free(m->cache);
	free(m->sc);
	free(m->vit);
	free(m->bp);
	ner_hist_free(m->hist);
	free(m);
}

/*
 * A model file: "NERMODL1", ntag, nrow, the transition and end
 * weights as floats, then rows: key, scale exponent, a 24-bit mask of
 * the tags present, and one signed byte per tag present.
 */
struct ner_model *
ner_load(const unsigned char *p, size_t n, const char **why)
{
	struct ner_model *m;
	const unsigned char *e = p + n;
	size_t nrow, size = 16, i, t, hdr;
	uint32_t f[64];
	int off;

	hdr = 16 + 4 * ((NER_NTAG + 1) * NER_NTAG + NER_NTAG);
	if (n < hdr || memcmp(p, "NERMODL1", 8) != 0) {
		*why = "not a model file";
		return NULL;
	}
	if (rd32(p + 8) != NER_NTAG) {
		*why = "model has another tag set";
		return NULL;
	}
	nrow = rd32(p + 12);
	if ((m = calloc(1, sizeof(*m))) == NULL)
		goto nomem;
	p += 16;
	for (i = 0; i <= NER_NTAG; i++)
		for (t = 0; t < NER_NTAG; t++, p += 4)
			m->trans[i][t] = rdf(p);
	for (t = 0; t < NER_NTAG; t++, p += 4)
		m->endw[t] = rdf(p);
	while (size < nrow * 2)
		size <<= 1;
	m->mask = size - 1;
	m->slot = calloc(size, sizeof(*m->slot));
	m->w = calloc(nrow ? nrow : 1, ROW * sizeof(float));
	m->cache = calloc((size_t)1 << CACHE_BITS, sizeof(*m->cache));
	m->sc = malloc(MAXSEG * ROW * sizeof(float));
	m->vit = malloc(MAXSEG * NER_NTAG * sizeof(float));
	m->bp = malloc(MAXSEG * NER_NTAG);
	m->hist = ner_hist_new();
	if (m->hist == NULL || m->slot == NULL || m->w == NULL ||
	    m->cache == NULL || m->sc == NULL || m->vit == NULL ||
	    m->bp == NULL)
		goto nomem;
	for (i = 0; i < nrow; i++) {
		uint32_t key, mk;
		float scale;
		size_t j;

		if (e - p < 8)
			goto trunc;
		key = rd32(p);
		scale = exp2f((float)p[4] / 8.0f - 20.0f);
		mk = (uint32_t)p[5] | (uint32_t)p[6] << 8 |
		    (uint32_t)p[7] << 16;
		p += 8;
		for (t = 0; t < NER_NTAG; t++)
			if (mk & (1u << t)) {
				if (p >= e)
					goto trunc;
				m->w[i * ROW + t] = (float)(signed char)*p++ *
				    scale;
			}
		j = (key * 0x9e3779b1u) & m->mask;
		while (m->slot[j].row != 0)
			j = (j + 1) & m->mask;
		m->slot[j].key = key;
		m->slot[j].row = (uint32_t)i + 1;
	}
	m->nrow = nrow;
	m->bias = ner_row(m, ner_bias_key());
	for (i = 0; i < 2; i++)
		for (off = -2; off <= 2; off++) {
			size_t k = ner_pad_feats((int)i, off, f);

			add_feats(m, f, k, m->pad[i][off + 2]);
		}
	return m;
trunc:
	ner_free(m);
	*why = "model file is truncated";
	return NULL;
nomem:
	ner_free(m);
	*why = "out of memory";
	return NULL;
}

extern const unsigned char data_nermodel[];
extern const unsigned long data_nermodel_len;

struct ner_model *
ner_default(const char **why)
{
	return ner_load(data_nermodel, data_nermodel_len, why);
}

/* The cached word-feature sums of token t. */
static const struct cache_ent *
word_vec(struct ner_model *m, const struct ner_tok *t)
{
	struct cache_ent *c = &m->cache[(t->hw ^ t->len) &
	    (((size_t)1 << CACHE_BITS) - 1)];
	uint32_t f[NWIN * NER_MAXFEAT];
	size_t at[NWIN + 1], k;

	if (c->used && c->hw == t->hw && c->len == t->len)
		return c;
	memset(c->v, 0, sizeof(c->v));
	(void)ner_word_feats_all(t->s, t->len, t->flags, f, at);
	for (k = 0; k < NWIN; k++)
		add_feats(m, f + at[k], at[k + 1] - at[k], c->v[k]);
	c->hw = t->hw;
	c->len = t->len;
	c->used = 1;
	return c;
}

/* Allowed BILOU transitions; prev NER_NTAG is the sentence start. */
static unsigned char allowed[NER_NTAG + 1][NER_NTAG];
static unsigned char allowed_end[NER_NTAG];
static unsigned char prevs[NER_NTAG][NER_NTAG], nprev[NER_NTAG];

void
ner_init_trans(void)
{
	int p, c;

	if (allowed[NER_NTAG][0])
		return;
	for (p = 0; p <= NER_NTAG; p++)
		for (c = 0; c < NER_NTAG; c++) {
			int pk = p == 0 || p == NER_NTAG ? -1 : (p - 1) % 4;
			int pt = p == 0 || p == NER_NTAG ? -1 : (p - 1) / 4;
			int ck = c == 0 ? -1 : (c - 1) % 4;
			int ct = c == 0 ? -1 : (c - 1) / 4;
			int open = pk == 0 || pk == 1;	/* after B or I */

			if (open)
				allowed[p][c] = ct == pt && (ck == 1 || ck == 2);
			else
				allowed[p][c] = c == 0 || ck == 0 || ck == 3;
		}
	for (p = 0; p < NER_NTAG; p++)
		allowed_end[p] = p == 0 || (p - 1) % 4 >= 2;
	for (c = 0; c < NER_NTAG; c++)
		for (p = 0; p < NER_NTAG; p++)
			if (allowed[p][c])
				prevs[c][nprev[c]++] = (unsigned char)p;
}

/*
 * Viterbi over n tokens with emission scores sc (n rows of stride) and
 * the model's transitions; the best tags go to out.
 */
void
ner_viterbi(const float (*trans)[NER_NTAG], const float *endw,
    const float *sc, size_t stride, size_t n, float *vit, unsigned char *bp,
    unsigned char *out)
{
	size_t i;
	int c, k, best = 0;
	float bs = -INFINITY, ttr[NER_NTAG][NER_NTAG];

	ner_init_trans();
	/* the transitions into each tag, in the order of prevs[] */
	for (c = 0; c < NER_NTAG; c++)
		for (k = 0; k < nprev[c]; k++)
			ttr[c][k] = trans[prevs[c][k]][c];
	for (c = 0; c < NER_NTAG; c++)
		vit[c] = allowed[NER_NTAG][c] ? trans[NER_NTAG][c] + sc[c] :
		    -INFINITY;
	for (i = 1; i < n; i++) {
		const float *pv = vit + (i - 1) * NER_NTAG;
		float *cv = vit + i * NER_NTAG;

		for (c = 0; c < NER_NTAG; c++) {
			const unsigned char *pl = prevs[c];
			const float *tt = ttr[c];
			float b = pv[pl[0]] + tt[0];
			int bi = pl[0];

			/* no branches: the winner is data, not control */
			for (k = 1; k < nprev[c]; k++) {
				float v = pv[pl[k]] + tt[k];
				int w = v > b;

				bi = w ? pl[k] : bi;
				b = w ? v : b;
			}
			cv[c] = b + sc[i * stride + c];
			bp[i * NER_NTAG + c] = (unsigned char)bi;
		}
	}
	for (c = 0; c < NER_NTAG; c++) {
		float v;

		if (!allowed_end[c])
			continue;
		v = vit[(n - 1) * NER_NTAG + c] + endw[c];
		if (v > bs) {
			bs = v;
			best = c;
		}
	}
	for (i = n; i-- > 0; ) {
		out[i] = (unsigned char)best;
		if (i > 0)
			best = bp[i * NER_NTAG + best];
	}
}

/* Tag tokens [a, b) of sentence si, b - a <= MAXSEG. */
static void
tag_seg(struct ner_model *m, struct ner_doc *d, size_t si, size_t sa,
    size_t sb, size_t a, size_t b)
{
	unsigned char out[MAXSEG];
	uint32_t f[64];
	size_t n = b - a, i, k;
	long j;

	for (i = 0; i < n; i++) {
		float *v = m->sc + i * ROW;

		if (m->bias != NULL)
			memcpy(v, m->bias, ROW * sizeof(float));
		else
			memset(v, 0, ROW * sizeof(float));
	}
	/*
	 * Word j's features at offset k-2 count for token j-k+2.  Each
	 * cache entry is used at once: the next lookup may replace it.
	 */
	for (j = -2; j < (long)n + 2; j++) {
		long g = (long)a + j;
		const float (*wv)[ROW];

		if (g < (long)sa)
			wv = m->pad[0];
		else if (g >= (long)sb)
			wv = m->pad[1];
		else
			wv = word_vec(m, &d->tok[g])->v;
		for (k = 0; k < NWIN; k++) {
			long ti = j - (long)k + 2;
			float *v;

			if (ti < 0 || ti >= (long)n)
				continue;
			v = m->sc + (size_t)ti * ROW;
			row_add(v, wv[k]);
		}
	}
	for (i = 0; i < n; i++) {
		k = ner_ctx_feats(d, si, sa, sb, a + i, 0, f);
		k += ner_hist_feats(&d->tok[a + i], f + k);
		add_feats(m, f, k, m->sc + i * ROW);
	}
	ner_viterbi((const float (*)[NER_NTAG])m->trans, m->endw, m->sc, ROW,
	    n, m->vit, m->bp, out);
	for (i = 0; i < n; i++)
		d->tok[a + i].tag = out[i];
}

void
ner_tag(struct ner_model *m, struct ner_doc *d)
{
	size_t si, i;
	unsigned char tags[MAXSEG];

	ner_hist_reset(m->hist);
	for (si = 0; si < d->nsent; si++) {
		size_t a = d->sent[si], b = si + 1 < d->nsent ?
		    d->sent[si + 1] : d->ntok, s, e;

		for (s = a; s < b; s = e) {
			e = b - s > MAXSEG ? s + MAXSEG : b;
			ner_hist_set(m->hist, d, s, e);
			tag_seg(m, d, si, a, b, s, e);
			for (i = s; i < e; i++)
				tags[i - s] = d->tok[i].tag;
			/* out of memory: tag on without the history */
			(void)ner_hist_add(m->hist, d, s, e, tags);
		}
	}
}

/*
 * The mentions of sentence si, read from the tags leniently: a B
 * without its L still ends a mention.  Returns how many there are
 * (only the first max go to out).
 */
size_t
ner_spans(const struct ner_doc *d, size_t si, struct ner_span *out,
    size_t max)
{
	size_t a = d->sent[si], b = si + 1 < d->nsent ? d->sent[si + 1] :
	    d->ntok, i, n = 0;
	long open = -1;
	int otype = -1;

	for (i = a; i <= b; i++) {
		int tag = i < b ? d->tok[i].tag : 0;
		int kind = tag == 0 ? -1 : (tag - 1) % 4;
		int type = tag == 0 ? -1 : (tag - 1) / 4;

		if (open >= 0 && (tag == 0 || kind == 0 || kind == 3 ||
		    type != otype)) {
			if (n < max) {
				out[n].sent = si;
				out[n].first = (size_t)open;
				out[n].last = i - 1;
				out[n].type = otype;
			}
			n++;
			open = -1;
		}
		if (tag == 0)
			continue;
		if (open < 0) {
			open = (long)i;
			otype = type;
		}
		if (kind == 2 || kind == 3) {
			if (n < max) {
				out[n].sent = si;
				out[n].first = (size_t)open;
				out[n].last = i;
				out[n].type = otype;
			}
			n++;
			open = -1;
		}
	}
	return n;
}
