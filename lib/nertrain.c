/*
 * Training the tagger: CoNLL-2003 column files in, a model file out.
 * The text of each sentence is rebuilt (tokens joined by spaces) and
 * tokenized by the shared tokenizer, as text is when tagging, so the
 * features seen in training are the features seen in use.
 */
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "ner_int.h"

struct tdoc {
	char		*text;		/* sentences, each NUL-terminated */
	struct ner_doc	 d;
};

struct corpus {
	struct tdoc	*doc;
	size_t		 ndoc, cap;
	size_t		 nent, unaligned;
};

/* feature dictionary: 32-bit key to id */
struct dict {
	uint32_t	*key;
	uint32_t	*val;		/* id+1, 0 when empty */
	uint32_t	*count;		/* by id */
	size_t		 mask, n;
};

struct fvec {
	uint32_t	*id;		/* every token's feature ids */
	size_t		*off;		/* token i: id[off[i] .. off[i+1]) */
	size_t		 n, cap;
};

static void	*xrealloc(void *, size_t, size_t);

static void *
xrealloc(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n, size)) == NULL)
		err(1, NULL);
	return p;
}

static inline uint64_t
mixk(uint32_t k)
{
	uint64_t x = k;

	x ^= x >> 16;
	x *= 0x45d9f3bULL;
	x ^= x >> 16;
	return x;
}

static void
dict_grow(struct dict *dc)
{
	size_t size = dc->mask ? (dc->mask + 1) * 2 : 1 << 20, i;
	uint32_t *nk = calloc(size, sizeof(*nk)), *nv = calloc(size,
	    sizeof(*nv));

	if (nk == NULL || nv == NULL)
		err(1, NULL);
	for (i = 0; dc->mask && i <= dc->mask; i++) {
		size_t j;

		if (dc->val[i] == 0)
			continue;
		j = mixk(dc->key[i]) & (size - 1);
		while (nv[j] != 0)
			j = (j + 1) & (size - 1);
		nk[j] = dc->key[i];
		nv[j] = dc->val[i];
	}
	free(dc->key);
	free(dc->val);
	dc->key = nk;
	dc->val = nv;
	dc->mask = size - 1;
}

/* The id of key k; with add, a new one if it is absent, else -1. */
static long
dict_id(struct dict *dc, uint32_t k, int add)
{
	size_t j;

	if (dc->mask == 0 || (add && dc->n * 2 >= dc->mask))
		dict_grow(dc);
	j = mixk(k) & dc->mask;
	while (dc->val[j] != 0) {
		if (dc->key[j] == k)
			return (long)dc->val[j] - 1;
		j = (j + 1) & dc->mask;
	}
	if (!add)
		return -1;
	dc->key[j] = k;
	dc->val[j] = (uint32_t)++dc->n;
	dc->count = xrealloc(dc->count, dc->n, sizeof(*dc->count));
	dc->count[dc->n - 1] = 0;
	return (long)dc->n - 1;
}

/* ---- reading CoNLL column files ---- */

static int
type_of(const char *tag)
{
	int t;

	if (strlen(tag) < 3)
		return -1;
	for (t = 0; t < NER_NTYPE; t++)
		if (strcmp(tag + 2, ner_type_name[t]) == 0)
			return t;
	return -1;
}

struct gspan {
	size_t	start, end;
	int	type;
};

/* Label one sentence's tokens from its gold spans. */
static void
label(struct corpus *c, struct ner_doc *d, size_t a, const struct gspan *g,
    size_t ng)
{
	size_t i, k, b = d->ntok;

	for (i = a; i < b; i++)
		d->tok[i].gold = 0;
	for (k = 0; k < ng; k++) {
		size_t f = b, l = b;

		c->nent++;
		for (i = a; i < b; i++) {
			if (d->tok[i].start == g[k].start)
				f = i;
			if (d->tok[i].end == g[k].end)
				l = i;
		}
		if (f == b || l == b || l < f) {
			c->unaligned++;
			continue;
		}
		if (f == l)
			d->tok[f].gold = (unsigned char)(1 + g[k].type * 4 + 3);
		else {
			d->tok[f].gold = (unsigned char)(1 + g[k].type * 4);
			for (i = f + 1; i < l; i++)
				d->tok[i].gold = (unsigned char)(1 +
				    g[k].type * 4 + 1);
			d->tok[l].gold = (unsigned char)(1 + g[k].type * 4 + 2);
		}
	}
}

