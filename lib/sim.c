/*
 * Sentence similarity for nmerge.  A sentence becomes a short array of
 * tokens: stem hashes (Snowball), synonym groups (data/nmerge_syn.txt),
 * idf weights (data/nmerge_idf.txt) and flags for numbers, times and
 * negations.  A pair of sentences becomes SIM_NFEAT features, and a
 * logistic model (data/nmerge_model.txt) turns them into a probability.
 */
#include <ctype.h>
#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lexicon.h"
#include "sim.h"
#include "tok.h"
#include "utf8.h"

#define SIM_MAXTOK	256	/* tokens of a sentence that count */
#define SURF_SALT	0x5bd1e995ULL	/* words apart from stems */
#define ATTR_MAX	6	/* the most words of an attribution */
#define WORDMAX		64

struct u64map {
	uint64_t	*key;		/* 0: empty */
	uint64_t	*val;
	size_t		 mask;
	size_t		 n;
};

/*
 * What a word is, whatever its place: the tokens sim_analyze() makes of
 * it, a cached result of stemming and the look-ups.  The words of a news
 * stream repeat, so most are found here.
 */
#define WC_MAX		(1 << 17)	/* words cached, at most */

struct wentry {
	struct sim_tok	tok;		/* a number word, weekday or word */
	uint64_t	month;		/* the month's stem, when one */
	uint32_t	key, keylen;	/* the word as written, in wcbuf */
	unsigned char	kind;		/* WK_ below */
	unsigned char	may;		/* the month is "may" */
	unsigned char	abbr;		/* the month is abbreviated */
	unsigned char	num;		/* a number word: 1 + its numwords[] */
	unsigned char	scale;		/* thousand 3, million 6, ... */
};

#define WK_NONE		0	/* no letters: no token */
#define WK_NUM		1	/* a number word: "three" */
#define WK_WDAY		2
#define WK_WORD		3

struct sim {
	struct sb_stemmer	*stemmer;
	struct lexicon		*stop;
	struct lexicon		*marks;	/* units ("u") and verbs of saying */
	struct u64map		 idf;	/* stem hash -> float bits */
	struct u64map		 syn;	/* stem hash -> group hash */
	struct u64map		 wnmap;	/* stem hash -> senses in wnpool */
	uint32_t		*wnpool;
	size_t			 nwnpool;
	double			 idfmax;
	double			 w[SIM_NFEAT];
	double			 bias;
	struct sim_tree		*tree;
	size_t			 ntree;
	struct u64map		 kld;	/* term hash -> TF-KLD weight bits */
	double			 kldflt;	/* the weight of a term unseen */
	struct tokvec		 tv;
	uint32_t		*wcidx;	/* 1 + entry, 0 empty; 2 * WC_MAX */
	struct wentry		*wc;
	size_t			 nwc;
	struct wentry		 wtmp;	/* a word the cache has no room for */
	char			*wcbuf;
	size_t			 nwcbuf, capwcbuf;
};

extern const char data_nmerge_stop[], data_nmerge_syn[], data_nmerge_idf[],
    data_nmerge_model[], data_nmerge_wordnet[];
extern const unsigned long data_nmerge_stop_len, data_nmerge_syn_len,
    data_nmerge_idf_len, data_nmerge_model_len, data_nmerge_wordnet_len;

/* the senses of one stem, kept while loading */
#define WN_MAX	12

static const uint32_t	*wn_pool;	/* for tokmatch(): the loaded pool */

static const char *featname[SIM_NFEAT] = {
	"align_a", "align_b", "align_min", "align_prod", "content_dice",
	"token_dice", "bigram_dice", "trigram_dice", "lcs_max", "lcs_min",
	"length_diff", "num_clash", "num_shared", "time_clash", "neg_clash",
	"name_unmatched", "rest_max", "rest_min", "key_jaccard", "key_clash",
	"exact_min", "align_min_sq", "lcs_max_sq", "rest_share", "content_ratio",
	"bigram_min", "uni_p_min", "uni_p_max", "bi_p_min", "bi_p_max",
	"tri_p_min", "tri_p_max", "word_p_min", "word_p_max", "wordbi_p_min",
	"wordbi_p_max", "run_max", "run_min", "len_gap", "bleu_min",
	"unmatched_max", "unmatched_min", "soft_share", "num_unmatched",
	"name_share", "kld_uni_dice", "kld_uni_miss", "kld_bi_dice",
	"kld_bi_miss"
};

/* for features(): the TF-KLD weights of stems and stem bigrams */
static const struct u64map	*kld_map;
static double			 kld_dflt;

static const char *negwords[] = {
	"cannot", "n't", "neither", "never", "no", "nobody", "none", "nor",
	"not", "nothing", "nowhere", "without"
};

static const char *months[] = {
	"jan", "january", "feb", "february", "mar", "march", "apr", "april",
	"may", "may", "jun", "june", "jul", "july", "aug", "august", "sep",
	"september", "sept", "september", "oct", "october", "nov", "november",
	"dec", "december"
};

static const char *weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

static const char *numwords[] = {
	"one", "1", "two", "2", "three", "3", "four", "4", "five", "5",
	"six", "6", "seven", "7", "eight", "8", "nine", "9", "ten", "10",
	"eleven", "11", "twelve", "12", "dozen", "12", "twenty", "20",
	"thirty", "30", "forty", "40", "fifty", "50", "hundred", "100"
};

/* verbs that attribute a report to its source */
static const char *saids[] = {
	"according", "added", "adds", "claimed", "explained", "noted", "said",
	"say", "says", "stated", "tell", "tells", "told"
};

/* words a number measures rather than counts: "4 percent", "30 days" */
static const char *units[] = {
	"a.m", "acre", "acres", "am", "barrel", "barrels", "basis", "billion",
	"billions", "cent", "cents", "day", "days", "degree", "degrees",
	"dollar", "dollars", "euro", "euros", "feet", "foot", "gallon",
	"gallons", "hour", "hours", "inch", "inches", "kilometer",
	"kilometers", "kilometre", "kilometres", "km", "meter", "meters",
	"metre", "metres", "mile", "miles", "million", "millions", "minute",
	"minutes", "month", "months", "mph", "o'clock", "p.m", "pct",
	"per", "percent", "percentage", "pm", "point", "points", "pound",
	"pounds", "second", "seconds", "thousand", "thousands", "times",
	"ton", "tonne", "tonnes", "tons", "trillion", "week", "weeks", "year",
	"years", "yen"
};

static size_t	features(const struct sim_sent *, const struct sim_sent *,
		    double *, float *, float *);
static double	news(const struct sim_sent *, const struct sim_sent *,
		    const float *, const float *, struct sim_news *);

static int
map_put(struct u64map *m, uint64_t k, uint64_t v)
{
	size_t i;

	if (k == 0)
		k = 1;
	if ((m->n + 1) * 2 > m->mask + 1 || m->key == NULL) {
		struct u64map nm;
		size_t size = m->key == NULL ? 1024 : (m->mask + 1) * 2, j;

		nm.key = calloc(size, sizeof(uint64_t));
		nm.val = calloc(size, sizeof(uint64_t));
		if (nm.key == NULL || nm.val == NULL) {
			free(nm.key);
			free(nm.val);
			return -1;
		}
		nm.mask = size - 1;
		nm.n = 0;
		for (j = 0; m->key != NULL && j <= m->mask; j++)
			if (m->key[j] != 0) {
				size_t h = m->key[j] & nm.mask;

				while (nm.key[h] != 0)
					h = (h + 1) & nm.mask;
				nm.key[h] = m->key[j];
				nm.val[h] = m->val[j];
				nm.n++;
			}
		free(m->key);
		free(m->val);
		*m = nm;
	}
	i = k & m->mask;
	while (m->key[i] != 0 && m->key[i] != k)
		i = (i + 1) & m->mask;
	if (m->key[i] == 0) {
		m->key[i] = k;
		m->n++;
	}
	m->val[i] = v;
	return 0;
}

static int
map_get(const struct u64map *m, uint64_t k, uint64_t *v)
{
	size_t i;

	if (m->key == NULL)
		return 0;
	if (k == 0)
		k = 1;
	i = k & m->mask;
	while (m->key[i] != 0) {
		if (m->key[i] == k) {
			*v = m->val[i];
			return 1;
		}
		i = (i + 1) & m->mask;
	}
	return 0;
}

