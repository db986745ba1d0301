/*
 * nmerge: articles grouped into stories, and the sentences of a story
 * that report one fact grouped into facts (nstream(5) story and fact
 * records).
 *
 * Two passes.  The first copies the input to an unlinked spool file and
 * keeps a small signature of each document: weighted terms of its title
 * and lead, its entity keys and time values, and its date.  Stories come
 * from those signatures, candidates found through postings of the rarer
 * terms.  The second pass copies the spool to standard output with a
 * story record after each doc record, then reads the documents back one
 * story at a time to merge their sentences into facts.  Memory holds the
 * signatures and one story.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "record.h"
#include "sim.h"
#include "tok.h"
#include "utf8.h"
#include "version.h"

#define NODAY		INT32_MIN
#define SIG_MAX		64	/* terms kept of a document's signature */
#define LEAD_SENTS	4	/* sentences after the title that count */
#define CAND_MAX	24	/* candidates scored exactly, per document */
#define FACT_POSTMAX	400	/* a story's terms more common than this do
				   not block sentence pairs */

struct term {
	uint64_t	h;
	float		w;
};

struct posting {
	uint64_t	h;
	uint32_t	doc;
	float		w;
};

struct ndoc {
	off_t		 off, end;	/* its records in the spool */
	size_t		 sig;		/* its terms, in sigv */
	uint32_t	 nsig;
	int32_t		 day;		/* days since 1970-01-01, or NODAY */
	long		 preset;	/* story record of the input, or -1 */
	uint32_t	 story;		/* index into stories */
	uint32_t	 next;		/* next document of its story */
	float		 norm;
};

struct nstory {
	long		 id;
	uint32_t	 head, tail;
};

/* A sentence of the story being merged. */
struct msent {
	size_t		 doc;		/* index into the story's documents */
	size_t		 docid, docidlen;	/* DOC, raw, in the story buffer */
	size_t		 n, nlen;	/* N, raw */
	size_t		 tok, ntok;	/* in stoks */
	size_t		 key, nkey;	/* in skeys */
	size_t		 tv, ntv;	/* in stvals (offsets into sbuf) */
	int		 neg;
	uint32_t	 fact[2];	/* story-local facts, 0 when none */
	uint32_t	 nfact;
};

struct edge {
	uint32_t	 to;
	float		 p;
};

static void	 add_terms(const char *, size_t, float);
static void	 assign_stories(void);
static void	 close_doc(void);
static int	 days_from_iso(const char *, size_t, int32_t *);
static int	 df_mode(int, char **);
static void	 facts(void);
static void	 merge_story(struct nstory *);
static void	 pass_through(void);
static int	 read_input(const char *);
static FILE	*spool_open(void);
static int	 train(int, char **);
static void	 usage(void);