static struct tdoc *
new_doc(struct corpus *c)
{
	struct tdoc *t;

	if (c->ndoc == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->doc = xrealloc(c->doc, c->cap, sizeof(*c->doc));
	}
	t = &c->doc[c->ndoc++];
	memset(t, 0, sizeof(*t));
	return t;
}

struct rd {
	struct corpus	*c;
	char		*buf;		/* the document's sentences */
	size_t		 blen, bcap;
	size_t		*sat;		/* where each sentence starts */
	size_t		*sng;		/* spans before each sentence ends */
	size_t		 ns, scap;
	struct gspan	*g;		/* spans, offsets into buf */
	size_t		 ng, gcap;
	size_t		 sent0;		/* where this sentence starts */
	int		 prevtype;
};

static void
end_sentence(struct rd *r)
{
	r->prevtype = -1;
	if (r->blen == r->sent0)
		return;
	if (r->ns == r->scap) {
		r->scap = r->scap ? r->scap * 2 : 64;
		r->sat = xrealloc(r->sat, r->scap, sizeof(*r->sat));
		r->sng = xrealloc(r->sng, r->scap, sizeof(*r->sng));
	}
	r->sat[r->ns] = r->sent0;
	r->sng[r->ns] = r->ng;
	r->ns++;
	r->buf[r->blen - 1] = '\0';	/* the space after the last token */
	r->sent0 = r->blen;
}

static void
end_document(struct rd *r)
{
	struct tdoc *doc;
	size_t i, g0 = 0, k;

	end_sentence(r);
	if (r->ns > 0) {
		doc = new_doc(r->c);
		doc->text = r->buf;
		for (i = 0; i < r->ns; i++) {
			size_t a = doc->d.ntok, at = r->sat[i];

			if (ner_doc_add(&doc->d, r->buf + at,
			    strlen(r->buf + at)) == -1)
				err(1, NULL);
			for (k = g0; k < r->sng[i]; k++) {
				r->g[k].start -= at;
				r->g[k].end -= at;
			}
			label(r->c, &doc->d, a, r->g + g0, r->sng[i] - g0);
			g0 = r->sng[i];
		}
		ner_doc_context(&doc->d);
		r->buf = NULL;
		r->bcap = 0;
	}
	r->blen = r->sent0 = r->ns = r->ng = 0;
}

/*
 * Read a column file: one document per -DOCSTART-, sentences split by
 * blank lines; the first field is the token, the last the IOB tag.
 */