static void
map_free(struct u64map *m)
{
	free(m->key);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

/* Lower-case and stem w[0..n) into out (room for outsz); its length. */
size_t
sim_stem(struct sim *s, const char *w, size_t n, char *out, size_t outsz)
{
	char low[WORDMAX * 2];
	const sb_symbol *st;
	size_t len;
	int sl;

	len = utf8_lower(low, sizeof(low), w, n > WORDMAX ? WORDMAX : n);
	while (len > 0 && low[len - 1] == '.')
		len--;
	st = sb_stemmer_stem(s->stemmer, (const sb_symbol *)low, (int)len);
	if (st == NULL || (sl = sb_stemmer_length(s->stemmer)) <= 0) {
		sl = (int)(len < outsz ? len : outsz);
		memcpy(out, low, (size_t)sl);
		return (size_t)sl;
	}
	if ((size_t)sl > outsz)
		sl = (int)outsz;
	memcpy(out, st, (size_t)sl);
	return (size_t)sl;
}

static double
getnum(const char **p, const char *end)
{
	char buf[64];
	size_t n = 0;

	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
	while (*p < end && **p != '\n' && **p != ' ' && **p != '\t' &&
	    n < sizeof(buf) - 1)
		buf[n++] = *(*p)++;
	buf[n] = '\0';
	return strtod(buf, NULL);
}

/*
 * A tree line: "tree" and SIM_NODES "feature:threshold" splits, then
 * SIM_NODES + 1 leaf values, split by spaces.
 */
static int
load_tree(struct sim *s, const char *p, const char *eol)
{
	struct sim_tree t, *nt;
	size_t i;

	for (i = 0; i < SIM_NODES; i++) {
		char *e;
		unsigned long fi;

		while (p < eol && *p == ' ')
			p++;
		fi = strtoul(p, &e, 10);
		if (e == p || *e != ':' || fi >= SIM_NFEAT)
			return 0;	/* not ours: ignored */
		t.feat[i] = (unsigned char)fi;
		p = e + 1;
		t.thr[i] = (float)getnum(&p, eol);
	}
	for (i = 0; i <= SIM_NODES; i++)
		t.leaf[i] = (float)getnum(&p, eol);
	if ((nt = reallocarray(s->tree, s->ntree + 1, sizeof(*nt))) == NULL)
		return -1;
	s->tree = nt;
	s->tree[s->ntree++] = t;
	return 0;
}

static int
load_model(struct sim *s, const char *src, size_t len)
{
	const char *p = src, *end = src + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *sp;
		size_t i;

		if (eol - p > 5 && memcmp(p, "tree ", 5) == 0) {
			if (load_tree(s, p + 5, eol) == -1)
				return -1;
		} else if (*p != '#' && eol > p &&
		    (sp = memchr(p, ' ', (size_t)(eol - p))) != NULL) {
			size_t nlen = (size_t)(sp - p);

			if (nlen == 4 && memcmp(p, "bias", 4) == 0)
				s->bias = getnum(&sp, eol);
			if (nlen == 11 && memcmp(p, "kld_default", 11) == 0)
				s->kldflt = getnum(&sp, eol);
			if (nlen == 3 && memcmp(p, "kld", 3) == 0) {
				char *e;
				uint64_t h = strtoull(sp + 1, &e, 16);
				const char *q = e;
				float f = (float)getnum(&q, eol);
				uint32_t bits;

				memcpy(&bits, &f, sizeof(bits));
				if (map_put(&s->kld, h, bits) == -1)
					return -1;
			}
			for (i = 0; i < SIM_NFEAT; i++)
				if (strlen(featname[i]) == nlen &&
				    memcmp(featname[i], p, nlen) == 0)
					s->w[i] = getnum(&sp, eol);
		}
		p = eol + 1;
	}
	return 0;
}

/* units[] and saids[] as one lexicon, word<TAB>u or s. */
static int
load_marks(struct sim *s)
{
	char *src = NULL;
	size_t len = 0, cap = 0, i, n;

	for (i = 0; i < sizeof(units) / sizeof(units[0]) +
	    sizeof(saids) / sizeof(saids[0]); i++) {
		int unit = i < sizeof(units) / sizeof(units[0]);
		const char *w = unit ? units[i] :
		    saids[i - sizeof(units) / sizeof(units[0])];
		char *ns;

		n = strlen(w);
		if (len + n + 4 > cap) {
			cap = (len + n + 4) * 2;
			if ((ns = realloc(src, cap)) == NULL) {
				free(src);
				return -1;
			}
			src = ns;
		}
		memcpy(src + len, w, n);
		len += n;
		src[len++] = '\t';
		src[len++] = unit ? 'u' : 's';
		src[len++] = '\n';
	}
	s->marks = lex_load(src, len);
	free(src);
	return s->marks == NULL ? -1 : 0;
}

/* data/nmerge_idf.txt: "#docs N", then "stem<TAB>document frequency". */
static int
load_idf(struct sim *s)
{
	const char *p = data_nmerge_idf, *end = p + data_nmerge_idf_len;
	double ndocs = 1000;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *tab;

		if (eol - p > 6 && memcmp(p, "#docs ", 6) == 0) {
			const char *q = p + 5;

			ndocs = getnum(&q, eol);
		} else if (*p != '#' && (tab = memchr(p, '\t', (size_t)(eol -
		    p))) != NULL) {
			const char *q = tab + 1;
			double df = getnum(&q, eol), idf;
			float f;
			uint32_t bits;

			idf = log((ndocs + 1) / (df + 1));
			f = (float)(idf < 0.1 ? 0.1 : idf);
			memcpy(&bits, &f, sizeof(bits));
			if (map_put(&s->idf, hash_bytes(p, (size_t)(tab - p)),
			    bits) == -1)
				return -1;
		}
		p = eol + 1;
	}
	s->idfmax = log(ndocs + 1);
	return 0;
}

/* data/nmerge_syn.txt: one group of words a line, the first names it. */
static int
load_syn(struct sim *s)
{
	const char *p = data_nmerge_syn, *end = p + data_nmerge_syn_len;
	char st[WORDMAX];

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *w = p;
		uint64_t group = 0;

		if (*p == '#') {
			p = eol + 1;
			continue;
		}
		while (w < eol) {
			const char *we = w;
			size_t n;

			while (we < eol && *we != ' ')
				we++;
			if (we > w) {
				n = sim_stem(s, w, (size_t)(we - w), st,
				    sizeof(st));
				if (group == 0)
					group = hash_bytes(st, n) | 1;
				if (map_put(&s->syn, hash_bytes(st, n),
				    group) == -1)
					return -1;
			}
			w = we + 1;
		}
		p = eol + 1;
	}
	return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * data/nmerge_wordnet.txt: "word<TAB>sense sense ...".  Words of one
 * stem pool their senses (WN_MAX at most); a stem's entry in wnmap is
 * its offset in wnpool << 8 | the count.
 */
static int
load_wordnet(struct sim *s)
{
	const char *p = data_nmerge_wordnet, *end = p + data_nmerge_wordnet_len;
	char st[WORDMAX];
	size_t cap = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *tab, *q;
		uint32_t sv[WN_MAX * 2];
		size_t n = 0, sn, i, k;
		uint64_t h, old;

		if (*p == '#' || (tab = memchr(p, '\t', (size_t)(eol - p))) ==
		    NULL) {
			p = eol + 1;
			continue;
		}
		sn = sim_stem(s, p, (size_t)(tab - p), st, sizeof(st));
		h = hash_bytes(st, sn);
		if (map_get(&s->wnmap, h, &old))
			for (i = 0; i < (old & 0xff) && n < WN_MAX; i++)
				sv[n++] = s->wnpool[(old >> 8) + i];
		for (q = tab + 1; q < eol && n < WN_MAX * 2; ) {
			uint32_t v = 0;

			while (q < eol && *q >= '0' && *q <= '9')
				v = v * 10 + (uint32_t)(*q++ - '0');
			if (v != 0)
				sv[n++] = v;
			while (q < eol && (*q < '0' || *q > '9'))
				q++;
		}
		qsort(sv, n, sizeof(sv[0]), cmp_u32);
		for (i = k = 0; i < n; i++)
			if (k == 0 || sv[k - 1] != sv[i])
				sv[k++] = sv[i];
		if (k > WN_MAX)
			k = WN_MAX;
		if (s->nwnpool + k > cap) {
			uint32_t *np;

			cap = cap ? cap * 2 : 65536;
			if ((np = reallocarray(s->wnpool, cap,
			    sizeof(*np))) == NULL)
				return -1;
			s->wnpool = np;
		}
		memcpy(s->wnpool + s->nwnpool, sv, k * sizeof(sv[0]));
		if (map_put(&s->wnmap, h, (uint64_t)s->nwnpool << 8 | k) == -1)
			return -1;
		s->nwnpool += k;
		p = eol + 1;
	}
	wn_pool = s->wnpool;
	return 0;
}

struct sim *
sim_new(const char **why)
{
	struct sim *s;

	if ((s = calloc(1, sizeof(*s))) == NULL) {
		*why = "out of memory";
		return NULL;
	}
	if ((s->stemmer = sb_stemmer_new("english", "UTF_8")) == NULL) {
		*why = "no English stemmer in libstemmer";
		free(s);
		return NULL;
	}
	if ((s->stop = lex_load(data_nmerge_stop, data_nmerge_stop_len)) ==
	    NULL || load_marks(s) == -1 || load_idf(s) == -1 ||
	    load_syn(s) == -1 ||
	    load_wordnet(s) == -1 ||
	    load_model(s, data_nmerge_model, data_nmerge_model_len) == -1) {
		*why = "out of memory";
		sim_free(s);
		return NULL;
	}
	kld_map = &s->kld;
	kld_dflt = s->kldflt;
	return s;
}

void
sim_free(struct sim *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->stemmer);
	lex_free(s->stop);
	lex_free(s->marks);
	map_free(&s->idf);
	map_free(&s->syn);
	map_free(&s->wnmap);
	map_free(&s->kld);
	free(s->wnpool);
	free(s->tree);
	tokvec_free(&s->tv);
	free(s->wcidx);
	free(s->wc);
	free(s->wcbuf);
	free(s);
}

int
sim_set_model(struct sim *s, const double *w, size_t n, double bias)
{
	size_t i;

	if (n != SIM_NFEAT)
		return -1;
	for (i = 0; i < n; i++)
		s->w[i] = w[i];
	s->bias = bias;
	return 0;
}