static const struct option longopts[] = {
	{ "df",			no_argument,		NULL,	'D' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "train",		no_argument,		NULL,	'T' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static struct sim	*sim;
static FILE		*spool;
static off_t		 spooled;
static struct ndoc	*docs;
static size_t		 ndocs, capdocs;
static struct term	*sigv, *tmpterms;
static size_t		 nsigv, capsigv, ntmp, captmp;
static struct nstory	*stories;
static size_t		 nstories;
static struct sim_tokvec stv;
static int		 indoc;		/* a doc record has been read */
static int		 Fflag, sflag;
static double		 factmin = 0.5, storymin = 0.12;
static int		 window = 10;

int
main(int argc, char *argv[])
{
	int ch, i, rval = 0, dflag = 0, tflag = 0;
	const char *why, *errstr;
	char *end;

	setlocale(LC_CTYPE, "C.UTF-8");		/* same output in every locale */
	while ((ch = getopt_long(argc, argv, "d:Ff:hk:s", longopts, NULL)) !=
	    -1)
		switch (ch) {
		case 'd':
			window = (int)strtonum(optarg, 0, 100000, &errstr);
			if (errstr != NULL)
				errx(2, "-d %s: %s", optarg, errstr);
			break;
		case 'D':
			dflag = 1;
			break;
		case 'F':
			Fflag = 1;
			break;
		case 'f':
			factmin = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' || factmin < 0 ||
			    factmin > 1)
				errx(2, "-f %s: not a number from 0 to 1",
				    optarg);
			break;
		case 'k':
			storymin = strtod(optarg, &end);
			if (*optarg == '\0' || *end != '\0' || storymin < 0 ||
			    storymin > 1)
				errx(2, "-k %s: not a number from 0 to 1",
				    optarg);
			break;
		case 's':
			sflag = 1;
			break;
		case 'T':
			tflag = 1;
			break;
		case 'V':
			puts("nmerge " NEWSUTILS_VERSION);
			return 0;
		case 'h':
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (Fflag && sflag)
		usage();

	if ((sim = sim_new(&why)) == NULL)
		errx(1, "%s", why);
	if (tflag)
		return train(argc, argv);
	if (dflag)
		return df_mode(argc, argv);

	if ((spool = spool_open()) == NULL)
		err(1, "spool file");
	if (argc == 0)
		rval |= read_input("-");
	else
		for (i = 0; i < argc; i++)
			rval |= read_input(argv[i]);
	close_doc();
	if (fflush(spool) == EOF || ferror(spool))
		err(1, "spool file");
	assign_stories();
	if (!Fflag)
		pass_through();
	if (!sflag)
		facts();
	if (out_close(stdout) == -1)
		err(1, "stdout");
	fclose(spool);
	sim_free(sim);
	free(docs);
	free(sigv);
	free(tmpterms);
	free(stories);
	free(stv.v);
	return rval;
}

/* An unlinked file in $TMPDIR, else /tmp, for the input's records. */
static FILE *
spool_open(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	FILE *fp;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if (asprintf(&path, "%s/nmerge.XXXXXX", dir) == -1)
		return NULL;
	if ((fd = mkstemp(path)) == -1) {
		free(path);
		return NULL;
	}
	(void)unlink(path);
	free(path);
	if ((fp = fdopen(fd, "w+")) == NULL)
		close(fd);
	return fp;
}

/* Pass one: spool every record and sign every document. */
static int
read_input(const char *path)
{
	struct rec_reader r;
	const char *why;
	int rc, rval = 0;
	size_t n, i;

	if (rec_open(&r, path) == -1) {
		warn("%s", path);
		return 1;
	}
	while ((rc = rec_next(&r)) == 1) {
		enum rec_kind k = rec_kind(&r);
		struct ndoc *d;

		if ((why = rec_check(&r)) != NULL) {
			warnx("%s:%lu: %s", r.name, r.lineno, why);
			rval = 1;
			continue;
		}
		if (k == REC_SENT &&
		    tsv_escapes_ok(r.field[5], r.flen[5]) == -1) {
			warnx("%s:%lu: sent record: field 6: bad escape",
			    r.name, r.lineno);
			rval = 1;
			continue;
		}
		if (k == REC_FACT)
			continue;	/* nmerge's own: made anew */
		if (k == REC_DOC) {
			close_doc();
			if (ndocs == capdocs) {
				size_t nc = capdocs ? capdocs * 2 : 1024;
				struct ndoc *nd;

				if ((nd = reallocarray(docs, nc,
				    sizeof(*nd))) == NULL)
					err(1, NULL);
				docs = nd;
				capdocs = nc;
			}
			d = &docs[ndocs++];
			memset(d, 0, sizeof(*d));
			d->off = spooled;
			d->preset = -1;
			if (days_from_iso(r.field[2], r.flen[2], &d->day) == -1)
				d->day = NODAY;
			indoc = 1;
			ntmp = 0;
			if (tsv_unescape_field(&r, 4, &why) == 0)
				add_terms(r.field[4], r.flen[4], 1.5f);
		} else if (indoc && k == REC_STORY &&
		    docs[ndocs - 1].preset == -1) {
			size_t v;

			(void)parse_size(r.field[1], r.flen[1], &v);
			docs[ndocs - 1].preset = (long)v;
		} else if (indoc && k == REC_SENT &&
		    parse_size(r.field[2], r.flen[2], &n) == 0 &&
		    n <= LEAD_SENTS) {
			/* the lead, from a copy: the line goes to the spool */
			char *copy;
			long len;

			if ((copy = malloc(r.flen[5] + 1)) == NULL)
				err(1, NULL);
			memcpy(copy, r.field[5], r.flen[5]);
			if ((len = tsv_unescape(copy, r.flen[5])) >= 0)
				add_terms(copy, (size_t)len, 1.0f);
			free(copy);
		} else if (indoc && (k == REC_ENT || k == REC_TIME) &&
		    parse_size(r.field[2], r.flen[2], &n) == 0 &&
		    n <= LEAD_SENTS && r.flen[6] > 0) {
			char low[256];
			size_t ln = utf8_lower(low + 2, sizeof(low) - 2,
			    r.field[6], r.flen[6]) + 2;
			struct term t;

			low[0] = k == REC_ENT ? 'k' : 't';
			low[1] = ':';
			t.h = hash_bytes(low, ln);
			t.w = k == REC_ENT ? 4.0f : 3.0f;
			/* a time is a story's when it names a day */
			if (k == REC_TIME && (r.flen[6] < 10 || memcmp(
			    r.field[5], "DATE", 4) != 0))
				t.w = 0;
			if (t.w > 0) {
				if (ntmp == captmp) {
					size_t nc = captmp ? captmp * 2 : 256;
					struct term *nt;

					if ((nt = reallocarray(tmpterms, nc,
					    sizeof(*nt))) == NULL)
						err(1, NULL);
					tmpterms = nt;
					captmp = nc;
				}
				tmpterms[ntmp++] = t;
			}
		}
		/* the line as it came, fields joined again */
		for (i = 0; i < r.nfield; i++) {
			if (i > 0)
				putc_unlocked('\t', spool);
			fwrite(r.field[i], 1, r.flen[i], spool);
			spooled += (off_t)r.flen[i] + 1;
		}
		putc_unlocked('\n', spool);
		if (ferror(spool))
			err(1, "spool file");
	}
	if (rc == -1) {
		warn("%s", r.name);
		rval = 1;
	}
	rec_close(&r);
	return rval;
}

/* The terms of a title or lead sentence, to the document's signature. */
static void
add_terms(const char *text, size_t len, float scale)
{
	size_t i, start = stv.n = 0;

	if (sim_analyze(sim, text, len, &stv) == -1)
		err(1, NULL);
	for (i = start; i < stv.n; i++) {
		const struct sim_tok *t = &stv.v[i];

		if (t->flags & (ST_STOP | ST_WDAY))
			continue;
		if (ntmp == captmp) {
			size_t nc = captmp ? captmp * 2 : 256;
			struct term *nt;

			if ((nt = reallocarray(tmpterms, nc, sizeof(*nt))) ==
			    NULL)
				err(1, NULL);
			tmpterms = nt;
			captmp = nc;
		}
		tmpterms[ntmp].h = t->syn;
		tmpterms[ntmp].w = t->idf * scale;
		ntmp++;
	}
}

static int
cmp_term_h(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->w > y->w ? -1 : x->w < y->w;
}

static int
cmp_term_w(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->h < y->h ? -1 : x->h > y->h;
}

/* The current document's terms, one of each at its best weight. */
static void
close_doc(void)
{
	struct ndoc *d;
	size_t i, n = 0;
	double norm = 0;

	if (!indoc)
		return;
	indoc = 0;
	d = &docs[ndocs - 1];
	d->end = spooled;
	if (ntmp > 1)		/* none yet: tmpterms may be NULL */
		qsort(tmpterms, ntmp, sizeof(*tmpterms), cmp_term_h);
	for (i = 0; i < ntmp; i++)
		if (n == 0 || tmpterms[n - 1].h != tmpterms[i].h)
			tmpterms[n++] = tmpterms[i];
	if (n > SIG_MAX) {
		qsort(tmpterms, n, sizeof(*tmpterms), cmp_term_w);
		n = SIG_MAX;
		qsort(tmpterms, n, sizeof(*tmpterms), cmp_term_h);
	}
	if (nsigv + n > capsigv) {
		size_t nc = capsigv ? capsigv * 2 : 65536;
		struct term *ns;

		while (nc < nsigv + n)
			nc *= 2;
		if ((ns = reallocarray(sigv, nc, sizeof(*ns))) == NULL)
			err(1, NULL);
		sigv = ns;
		capsigv = nc;
	}
	if (n > 0)
		memcpy(sigv + nsigv, tmpterms, n * sizeof(*tmpterms));
	d->sig = nsigv;
	d->nsig = (uint32_t)n;
	nsigv += n;
	for (i = 0; i < n; i++)
		norm += (double)tmpterms[i].w * tmpterms[i].w;
	d->norm = (float)sqrt(norm);
	ntmp = 0;
}

/* YYYY-MM-DD at the start of s to days since 1970-01-01. */
static int
days_from_iso(const char *s, size_t n, int32_t *day)
{
	int y, m, dd;
	unsigned era, yoe, doy, doe;

	if (n < 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = (s[5] - '0') * 10 + s[6] - '0';
	dd = (s[8] - '0') * 10 + s[9] - '0';
	if (m < 1 || m > 12 || dd < 1 || dd > 31)
		return -1;
	/* H. Hinnant's days_from_civil */
	y -= m <= 2;
	era = (unsigned)(y / 400);
	yoe = (unsigned)(y - (int)era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*day = (int32_t)((int)era * 146097 + (int)doe - 719468);
	return 0;
}

#define PLESS(x, y)	((x).h < (y).h || ((x).h == (y).h && (x).doc < (y).doc))

static void
swap_postings(struct posting *v, size_t i, size_t j)
{
	struct posting t = v[i];

	v[i] = v[j];
	v[j] = t;
}

static void
sift_postings(struct posting *v, size_t n, size_t i)
{
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && PLESS(v[c], v[c + 1]))
			c++;
		if (!PLESS(v[i], v[c]))
			return;
		swap_postings(v, i, c);
		i = c;
	}
}

/*
 * The postings by term, then document, in place: qsort() takes a copy
 * of them, which on a long stream is the most memory nmerge holds.
 * Quicksort, heapsort when the partitions go wrong (depth counts down).
 */
static void
sort_postings(struct posting *v, size_t n, unsigned depth)
{
	struct posting p, t;
	ptrdiff_t i, j;
	size_t k, m;

	while (n > 16) {
		if (depth-- == 0) {
			for (k = n / 2; k-- > 0; )
				sift_postings(v, n, k);
			for (k = n - 1; k > 0; k--) {
				swap_postings(v, 0, k);
				sift_postings(v, k, 0);
			}
			return;
		}
		/* the median of three, first: Hoare's partition */
		m = n / 2;
		if (PLESS(v[m], v[0]))
			swap_postings(v, m, 0);
		if (PLESS(v[n - 1], v[m])) {
			swap_postings(v, n - 1, m);
			if (PLESS(v[m], v[0]))
				swap_postings(v, m, 0);
		}
		swap_postings(v, m, 0);
		p = v[0];
		i = -1;
		j = (ptrdiff_t)n;
		for (;;) {
			do
				i++;
			while (PLESS(v[i], p));
			do
				j--;
			while (PLESS(p, v[j]));
			if (i >= j)
				break;
			swap_postings(v, (size_t)i, (size_t)j);
		}
		/* [0, j] and (j, n): the smaller by recursion */
		m = (size_t)j + 1;
		if (m < n - m) {
			sort_postings(v, m, depth);
			v += m;
			n -= m;
		} else {
			sort_postings(v + m, n - m, depth);
			n = m;
		}
	}
	for (k = 1; k < n; k++) {
		t = v[k];
		for (m = k; m > 0 && PLESS(t, v[m - 1]); m--)
			v[m] = v[m - 1];
		v[m] = t;
	}
}

/* How alike two documents' signatures are: cosine, times closeness. */
static double
doc_sim(const struct ndoc *a, const struct ndoc *b)
{
	const struct term *x = sigv + a->sig, *y = sigv + b->sig;
	size_t i = 0, j = 0;
	double dot = 0, f = 0.5;	/* undated: needs twice the likeness */

	if (a->day != NODAY && b->day != NODAY) {
		f = 1;
		int gap = a->day > b->day ? a->day - b->day : b->day - a->day;

		if (gap > window)
			return 0;
		if (gap > 2)
			f = 1 - (double)(gap - 2) / (double)(window - 1);
	}
	if (a->norm == 0 || b->norm == 0)
		return 0;
	while (i < a->nsig && j < b->nsig)
		if (x[i].h < y[j].h)
			i++;
		else if (x[i].h > y[j].h)
			j++;
		else
			dot += (double)x[i++].w * y[j++].w;
	return f * dot / ((double)a->norm * b->norm);
}

static uint32_t
new_story(long id, uint32_t doc)
{
	struct nstory *s;

	if ((nstories & (nstories - 1)) == 0 || nstories == 0) {
		struct nstory *ns;

		if ((ns = reallocarray(stories, nstories ? nstories * 2 : 64,
		    sizeof(*ns))) == NULL)
			err(1, NULL);
		stories = ns;
	}
	s = &stories[nstories];
	s->id = id;
	s->head = s->tail = doc;
	return (uint32_t)nstories++;
}

static void
story_add(uint32_t st, uint32_t doc)
{
	docs[doc].story = st;
	docs[doc].next = UINT32_MAX;
	if (stories[st].head == doc)
		return;
	docs[stories[st].tail].next = doc;
	stories[st].tail = doc;
}

struct cand {
	uint32_t	doc;
	float		acc;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->acc != y->acc)
		return x->acc > y->acc ? -1 : 1;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/*
 * Each document, in input order, joins the story of the earlier document
 * most like it, or starts a story.  Candidates are the earlier documents
 * that share a term no more common than postmax.
 */
static void
assign_stories(void)
{
	struct posting *pv;
	size_t i, j, np = 0, postmax;
	unsigned char *cur;
	float *acc;
	uint32_t *touched, ntouched, d;
	struct cand *cand;
	long maxid = 0;
	struct u64idx { uint64_t *k; uint32_t *v; size_t mask; } pre;

	if (ndocs == 0)
		return;
	if ((pv = reallocarray(NULL, nsigv + 1, sizeof(*pv))) == NULL ||
	    (cur = calloc(ndocs, sizeof(*cur))) == NULL ||
	    (acc = calloc(ndocs, sizeof(*acc))) == NULL ||
	    (touched = reallocarray(NULL, ndocs, sizeof(*touched))) == NULL ||
	    (cand = reallocarray(NULL, ndocs, sizeof(*cand))) == NULL)
		err(1, NULL);
	for (i = 0; i < ndocs; i++)
		for (j = 0; j < docs[i].nsig; j++) {
			pv[np].h = sigv[docs[i].sig + j].h;
			pv[np].w = sigv[docs[i].sig + j].w;
			pv[np].doc = (uint32_t)i;
			np++;
		}
	sort_postings(pv, np, 2 * (unsigned)log2((double)np + 1) + 2);
	/*
	 * A term is known by where its postings start from now on: in the
	 * signatures, whose order and likeness it keeps, and so whose
	 * terms find their postings by it.  Where they end is in the h
	 * of the first posting, which only marked the runs.  Runs come
	 * in the order of their terms, as do a document's, so each run's
	 * term is the next of its documents' signatures.
	 */
	for (i = 0; i < np; ) {
		uint64_t h = pv[i].h;
		size_t e;

		for (e = i; e < np && pv[e].h == h; e++)
			sigv[docs[pv[e].doc].sig + cur[pv[e].doc]++].h = i;
		pv[i].h = e;
		i = e;
	}
	postmax = 200 + (size_t)(4 * sqrt((double)ndocs));

	/* preset stories: their ids, mapped to story indexes */
	pre.mask = 1;
	while (pre.mask < ndocs * 2)
		pre.mask <<= 1;
	if ((pre.k = calloc(pre.mask, sizeof(*pre.k))) == NULL ||
	    (pre.v = calloc(pre.mask, sizeof(*pre.v))) == NULL)
		err(1, NULL);
	pre.mask--;
	for (i = 0; i < ndocs; i++)
		if (docs[i].preset > maxid)
			maxid = docs[i].preset;

	for (d = 0; d < ndocs; d++) {
		struct ndoc *dd = &docs[d];
		const struct term *t = sigv + dd->sig;
		double best = 0;
		uint32_t bestdoc = UINT32_MAX, nc;

		if (dd->preset >= 0) {
			uint64_t key = (uint64_t)dd->preset + 1;
			size_t h = (size_t)(hash_bytes(&key, sizeof(key)) &
			    pre.mask);

			while (pre.k[h] != 0 && pre.k[h] != key)
				h = (h + 1) & pre.mask;
			if (pre.k[h] == 0) {
				pre.k[h] = key;
				pre.v[h] = new_story(dd->preset, d);
			}
			story_add(pre.v[h], d);
			continue;
		}
		ntouched = 0;
		for (i = 0; i < dd->nsig; i++) {
			size_t s = (size_t)t[i].h, e = (size_t)pv[s].h;

			if (e - s > postmax)
				continue;	/* too common to block on */
			for (j = s; j < e && pv[j].doc < d; j++) {
				uint32_t o = pv[j].doc;

				if (acc[o] == 0)
					touched[ntouched++] = o;
				acc[o] += t[i].w * pv[j].w;
			}
		}
		/* the CAND_MAX best, kept sorted by insertion */
		nc = 0;
		for (i = 0; i < ntouched; i++) {
			struct cand c;
			size_t at;

			c.doc = touched[i];
			c.acc = acc[touched[i]] / docs[touched[i]].norm;
			acc[touched[i]] = 0;
			if (nc == CAND_MAX && cmp_cand(&c, &cand[nc - 1]) >= 0)
				continue;
			if (nc < CAND_MAX)
				nc++;
			for (at = nc - 1; at > 0 && cmp_cand(&c,
			    &cand[at - 1]) < 0; at--)
				cand[at] = cand[at - 1];
			cand[at] = c;
		}
		for (i = 0; i < nc; i++) {
			double sv = doc_sim(dd, &docs[cand[i].doc]);

			if (sv > best || (sv == best && sv > 0 &&
			    cand[i].doc < bestdoc)) {
				best = sv;
				bestdoc = cand[i].doc;
			}
		}
		if (bestdoc != UINT32_MAX && best >= storymin)
			story_add(docs[bestdoc].story, d);
		else {
			new_story(-1, d);
			story_add((uint32_t)nstories - 1, d);
		}
	}
	/* new stories are numbered after the input's, in input order */
	for (i = 0; i < nstories; i++)
		if (stories[i].id < 0)
			stories[i].id = ++maxid;
	free(pre.k);
	free(pre.v);
	free(pv);
	free(cur);
	free(acc);
	free(touched);
	free(cand);
}

/* Pass two: the spool to standard output, story records added. */
static void
pass_through(void)
{
	char *line = NULL;
	size_t cap = 0, d = 0;
	ssize_t n;

	if (fseeko(spool, 0, SEEK_SET) == -1)
		err(1, "spool file");
	while ((n = getline(&line, &cap, spool)) > 0) {
		fwrite(line, 1, (size_t)n, stdout);
		if (n > 4 && memcmp(line, "doc\t", 4) == 0 && d < ndocs) {
			if (docs[d].preset < 0) {
				char *tab = memchr(line + 4, '\t',
				    (size_t)n - 4);
				size_t idlen = tab ? (size_t)(tab - line - 4) :
				    (size_t)n - 5;

				fputs("story\t", stdout);
				put_size(stdout,
				    (size_t)stories[docs[d].story].id);
				putchar('\t');
				fwrite(line + 4, 1, idlen, stdout);
				putchar('\n');
			}
			d++;
		}
		if (ferror(stdout))
			break;
	}
	if (ferror(spool))
		err(1, "spool file");
	free(line);
}

/* The story being merged. */
static char		*sbuf;
static size_t		 sbuflen, sbufcap;
static struct msent	*ss;
static size_t		 nss, capss;
static uint64_t		*skeys;
static size_t		 nskeys, capskeys;
static size_t		*stvals;
static size_t		 nstvals, capstvals;
static struct sim_sent	*ssim;
static size_t		 capssim;
static uint64_t		*sgrams;	/* the sentences' n-grams */
static size_t		 capsgrams;
static uint64_t		*ssig;		/* their signatures, for sim_maybe() */
static size_t		 capssig;
static uint32_t		*tokrun;	/* a token's first posting */
static size_t		 captokrun;
static unsigned char	*sprep;		/* its n-grams are made */
static size_t		 capsprep;
static struct edge	*edges;		/* per sentence: its edges */
static size_t		*edgeoff, *edgen, capedgeoff, capedgen;
static size_t		 nedges, capedges;
static uint32_t		*factfirst;	/* story-local fact: first member */
static size_t		 nfacts, capfacts;
static size_t		 factid;	/* the last fact id written */

#define GROW(v, n, cap, need) do {					\
	if ((n) + (need) > (cap)) {					\
		size_t nc_ = (cap) ? (cap) * 2 : 256;			\
		void *nv_;						\
		while (nc_ < (n) + (need))				\
			nc_ *= 2;					\
		if ((nv_ = reallocarray((v), nc_, sizeof(*(v)))) == NULL) \
			err(1, NULL);					\
		(v) = nv_;						\
		(cap) = nc_;						\
	}								\
} while (0)

static int
cmp_story_id(const void *a, const void *b)
{
	const struct nstory *x = *(struct nstory *const *)a;
	const struct nstory *y = *(struct nstory *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The facts of each story, stories in the order of their ids. */
static void
facts(void)
{
	struct nstory **order;
	size_t i;

	if ((order = reallocarray(NULL, nstories + 1, sizeof(*order))) == NULL)
		err(1, NULL);
	for (i = 0; i < nstories; i++)
		order[i] = &stories[i];
	qsort(order, nstories, sizeof(*order), cmp_story_id);
	factid = 0;
	for (i = 0; i < nstories; i++)
		merge_story(order[i]);
	free(order);
	/* fuzz/fuzz_nmerge.c runs this again: it resets what is freed here */
	free(sbuf);
	free(ss);
	free(skeys);
	free(stvals);
	free(ssim);
	free(sgrams);
	free(ssig);
	free(tokrun);
	free(sprep);
	free(edges);
	free(edgeoff);
	free(edgen);
	free(factfirst);
}

/* Split line[0..n) at tabs into at most max fields; how many. */
static size_t
split(char *line, size_t n, char **f, size_t *fl, size_t max)
{
	size_t nf = 0;
	char *p = line, *end = line + n;

	while (nf < max) {
		char *tab = memchr(p, '\t', (size_t)(end - p));

		f[nf] = p;
		fl[nf] = (size_t)((tab ? tab : end) - p);
		nf++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	return nf;
}

/* Read the sentences of one story's documents from the spool. */
static void
load_story(struct nstory *st)
{
	uint32_t d;
	size_t di = 0;

	sbuflen = 0;
	nss = nskeys = nstvals = 0;
	stv.n = 0;
	for (d = st->head; d != UINT32_MAX; d = docs[d].next, di++) {
		size_t len = (size_t)(docs[d].end - docs[d].off), pos;

		GROW(sbuf, sbuflen, sbufcap, len + 1);
		if (fseeko(spool, docs[d].off, SEEK_SET) == -1 ||
		    fread(sbuf + sbuflen, 1, len, spool) != len)
			err(1, "spool file");
		pos = sbuflen;
		sbuflen += len;
		while (pos < sbuflen) {
			char *line = sbuf + pos, *nl, *f[8];
			size_t ll, fl[8], nf;
			long tl;

			nl = memchr(line, '\n', sbuflen - pos);
			ll = nl ? (size_t)(nl - line) : sbuflen - pos;
			pos += ll + 1;
			nf = split(line, ll, f, fl, 8);
			if (nf == 6 && fl[0] == 4 && memcmp(f[0], "sent", 4) ==
			    0) {
				struct msent *m;
				int added;

				GROW(ss, nss, capss, 1);
				m = &ss[nss++];
				memset(m, 0, sizeof(*m));
				m->doc = di;
				m->docid = (size_t)(f[1] - sbuf);
				m->docidlen = fl[1];
				m->n = (size_t)(f[2] - sbuf);
				m->nlen = fl[2];
				m->key = nskeys;
				m->tv = nstvals;
				m->tok = stv.n;
				/* unescaping shortens the text in place */
				if ((tl = tsv_unescape(f[5], fl[5])) < 0)
					tl = (long)fl[5];
				if ((added = sim_analyze(sim, f[5], (size_t)tl,
				    &stv)) == -1)
					err(1, NULL);
				m->ntok = (size_t)added;
				for (size_t k = m->tok; k < stv.n; k++)
					m->neg += (stv.v[k].flags & ST_NEG) !=
					    0;
			} else if (nf == 8 && nss > 0 && ss[nss - 1].doc == di &&
			    fl[2] == ss[nss - 1].nlen && memcmp(f[2], sbuf +
			    ss[nss - 1].n, fl[2]) == 0 && fl[6] > 0 &&
			    ((fl[0] == 3 && memcmp(f[0], "ent", 3) == 0) ||
			    (fl[0] == 4 && memcmp(f[0], "time", 4) == 0 &&
			    (memcmp(f[5], "DATE", 4) == 0 ||
			    memcmp(f[5], "TIME", 4) == 0)))) {
				struct msent *m = &ss[nss - 1];

				if (f[0][0] == 'e') {
					char low[256];
					size_t ln = utf8_lower(low,
					    sizeof(low), f[6], fl[6]);

					GROW(skeys, nskeys, capskeys, 1);
					skeys[nskeys++] = hash_bytes(low, ln);
					m->nkey++;
				} else {
					f[6][fl[6]] = '\0';
					GROW(stvals, nstvals, capstvals, 1);
					stvals[nstvals++] = (size_t)(f[6] -
					    sbuf);
					m->ntv++;
				}
			}
		}
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Probability that sentences i and j report one fact, from the edges. */
static double
edge_p(size_t i, size_t j)
{
	size_t k;

	if (i < j) {
		size_t t = i;

		i = j;
		j = t;
	}
	for (k = 0; k < edgen[i]; k++)
		if (edges[edgeoff[i] + k].to == j)
			return edges[edgeoff[i] + k].p;
	return 0;
}

/* Sentence i's n-grams, made once. */
static void
prepare(size_t i)
{
	if (!sprep[i]) {
		sim_prepare(&ssim[i], sgrams + SIM_PREP * ss[i].tok);
		sprep[i] = 1;
	}
}

/* a content word of a story's sentence, under its synonym group */
struct spost {
	uint64_t	h;
	uint32_t	sent;
	uint32_t	tok;		/* in stv */
};

static int
cmp_spost(const void *a, const void *b)
{
	const struct spost *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->sent < y->sent ? -1 : x->sent > y->sent;
}

struct fmem {
	uint32_t	fact;
	uint32_t	sent;
};

static int
cmp_fmem(const void *a, const void *b)
{
	const struct fmem *x = a, *y = b;

	if (x->fact != y->fact)
		return x->fact < y->fact ? -1 : 1;
	return x->sent < y->sent ? -1 : x->sent > y->sent;
}

/*
 * Merge a story's sentences into facts.  Each sentence, in order, joins
 * the fact whose sentences it matches best on average (one of them at
 * least the bar, the mean at least half of it, no sentence of its own
 * document in it), and a second one if that matches too; else it starts
 * a fact of its own.
 */
static void
merge_story(struct nstory *st)
{
	struct fmem *mem = NULL;
	size_t nmem = 0, capmem = 0, i, j, k;
	struct spost *pv = NULL;
	size_t np = 0, cappv = 0;
	uint32_t *touched = NULL, *fcount = NULL, *fseen = NULL;
	size_t *flastdoc = NULL, *dsent;
	double *fsum = NULL, *fmax = NULL, bar;
	const char **tvp;
	size_t ndoc;

	load_story(st);
	if (nss == 0)
		return;
	GROW(ssim, 0, capssim, nss);
	for (i = 0; i < nss; i++) {
		struct msent *m = &ss[i];
		struct sim_sent *s = &ssim[i];

		/* no NULL + 0 where nothing was read */
		s->tok = stv.v != NULL ? stv.v + m->tok : NULL;
		s->ntok = m->ntok;
		s->key = skeys != NULL ? skeys + m->key : NULL;
		if (m->nkey > 1)
			qsort(s->key, m->nkey, sizeof(uint64_t), cmp_u64);
		for (j = k = 0; j < m->nkey; j++)
			if (k == 0 || s->key[k - 1] != s->key[j])
				s->key[k++] = s->key[j];
		s->nkey = k;
		s->tval = NULL;
		s->ntval = m->ntv;
		s->neg = m->neg;
		s->wsum = 0;
	}
	/* the time values, as pointers now that sbuf is still */
	/* n-grams are made when a pair needs them: most pairs sim_maybe()
	   rules out */
	GROW(sgrams, 0, capsgrams, SIM_PREP * stv.n + 1);
	GROW(sprep, 0, capsprep, nss);
	memset(sprep, 0, nss * sizeof(*sprep));
	GROW(ssig, 0, capssig, SIM_SIG * nss);
	for (i = 0; i < nss; i++)
		sim_sign(&ssim[i], ssig + SIM_SIG * i);
	if ((tvp = reallocarray(NULL, nstvals + 1, sizeof(*tvp))) == NULL)
		err(1, NULL);
	for (i = 0; i < nstvals; i++)
		tvp[i] = sbuf + stvals[i];
	for (i = 0; i < nss; i++)
		ssim[i].tval = tvp + ss[i].tv;

	/* the sentences of each document */
	if ((dsent = calloc(ss[nss - 1].doc + 1, sizeof(*dsent))) == NULL)
		err(1, NULL);
	for (i = 0; i < nss; i++)
		dsent[ss[i].doc]++;

	/* candidate pairs: sentences of other documents sharing a term */
	for (i = 0; i < nss; i++) {
		struct sim_sent *s = &ssim[i];

		for (j = 0; j < s->ntok; j++) {
			if (s->tok[j].flags & ST_STOP)
				continue;
			GROW(pv, np, cappv, 1);
			pv[np].h = s->tok[j].syn;
			pv[np].sent = (uint32_t)i;
			pv[np].tok = (uint32_t)(ss[i].tok + j);
			np++;
		}
	}
	if (np > 1)
		qsort(pv, np, sizeof(*pv), cmp_spost);
	/* each token's run of postings: from tokrun[], to the h of its
	   first posting, which only marked the runs */
	GROW(tokrun, 0, captokrun, stv.n + 1);
	for (i = 0; i < np; i = j) {
		for (j = i; j < np && pv[j].h == pv[i].h; j++)
			tokrun[pv[j].tok] = (uint32_t)i;
		pv[i].h = j;
	}
	GROW(edgeoff, 0, capedgeoff, nss);
	GROW(edgen, 0, capedgen, nss);
	if ((touched = reallocarray(NULL, nss, sizeof(*touched))) == NULL ||
	    (fcount = calloc(nss, sizeof(*fcount))) == NULL ||
	    (fsum = calloc(nss, sizeof(*fsum))) == NULL ||
	    (fmax = calloc(nss, sizeof(*fmax))) == NULL ||
	    (fseen = calloc(nss, sizeof(*fseen))) == NULL ||
	    (flastdoc = calloc(nss, sizeof(*flastdoc))) == NULL)
		err(1, NULL);
	{
		/* per sentence, the earlier sentences it shares a term with */
		uint32_t *seen, *shared, *content;

		if ((seen = calloc(nss, sizeof(*seen))) == NULL ||
		    (shared = calloc(nss, sizeof(*shared))) == NULL ||
		    (content = calloc(nss, sizeof(*content))) == NULL)
			err(1, NULL);
		for (i = 0; i < nss; i++)
			for (j = 0; j < ssim[i].ntok; j++)
				content[i] += !(ssim[i].tok[j].flags & ST_STOP);
		nedges = 0;
		for (i = 0; i < nss; i++) {
			size_t nt = 0;
			const struct sim_sent *s = &ssim[i];

			edgeoff[i] = nedges;
			for (j = 0; j < s->ntok; j++) {
				size_t lo, e;

				if (s->tok[j].flags & ST_STOP)
					continue;
				lo = tokrun[ss[i].tok + j];
				e = (size_t)pv[lo].h;
				if (e - lo > FACT_POSTMAX)
					continue;
				for (; lo < e && pv[lo].sent < i; lo++) {
					uint32_t o = pv[lo].sent;

					if (ss[o].doc == ss[i].doc)
						continue;
					if (seen[o] != i + 1) {
						seen[o] = (uint32_t)i + 1;
						shared[o] = 0;
						touched[nt++] = o;
					}
					shared[o]++;
				}
			}
			/* one word in common is no fact in common, unless
			   the sentences are that short */
			for (k = j = 0; k < nt; k++)
				if (shared[touched[k]] >= 2 ||
				    content[i] <= 3 || content[touched[k]] <= 3)
					touched[j++] = touched[k];
			nt = j;
			/* in sentence order, so edges are too */
			qsort(touched, nt, sizeof(*touched), cmp_u32);
			for (k = 0; k < nt; k++) {
				uint32_t o = touched[k];
				double p, q;
				struct sim_news nw;
				int news;

				/*
				 * Reports that contain one another are one
				 * fact when their documents are articles
				 * that the story found to tell one event.
				 * Two documents of one sentence have only
				 * that sentence to go on: the model alone.
				 */
				news = dsent[ss[i].doc] > 1 &&
				    dsent[ss[o].doc] > 1;
				if (!sim_maybe(s, ssig + SIM_SIG * i, &ssim[o],
				    ssig + SIM_SIG * o, news))
					continue;	/* p is 0 */
				prepare(i);
				prepare(o);
				if (news) {
					p = sim_pair_news(sim, s, &ssim[o],
					    &q, &nw);
					if (q > p)
						p = q;
				} else
					p = sim_pair(sim, s, &ssim[o]);

				if (p < factmin / 2 || p == 0)
					continue;
				GROW(edges, nedges, capedges, 1);
				edges[nedges].to = touched[k];
				edges[nedges].p = (float)p;
				nedges++;
			}
			edgen[i] = nedges - edgeoff[i];
		}
		free(seen);
		free(shared);
		free(content);
	}

	/*
	 * The model learned from pairs already picked as alike; in long
	 * documents most pairs report different things, so the bar rises
	 * with the mean document length, halfway to 1 at the most.
	 */
	ndoc = ss[nss - 1].doc + 1;
	bar = factmin + (1 - factmin) / 3 * (1 - (double)ndoc / (double)nss);

	/* greedy average-link assignment, in sentence order */
	nfacts = 0;
	for (i = 0; i < nss; i++) {
		size_t nt = 0, best = SIZE_MAX, second = SIZE_MAX;
		double bs = 0, ss2 = 0;

		ss[i].nfact = 0;
		for (k = 0; k < edgen[i]; k++) {
			const struct edge *e = &edges[edgeoff[i] + k];
			const struct msent *o = &ss[e->to];

			for (j = 0; j < o->nfact; j++) {
				uint32_t f = o->fact[j];

				if (fseen[f] != i + 1) {
					fseen[f] = (uint32_t)i + 1;
					fsum[f] = fmax[f] = 0;
					touched[nt++] = f;
				}
				fsum[f] += e->p;
				if (e->p > fmax[f])
					fmax[f] = e->p;
			}
		}
		for (k = 0; k < nt; k++) {
			uint32_t f = touched[k];
			double avg = fsum[f] / fcount[f];

			/*
			 * Documents come whole, one after another.  A
			 * sentence that reports a fact matches one of its
			 * sentences well and half of them on average: two
			 * reports that disagree on a count, or that each
			 * add other details, may not match each other.
			 */
			if (flastdoc[f] == ss[i].doc || fmax[f] < bar ||
			    avg < bar / 2)
				continue;
			if (avg > bs || (avg == bs && f < best)) {
				ss2 = bs;
				second = best;
				bs = avg;
				best = f;
			} else if (avg > ss2 || (avg == ss2 && f < second)) {
				ss2 = avg;
				second = f;
			}
		}
		if (best == SIZE_MAX) {
			best = nfacts++;
			GROW(factfirst, best, capfacts, 1);
			factfirst[best] = (uint32_t)i;
		}
		ss[i].fact[ss[i].nfact++] = (uint32_t)best;
		fcount[best]++;
		flastdoc[best] = ss[i].doc;
		GROW(mem, nmem, capmem, 1);
		mem[nmem].fact = (uint32_t)best;
		mem[nmem++].sent = (uint32_t)i;
		if (second != SIZE_MAX) {
			ss[i].fact[ss[i].nfact++] = (uint32_t)second;
			fcount[second]++;
			flastdoc[second] = ss[i].doc;
			GROW(mem, nmem, capmem, 1);
			mem[nmem].fact = (uint32_t)second;
			mem[nmem++].sent = (uint32_t)i;
		}
	}

	/* the records: by fact, then sentence; score is the mean p */
	qsort(mem, nmem, sizeof(*mem), cmp_fmem);
	for (i = 0; i < nmem; ) {
		size_t e = i;

		while (e < nmem && mem[e].fact == mem[i].fact)
			e++;
		factid++;
		for (j = i; j < e; j++) {
			const struct msent *m = &ss[mem[j].sent];
			double sum = 0, score = 1;

			if (e - i > 1) {
				for (k = i; k < e; k++)
					if (k != j)
						sum += edge_p(mem[j].sent,
						    mem[k].sent);
				score = sum / (double)(e - i - 1);
			}
			fputs("fact\t", stdout);
			put_size(stdout, factid);
			putchar('\t');
			fwrite(sbuf + m->docid, 1, m->docidlen, stdout);
			putchar('\t');
			fwrite(sbuf + m->n, 1, m->nlen, stdout);
			printf("\t%.3f\n", score);
		}
		i = e;
	}
	free(tvp);
	free(mem);
	free(fseen);
	free(flastdoc);
	free(pv);
	free(touched);
	free(fcount);
	free(fsum);
	free(fmax);
	free(dsent);
}

/* --df: document frequencies of the stems of the input's sentences. */
struct dfent {
	char	*stem;
	size_t	 df;
	size_t	 last;		/* the last sentence counted */
};

static int
cmp_dfent(const void *a, const void *b)
{
	const struct dfent *x = a, *y = b;

	if (x->stem == NULL || y->stem == NULL)
		return (x->stem == NULL) - (y->stem == NULL);
	return strcmp(x->stem, y->stem);
}

static int
df_mode(int argc, char **argv)
{
	struct rec_reader r;
	struct tokvec tv = { 0 };
	struct dfent *tab;
	size_t mask = (1 << 20) - 1, nsent = 0, i, n = 0, mindf = 3;
	int a, rval = 0;

	if ((tab = calloc(mask + 1, sizeof(*tab))) == NULL)
		err(1, NULL);
	for (a = 0; a < (argc > 0 ? argc : 1); a++) {
		if (rec_open(&r, argc > 0 ? argv[a] : "-") == -1) {
			warn("%s", argv[a]);
			rval = 1;
			continue;
		}
		while (rec_next(&r) == 1) {
			long tl;

			if (rec_kind(&r) != REC_SENT || rec_check(&r) != NULL ||
			    (tl = tsv_unescape(r.field[5], r.flen[5])) < 0)
				continue;
			nsent++;
			tv.n = 0;
			if (tokenize(r.field[5], (size_t)tl, &tv) == -1)
				err(1, NULL);
			for (i = 0; i < tv.n; i++) {
				char st[128];
				size_t sn, h;
				const char *w = r.field[5] + tv.v[i].start;

				if (tv.v[i].type != TOK_WORD ||
				    (tv.v[i].flags & TF_DIGIT))
					continue;
				sn = sim_stem(sim, w, tv.v[i].end -
				    tv.v[i].start, st, sizeof(st) - 1);
				st[sn] = '\0';
				if (sn == 0 || memchr(st, '\t', sn) != NULL)
					continue;
				h = (size_t)hash_bytes(st, sn) & mask;
				while (tab[h].stem != NULL &&
				    strcmp(tab[h].stem, st) != 0)
					h = (h + 1) & mask;
				if (tab[h].stem == NULL) {
					if (++n > mask / 2)
						errx(1, "--df: too many stems");
					if ((tab[h].stem = strdup(st)) == NULL)
						err(1, NULL);
				}
				if (tab[h].last != nsent) {
					tab[h].last = nsent;
					tab[h].df++;
				}
			}
		}
		rec_close(&r);
	}
	qsort(tab, mask + 1, sizeof(*tab), cmp_dfent);
	printf("#docs %zu\n", nsent);
	for (i = 0; i < n; i++) {
		if (tab[i].df >= mindf)
			printf("%s\t%zu\n", tab[i].stem, tab[i].df);
		free(tab[i].stem);
	}
	free(tab);
	tokvec_free(&tv);
	if (out_close(stdout) == -1)
		err(1, "stdout");
	return rval;
}

/*
 * --train: logistic regression over the pair features of labelled
 * sentence pairs (lines "label id1 id2 sentence1 sentence2" after a
 * header row, as in the MSRP corpus).  Reports 10-fold cross-validated
 * accuracy and F1 on standard error; writes the model learned from all
 * pairs to standard output, in data/nmerge_model.txt's form.
 */
#define NW	(SIM_NFEAT + 1)

static void
lr_fit(double (*x)[SIM_NFEAT], const int *y, const int *use, size_t n,
    double *w, double *bias)
{
	double mu[SIM_NFEAT] = { 0 }, sd[SIM_NFEAT] = { 0 }, b[NW] = { 0 };
	double lambda = 1.0;
	size_t i, j, k, m = 0, it;

	for (i = 0; i < n; i++)
		if (use[i]) {
			m++;
			for (j = 0; j < SIM_NFEAT; j++)
				mu[j] += x[i][j];
		}
	for (j = 0; j < SIM_NFEAT; j++)
		mu[j] /= (double)m;
	for (i = 0; i < n; i++)
		if (use[i])
			for (j = 0; j < SIM_NFEAT; j++)
				sd[j] += (x[i][j] - mu[j]) * (x[i][j] - mu[j]);
	for (j = 0; j < SIM_NFEAT; j++) {
		sd[j] = sqrt(sd[j] / (double)m);
		if (sd[j] < 1e-9)
			sd[j] = 1;	/* a feature that never varies here */
	}
	for (it = 0; it < 30; it++) {
		double g[NW] = { 0 }, h[NW][NW + 1] = { { 0 } };

		for (i = 0; i < n; i++) {
			double z[NW], p, s = 0;

			if (!use[i])
				continue;
			z[0] = 1;
			for (j = 0; j < SIM_NFEAT; j++)
				z[j + 1] = (x[i][j] - mu[j]) / sd[j];
			for (j = 0; j < NW; j++)
				s += b[j] * z[j];
			p = 1 / (1 + exp(-s));
			for (j = 0; j < NW; j++) {
				g[j] += (p - y[i]) * z[j];
				for (k = 0; k < NW; k++)
					h[j][k] += p * (1 - p) * z[j] * z[k];
			}
		}
		for (j = 1; j < NW; j++) {
			g[j] += lambda * b[j];
			h[j][j] += lambda;
		}
		/* solve h d = g by Gaussian elimination, partial pivoting */
		for (j = 0; j < NW; j++)
			h[j][NW] = g[j];
		for (j = 0; j < NW; j++) {
			size_t piv = j;

			for (k = j + 1; k < NW; k++)
				if (fabs(h[k][j]) > fabs(h[piv][j]))
					piv = k;
			for (k = 0; k <= NW; k++) {
				double t = h[j][k];

				h[j][k] = h[piv][k];
				h[piv][k] = t;
			}
			for (k = j + 1; k < NW; k++) {
				double f = h[k][j] / h[j][j];

				for (size_t c = j; c <= NW; c++)
					h[k][c] -= f * h[j][c];
			}
		}
		for (j = NW; j-- > 0; ) {
			double s = h[j][NW];

			for (k = j + 1; k < NW; k++)
				s -= h[j][k] * g[k];
			g[j] = s / h[j][j];
		}
		for (j = 0; j < NW; j++)
			b[j] -= g[j];
	}
	/* back to the raw features */
	*bias = b[0];
	for (j = 0; j < SIM_NFEAT; j++) {
		w[j] = b[j + 1] / sd[j];
		*bias -= w[j] * mu[j];
	}
}


/*
 * Gradient boosting of depth-SIM_DEPTH trees on the logistic loss, from
 * the margins base[] (the linear model's): ntree trees into t.  Splits
 * are searched among NBIN quantiles of each feature.
 */
#define NBIN	32

static double	 gb_eta = 0.05, gb_lambda = 5;
static size_t	 gb_ntree = 100;

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
gb_bins(double (*x)[SIM_NFEAT], size_t n, float (*cut)[NBIN],
    unsigned char (*bin)[SIM_NFEAT])
{
	double *v;
	size_t i, j, b;

	if ((v = reallocarray(NULL, n, sizeof(*v))) == NULL)
		err(1, NULL);
	for (j = 0; j < SIM_NFEAT; j++) {
		for (i = 0; i < n; i++)
			v[i] = x[i][j];
		qsort(v, n, sizeof(*v), cmp_double);
		/* cut[j][b]: the upper bound of bin b */
		for (b = 0; b < NBIN; b++)
			cut[j][b] = (float)v[(n - 1) * (b + 1) / NBIN];
		for (i = 0; i < n; i++) {
			for (b = 0; b < NBIN - 1 && (float)x[i][j] > cut[j][b];
			    b++)
				;
			bin[i][j] = (unsigned char)b;
		}
	}
	free(v);
}

static void
gb_fit(unsigned char (*bin)[SIM_NFEAT], float (*cut)[NBIN], const int *y,
    const int *use, size_t n, const double *base, struct sim_tree *t)
{
	double *m, *g, *h, lam = gb_lambda;
	unsigned char *node;
	size_t i, k, it, d, j, b;
	static double hg[SIM_NODES][SIM_NFEAT][NBIN];
	static double hh[SIM_NODES][SIM_NFEAT][NBIN];

	if ((m = reallocarray(NULL, n, sizeof(*m))) == NULL ||
	    (g = reallocarray(NULL, n, sizeof(*g))) == NULL ||
	    (h = reallocarray(NULL, n, sizeof(*h))) == NULL ||
	    (node = reallocarray(NULL, n, 1)) == NULL)
		err(1, NULL);
	memcpy(m, base, n * sizeof(*m));
	for (it = 0; it < gb_ntree; it++) {
		struct sim_tree *tr = &t[it];
		unsigned char bcut[SIM_NODES];

		for (i = 0; i < n; i++) {
			double p = 1 / (1 + exp(-m[i]));

			g[i] = p - y[i];
			h[i] = p * (1 - p);
			node[i] = 0;
		}
		for (d = 0; d < SIM_DEPTH; d++) {
			size_t lo = ((size_t)1 << d) - 1, hi = 2 * lo + 1;

			for (k = lo; k < hi; k++) {
				memset(hg[k], 0, sizeof(hg[k]));
				memset(hh[k], 0, sizeof(hh[k]));
			}
			for (i = 0; i < n; i++) {
				const unsigned char *bi = bin[i];

				if (!use[i])
					continue;
				k = node[i];
				for (j = 0; j < SIM_NFEAT; j++) {
					hg[k][j][bi[j]] += g[i];
					hh[k][j][bi[j]] += h[i];
				}
			}
			for (k = lo; k < hi; k++) {
				double best = 0, G = 0, H = 0;

				tr->feat[k] = 0;
				tr->thr[k] = 1e30f;
				bcut[k] = NBIN - 1;
				for (b = 0; b < NBIN; b++) {
					G += hg[k][0][b];
					H += hh[k][0][b];
				}
				for (j = 0; j < SIM_NFEAT; j++) {
					double gl = 0, hl = 0;

					for (b = 0; b + 1 < NBIN; b++) {
						double gr, hr, gain;

						gl += hg[k][j][b];
						hl += hh[k][j][b];
						gr = G - gl;
						hr = H - hl;
						if (hl < 1 || hr < 1 ||
						    cut[j][b] == cut[j][b + 1])
							continue;
						gain = gl * gl / (hl + lam) +
						    gr * gr / (hr + lam) -
						    G * G / (H + lam);
						if (gain <= best)
							continue;
						best = gain;
						tr->feat[k] = (unsigned char)j;
						tr->thr[k] = cut[j][b];
						bcut[k] = (unsigned char)b;
					}
				}
			}
			for (i = 0; i < n; i++) {
				k = node[i];
				node[i] = (unsigned char)(2 * k + 1 +
				    (bin[i][tr->feat[k]] > bcut[k]));
			}
		}
		{
			double G[SIM_NODES + 1] = { 0 };
			double H[SIM_NODES + 1] = { 0 };

			for (i = 0; i < n; i++)
				if (use[i]) {
					G[node[i] - SIM_NODES] += g[i];
					H[node[i] - SIM_NODES] += h[i];
				}
			for (k = 0; k <= SIM_NODES; k++)
				tr->leaf[k] = (float)(-gb_eta * G[k] /
				    (H[k] + gb_lambda));
		}
		for (i = 0; i < n; i++)
			m[i] += tr->leaf[node[i] - SIM_NODES];
	}
	free(m);
	free(g);
	free(h);
	free(node);
}

/* The term lists of a training pair: stems and stem bigrams of each. */
struct tpair {
	size_t	off[4];
	size_t	n[4];
};

struct kev {
	uint64_t	h;
	int		y, both;
};

static int
cmp_kev(const void *a, const void *b)
{
	const struct kev *x = a, *y = b;

	return x->h < y->h ? -1 : x->h > y->h;
}

/*
 * TF-KLD (Ji and Eisenstein 2013): a term weighs the divergence between
 * how often it is in both sentences of a paraphrase, given it is in
 * either, and in both of a pair that is not one.  Terms of fewer than
 * KLD_MIN pairs are left to the default, the mean weight.
 */
#define KLD_MIN	20

static size_t
kld_fit(const uint64_t *terms, const struct tpair *tp, const int *y,
    const int *use, size_t n, uint64_t **hs, float **ws, double *dflt)
{
	struct kev *ev = NULL;
	size_t nev = 0, capev = 0, i, k, nk = 0;
	double sum = 0;

	for (i = 0; i < n; i++) {
		if (!use[i])
			continue;
		for (k = 0; k < 2; k++) {
			const uint64_t *x = terms + tp[i].off[k];
			const uint64_t *z = terms + tp[i].off[k + 2];
			size_t nx = tp[i].n[k], nz = tp[i].n[k + 2], a = 0,
			    b = 0;

			while (a < nx || b < nz) {
				GROW(ev, nev, capev, 1);
				ev[nev].y = y[i];
				if (b == nz || (a < nx && x[a] < z[b])) {
					ev[nev].h = x[a];
					ev[nev].both = 0;
				} else if (a == nx || z[b] < x[a]) {
					ev[nev].h = z[b];
					ev[nev].both = 0;
				} else {
					ev[nev].h = x[a];
					ev[nev].both = 1;
				}
				if (a < nx && x[a] == ev[nev].h)
					for (a++; a < nx && x[a] == x[a - 1];
					    a++)
						;
				if (b < nz && z[b] == ev[nev].h)
					for (b++; b < nz && z[b] == z[b - 1];
					    b++)
						;
				nev++;
			}
		}
	}
	qsort(ev, nev, sizeof(*ev), cmp_kev);
	free(*hs);
	free(*ws);
	if ((*hs = reallocarray(NULL, nev + 1, sizeof(**hs))) == NULL ||
	    (*ws = reallocarray(NULL, nev + 1, sizeof(**ws))) == NULL)
		err(1, NULL);
	for (i = 0; i < nev; ) {
		double c[2][2] = { { 0, 0 }, { 0, 0 } }, p, q;

		for (k = i; k < nev && ev[k].h == ev[i].h; k++)
			c[ev[k].y][ev[k].both]++;
		if (k - i >= (size_t)KLD_MIN) {
			p = (c[1][1] + 1) / (c[1][1] + c[1][0] + 2);
			q = (c[0][1] + 1) / (c[0][1] + c[0][0] + 2);
			(*hs)[nk] = ev[i].h;
			(*ws)[nk] = (float)(p * log(p / q) + (1 - p) *
			    log((1 - p) / (1 - q)));
			sum += (*ws)[nk++];
		}
		i = k;
	}
	*dflt = nk > 0 ? sum / (double)nk : 0;
	free(ev);
	return nk;
}

/* The TF-KLD features of the pairs i with sel[i], with the weights set. */
static void
kld_refeature(const uint64_t *terms, const struct tpair *tp, size_t n,
    const int *sel, double (*x)[SIM_NFEAT])
{
	struct sim_sent a, b;
	size_t i;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	for (i = 0; i < n; i++) {
		if (!sel[i])
			continue;
		a.gram[2] = (uint64_t *)(uintptr_t)(terms + tp[i].off[0]);
		a.ngram[2] = tp[i].n[0];
		a.gram[0] = (uint64_t *)(uintptr_t)(terms + tp[i].off[1]);
		a.ngram[0] = tp[i].n[1];
		b.gram[2] = (uint64_t *)(uintptr_t)(terms + tp[i].off[2]);
		b.ngram[2] = tp[i].n[2];
		b.gram[0] = (uint64_t *)(uintptr_t)(terms + tp[i].off[3]);
		b.ngram[0] = tp[i].n[3];
		sim_kld_features(&a, &b, x[i]);
	}
}

/*
 * The TF-KLD features of all pairs, the weights learned from the pairs
 * with use[i]: those pairs' own features from weights of the other four
 * fifths of them, so that the model learns from features as unseen
 * pairs will have them.  The weights of all of them are left set.
 */
#define KLD_FOLDS	5

static void
kld_features(const uint64_t *terms, const struct tpair *tp, const int *y,
    const int *use, size_t n, double (*x)[SIM_NFEAT], uint64_t **kh,
    float **kw, size_t *nk, double *kdflt)
{
	int *sub, *sel;
	size_t i, g;

	if ((sub = calloc(n, sizeof(*sub))) == NULL ||
	    (sel = calloc(n, sizeof(*sel))) == NULL)
		err(1, NULL);
	for (g = 0; g < KLD_FOLDS; g++) {
		for (i = 0; i < n; i++) {
			sub[i] = use[i] && (i / 10) % KLD_FOLDS != g;
			sel[i] = use[i] && (i / 10) % KLD_FOLDS == g;
		}
		*nk = kld_fit(terms, tp, y, sub, n, kh, kw, kdflt);
		if (sim_set_kld(sim, *kh, *kw, *nk, *kdflt) == -1)
			err(1, NULL);
		kld_refeature(terms, tp, n, sel, x);
	}
	for (i = 0; i < n; i++)
		sel[i] = !use[i];
	*nk = kld_fit(terms, tp, y, use, n, kh, kw, kdflt);
	if (sim_set_kld(sim, *kh, *kw, *nk, *kdflt) == -1)
		err(1, NULL);
	kld_refeature(terms, tp, n, sel, x);
	free(sub);
	free(sel);
}

static int
train(int argc, char **argv)
{
	struct rec_reader r;
	double (*x)[SIM_NFEAT] = NULL, w[SIM_NFEAT], bias;
	int *y = NULL, *use = NULL, *clash = NULL, a;
	size_t n = 0, capx = 0, capy = 0, capc = 0, i, j, fold;
	size_t tp5 = 0, fp5 = 0, fn5 = 0, bestok = 0;
	double *prob = NULL, *base = NULL, bestbar = factmin;
	float (*cut)[NBIN];
	unsigned char (*bin)[SIM_NFEAT] = NULL;
	struct sim_tree *trees = NULL;
	struct sim_tokvec tv = { 0 };
	uint64_t *gbuf = NULL, *terms = NULL, *kh = NULL;
	size_t capg = 0, nterms = 0, capterms = 0, captp = 0, nk;
	struct tpair *tp = NULL;
	float *kw = NULL;
	double kdflt;

	if (argc == 0)
		usage();
	if ((cut = calloc(SIM_NFEAT, sizeof(*cut))) == NULL)
		err(1, NULL);
	for (a = 0; a < argc; a++) {
		if (rec_open(&r, argv[a]) == -1)
			err(1, "%s", argv[a]);
		while (rec_next(&r) == 1) {
			struct sim_sent s1, s2;
			size_t n1;

			if (r.lineno == 1 || r.nfield < 5 || (r.field[0][0] !=
			    '0' && r.field[0][0] != '1'))
				continue;
			GROW(x, n, capx, 1);
			GROW(y, n, capy, 1);
			GROW(clash, n, capc, 1);
			tv.n = 0;
			if (sim_analyze(sim, r.field[3], r.flen[3], &tv) ==
			    -1)
				err(1, NULL);
			n1 = tv.n;
			if (sim_analyze(sim, r.field[4], r.flen[4], &tv) ==
			    -1)
				err(1, NULL);
			memset(&s1, 0, sizeof(s1));
			memset(&s2, 0, sizeof(s2));
			s1.tok = tv.v;
			s1.ntok = n1;
			s2.tok = tv.v + n1;
			s2.ntok = tv.n - n1;
			for (i = 0; i < s1.ntok; i++)
				s1.neg += (s1.tok[i].flags & ST_NEG) != 0;
			for (i = 0; i < s2.ntok; i++)
				s2.neg += (s2.tok[i].flags & ST_NEG) != 0;
			GROW(gbuf, 0, capg, SIM_PREP * tv.n);
			sim_prepare(&s1, gbuf);
			sim_prepare(&s2, gbuf + SIM_PREP * s1.ntok);
			sim_features(&s1, &s2, x[n]);
			clash[n] = sim_veto(x[n]);
			GROW(tp, n, captp, 1);
			for (i = 0; i < 4; i++) {
				const uint64_t *l[2];
				size_t ln[2];

				sim_kld_terms(i < 2 ? &s1 : &s2, &l[0], &ln[0],
				    &l[1], &ln[1]);
				GROW(terms, nterms, capterms, ln[i % 2]);
				memcpy(terms + nterms, l[i % 2], ln[i % 2] *
				    sizeof(*terms));
				tp[n].off[i] = nterms;
				tp[n].n[i] = ln[i % 2];
				nterms += ln[i % 2];
			}
			y[n] = r.field[0][0] == '1';
			n++;
		}
		rec_close(&r);
	}
	if (n < 20)
		errx(1, "--train: %zu labelled pairs; too few", n);
	if ((use = calloc(n, sizeof(*use))) == NULL)
		err(1, NULL);
	if ((prob = calloc(n, sizeof(*prob))) == NULL ||
	    (base = calloc(n, sizeof(*base))) == NULL ||
	    (bin = reallocarray(NULL, n, sizeof(*bin))) == NULL ||
	    (trees = reallocarray(NULL, gb_ntree + 1, sizeof(*trees))) == NULL)
		err(1, NULL);
	for (fold = 0; fold < 10; fold++) {
		for (i = 0; i < n; i++)
			use[i] = i % 10 != fold;
		/* term weights from the training folds only */
		kld_features(terms, tp, y, use, n, x, &kh, &kw, &nk, &kdflt);
		gb_bins(x, n, cut, bin);
		lr_fit(x, y, use, n, w, &bias);
		sim_set_model(sim, w, SIM_NFEAT, bias);
		sim_set_trees(sim, NULL, 0);
		for (i = 0; i < n; i++) {
			double p = sim_prob(sim, x[i]);

			base[i] = log(p / (1 - p));
			use[i] = use[i] && !clash[i];
		}
		gb_fit(bin, cut, y, use, n, base, trees);
		sim_set_trees(sim, trees, gb_ntree);
		for (i = fold; i < n; i += 10)
			prob[i] = clash[i] ? 0 : sim_prob(sim, x[i]);
	}
	/*
	 * The bar (near factmin) that the cross-validated probabilities do
	 * best with; the model's bias moves so that factmin means it.
	 */
	for (a = -10; a <= 10; a++) {
		double bar = factmin + 0.01 * a;
		size_t tp = 0, fp = 0, fn = 0, ok = 0;

		for (i = 0; i < n; i++) {
			int pred = prob[i] >= bar;

			ok += pred == y[i];
			tp += pred && y[i];
			fp += pred && !y[i];
			fn += !pred && y[i];
		}
		if (ok > bestok || (a == 0 && ok >= bestok)) {
			bestok = ok;
			bestbar = bar;
			tp5 = tp;
			fp5 = fp;
			fn5 = fn;
		}
	}
	fprintf(stderr, "nmerge: 10-fold cross-validation on %zu pairs: "
	    "accuracy %.2f, F1 %.2f (precision %.2f, recall %.2f) at the "
	    "bar %.2f\n", n, 100.0 * (double)bestok / (double)n,
	    200.0 * (double)tp5 / (double)(2 * tp5 + fp5 + fn5),
	    100.0 * (double)tp5 / (double)(tp5 + fp5),
	    100.0 * (double)tp5 / (double)(tp5 + fn5), bestbar);
	for (i = 0; i < n; i++)
		use[i] = 1;
	kld_features(terms, tp, y, use, n, x, &kh, &kw, &nk, &kdflt);
	gb_bins(x, n, cut, bin);
	lr_fit(x, y, use, n, w, &bias);
	sim_set_model(sim, w, SIM_NFEAT, bias);
	sim_set_trees(sim, NULL, 0);
	for (i = 0; i < n; i++) {
		double p = sim_prob(sim, x[i]);

		base[i] = log(p / (1 - p));
		use[i] = !clash[i];
	}
	gb_fit(bin, cut, y, use, n, base, trees);
	bias += log(factmin / (1 - factmin)) - log(bestbar / (1 - bestbar));
	printf("# nmerge's fact model: logistic regression over pair "
	    "features,\n# then %zu boosted trees of depth %d, learned by "
	    "nmerge --train from %zu\n# labelled pairs\nbias %.6f\n",
	    gb_ntree, SIM_DEPTH, n, bias);
	for (j = 0; j < SIM_NFEAT; j++)
		printf("%s %.6f\n", sim_feature_name(j), w[j]);
	printf("kld_default %.4g\n", kdflt);
	for (i = 0; i < nk; i++)
		printf("kld %016" PRIx64 " %.4g\n", kh[i], (double)kw[i]);
	for (a = 0; a < (int)gb_ntree; a++) {
		printf("tree");
		for (j = 0; j < SIM_NODES; j++)
			printf(" %d:%.6g", trees[a].feat[j], trees[a].thr[j]);
		for (j = 0; j <= SIM_NODES; j++)
			printf(" %.6g", trees[a].leaf[j]);
		printf("\n");
	}
	free(x);
	free(y);
	free(use);
	free(prob);
	free(base);
	free(bin);
	free(trees);
	free(cut);
	free(clash);
	free(tv.v);
	free(gbuf);
	free(terms);
	free(tp);
	free(kh);
	free(kw);
	if (out_close(stdout) == -1)
		err(1, "stdout");
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: nmerge [-F | -s] [-d days] [-f min] "
	    "[-k min] [file ...]\n"
	    "       nmerge --train [-f min] file ...\n");
	exit(2);
}