static void
read_conll(struct corpus *c, const char *path)
{
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct rd r;

	memset(&r, 0, sizeof(r));
	r.c = c;
	r.prevtype = -1;
	if ((fp = fopen(path, "r")) == NULL)
		err(1, "%s", path);
	while ((n = getline(&line, &cap, fp)) != -1) {
		char *tag, *sp;
		size_t tl;
		int t;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (strncmp(line, "-DOCSTART-", 10) == 0) {
			end_document(&r);
			continue;
		}
		if (n == 0 || (sp = strchr(line, ' ')) == NULL) {
			end_sentence(&r);
			continue;
		}
		*sp = '\0';
		tag = strrchr(sp + 1, ' ');
		tag = tag ? tag + 1 : sp + 1;
		tl = strlen(line);
		if (r.blen + tl + 2 > r.bcap) {
			r.bcap = (r.blen + tl + 2) * 2;
			r.buf = xrealloc(r.buf, r.bcap, 1);
		}
		t = type_of(tag);
		if (t >= 0 && (t != r.prevtype || tag[0] == 'B')) {
			if (r.ng == r.gcap) {
				r.gcap = r.gcap ? r.gcap * 2 : 64;
				r.g = xrealloc(r.g, r.gcap, sizeof(*r.g));
			}
			r.g[r.ng].start = r.blen;
			r.g[r.ng].type = t;
			r.ng++;
		}
		if (t >= 0)
			r.g[r.ng - 1].end = r.blen + tl;
		r.prevtype = t;
		memcpy(r.buf + r.blen, line, tl);
		r.blen += tl;
		r.buf[r.blen++] = ' ';
	}
	if (ferror(fp))
		err(1, "%s", path);
	end_document(&r);
	free(r.buf);
	free(r.g);
	free(r.sat);
	free(r.sng);
	free(line);
	fclose(fp);
}

/* ---- features of a corpus ---- */

static size_t
token_feats(const struct ner_doc *d, size_t si, size_t i, uint32_t *f)
{
	size_t a = d->sent[si], b = si + 1 < d->nsent ? d->sent[si + 1] :
	    d->ntok, k = 0;
	int off;

	for (off = -2; off <= 2; off++) {
		long j = (long)i + off;

		if (j < (long)a)
			k += ner_pad_feats(0, off, f + k);
		else if (j >= (long)b)
			k += ner_pad_feats(1, off, f + k);
		else
			k += ner_word_feats(d->tok[j].s, d->tok[j].len,
			    d->tok[j].flags, off, f + k);
	}
	k += ner_ctx_feats(d, si, a, b, i, 1, f + k);
	return k;
}

/* Feature ids of every token (fv), or with add only their counts. */
static void
extract(struct corpus *c, struct dict *dc, int add, struct fvec *fv)
{
	uint32_t f[NWIN * NER_MAXFEAT + NER_MAXFEAT];
	size_t di, si, i, k, nid = 0, idcap = 0;

	if (fv != NULL) {
		fv->n = 0;
		fv->cap = 4096;
		fv->off = xrealloc(fv->off, fv->cap, sizeof(*fv->off));
		fv->off[0] = 0;
	}
	for (di = 0; di < c->ndoc; di++) {
		struct ner_doc *d = &c->doc[di].d;

		for (si = 0; si < d->nsent; si++) {
			size_t b = si + 1 < d->nsent ? d->sent[si + 1] :
			    d->ntok;

			for (i = d->sent[si]; i < b; i++) {
				size_t nf = token_feats(d, si, i, f);

				for (k = 0; k < nf; k++) {
					long id = dict_id(dc, f[k], add);

					if (id < 0)
						continue;
					if (add) {
						dc->count[id]++;
						continue;
					}
					if (nid == idcap) {
						idcap = idcap ? idcap * 2 :
						    1 << 20;
						fv->id = xrealloc(fv->id, idcap,
						    sizeof(*fv->id));
					}
					fv->id[nid++] = (uint32_t)id;
				}
				if (fv == NULL)
					continue;
				if (fv->n + 2 > fv->cap) {
					fv->cap *= 2;
					fv->off = xrealloc(fv->off, fv->cap,
					    sizeof(*fv->off));
				}
				fv->off[++fv->n] = nid;
			}
		}
	}
}

/* ---- the perceptron ---- */

struct weights {
	float	*w;		/* current */
	double	*u;		/* sum of c * update, for averaging */
	float	 trans[NER_NTAG + 1][NER_NTAG], endw[NER_NTAG];
	double	 utrans[NER_NTAG + 1][NER_NTAG], uend[NER_NTAG];
	size_t	 nf;
	double	 c;
};

/* dynamic feature ids (the history) of a sentence's tokens */
#define NDYN	2
struct dyn {
	long	id[NDYN];
};