int
sim_set_trees(struct sim *s, const struct sim_tree *t, size_t n)
{
	struct sim_tree *nt = NULL;

	if (n > 0 && (nt = reallocarray(NULL, n, sizeof(*nt))) == NULL)
		return -1;
	if (n > 0)
		memcpy(nt, t, n * sizeof(*nt));
	free(s->tree);
	s->tree = nt;
	s->ntree = n;
	return 0;
}

/* TF-KLD weights: n term hashes h and their weights w; dflt for others. */
int
sim_set_kld(struct sim *s, const uint64_t *h, const float *w, size_t n,
    double dflt)
{
	size_t i;

	map_free(&s->kld);
	memset(&s->kld, 0, sizeof(s->kld));
	for (i = 0; i < n; i++) {
		uint32_t bits;

		memcpy(&bits, &w[i], sizeof(bits));
		if (map_put(&s->kld, h[i], bits) == -1)
			return -1;
	}
	s->kldflt = dflt;
	kld_map = &s->kld;
	kld_dflt = dflt;
	return 0;
}

static double
kldw(uint64_t h)
{
	uint64_t v;
	uint32_t bits;
	float f;

	if (kld_map == NULL || !map_get(kld_map, h, &v))
		return kld_dflt;
	bits = (uint32_t)v;
	memcpy(&f, &bits, sizeof(f));
	return f;
}

/* The terms TF-KLD weighs: stems and stem bigrams, sorted. */
void
sim_kld_terms(const struct sim_sent *a, const uint64_t **uni, size_t *nuni,
    const uint64_t **bi, size_t *nbi)
{
	*uni = a->gram[2];
	*nuni = a->ngram[2];
	*bi = a->gram[0];
	*nbi = a->ngram[0];
}

/* The weighted Dice of two sorted term lists, and the most weight left
   unmatched on one side. */
#define KW(w, h, i)	((w) != NULL ? (double)(w)[i] : kldw((h)[i]))

static void
kld_pair(const uint64_t *x, const float *wx, size_t nx, const uint64_t *y,
    const float *wy, size_t ny, double *dice, double *miss)
{
	size_t i = 0, j = 0;
	double sx = 0, sy = 0, both = 0;

	while (i < nx || j < ny) {
		if (j == ny || (i < nx && x[i] < y[j])) {
			sx += KW(wx, x, i);
			for (i++; i < nx && x[i] == x[i - 1]; i++)
				;
		} else if (i == nx || y[j] < x[i]) {
			sy += KW(wy, y, j);
			for (j++; j < ny && y[j] == y[j - 1]; j++)
				;
		} else {
			double w = KW(wx, x, i);

			sx += w;
			sy += w;
			both += w;
			for (i++; i < nx && x[i] == x[i - 1]; i++)
				;
			for (j++; j < ny && y[j] == y[j - 1]; j++)
				;
		}
	}
	*dice = sx + sy > 0 ? 2 * both / (sx + sy) : 0;
	*miss = sx - both > sy - both ? sx - both : sy - both;
}

/* Features 45 to 48: TF-KLD-weighted overlap (Ji and Eisenstein 2013). */
void
sim_kld_features(const struct sim_sent *a, const struct sim_sent *b,
    double *f)
{
	kld_pair(a->gram[2], a->kw, a->ngram[2], b->gram[2], b->kw,
	    b->ngram[2], &f[45], &f[46]);
	kld_pair(a->gram[0], a->kw ? a->kw + a->ngram[2] : NULL, a->ngram[0],
	    b->gram[0], b->kw ? b->kw + b->ngram[2] : NULL, b->ngram[0],
	    &f[47], &f[48]);
}

/* The boosted trees' part of the log-odds. */
double
sim_tree_sum(const struct sim_tree *t, size_t n, const double *f)
{
	double z = 0;
	size_t i, k, d;

	for (i = 0; i < n; i++) {
		for (k = d = 0; d < SIM_DEPTH; d++)
			k = 2 * k + 1 + (f[t[i].feat[k]] > t[i].thr[k]);
		z += t[i].leaf[k - SIM_NODES];
	}
	return z;
}

const char *
sim_feature_name(size_t i)
{
	return i < SIM_NFEAT ? featname[i] : NULL;
}

static int
inlist(const char **list, size_t n, const char *w, size_t len, size_t step)
{
	size_t i;

	for (i = 0; i < n; i += step)
		if (list[i][0] == w[0] && strlen(list[i]) == len &&
		    memcmp(list[i], w, len) == 0)
			return (int)i;
	return -1;
}

/* The idf of a stem; unseen stems are rare, and weigh the most. */
double
sim_idf(const struct sim *s, const char *stem, size_t n)
{
	uint64_t v;
	float f;
	uint32_t bits;

	if (!map_get(&s->idf, hash_bytes(stem, n), &v))
		return s->idfmax;
	bits = (uint32_t)v;
	memcpy(&f, &bits, sizeof(f));
	return f;
}

/* Digits of a number with thousands separators dropped: "3,000" "3000". */
static size_t
number_norm(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i, o = 0;

	for (i = 0; i < n && o < outsz; i++)
		if (s[i] != ',')
			out[o++] = s[i];
	/* 2.50 and 2.5 are one number */
	if (memchr(out, '.', o) != NULL) {
		while (o > 0 && out[o - 1] == '0')
			o--;
		if (o > 0 && out[o - 1] == '.')
			o--;
	}
	return o;
}

static int
addtok(struct sim_tokvec *v, const struct sim_tok *t)
{
	if (v->n == v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 256;
		struct sim_tok *nv;

		if ((nv = reallocarray(v->v, nc, sizeof(*nv))) == NULL)
			return -1;
		v->v = nv;
		v->cap = nc;
	}
	v->v[v->n++] = *t;
	return 0;
}

/*
 * Mark the attribution of a sentence's n tokens t: who said it is not
 * what was said.  A short last clause with a verb of saying (", the
 * harbor authority said", ", according to the railroad"), or the words
 * up to such a verb near the start ("Mayor Okafor said ...", "Mr. Lind,
 * of the safety board, said ...").
 */
static void
attribution(struct sim_tok *t, size_t n)
{
	size_t i, j, cs, ce;
	uint64_t which = hash_bytes("which", 5) ^ SURF_SALT,
	    who = hash_bytes("who", 3) ^ SURF_SALT,
	    whose = hash_bytes("whose", 5) ^ SURF_SALT;

	for (i = 0; i < n; i++) {
		if (!(t[i].flags & ST_SAID))
			continue;
		for (cs = i; cs > 0 && !(t[cs].flags & ST_CLAUSE); cs--)
			;
		for (ce = i + 1; ce < n && !(t[ce].flags & ST_CLAUSE); ce++)
			;
		if (cs > 0 && ce == n && ce - cs <= ATTR_MAX)
			for (j = cs; j < ce; j++)
				t[j].flags |= ST_ATTR;
		else if ((cs == 0 && i < ATTR_MAX) || (cs == i &&
		    i < 2 * ATTR_MAX)) {
			/* but "which sent five investigators" is news */
			int keep = 0;

			for (j = 0; j <= i; j++) {
				if (t[j].flags & ST_CLAUSE)
					keep = t[j].surf == which || t[j].surf ==
					    who || t[j].surf == whose;
				if (!keep)
					t[j].flags |= ST_ATTR;
			}
		}
	}
}

/*
 * The power of ten that a scale word multiplies by: thousand 3, million
 * 6, billion 9, trillion 12; glued (a number's suffix: 2.5m, $3bn, 10k),
 * the short forms too.  0 for other words.
 */
static int
scale_of(const char *w, size_t n, int glued)
{
	static const struct { const char *w; int exp, glued; } sc[] = {
		{ "thousand", 3, 0 }, { "million", 6, 0 }, { "billion", 9, 0 },
		{ "trillion", 12, 0 }, { "k", 3, 1 }, { "m", 6, 1 },
		{ "mn", 6, 1 }, { "bn", 9, 1 }, { "tn", 12, 1 }
	};
	size_t i;

	for (i = 0; i < sizeof(sc) / sizeof(sc[0]); i++)
		if ((glued || !sc[i].glued) && strlen(sc[i].w) == n &&
		    memcmp(sc[i].w, w, n) == 0)
			return sc[i].exp;
	return 0;
}

/*
 * The digits d[0..n) (a number_norm() result) times ten to exp, written
 * the same way into out: "2.5" and 6 make "2500000", "1.2345" and 3
 * "1234.5".  Returns the length, 0 when out is too small.
 */
static size_t
scale_norm(const char *d, size_t n, int exp, char *out, size_t outsz)
{
	const char *dot = memchr(d, '.', n);
	size_t ip = dot != NULL ? (size_t)(dot - d) : n, o = 0, i, pt;

	if (n + (size_t)exp + 2 > outsz)
		return 0;
	pt = ip + (size_t)exp;		/* digits before the point */
	for (i = 0; i < n; i++)
		if (d[i] != '.')
			out[o++] = d[i];
	while (o < pt)
		out[o++] = '0';
	if (o > pt) {
		memmove(out + pt + 1, out + pt, o - pt);
		out[pt] = '.';
		o++;
		while (out[o - 1] == '0')
			o--;
		if (out[o - 1] == '.')
			o--;
	}
	for (i = 0; i + 1 < o && out[i] == '0' && out[i + 1] != '.'; i++)
		;
	memmove(out, out + i, o - i);
	return o - i;
}

/*
 * A number's glued scale (2.5m, 3BN, 10k) into its digits d[0..*n), the
 * suffix dropped; 1 when there was one.
 */
static int
glued_scale(char *d, size_t *n, size_t sz)
{
	char suf[3], out[WORDMAX * 2];
	size_t p, k, o;
	int exp;

	for (p = 0; p < *n && (isdigit((unsigned char)d[p]) || d[p] == '.');
	    p++)
		;
	if (p == 0 || *n - p > 2 || *n == p)
		return 0;
	for (k = 0; p + k < *n; k++)
		suf[k] = (char)tolower((unsigned char)d[p + k]);
	if ((exp = scale_of(suf, k, 1)) == 0 ||
	    (o = scale_norm(d, p, exp, out, sizeof(out))) == 0 || o > sz)
		return 0;
	memcpy(d, out, o);
	*n = o;
	return 1;
}

/* The scale of the word that starts w[0..n) after a number's dash. */
static int
dash_scale(const char *w, size_t n)
{
	char low[16];
	size_t k;

	for (k = 0; k < n && k < sizeof(low) && w[k] != '-'; k++)
		low[k] = (char)tolower((unsigned char)w[k]);
	return k < sizeof(low) ? scale_of(low, k, 0) : 0;
}

/* The number token t, of digits d[0..n), times ten to exp; 1 if done. */
static int
rescale(struct sim_tok *t, const char *d, size_t n, int exp)
{
	char out[WORDMAX * 2];
	size_t o;

	if ((t->flags & (ST_NUM | ST_YEAR)) == 0 ||
	    (o = scale_norm(d, n, exp, out, sizeof(out))) == 0)
		return 0;
	t->stem = t->syn = hash_bytes(out, o);
	if (t->flags & ST_YEAR)		/* 2000 million is no year */
		t->flags ^= ST_NUM | ST_YEAR;
	return 1;
}

/* What word w[0..n) is, into e (its key aside). */
static void
word_make(struct sim *s, const char *w, size_t n, struct wentry *e)
{
	char low[WORDMAX * 2], st[WORDMAX * 2];
	struct sim_tok *tk = &e->tok;
	size_t low_n, st_n;
	const char *mark;
	int k;

	memset(e, 0, sizeof(*e));
	low_n = utf8_lower(low, sizeof(low), w, n > WORDMAX ? WORDMAX : n);
	while (low_n > 0 && low[low_n - 1] == '.')
		low_n--;
	if (low_n == 0) {
		e->kind = WK_NONE;
		return;
	}
	tk->surf = hash_bytes(low, low_n) ^ SURF_SALT;
	e->scale = (unsigned char)scale_of(low, low_n, 0);
	if ((k = inlist(numwords, sizeof(numwords) / sizeof(numwords[0]),
	    low, low_n, 2)) >= 0) {
		e->kind = WK_NUM;
		e->num = (unsigned char)(k + 2);
		tk->stem = tk->syn = hash_bytes(numwords[k + 1],
		    strlen(numwords[k + 1]));
		tk->idf = 3.0f;
		tk->flags = ST_NUM;
		return;
	}
	/* a month only where it is capitalised: see sim_analyze() */
	if ((k = inlist(months, sizeof(months) / sizeof(months[0]), low,
	    low_n, 1)) >= 0) {
		k |= 1;		/* the full name */
		e->month = hash_bytes(months[k], strlen(months[k]));
		e->abbr = low_n <= 3;
		e->may = low_n == 3 && memcmp(low, "may", 3) == 0;
	}
	if (inlist(weekdays, sizeof(weekdays) / sizeof(weekdays[0]), low,
	    low_n, 1) >= 0) {
		e->kind = WK_WDAY;
		tk->stem = tk->syn = hash_bytes(low, low_n);
		tk->idf = 2.0f;
		tk->flags = ST_WDAY;
	} else {
		uint64_t g;

		e->kind = WK_WORD;
		st_n = sim_stem(s, w, n, st, sizeof(st));
		tk->stem = hash_bytes(st, st_n);
		tk->syn = map_get(&s->syn, tk->stem, &g) ? g : tk->stem;
		if (map_get(&s->wnmap, tk->stem, &g)) {
			tk->wn = (uint32_t)g;
			for (k = 0; k < (int)(g & 0xff); k++)
				tk->wnbits |= 1ULL << (s->wnpool[(g >> 8) +
				    (size_t)k] & 63);
		}
		if (low_n >= 5)
			tk->pre = (uint32_t)hash_bytes(low, 5) | 1;
		if (inlist(negwords, sizeof(negwords) / sizeof(negwords[0]),
		    low, low_n, 1) >= 0)
			tk->flags |= ST_NEG | ST_STOP;
		if (lex_get(s->stop, low, low_n) != NULL)
			tk->flags |= ST_STOP;
		if ((mark = lex_get(s->marks, low, low_n)) != NULL)
			tk->flags |= *mark == 'u' ? ST_UNIT : ST_SAID;
		if (tk->flags & ST_STOP)
			tk->idf = 0.5f;
		else
			tk->idf = (float)sim_idf(s, st, st_n);
	}
}

/* What word w[0..n) is, from the cache or made (and cached when there
   is room); NULL when out of memory. */
static const struct wentry *
word(struct sim *s, const char *w, size_t n)
{
	const size_t mask = 2 * WC_MAX - 1;
	struct wentry *e;
	size_t h;
	uint32_t i;

	if (n > WORDMAX)
		n = WORDMAX;	/* all word_make() reads */
	if (s->wcidx == NULL && ((s->wcidx = calloc(mask + 1,
	    sizeof(*s->wcidx))) == NULL || (s->wc = reallocarray(NULL,
	    WC_MAX, sizeof(*s->wc))) == NULL))
		return NULL;
	for (h = (size_t)hash_bytes(w, n) & mask; (i = s->wcidx[h]) != 0;
	    h = (h + 1) & mask) {
		e = &s->wc[i - 1];
		if (e->keylen == n && memcmp(s->wcbuf + e->key, w, n) == 0)
			return e;
	}
	if (s->nwc == WC_MAX) {
		word_make(s, w, n, &s->wtmp);
		return &s->wtmp;
	}
	if (s->nwcbuf + n > s->capwcbuf) {
		size_t nc = s->capwcbuf ? s->capwcbuf * 2 : 65536;
		char *nb;

		if ((nb = realloc(s->wcbuf, nc)) == NULL)
			return NULL;
		s->wcbuf = nb;
		s->capwcbuf = nc;
	}
	e = &s->wc[s->nwc];
	word_make(s, w, n, e);
	e->key = (uint32_t)s->nwcbuf;
	e->keylen = (uint32_t)n;
	memcpy(s->wcbuf + s->nwcbuf, w, n);
	s->nwcbuf += n;
	s->wcidx[h] = (uint32_t)++s->nwc;
	return e;
}

/*
 * Append the tokens of text[0..len) to v.  Returns how many were added,
 * -1 when out of memory.
 */
int
sim_analyze(struct sim *s, const char *text, size_t len, struct sim_tokvec *v)
{
	size_t i, low_n, nwords = 0, added = 0, numraw = SIZE_MAX, numd_n = 0;
	char low[WORDMAX * 2], numd[WORDMAX * 2];
	const struct wentry *e;
	unsigned clause = 0;
	int scaled = 0;

	s->tv.n = 0;
	if (tokenize(text, len, &s->tv) == -1)
		return -1;
	for (i = 0; i < s->tv.n && added < SIM_MAXTOK; i++) {
		const struct token *t = &s->tv.v[i];
		const char *w = text + t->start;
		size_t wn = t->end - t->start;
		struct sim_tok tk;

		memset(&tk, 0, sizeof(tk));
		if (t->type == TOK_DASH || (t->type == TOK_PUNCT && wn == 1 &&
		    strchr(",;:()", w[0]) != NULL)) {
			clause = ST_CLAUSE;
			continue;
		}
		tk.flags = clause;
		if (t->type == TOK_CLITIC) {
			if (wn == 3 && memcmp(w, "n't", 3) == 0) {
				tk.flags |= ST_NEG | ST_STOP;
				tk.stem = tk.syn = tk.surf = hash_bytes("not",
				    3);
				tk.idf = 0.5f;
				if (addtok(v, &tk) == -1)
					return -1;
				added++;
				clause = 0;
			}
			continue;
		}
		if (t->type == TOK_NUM || (t->type == TOK_WORD &&
		    wn > 0 && isdigit((unsigned char)w[0]))) {
			const char *dash = memchr(w, '-', wn);
			size_t o;
			int exp = 0;

			/* 50-basis-point: the number is 50; $3-million 3e6 */
			if (t->type == TOK_WORD && dash != NULL) {
				exp = dash_scale(dash + 1, wn - (size_t)(dash -
				    w) - 1);
				wn = (size_t)(dash - w);
			}
			low_n = number_norm(w, wn, low, sizeof(low));
			scaled = glued_scale(low, &low_n, sizeof(low));
			if (exp != 0 && !scaled && (o = scale_norm(low, low_n,
			    exp, numd, sizeof(numd))) != 0) {
				memcpy(low, numd, o);
				low_n = o;
				scaled = 1;
			}
			tk.stem = tk.syn = tk.surf = hash_bytes(low, low_n);
			tk.idf = 3.0f;
			tk.flags |= ST_NUM;
			if (low_n == 4 && (memcmp(low, "19", 2) == 0 ||
			    memcmp(low, "20", 2) == 0) &&
			    isdigit((unsigned char)low[2]) &&
			    isdigit((unsigned char)low[3]))
				tk.flags ^= ST_NUM | ST_YEAR;
			if (addtok(v, &tk) == -1)
				return -1;
			added++;
			clause = 0;
			nwords++;
			numraw = i;
			memcpy(numd, low, low_n);
			numd_n = low_n;
			continue;
		}
		if (t->type != TOK_WORD)
			continue;
		if ((e = word(s, w, wn)) == NULL)
			return -1;
		if (e->kind == WK_NONE)
			continue;
		tk = e->tok;
		/* 3 million, 3,000,000 and 3m are one number */
		if (e->scale != 0 && numraw + 1 == i && !scaled && added > 0)
			(void)rescale(&v->v[v->n - 1], numd, numd_n, e->scale);
		if (e->num != 0) {
			numraw = i;
			numd_n = strlen(numwords[e->num - 1]);
			memcpy(numd, numwords[e->num - 1], numd_n);
			scaled = 0;
		}
		if (e->month != 0 && (t->flags & TF_CAP) && (nwords > 0 ||
		    !e->abbr) && !(e->may && nwords == 0)) {
			memset(&tk, 0, sizeof(tk));
			tk.stem = tk.syn = e->month;
			tk.surf = e->tok.surf;
			tk.idf = 3.0f;
			tk.flags = ST_YEAR;
		} else if (e->kind == WK_WORD && (t->flags & TF_CAP) &&
		    nwords > 0 && !(tk.flags & ST_STOP))
			tk.flags |= ST_CAP;
		tk.flags |= clause;
		if (addtok(v, &tk) == -1)
			return -1;
		added++;
		clause = 0;
		nwords++;
	}
	attribution(v->v + v->n - added, added);
	return (int)added;
}