static void
dyn_feats(struct dict *dc, const struct ner_doc *d, size_t a, size_t n,
    struct dyn *dy)
{
	uint32_t f[NDYN];
	size_t i, k, nf;

	for (i = 0; i < n; i++) {
		nf = ner_hist_feats(&d->tok[a + i], f);
		for (k = 0; k < NDYN; k++)
			dy[i].id[k] = k < nf ? dict_id(dc, f[k], 0) : -1;
	}
}

static void
emissions(const float *w, const struct fvec *fv, size_t a, size_t n,
    const struct dyn *dy, float *sc)
{
	size_t i, j, t, k;

	for (i = 0; i < n; i++) {
		float *v = sc + i * NER_NTAG;

		memset(v, 0, NER_NTAG * sizeof(float));
		for (j = fv->off[a + i]; j < fv->off[a + i + 1]; j++) {
			const float *r = w + (size_t)fv->id[j] * NER_NTAG;

			for (t = 0; t < NER_NTAG; t++)
				v[t] += r[t];
		}
		for (k = 0; k < NDYN; k++) {
			const float *r;

			if (dy[i].id[k] < 0)
				continue;
			r = w + (size_t)dy[i].id[k] * NER_NTAG;
			for (t = 0; t < NER_NTAG; t++)
				v[t] += r[t];
		}
	}
}

static inline void
bump(struct weights *W, size_t r, int g, int p)
{
	W->w[r + g] += 1;
	W->u[r + g] += W->c;
	W->w[r + p] -= 1;
	W->u[r + p] -= W->c;
}

static void
update(struct weights *W, const struct fvec *fv, size_t a, size_t n,
    const struct dyn *dy, const unsigned char *gold,
    const unsigned char *pred)
{
	size_t i, j, k;
	int pg = NER_NTAG, pp = NER_NTAG;

	for (i = 0; i < n; i++) {
		int g = gold[i], p = pred[i];

		if (g != p) {
			for (j = fv->off[a + i]; j < fv->off[a + i + 1]; j++)
				bump(W, (size_t)fv->id[j] * NER_NTAG, g, p);
			for (k = 0; k < NDYN; k++)
				if (dy[i].id[k] >= 0)
					bump(W, (size_t)dy[i].id[k] * NER_NTAG,
					    g, p);
		}
		if (g != p || pg != pp) {
			W->trans[pg][g] += 1;
			W->utrans[pg][g] += W->c;
			W->trans[pp][p] -= 1;
			W->utrans[pp][p] -= W->c;
		}
		pg = g;
		pp = p;
	}
	if (pg != pp) {
		W->endw[pg] += 1;
		W->uend[pg] += W->c;
		W->endw[pp] -= 1;
		W->uend[pp] -= W->c;
	}
}

/* The averaged weights: w - u / c. */
static void
average(const struct weights *W, float *aw, float (*at)[NER_NTAG],
    float *ae)
{
	size_t i, t;

	for (i = 0; i < W->nf * NER_NTAG; i++)
		aw[i] = (float)(W->w[i] - W->u[i] / W->c);
	for (i = 0; i <= NER_NTAG; i++)
		for (t = 0; t < NER_NTAG; t++)
			at[i][t] = (float)(W->trans[i][t] -
			    W->utrans[i][t] / W->c);
	for (t = 0; t < NER_NTAG; t++)
		ae[t] = (float)(W->endw[t] - W->uend[t] / W->c);
}

struct span3 {
	size_t	first, last;
	int	type;
};

/* Spans of a tag sequence (strict BILOU, as decoded). */
static size_t
spans_of(const unsigned char *tag, size_t n, struct span3 *out)
{
	size_t i, k = 0, open = 0;
	int inside = 0;

	for (i = 0; i < n; i++) {
		int kind = tag[i] == 0 ? -1 : (tag[i] - 1) % 4;
		int type = tag[i] == 0 ? -1 : (tag[i] - 1) / 4;

		if (kind == 0) {
			open = i;
			inside = 1;
		} else if (kind == 3) {
			out[k].first = out[k].last = i;
			out[k++].type = type;
			inside = 0;
		} else if (kind == 2 && inside) {
			out[k].first = open;
			out[k].last = i;
			out[k++].type = type;
			inside = 0;
		}
	}
	return k;
}

/* Span F1 of the averaged weights on a corpus (dev). */
static double
evaluate(struct corpus *c, struct dict *dc, const struct fvec *fv,
    const float *aw, float (*at)[NER_NTAG], const float *ae, int verbose)
{
	struct ner_hist *hist = ner_hist_new();
	struct dyn *dy = NULL;
	size_t di, si, tp = 0, np = 0, ng = 0, base = 0;
	size_t ttp[NER_NTYPE] = { 0 }, tnp[NER_NTYPE] = { 0 },
	    tng[NER_NTYPE] = { 0 };
	float *sc = NULL, *vit = NULL;
	unsigned char *bp = NULL, *gold = NULL, *pred = NULL;
	struct span3 *gs = NULL, *ps = NULL;
	size_t cap = 0;
	double p, r;
	int t;

	if (hist == NULL)
		err(1, NULL);
	for (di = 0; di < c->ndoc; di++) {
		struct ner_doc *d = &c->doc[di].d;

		ner_hist_reset(hist);
		for (si = 0; si < d->nsent; si++) {
			size_t a = d->sent[si], b = si + 1 < d->nsent ?
			    d->sent[si + 1] : d->ntok, n = b - a, i, x, y;
			size_t ngs, nps;

			if (n == 0)
				continue;
			if (n > cap) {
				cap = n * 2;
				sc = xrealloc(sc, cap * NER_NTAG, sizeof(*sc));
				vit = xrealloc(vit, cap * NER_NTAG,
				    sizeof(*vit));
				bp = xrealloc(bp, cap * NER_NTAG, 1);
				gold = xrealloc(gold, cap, 1);
				pred = xrealloc(pred, cap, 1);
				gs = xrealloc(gs, cap, sizeof(*gs));
				ps = xrealloc(ps, cap, sizeof(*ps));
				dy = xrealloc(dy, cap, sizeof(*dy));
			}
			ner_hist_set(hist, d, a, b);
			dyn_feats(dc, d, a, n, dy);
			emissions(aw, fv, base + a, n, dy, sc);
			ner_viterbi((const float (*)[NER_NTAG])at, ae, sc, NER_NTAG,
			    n,
			    vit, bp, pred);
			if (ner_hist_add(hist, d, a, b, pred) == -1)
				err(1, NULL);
			for (i = 0; i < n; i++)
				gold[i] = d->tok[a + i].gold;
			ngs = spans_of(gold, n, gs);
			nps = spans_of(pred, n, ps);
			ng += ngs;
			np += nps;
			for (x = 0; x < ngs; x++)
				tng[gs[x].type]++;
			for (y = 0; y < nps; y++)
				tnp[ps[y].type]++;
			for (x = 0; x < ngs; x++)
				for (y = 0; y < nps; y++)
					if (gs[x].first == ps[y].first &&
					    gs[x].last == ps[y].last &&
					    gs[x].type == ps[y].type) {
						tp++;
						ttp[gs[x].type]++;
					}
		}
		base += d->ntok;
	}
	p = np ? (double)tp / np : 0;
	r = ng ? (double)tp / ng : 0;
	if (verbose)
		for (t = 0; t < NER_NTYPE; t++) {
			double tp_ = tnp[t] ? (double)ttp[t] / tnp[t] : 0;
			double tr = tng[t] ? (double)ttp[t] / tng[t] : 0;

			fprintf(stderr, "  %-4s P %.2f R %.2f F1 %.2f\n",
			    ner_type_name[t], 100 * tp_, 100 * tr,
			    tp_ + tr > 0 ? 200 * tp_ * tr / (tp_ + tr) : 0);
		}
	free(sc);
	free(vit);
	free(bp);
	free(gold);
	free(pred);
	free(gs);
	free(ps);
	free(dy);
	ner_hist_free(hist);
	return p + r > 0 ? 100 * 2 * p * r / (p + r) : 0;
}