/* Two words have a WordNet sense in common. */
static int
wn_share(uint32_t x, uint32_t y)
{
	const uint32_t *a = wn_pool + (x >> 8), *b = wn_pool + (y >> 8);
	size_t na = x & 0xff, nb = y & 0xff, i = 0, j = 0;

	while (i < na && j < nb)
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			return 1;
	return 0;
}

/*
 * How well two tokens match: 1 the same stem, 0.9 news synonyms, 0.8 a
 * WordNet sense in common, 0.7 the same first five letters, else 0.
 */
static float
tokmatch(const struct sim_tok *a, const struct sim_tok *t)
{
	if (t->stem == a->stem)
		return 1;
	if ((t->flags & ST_STOP) != (a->flags & ST_STOP))
		return 0;
	if (t->syn == a->syn && a->syn != a->stem)
		return 0.9f;
	if ((a->wnbits & t->wnbits) != 0 && !(a->flags & ST_STOP) &&
	    wn_share(a->wn, t->wn))
		return 0.8f;
	if (a->pre != 0 && t->pre == a->pre)
		return 0.7f;
	return 0;
}

/* Each token's best match in the other sentence, both ways at once. */
static void
best_matches(const struct sim_sent *a, const struct sim_sent *b, float *ba,
    float *bb, float *na, float *nb)
{
	size_t i, j;

	memset(bb, 0, b->ntok * sizeof(*bb));
	if (na != NULL) {
		memset(na, 0, a->ntok * sizeof(*na));
		memset(nb, 0, b->ntok * sizeof(*nb));
	}
	for (i = 0; i < a->ntok; i++) {
		float best = 0;

		for (j = 0; j < b->ntok; j++) {
			float m = tokmatch(&a->tok[i], &b->tok[j]);

			if (m > best)
				best = m;
			if (m > bb[j])
				bb[j] = m;
			/*
			 * For sim_news(): content words only, and what
			 * one says is not matched by whom the other quotes.
			 */
			if (na == NULL || ((a->tok[i].flags |
			    b->tok[j].flags) & ST_STOP) || ((a->tok[i].flags ^
			    b->tok[j].flags) & ST_ATTR))
				continue;
			if (m > na[i])
				na[i] = m;
			if (m > nb[j])
				nb[j] = m;
		}
		ba[i] = best;
	}
}

struct side {
	double	wmatched, wtotal;	/* content idf mass */
	double	wexact;			/* of it matched exactly */
	double	capun, captotal;	/* names */
	size_t	cmatch, ncontent;	/* content words matched exactly */
	size_t	cun, csoft;		/* unmatched, matched inexactly */
	size_t	amatch;			/* all tokens matched exactly */
	size_t	numun, numshared, nnum;
};

static void
side_score(const struct sim_sent *a, const float *best, struct side *sd)
{
	size_t i;

	memset(sd, 0, sizeof(*sd));
	for (i = 0; i < a->ntok; i++) {
		const struct sim_tok *t = &a->tok[i];
		double m = best[i];

		if (m == 1)
			sd->amatch++;
		if (t->flags & ST_STOP)
			continue;
		sd->ncontent++;
		sd->wtotal += t->idf;
		sd->wmatched += t->idf * m;
		if (m == 1) {
			sd->cmatch++;
			sd->wexact += t->idf;
		} else if (m == 0)
			sd->cun++;
		else
			sd->csoft++;
		if (t->flags & ST_CAP) {
			sd->captotal += t->idf;
			if (m == 0)
				sd->capun += t->idf;
		}
		if (t->flags & ST_NUM) {
			sd->nnum++;
			if (m == 1)
				sd->numshared++;
			else
				sd->numun++;
		}
	}
}