static void
wr32(FILE *fp, uint32_t v)
{
	putc((int)(v & 0xff), fp);
	putc((int)(v >> 8 & 0xff), fp);
	putc((int)(v >> 16 & 0xff), fp);
	putc((int)(v >> 24 & 0xff), fp);
}

static void
wrf(FILE *fp, float f)
{
	uint32_t u;

	memcpy(&u, &f, sizeof(u));
	wr32(fp, u);
}

struct keyed {
	uint32_t	key;
	uint32_t	id;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* Quantise and write the model; returns the rows written. */
static size_t
save(FILE *fp, const struct dict *dc, const float *aw,
    float (*at)[NER_NTAG], const float *ae)
{
	struct keyed *ks;
	size_t i, n = 0, t, rows = 0;
	unsigned char *rowbuf;
	size_t rlen = 0;
	long cntpos;

	ks = xrealloc(NULL, dc->n ? dc->n : 1, sizeof(*ks));
	for (i = 0; i <= dc->mask; i++)
		if (dc->val[i] != 0) {
			ks[n].key = dc->key[i];
			ks[n].id = dc->val[i] - 1;
			n++;
		}
	qsort(ks, n, sizeof(*ks), cmp_keyed);
	fwrite("NERMODL1", 1, 8, fp);
	wr32(fp, NER_NTAG);
	cntpos = ftell(fp);
	wr32(fp, 0);
	for (i = 0; i <= NER_NTAG; i++)
		for (t = 0; t < NER_NTAG; t++)
			wrf(fp, at[i][t]);
	for (t = 0; t < NER_NTAG; t++)
		wrf(fp, ae[t]);
	rowbuf = xrealloc(NULL, 8 + NER_NTAG, 1);
	for (i = 0; i < n; i++) {
		const float *r = aw + (size_t)ks[i].id * NER_NTAG;
		float mx = 0, scale;
		uint32_t mk = 0;
		int e;

		for (t = 0; t < NER_NTAG; t++)
			if (fabsf(r[t]) > mx)
				mx = fabsf(r[t]);
		if (mx < 1e-6f)
			continue;
		e = (int)ceilf((log2f(mx / 127.0f) + 20.0f) * 8.0f);
		if (e < 0)
			e = 0;
		if (e > 255)
			e = 255;
		scale = exp2f((float)e / 8.0f - 20.0f);
		rlen = 8;
		for (t = 0; t < NER_NTAG; t++) {
			long q = lrintf(r[t] / scale);

			if (q > 127)
				q = 127;
			if (q < -127)
				q = -127;
			if (q != 0) {
				mk |= 1u << t;
				rowbuf[rlen++] = (unsigned char)(signed char)q;
			}
		}
		if (mk == 0)
			continue;
		rowbuf[0] = (unsigned char)(ks[i].key & 0xff);
		rowbuf[1] = (unsigned char)(ks[i].key >> 8 & 0xff);
		rowbuf[2] = (unsigned char)(ks[i].key >> 16 & 0xff);
		rowbuf[3] = (unsigned char)(ks[i].key >> 24 & 0xff);
		rowbuf[4] = (unsigned char)e;
		rowbuf[5] = (unsigned char)(mk & 0xff);
		rowbuf[6] = (unsigned char)(mk >> 8 & 0xff);
		rowbuf[7] = (unsigned char)(mk >> 16 & 0xff);
		fwrite(rowbuf, 1, rlen, fp);
		rows++;
	}
	if (cntpos >= 0 && fseek(fp, cntpos, SEEK_SET) == 0) {
		wr32(fp, (uint32_t)rows);
		fseek(fp, 0, SEEK_END);
	}
	free(rowbuf);
	free(ks);
	return rows;
}

static void
corpus_free(struct corpus *c)
{
	size_t i;

	for (i = 0; i < c->ndoc; i++) {
		ner_doc_free(&c->doc[i].d);
		free(c->doc[i].text);
	}
	free(c->doc);
}

int
ner_train(const char *const *files, int nfiles,
    const struct ner_train_opts *o, FILE *out)
{
	struct corpus c, dev;
	struct dict all, dc;
	struct fvec fv, dfv;
	struct weights W;
	float *aw, at[NER_NTAG + 1][NER_NTAG], ae[NER_NTAG];
	size_t ntok, i, nsent, *order, *dbase, cap = 0, rows;
	struct ner_hist *hist;
	struct dyn *dy = NULL;
	float *sc = NULL, *vit = NULL;
	unsigned char *bp = NULL, *gold = NULL, *pred = NULL;
	uint64_t rng = 0x2545f4914f6cdd1dULL;
	int ep, f;

	memset(&c, 0, sizeof(c));
	memset(&dev, 0, sizeof(dev));
	memset(&all, 0, sizeof(all));
	memset(&dc, 0, sizeof(dc));
	memset(&fv, 0, sizeof(fv));
	memset(&dfv, 0, sizeof(dfv));
	memset(&W, 0, sizeof(W));
	for (f = 0; f < nfiles; f++)
		read_conll(&c, files[f]);
	for (i = ntok = nsent = 0; i < c.ndoc; i++) {
		ntok += c.doc[i].d.ntok;
		nsent += c.doc[i].d.nsent;
	}
	if (o->verbose)
		fprintf(stderr, "nentities: %zu documents, %zu sentences, "
		    "%zu tokens, %zu mentions (%zu not on token bounds)\n",
		    c.ndoc, nsent, ntok, c.nent, c.unaligned);
	if (ntok == 0) {
		warnx("no training data");
		return -1;
	}
	/* pass 1 counts every feature; pass 2 keeps the frequent ones */
	extract(&c, &all, 1, NULL);
	for (i = 0; i <= all.mask; i++)
		if (all.val[i] != 0 &&
		    all.count[all.val[i] - 1] >= (uint32_t)o->mincount)
			(void)dict_id(&dc, all.key[i], 1);
	{
		/* the history features, which training makes as it goes */
		static const unsigned short fl[] = { TF_LOWER, TF_CAP,
		    TF_CAP | TF_ALLCAP, 0 };
		struct ner_tok t;
		uint32_t hf[NDYN];
		size_t h, c2, first, k, nf;

		memset(&t, 0, sizeof(t));
		for (h = 1; h <= 1 + NER_NTYPE; h++)
			for (c2 = 0; c2 < 4; c2++)
				for (first = 0; first < 2; first++) {
					t.hist = (unsigned char)h;
					t.flags = fl[c2];
					t.dflags = first ? NER_D_FIRST : 0;
					nf = ner_hist_feats(&t, hf);
					for (k = 0; k < nf; k++)
						(void)dict_id(&dc, hf[k], 1);
				}
	}
	if (o->verbose)
		fprintf(stderr, "nentities: %zu features, %zu kept\n", all.n,
		    dc.n);
	free(all.key);
	free(all.val);
	free(all.count);
	extract(&c, &dc, 0, &fv);
	if (o->dev != NULL) {
		read_conll(&dev, o->dev);
		extract(&dev, &dc, 0, &dfv);
	}
	W.nf = dc.n;
	W.w = calloc(W.nf * NER_NTAG, sizeof(*W.w));
	W.u = calloc(W.nf * NER_NTAG, sizeof(*W.u));
	aw = malloc(W.nf * NER_NTAG * sizeof(*aw));
	if (W.w == NULL || W.u == NULL || aw == NULL)
		err(1, NULL);
	/* documents in a shuffled order, their sentences in order */
	order = xrealloc(NULL, c.ndoc, sizeof(*order));
	dbase = xrealloc(NULL, c.ndoc, sizeof(*dbase));
	for (i = 0, ntok = 0; i < c.ndoc; i++) {
		order[i] = i;
		dbase[i] = ntok;
		ntok += c.doc[i].d.ntok;
	}
	if ((hist = ner_hist_new()) == NULL)
		err(1, NULL);
	W.c = 1;
	for (ep = 1; ep <= o->epochs; ep++) {
		size_t errs = 0, k;

		/* Fisher-Yates with a fixed seed: reproducible */
		for (k = c.ndoc; k > 1; k--) {
			size_t j, t0;

			rng ^= rng << 13;
			rng ^= rng >> 7;
			rng ^= rng << 17;
			j = rng % k;
			t0 = order[k - 1];
			order[k - 1] = order[j];
			order[j] = t0;
		}
		for (k = 0; k < c.ndoc; k++) {
			struct ner_doc *d = &c.doc[order[k]].d;
			size_t si;

			ner_hist_reset(hist);
			for (si = 0; si < d->nsent; si++) {
				size_t a = d->sent[si], b = si + 1 < d->nsent ?
				    d->sent[si + 1] : d->ntok, n = b - a, x;
				size_t ga = dbase[order[k]] + a;

				if (n == 0)
					continue;
				if (n > cap) {
					cap = n * 2;
					sc = xrealloc(sc, cap * NER_NTAG,
					    sizeof(*sc));
					vit = xrealloc(vit, cap * NER_NTAG,
					    sizeof(*vit));
					bp = xrealloc(bp, cap * NER_NTAG, 1);
					gold = xrealloc(gold, cap, 1);
					pred = xrealloc(pred, cap, 1);
					dy = xrealloc(dy, cap, sizeof(*dy));
				}
				for (x = 0; x < n; x++)
					gold[x] = d->tok[a + x].gold;
				ner_hist_set(hist, d, a, b);
				dyn_feats(&dc, d, a, n, dy);
				emissions(W.w, &fv, ga, n, dy, sc);
				ner_viterbi((const float (*)[NER_NTAG])W.trans,
				    W.endw, sc, NER_NTAG, n, vit, bp, pred);
				if (memcmp(gold, pred, n) != 0) {
					errs++;
					update(&W, &fv, ga, n, dy, gold, pred);
				}
				if (ner_hist_add(hist, d, a, b, pred) == -1)
					err(1, NULL);
				W.c++;
			}
		}
		if (o->verbose) {
			fprintf(stderr, "nentities: epoch %d: %zu of %zu "
			    "sentences wrong", ep, errs, nsent);
			if (o->dev != NULL) {
				average(&W, aw, at, ae);
				fprintf(stderr, "; dev F1 %.2f",
				    evaluate(&dev, &dc, &dfv, aw, at, ae, 0));
			}
			fputc('\n', stderr);
		}
	}
	average(&W, aw, at, ae);
	if (o->dev != NULL && o->verbose)
		(void)evaluate(&dev, &dc, &dfv, aw, at, ae, 1);
	rows = save(out, &dc, aw, at, ae);
	if (o->verbose)
		fprintf(stderr, "nentities: %zu rows written\n", rows);
	free(sc);
	free(vit);
	free(bp);
	free(gold);
	free(pred);
	free(order);
	free(dbase);
	free(dy);
	ner_hist_free(hist);
	free(aw);
	free(W.w);
	free(W.u);
	free(fv.id);
	free(fv.off);
	free(dfv.id);
	free(dfv.off);
	free(dc.key);
	free(dc.val);
	free(dc.count);
	corpus_free(&c);
	corpus_free(&dev);
	return 0;
}