static double
cap1(double x)
{
	return x > 1 ? 1 : x;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* A sentence's few hashes sorted, where qsort()'s calls cost the most. */
static void
sort_u64(uint64_t *v, size_t n)
{
	size_t i, j;

	if (n > 64) {
		qsort(v, n, sizeof(v[0]), cmp_u64);
		return;
	}
	for (i = 1; i < n; i++) {
		uint64_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static size_t
grams(const struct sim_sent *a, size_t n, int surf, uint64_t *g)
{
	size_t i, k, ng = 0;

	for (i = 0; i + n <= a->ntok; i++) {
		uint64_t h = 0;

		for (k = 0; k < n; k++)
			h = (h ^ (surf ? a->tok[i + k].surf :
			    a->tok[i + k].stem)) * 0x100000001b3ULL;
		g[ng++] = h;
	}
	sort_u64(g, ng);
	return ng;
}

/*
 * Work a pair's features share, done once a sentence: its sorted n-gram
 * hashes, into buf (room for SIM_NGRAM * s->ntok).
 */
void
sim_prepare(struct sim_sent *s, uint64_t *buf)
{
	static const size_t len[SIM_NGRAM] = { 2, 3, 1, 1, 2 };
	size_t i, j;
	void *room;

	for (i = 0; i < SIM_NGRAM; i++) {
		s->gram[i] = buf;
		s->ngram[i] = grams(s, len[i], i >= 3, buf);
		buf += s->ngram[i];
	}
	/* at most 2 per token, in the token's worth of room left */
	room = buf;
	s->kw = room;
	for (i = j = 0; i < s->ngram[2]; i++)
		s->kw[j++] = (float)kldw(s->gram[2][i]);
	for (i = 0; i < s->ngram[0]; i++)
		s->kw[j++] = (float)kldw(s->gram[0][i]);
}

/* How many n-grams of list k two sentences have in common. */
static size_t
ngram_common(const struct sim_sent *a, const struct sim_sent *b, size_t k)
{
	const uint64_t *ga = a->gram[k], *gb = b->gram[k];
	size_t na = a->ngram[k], nb = b->ngram[k], i, j, common = 0;

	for (i = j = 0; i < na && j < nb; )
		if (ga[i] < gb[j])
			i++;
		else if (ga[i] > gb[j])
			j++;
		else {
			common++;
			i++;
			j++;
		}
	return common;
}

/* The share of each sentence's n-grams of list k the other has: the
   smaller into f[0], the larger into f[1]. */
static void
ngram_share(const struct sim_sent *a, const struct sim_sent *b, size_t k,
    double *f)
{
	size_t c = ngram_common(a, b, k);
	double pa = a->ngram[k] ? (double)c / (double)a->ngram[k] : 0;
	double pb = b->ngram[k] ? (double)c / (double)b->ngram[k] : 0;

	f[0] = pa < pb ? pa : pb;
	f[1] = pa < pb ? pb : pa;
}

/* Dice coefficient of the n-grams (2 or 3) of two sentences' stems. */
static double
ngram_dice(const struct sim_sent *a, const struct sim_sent *b, size_t n)
{
	size_t na = a->ngram[n - 2], nb = b->ngram[n - 2];

	if (na + nb == 0)
		return 0;
	return 2.0 * (double)ngram_common(a, b, n - 2) / (double)(na + nb);
}

/* Of the smaller sentence's bigrams, the share the other has too. */
static double
bigram_min(const struct sim_sent *a, const struct sim_sent *b, double d)
{
	size_t na = a->ntok > 1 ? a->ntok - 1 : 0, nb = b->ntok > 1 ?
	    b->ntok - 1 : 0;

	if (na == 0 || nb == 0)
		return 0;
	/* dice * (na + nb) / 2 bigrams in common */
	return cap1(d * (double)(na + nb) / 2 / (double)(na < nb ? na : nb));
}

/*
 * Longest common subsequence of the stems; the longest common run of
 * them (substring) into *run.
 */
static size_t
lcs(const struct sim_sent *a, const struct sim_sent *b, size_t *run)
{
	unsigned short row[SIM_MAXTOK + 1], rrow[SIM_MAXTOK + 1], best = 0;
	size_t i, j;

	memset(row, 0, sizeof(row));
	memset(rrow, 0, sizeof(rrow));
	for (i = 0; i < a->ntok; i++) {
		unsigned short diag = 0, rdiag = 0;

		for (j = 0; j < b->ntok; j++) {
			unsigned short up = row[j + 1], rup = rrow[j + 1], v;

			if (a->tok[i].stem == b->tok[j].stem) {
				v = diag + 1;
				rrow[j + 1] = rdiag + 1;
				if (rrow[j + 1] > best)
					best = rrow[j + 1];
			} else {
				v = up > row[j] ? up : row[j];
				rrow[j + 1] = 0;
			}
			diag = up;
			rdiag = rup;
			row[j + 1] = v;
		}
	}
	*run = best;
	return row[b->ntok];
}

/*
 * Two time values that may name the same time: 2017 and 2017-06 may.
 * Two clock times of one month agree on the clock alone: a bare "6:40
 * a.m." takes its day from the document's date, which outlets differ on.
 */
static int
tval_compatible(const char *x, const char *y)
{
	const char *tx = strchr(x, 'T'), *ty = strchr(y, 'T');

	if (tx != NULL && ty != NULL && tx - x == 10 && ty - y == 10 &&
	    memcmp(x, y, 7) == 0) {
		x = tx;
		y = ty;
	}
	for (; *x != '\0' && *y != '\0'; x++, y++)
		if (*x != *y && *x != 'X' && *y != 'X')
			return 0;
	return 1;
}

/* A time value of a and one of b, of a year or more, that may agree. */
static int
times_agree(const struct sim_sent *a, const struct sim_sent *b)
{
	size_t i, j;

	for (i = 0; i < a->ntval; i++)
		for (j = 0; j < b->ntval; j++)
			if (strlen(a->tval[i]) >= 4 && strlen(b->tval[j]) >=
			    4 && tval_compatible(a->tval[i], b->tval[j]))
				return 1;
	return 0;
}

/* The entity keys a and b share (both lists sorted, without repeats). */
static size_t
keys_shared(const struct sim_sent *a, const struct sim_sent *b)
{
	size_t i = 0, j = 0, n = 0;

	while (i < a->nkey && j < b->nkey)
		if (a->key[i] < b->key[j])
			i++;
		else if (a->key[i] > b->key[j])
			j++;
		else {
			n++;
			i++;
			j++;
		}
	return n;
}

/*
 * The two sentences cannot report one fact: both are dated and no date
 * of one fits a date of the other (time records when there are, else
 * years and months named in the text; weekdays only with weekdays).
 */
int
sim_clash(const struct sim_sent *a, const struct sim_sent *b)
{
	size_t i, j;
	int ya = 0, yb = 0, wa = 0, wb = 0, yshared = 0, wshared = 0;

	if (a->ntval > 0 && b->ntval > 0) {
		for (i = 0; i < a->ntval; i++)
			for (j = 0; j < b->ntval; j++)
				if (tval_compatible(a->tval[i], b->tval[j]))
					return 0;
		return 1;
	}
	for (i = 0; i < a->ntok; i++) {
		unsigned f = a->tok[i].flags & (ST_YEAR | ST_WDAY);

		if (f == 0)
			continue;
		if (f == ST_YEAR)
			ya = 1;
		else
			wa = 1;
		for (j = 0; j < b->ntok; j++)
			if (b->tok[j].stem == a->tok[i].stem) {
				if (f == ST_YEAR)
					yshared = 1;
				else
					wshared = 1;
			}
	}
	for (j = 0; j < b->ntok; j++) {
		if (b->tok[j].flags & ST_YEAR)
			yb = 1;
		if (b->tok[j].flags & ST_WDAY)
			wb = 1;
	}
	return (ya && yb && !yshared) || (wa && wb && !wshared);
}

size_t
sim_features(const struct sim_sent *a, const struct sim_sent *b, double *f)
{
	return features(a, b, f, NULL, NULL);
}

/* The features of a and b into f; the matches sim_news() wants into na
   and nb, unless NULL. */
static size_t
features(const struct sim_sent *a, const struct sim_sent *b, double *f,
    float *na, float *nb)
{
	struct side sa, sb;
	size_t l, kshared, run;
	double mx, mn, ra, rb;
	float ba[SIM_MAXTOK], bb[SIM_MAXTOK];

	best_matches(a, b, ba, bb, na, nb);
	side_score(a, ba, &sa);
	side_score(b, bb, &sb);
	f[0] = sa.wtotal > 0 ? sa.wmatched / sa.wtotal : 0;
	f[1] = sb.wtotal > 0 ? sb.wmatched / sb.wtotal : 0;
	f[2] = f[0] < f[1] ? f[0] : f[1];
	f[3] = f[0] * f[1];
	f[4] = sa.ncontent + sb.ncontent > 0 ? (double)(sa.cmatch +
	    sb.cmatch) / (double)(sa.ncontent + sb.ncontent) : 0;
	f[5] = a->ntok + b->ntok > 0 ? (double)(sa.amatch + sb.amatch) /
	    (double)(a->ntok + b->ntok) : 0;
	f[6] = ngram_dice(a, b, 2);
	f[7] = ngram_dice(a, b, 3);
	l = lcs(a, b, &run);
	mx = (double)(a->ntok > b->ntok ? a->ntok : b->ntok);
	mn = (double)(a->ntok < b->ntok ? a->ntok : b->ntok);
	f[8] = mx > 0 ? (double)l / mx : 0;
	f[9] = mn > 0 ? (double)l / mn : 0;
	f[10] = mx > 0 ? (mx - mn) / mx : 0;
	/* 1: each has a number the other lacks; 0.5: one of them has */
	f[11] = sa.nnum > 0 && sb.nnum > 0 ?
	    ((sa.numun > 0) + (sb.numun > 0)) / 2.0 : 0;
	f[12] = cap1((double)(sa.numshared + sb.numshared) / 4);
	f[13] = sim_clash(a, b);
	f[14] = (a->neg & 1) != (b->neg & 1);
	f[15] = sa.captotal + sb.captotal > 0 ? (sa.capun + sb.capun) /
	    (sa.captotal + sb.captotal) : 0;
	ra = sa.wtotal - sa.wmatched;
	rb = sb.wtotal - sb.wmatched;
	f[16] = cap1((ra > rb ? ra : rb) / 20);
	f[17] = cap1((ra < rb ? ra : rb) / 20);
	f[18] = f[19] = 0;
	if (a->nkey > 0 && b->nkey > 0) {
		kshared = keys_shared(a, b);
		f[18] = (double)kshared / (double)(a->nkey + b->nkey -
		    kshared);
		f[19] = kshared == 0;
	}
	ra = sa.wtotal > 0 ? sa.wexact / sa.wtotal : 0;
	rb = sb.wtotal > 0 ? sb.wexact / sb.wtotal : 0;
	f[20] = ra < rb ? ra : rb;
	f[21] = f[2] * f[2];
	f[22] = f[8] * f[8];
	f[23] = sa.wtotal + sb.wtotal > 0 ? (sa.wtotal - sa.wmatched +
	    sb.wtotal - sb.wmatched) / (sa.wtotal + sb.wtotal) : 0;
	f[24] = sa.ncontent + sb.ncontent > 0 ? (double)(sa.ncontent <
	    sb.ncontent ? sa.ncontent : sb.ncontent) / (double)(sa.ncontent >
	    sb.ncontent ? sa.ncontent : sb.ncontent) : 0;
	f[25] = bigram_min(a, b, f[6]);
	ngram_share(a, b, 2, f + 26);
	ngram_share(a, b, 0, f + 28);
	ngram_share(a, b, 1, f + 30);
	ngram_share(a, b, 3, f + 32);
	ngram_share(a, b, 4, f + 34);
	f[36] = mx > 0 ? (double)run / mx : 0;
	f[37] = mn > 0 ? (double)run / mn : 0;
	f[38] = cap1((mx - mn) / 20);
	/* BLEU of the shorter against the longer, up to trigrams */
	f[40] = cap1((double)(sa.cun > sb.cun ? sa.cun : sb.cun) / 10);
	f[41] = cap1((double)(sa.cun < sb.cun ? sa.cun : sb.cun) / 10);
	f[42] = sa.ncontent + sb.ncontent > 0 ? (double)(sa.csoft +
	    sb.csoft) / (double)(sa.ncontent + sb.ncontent) : 0;
	f[43] = cap1((double)(sa.numun + sb.numun) / 4);
	f[44] = sa.captotal + sb.captotal > 0 ? 1 - f[15] : 0.5;
	f[39] = cbrt(f[27] * f[29] * f[31]) * (mx > 0 ? exp(1 - mx /
	    (mn > 0 ? mn : 1)) : 0);
	sim_kld_features(a, b, f);
	return SIM_NFEAT;
}

double
sim_prob(const struct sim *s, const double *f)
{
	double z = s->bias;
	size_t i;

	for (i = 0; i < SIM_NFEAT; i++)
		z += s->w[i] * f[i];
	z += sim_tree_sum(s->tree, s->ntree, f);
	return 1 / (1 + exp(-z));
}

/*
 * Rules that overrule the model: less than a third of either sentence's
 * content matched (pairs unlike any the model learned from); times that
 * cannot agree; numbers that disagree (each sentence has one the other
 * lacks, none is shared); one of two nearly identical sentences negated.
 */
int
sim_veto(const double *f)
{
	return f[2] < 0.35 || f[13] != 0 || (f[11] == 1 && f[12] == 0) ||
	    (f[14] != 0 && f[2] >= 0.9);
}

/*
 * Two reports of one fact from different outlets.  The model above
 * learned paraphrase: two sentences that say the same, no more.  Reports
 * of one event share a fact's core -- its informative words, names,
 * numbers and times -- while each adds details of its own, so the
 * shorter is largely contained in the longer.  The rules below measure
 * that containment, one side at a time.
 */
#define NEWS_WMAX	7.0	/* the most a word weighs: rare ones alike */
#define NEWS_INFORM	3.0	/* idf of an informative word */
#define NEWS_KEY	3.0	/* weight of an entity key */
#define NEWS_NUM	2.5	/* of a number */
#define NEWS_TIME	2.0	/* of a year, month or weekday */
#define NEWS_MASS	10.0	/* the least core a contained side has */
#define NEWS_UNITS	3	/* the fewest words, numbers and keys in it */
#define NEWS_COVER	0.6	/* the least share of it matched */
#define NEWS_CLAUSE	0.8	/* of a clause of a sentence */

/*
 * The things number i of s counts: the content words right after it, up
 * to two ("three maintenance workers"); none when it measures ("4
 * percent") or stands alone.
 */
static size_t
counted(const struct sim_sent *s, size_t i, uint64_t *noun)
{
	size_t j, n = 0;

	for (j = i + 1; j < s->ntok && n < 2; j++) {
		const struct sim_tok *t = &s->tok[j];

		if (t->flags & (ST_STOP | ST_NUM | ST_YEAR | ST_WDAY))
			break;
		if (t->flags & ST_UNIT)
			return 0;
		noun[n++] = t->syn;
	}
	return n;
}

/* Numbers of a and b that count one thing and disagree: marked in ca and
   cb; how many pairs. */
static int
conflicts(const struct sim_sent *a, const struct sim_sent *b,
    const float *ba, const float *bb, unsigned char *ca, unsigned char *cb)
{
	size_t i, j, k, l, na, nb;
	uint64_t xa[2], xb[2];
	int n = 0;

	memset(ca, 0, a->ntok);
	memset(cb, 0, b->ntok);
	for (i = 0; i < a->ntok; i++) {
		if ((a->tok[i].flags & (ST_NUM | ST_YEAR)) != ST_NUM ||
		    ba[i] == 1 || (na = counted(a, i, xa)) == 0)
			continue;
		for (j = 0; j < b->ntok; j++) {
			if ((b->tok[j].flags & (ST_NUM | ST_YEAR)) != ST_NUM ||
			    bb[j] == 1 || (nb = counted(b, j, xb)) == 0)
				continue;
			for (k = 0; k < na; k++)
				for (l = 0; l < nb; l++)
					if (xa[k] == xb[l] && !ca[i] + !cb[j]) {
						n += !ca[i];
						ca[i] = cb[j] = 1;
					}
		}
	}
	return n;
}

struct nside {
	double	mass, matched;
	int	nunit, words, nums;
	int	anchors;	/* numbers, times, names matched */
};

/*
 * One token of a core: its weight into *w and its match m as the core
 * counts it (the same first letters is a weak match; a time matches when
 * the times agree), with the informative words, whole numbers and
 * anchors it adds.  news_unit() and its bound news_unit_maybe() both.
 */
static double
unit_tok(const struct sim_tok *t, double m, int tagree, double *w,
    int *words, int *nums, int *anchors)
{
	if (m < 0.8)
		m *= 0.5;
	if (t->flags & (ST_YEAR | ST_WDAY)) {
		*w = NEWS_TIME;
		if (tagree)
			m = 1;
	} else if (t->flags & ST_NUM) {
		*w = NEWS_NUM;
		if (m == 1)
			(*nums)++;
	} else {
		*w = t->idf < NEWS_WMAX ? t->idf : NEWS_WMAX;
		if (m >= 0.8 && t->idf >= NEWS_INFORM && !(t->flags & ST_CAP))
			(*words)++;
	}
	if (m >= 0.8 && (t->flags & (ST_NUM | ST_YEAR | ST_WDAY | ST_CAP)))
		(*anchors)++;
	return m;
}

/* The core of tokens t[from..to) and how much of it is matched. */
static void
news_unit(const struct sim_tok *tok, size_t from, size_t to,
    const float *best, const unsigned char *conf, int tagree, unsigned skip,
    struct nside *sd)
{
	size_t i;

	memset(sd, 0, sizeof(*sd));
	for (i = from; i < to; i++) {
		const struct sim_tok *t = &tok[i];
		double m = best[i], w;

		if (t->flags & (ST_STOP | ST_ATTR | skip))
			continue;
		/* two counts of one thing: a specific, if at odds */
		if (conf[i]) {
			sd->anchors++;
			continue;
		}
		m = unit_tok(t, m, tagree, &w, &sd->words, &sd->nums,
		    &sd->anchors);
		sd->nunit++;
		sd->mass += w;
		sd->matched += w * m;
	}
}

/* Whether unit sd is a fact's core that the other side contains. */
static int
news_ok(const struct nside *sd, int tagree)
{
	return sd->nunit >= NEWS_UNITS && sd->mass >= NEWS_MASS &&
	    sd->matched >= NEWS_COVER * sd->mass && sd->words >= 1 &&
	    sd->anchors >= 1 &&
	    sd->words + sd->nums + tagree >= 2;
}

/*
 * The evidence that a and b report one fact, into *nw; the probability
 * it makes, 0 when the rules are not met.  The contained unit -- either
 * sentence whole, or a clause of it -- must have a core of its own (a
 * few words of a quote do not), NEWS_COVER of it matched in the other
 * (NEWS_CLAUSE for a clause), an informative word and a specific (a
 * number, time, name or key) in common, and one more word, number or
 * time.  Who said it is no part of the core.  Times that cannot agree,
 * numbers that disagree other than as two counts of one thing, and a
 * negation in one only keep the two apart; two counts of one thing that
 * disagree ("three workers", "four workers") are one fact at odds.
 */
double
sim_news(const struct sim_sent *a, const struct sim_sent *b,
    struct sim_news *nw)
{
	float ba[SIM_MAXTOK], bb[SIM_MAXTOK], na[SIM_MAXTOK], nb[SIM_MAXTOK];

	best_matches(a, b, ba, bb, na, nb);
	return news(a, b, na, nb, nw);
}

/* sim_news() from the matches that best_matches() found. */
static double
news(const struct sim_sent *a, const struct sim_sent *b, const float *ba,
    const float *bb, struct sim_news *nw)
{
	unsigned char ca[SIM_MAXTOK], cb[SIM_MAXTOK];
	struct nside sd;
	size_t i, j;
	int k, unshared_a = 0, unshared_b = 0, shared = 0;

	memset(nw, 0, sizeof(*nw));
	nw->side = -1;
	nw->keys = (int)keys_shared(a, b);
	nw->tagree = times_agree(a, b);
	nw->conflict = conflicts(a, b, ba, bb, ca, cb);
	/* a year or a time in common is a number in common too */
	shared = nw->tagree;
	for (i = 0; i < a->ntok; i++)
		if (a->tok[i].flags & ST_YEAR) {
			if (ba[i] == 1)
				shared = 1;
		} else if (a->tok[i].flags & ST_NUM) {
			if (ba[i] == 1)
				shared = 1;
			else if (!ca[i])
				unshared_a = 1;
		}
	for (j = 0; j < b->ntok; j++)
		if ((b->tok[j].flags & (ST_NUM | ST_YEAR)) == ST_NUM &&
		    bb[j] != 1 && !cb[j])
			unshared_b = 1;
	nw->numclash = unshared_a && unshared_b && !shared;
	if (nw->numclash || (a->neg & 1) != (b->neg & 1) || sim_clash(a, b))
		return 0;

	/*
	 * The contained unit: either side whole, with its entity keys, or
	 * one clause of it outside the attribution ("which sent five
	 * investigators"), the one most covered of those that qualify.
	 */
	for (k = 0; k < 2; k++) {
		const struct sim_sent *x = k == 0 ? a : b;
		const float *bx = k == 0 ? ba : bb;
		const unsigned char *cx = k == 0 ? ca : cb;
		size_t from, to, nclause = 0;

		/* names count once, by their keys where there are */
		news_unit(x->tok, 0, x->ntok, bx, cx, nw->tagree,
		    x->nkey > 0 ? ST_CAP : 0, &sd);
		sd.nunit += (int)x->nkey;
		sd.mass += NEWS_KEY * (double)x->nkey;
		sd.matched += NEWS_KEY * nw->keys;
		sd.anchors += nw->keys;
		if (news_ok(&sd, nw->tagree) && (nw->side == -1 ||
		    sd.matched / sd.mass > nw->cover)) {
			nw->side = k;
			nw->clause = 0;
			nw->cover = sd.matched / sd.mass;
			nw->mass = sd.mass;
			nw->nunit = sd.nunit;
			nw->words = sd.words;
			nw->nums = sd.nums;
		}
		for (from = 0; from < x->ntok; from = to) {
			for (to = from + 1; to < x->ntok && !(x->tok[to].flags &
			    ST_CLAUSE) && !((x->tok[to].flags ^
			    x->tok[to - 1].flags) & ST_ATTR); to++)
				;
			nclause++;
			if (from == 0 && to == x->ntok)
				break;
			news_unit(x->tok, from, to, bx, cx, nw->tagree, 0,
			    &sd);
			if (news_ok(&sd, nw->tagree) && sd.matched >=
			    NEWS_CLAUSE * sd.mass && (nw->side == -1 ||
			    sd.matched / sd.mass > nw->cover)) {
				nw->side = k;
				nw->clause = (int)nclause;
				nw->cover = sd.matched / sd.mass;
				nw->mass = sd.mass;
				nw->nunit = sd.nunit;
				nw->words = sd.words;
				nw->nums = sd.nums;
			}
		}
	}
	if (nw->side == -1)
		return 0;
	return 0.5 + 0.5 * nw->cover;
}

/*
 * Most pairs a story's blocking finds score 0: too little matched for
 * the model, no core contained for sim_news().  A sentence's signature
 * lets sim_maybe() tell most of them without matching every token of
 * one with every token of the other: bit sets of its stems, synonym
 * groups and prefixes, and of the WordNet senses of its content words.
 * A token can match the other sentence's by a kind only if its bit of
 * that kind is set in the other's signature, so the bits bound each
 * token's best match from above.
 */
#define SIG_STEM	0	/* word offsets in a signature: 1024 bits */
#define SIG_SYN		16
#define SIG_PRE		32
#define SIG_WN		48	/* 4096 bits: a word has several senses */

static size_t
sig_bit(uint64_t h, unsigned bits)
{
	return (size_t)((h * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

static void
sig_set(uint64_t *sig, size_t off, unsigned bits, uint64_t h)
{
	size_t b = sig_bit(h, bits);

	sig[off + b / 64] |= 1ULL << (b & 63);
}

static int
sig_has(const uint64_t *sig, size_t off, unsigned bits, uint64_t h)
{
	size_t b = sig_bit(h, bits);

	return (sig[off + b / 64] >> (b & 63)) & 1;
}

void
sim_sign(const struct sim_sent *s, uint64_t *sig)
{
	size_t i, k;

	memset(sig, 0, SIM_SIG * sizeof(*sig));
	for (i = 0; i < s->ntok; i++) {
		const struct sim_tok *t = &s->tok[i];

		sig_set(sig, SIG_STEM, 10, t->stem);
		sig_set(sig, SIG_SYN, 10, t->syn);
		if (t->pre != 0)
			sig_set(sig, SIG_PRE, 10, t->pre);
		if (!(t->flags & ST_STOP))
			for (k = 0; k < (t->wn & 0xff); k++)
				sig_set(sig, SIG_WN, 12,
				    wn_pool[(t->wn >> 8) + k]);
	}
}

/* The most that token t can match a sentence of signature sig by:
   tokmatch()'s kinds, each only if its bit is set. */
static float
sig_bound(const struct sim_tok *t, const uint64_t *sig)
{
	size_t k;

	if (sig_has(sig, SIG_STEM, 10, t->stem))
		return 1;
	if (sig_has(sig, SIG_SYN, 10, t->syn))
		return 0.9f;
	if (!(t->flags & ST_STOP))
		for (k = 0; k < (t->wn & 0xff); k++)
			if (sig_has(sig, SIG_WN, 12, wn_pool[(t->wn >> 8) +
			    k]))
				return 0.8f;
	if (t->pre != 0 && sig_has(sig, SIG_PRE, 10, t->pre))
		return 0.7f;
	return 0;
}

/*
 * news_unit() and news_ok() with each token's match at its bound u: 0
 * when the unit cannot be a contained core.  A number may count a thing
 * the other sentence counts otherwise (conflicts()): an anchor then, and
 * none of the mass, so it adds what it would to the mass or nothing,
 * whichever makes the unit likelier.
 */
static int
news_unit_maybe(const struct sim_tok *tok, size_t from, size_t to,
    const float *u, int tagree, unsigned skip, int nkey, int keys,
    double bar)
{
	double mass = NEWS_KEY * nkey, slack = NEWS_KEY * (keys - bar * nkey);
	int nunit = nkey, words = 0, nums = 0, anchors = keys;
	size_t i;

	for (i = from; i < to; i++) {
		const struct sim_tok *t = &tok[i];
		double m = u[i], w, c;
		int conf;

		if (t->flags & (ST_STOP | ST_ATTR | skip))
			continue;
		conf = (t->flags & (ST_NUM | ST_YEAR)) == ST_NUM;
		anchors += conf;
		m = unit_tok(t, m, tagree, &w, &words, &nums, &anchors);
		nunit++;
		mass += w;
		c = w * (m - bar);
		if (!conf || c > 0)
			slack += c;
	}
	/* the margin covers rounding: news_ok() compares sums of doubles */
	return nunit >= NEWS_UNITS && mass >= NEWS_MASS && slack > -1e-6 &&
	    words >= 1 && anchors >= 1 && words + nums + tagree >= 2;
}

/* Whether sim_news() may find x, or a clause of it, contained. */
static int
news_maybe(const struct sim_sent *x, const float *u, int tagree, int keys)
{
	size_t from, to;

	if (news_unit_maybe(x->tok, 0, x->ntok, u, tagree, x->nkey > 0 ?
	    ST_CAP : 0, (int)x->nkey, keys, NEWS_COVER))
		return 1;
	for (from = 0; from < x->ntok; from = to) {
		for (to = from + 1; to < x->ntok && !(x->tok[to].flags &
		    ST_CLAUSE) && !((x->tok[to].flags ^ x->tok[to - 1].flags) &
		    ST_ATTR); to++)
			;
		if (from == 0 && to == x->ntok)
			break;
		if (news_unit_maybe(x->tok, from, to, u, tagree, 0, 0, 0,
		    NEWS_CLAUSE))
			return 1;
	}
	return 0;
}

/* Bounds of one side's matches, as best_matches() would find them. */
struct bound {
	double	w, m;		/* idf of its words, and of their matches */
	int	num;		/* it has a number */
	int	shared;		/* a number of it may match in full */
};

static void
bound_side(const struct sim_sent *a, const uint64_t *sigb, float *ua,
    struct bound *bd)
{
	size_t i;

	memset(bd, 0, sizeof(*bd));
	for (i = 0; i < a->ntok; i++) {
		const struct sim_tok *t = &a->tok[i];

		ua[i] = sig_bound(t, sigb);
		if (t->flags & ST_STOP)
			continue;
		bd->w += t->idf;
		bd->m += t->idf * (double)ua[i];
		if (t->flags & ST_NUM) {
			bd->num = 1;
			bd->shared |= ua[i] == 1;
		}
	}
}

/*
 * 0 when sentences a and b, of signatures siga and sigb, certainly
 * score 0: sim_pair() (withnews 0) or the greater of sim_pair_news()
 * and its sim_news() (withnews 1).  Bounds of the matches that
 * best_matches() would find make bounds of the features the vetoes
 * and the rules of news() test, summed in the same order, so that
 * rounding cannot tell them apart from the real ones.
 */
int
sim_maybe(const struct sim_sent *a, const uint64_t *siga,
    const struct sim_sent *b, const uint64_t *sigb, int withnews)
{
	float ua[SIM_MAXTOK], ub[SIM_MAXTOK];
	struct bound ba, bb;
	int keys, tagree;

	if (sim_clash(a, b))
		return 0;	/* a veto, and no news */
	bound_side(a, sigb, ua, &ba);
	bound_side(b, siga, ub, &bb);
	/* sim_veto(): align_min, then numbers that disagree */
	if ((ba.w > 0 ? ba.m / ba.w : 0) >= 0.35 &&
	    (bb.w > 0 ? bb.m / bb.w : 0) >= 0.35 &&
	    !(ba.num && bb.num && !ba.shared && !bb.shared))
		return 1;
	if (!withnews || (a->neg & 1) != (b->neg & 1))
		return 0;
	keys = (int)keys_shared(a, b);
	tagree = times_agree(a, b);
	return news_maybe(a, ua, tagree, keys) ||
	    news_maybe(b, ub, tagree, keys);
}

/*
 * sim_pair() into the return value and sim_news() into *q and *nw, the
 * words of the two matched once for both.
 */
double
sim_pair_news(const struct sim *s, const struct sim_sent *a,
    const struct sim_sent *b, double *q, struct sim_news *nw)
{
	double f[SIM_NFEAT];
	float na[SIM_MAXTOK], nb[SIM_MAXTOK];

	features(a, b, f, na, nb);
	*q = news(a, b, na, nb, nw);
	if (sim_veto(f))
		return 0;
	return sim_prob(s, f);
}

/* The probability that a and b say the same; 0 when they clash. */
double
sim_pair(const struct sim *s, const struct sim_sent *a,
    const struct sim_sent *b)
{
	double f[SIM_NFEAT];

	sim_features(a, b, f);
	if (sim_veto(f))
		return 0;
	return sim_prob(s, f);
}
