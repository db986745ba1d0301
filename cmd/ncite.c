/*
 * ncite: quotations and their speakers; each fact with the outlets that
 * report it; the whole as a record stream, a Markdown or HTML digest, or
 * the sources as CSL-JSON.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "dateline.h"
#include "fold.h"
#include "quote.h"
#include "record.h"
#include "version.h"

/* One buffered record of the current document. */
struct brec {
	size_t		 off, len;	/* the line, in the arena */
	size_t		 sent;		/* sent: index in sents */
	int		 kind;
};

/* A sentence of the current document. */
struct dsent {
	size_t		 rec;		/* its record */
	size_t		 toff, tlen;	/* the unescaped TEXT, in the arena */
	size_t		 start, end;
	size_t		 fold0, nfold;
	size_t		 ent0, nent;
	size_t		 gsent;		/* index in cd.sent */
};

/* An ent record of the current document. */
struct dent {
	size_t		 start, end;
	int		 type;
	size_t		 koff, klen;	/* KEY, unescaped, in the arena */
};

enum { F_TSV, F_MD, F_HTML, F_CSL };

static void	 flush_doc(void);
static int	 read_file(const char *);
static void	 usage(void);

static const struct option longopts[] = {
	{ "format",		required_argument,	NULL,	'f' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "line-buffered",	no_argument,		NULL,	'L' },
	{ "quotes",		no_argument,		NULL,	'q' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static int		 format = F_TSV;
static int		 qflag;		/* -q: quote records only */
static char		*arena;
static size_t		 alen, acap;
static struct brec	*recs;
static size_t		 nrec, caprec;
static struct dsent	*sents;
static size_t		 nsents, capsents;
static struct dent	*ents;
static size_t		 nents, capents;
static size_t		*fpos, *flen;
static size_t		 nfold, capfpos, capflen;
static struct quote_sent *qs;
static size_t		 capqs;
static struct quote_ent	*qe;
static size_t		 capqe;
static struct quote_doc	 qd;
static char		*qtext;
static size_t		 qtextcap;
static struct cite_data	 cd;
static size_t		 curdoc = (size_t)-1;	/* index in cd.doc */

int
main(int argc, char *argv[])
{
	int ch, i, rval = 0;

	setlocale(LC_CTYPE, "C.UTF-8");		/* same output in every locale */
	while ((ch = getopt_long(argc, argv, "f:hq", longopts, NULL)) != -1)
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "tsv") == 0)
				format = F_TSV;
			else if (strcmp(optarg, "md") == 0)
				format = F_MD;
			else if (strcmp(optarg, "html") == 0)
				format = F_HTML;
			else if (strcmp(optarg, "csl") == 0)
				format = F_CSL;
			else {
				warnx("-f %s: not tsv, md, html or csl",
				    optarg);
				usage();
			}
			break;
		case 'L':
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case 'q':
			qflag = 1;
			break;
		case 'V':
			puts("ncite " NEWSUTILS_VERSION);
			return 0;
		case 'h':
			printf("usage: ncite [-q] [-f tsv | md | html | csl] "
			    "[file ...]\n");
			return 0;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (qflag && format != F_TSV) {
		warnx("-q writes the tsv stream only");
		usage();
	}

	if (argc == 0)
		rval |= read_file("-");
	else
		for (i = 0; i < argc; i++)
			rval |= read_file(argv[i]);
	/* -q: the quote records are out, and no cite records follow */
	if (!qflag) {
		if (cite_group(&cd) == -1 || ((format == F_MD ||
		    format == F_HTML) && cite_merge(&cd) == -1))
			err(1, NULL);
		switch (format) {
		case F_TSV:
			cite_put_tsv(stdout, &cd);
			break;
		case F_MD:
			cite_put_md(stdout, &cd);
			break;
		case F_HTML:
			cite_put_html(stdout, &cd);
			break;
		case F_CSL:
			cite_put_csl(stdout, &cd);
			break;
		}
	}
	if (out_close(stdout) == -1)
		err(1, "stdout");
	quote_free(&qd);
	cite_free(&cd);
	dateline_free();
	free(arena);
	free(recs);
	free(sents);
	free(ents);
	free(fpos);
	free(flen);
	free(qs);
	free(qe);
	free(qtext);
	return rval;
}

static void *
grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t nc;
	void *np;

	if (need <= *cap)
		return p;
	nc = *cap ? *cap * 2 : 64;
	while (nc < need)
		nc *= 2;
	if ((np = reallocarray(p, nc, size)) == NULL)
		err(1, NULL);
	*cap = nc;
	return np;
}

/* Room for n more bytes in the arena. */
static void
arena_room(size_t n)
{
	arena = grow(arena, &acap, alen + n, 1);
}

/* Keep the current record (its fields rejoined) in the arena. */
static struct brec *
keep(struct rec_reader *r, int kind)
{
	struct brec *b;
	size_t i;

	recs = grow(recs, &caprec, nrec + 1, sizeof(*recs));
	arena_room(r->len + 1);
	b = &recs[nrec++];
	b->kind = kind;
	b->off = alen;
	b->len = r->len;
	b->sent = 0;
	for (i = 0; i + 1 < r->nfield; i++)
		r->field[i][r->flen[i]] = '\t';
	memcpy(arena + alen, r->line, r->len);
	alen += r->len;
	arena[alen++] = '\n';
	return b;
}

/* Field i of the current record, unescaped into the cite arena. */
static int
field_str(struct rec_reader *r, size_t i, struct cite_str *cs)
{
	const char *why;

	if (tsv_unescape_field(r, i, &why) == -1)
		return -1;
	if (cite_str(&cd, cs, r->field[i], r->flen[i]) == -1)
		err(1, NULL);
	return 0;
}

/* Start a document in the cite data: from a doc record, or a bare id. */
static int
begin_doc(struct rec_reader *r, const char *id, size_t idlen)
{
	struct cite_doc *d;
	size_t i;

	curdoc = cite_add_doc(&cd);
	d = &cd.doc[curdoc];
	if (r == NULL) {
		if (cite_str(&cd, &d->id, id, idlen) == -1)
			err(1, NULL);
	} else {
		/* DOC DATE SOURCE TITLE URL, unescaped */
		struct cite_str f[5];

		for (i = 0; i < 5; i++)
			if (field_str(r, i + 1, &f[i]) == -1)
				return -1;
		d = &cd.doc[curdoc];
		d->id = f[0];
		d->date = f[1];
		d->source = f[2];
		d->title = f[3];
		d->url = f[4];
	}
	if (cite_index_doc(&cd, curdoc) == -1)
		err(1, NULL);
	return 0;
}

/* Does the sent record r belong to the current document? */
static int
same_doc(struct rec_reader *r)
{
	const struct cite_doc *d;
	char *tmp;
	size_t n;
	int same;

	if (curdoc == (size_t)-1)
		return 0;
	d = &cd.doc[curdoc];
	if (memchr(r->field[1], '\\', r->flen[1]) == NULL)
		return d->id.len == r->flen[1] && memcmp(cd.str + d->id.off,
		    r->field[1], r->flen[1]) == 0;
	if ((tmp = malloc(r->flen[1] + 1)) == NULL)
		err(1, NULL);
	memcpy(tmp, r->field[1], r->flen[1]);
	n = (size_t)tsv_unescape(tmp, r->flen[1]);
	same = d->id.len == n && memcmp(cd.str + d->id.off, tmp, n) == 0;
	free(tmp);
	return same;
}

static int
read_file(const char *path)
{
	struct rec_reader r;
	int rval = 0, rc;
	const char *why;

	if (rec_open(&r, path) == -1) {
		warn("%s", path);
		return 1;
	}
	while ((rc = rec_next(&r)) == 1) {
		enum rec_kind k = rec_kind(&r);
		struct brec *b;
		size_t st, en, tl, n;
		long v;

		if ((why = rec_check(&r)) != NULL) {
			warnx("%s:%lu: %s", r.name, r.lineno, why);
			rval = 1;
			continue;
		}
		switch (k) {
		case REC_DOC:
			flush_doc();
			(void)keep(&r, k);
			if (begin_doc(&r, NULL, 0) == -1) {
				warnx("%s:%lu: doc record: bad escape",
				    r.name, r.lineno);
				rval = 1;
				nrec = alen = 0;
				curdoc = (size_t)-1;
			}
			break;
		case REC_SENT:
			if (!same_doc(&r)) {
				char *id;

				flush_doc();
				if ((id = malloc(r.flen[1] + 1)) == NULL)
					err(1, NULL);
				memcpy(id, r.field[1], r.flen[1]);
				if ((v = tsv_unescape(id, r.flen[1])) < 0) {
					warnx("%s:%lu: sent record: field 2: "
					    "bad escape", r.name, r.lineno);
					rval = 1;
					free(id);
					continue;
				}
				(void)begin_doc(NULL, id, (size_t)v);
				free(id);
			}
			parse_size(r.field[2], r.flen[2], &n);
			parse_size(r.field[3], r.flen[3], &st);
			parse_size(r.field[4], r.flen[4], &en);
			tl = r.flen[5];
			b = keep(&r, k);
			arena_room(tl + 1);
			memcpy(arena + alen, arena + b->off + b->len - tl, tl);
			if ((v = tsv_unescape(arena + alen, tl)) < 0) {
				warnx("%s:%lu: sent record: field 6: "
				    "bad escape", r.name, r.lineno);
				rval = 1;
				alen = b->off;
				nrec--;
				continue;
			}
			sents = grow(sents, &capsents, nsents + 1,
			    sizeof(*sents));
			b->sent = nsents;
			sents[nsents].rec = nrec - 1;
			sents[nsents].toff = alen;
			sents[nsents].tlen = (size_t)v;
			sents[nsents].start = st;
			sents[nsents].end = en;
			sents[nsents].fold0 = nfold;
			sents[nsents].nfold = 0;
			sents[nsents].ent0 = nents;
			sents[nsents].nent = 0;
			alen += (size_t)v;
			arena[alen++] = '\0';
			sents[nsents].gsent = cite_add_sent(&cd, curdoc, n);
			if (cite_str(&cd, &cd.sent[sents[nsents].gsent].text,
			    arena + sents[nsents].toff, (size_t)v) == -1)
				err(1, NULL);
			nsents++;
			break;
		case REC_FOLD:
			(void)keep(&r, k);
			if (nsents > 0 && nrec >= 2 &&
			    recs[nrec - 2].kind == REC_SENT) {
				struct foldmap fm;
				size_t i;

				memset(&fm, 0, sizeof(fm));
				if (foldmap_parse(&fm, r.field[3], r.flen[3])
				    == -1) {
					warnx("%s:%lu: fold record: bad map",
					    r.name, r.lineno);
					rval = 1;
				}
				fpos = grow(fpos, &capfpos, nfold + fm.n,
				    sizeof(*fpos));
				flen = grow(flen, &capflen, nfold + fm.n,
				    sizeof(*flen));
				for (i = 0; i < fm.n; i++) {
					fpos[nfold] = fm.pos[i];
					flen[nfold++] = fm.len[i];
				}
				sents[nsents - 1].nfold = fm.n;
				foldmap_free(&fm);
			}
			break;
		case REC_ENT:
			(void)keep(&r, k);
			if (nsents > 0 && format != F_CSL) {
				struct dent *e;
				const char *t = r.field[5];

				ents = grow(ents, &capents, nents + 1,
				    sizeof(*ents));
				e = &ents[nents];
				parse_size(r.field[3], r.flen[3], &e->start);
				parse_size(r.field[4], r.flen[4], &e->end);
				/* fields are no longer NUL-ended: keep() */
				e->type = r.flen[5] != 3 ? QE_OTHER :
				    memcmp(t, "PER", 3) == 0 ? QE_PER :
				    memcmp(t, "ORG", 3) == 0 ? QE_ORG :
				    memcmp(t, "LOC", 3) == 0 ? QE_LOC : QE_OTHER;
				if (tsv_unescape_field(&r, 6, &why) == -1)
					break;
				arena_room(r.flen[6]);
				e->koff = alen;
				e->klen = r.flen[6];
				memcpy(arena + alen, r.field[6], r.flen[6]);
				alen += r.flen[6];
				nents++;
				sents[nsents - 1].nent++;
			}
			break;
		case REC_TIME:
			(void)keep(&r, k);
			if (nsents > 0 && tsv_unescape_field(&r, 6, &why) == 0 &&
			    tsv_unescape_field(&r, 7, &why) == 0 &&
			    cite_add_time(&cd, r.field[6], r.flen[6],
			    r.field[7], r.flen[7],
			    r.flen[5] == 4 && (memcmp(r.field[5], "DATE", 4) ==
			    0 || memcmp(r.field[5], "TIME", 4) == 0))
			    == -1)
				err(1, NULL);
			break;
		case REC_STORY:
			(void)keep(&r, k);
			parse_size(r.field[1], r.flen[1], &n);
			if (tsv_unescape_field(&r, 2, &why) == 0 &&
			    (v = cite_find_doc(&cd, r.field[2], r.flen[2])) >= 0
			    && cite_set_story(&cd, (size_t)v, n) == -1)
				err(1, NULL);
			break;
		case REC_FACT:
			(void)keep(&r, k);
			parse_size(r.field[1], r.flen[1], &n);
			parse_size(r.field[3], r.flen[3], &st);
			if (tsv_unescape_field(&r, 2, &why) == 0 &&
			    (v = cite_find_doc(&cd, r.field[2], r.flen[2])) >= 0
			    && (v = cite_find_sent(&cd, (size_t)v, st)) >= 0 &&
			    cite_add_fact(&cd, n, (size_t)v) == -1)
				err(1, NULL);
			break;
		case REC_CITE:
			if (qflag)	/* -q writes none: they pass */
				(void)keep(&r, k);
			break;
		case REC_QUOTE:
			break;		/* ours: replaced by what we find */
		default:
			(void)keep(&r, k);
			break;
		}
	}
	if (rc == -1) {
		warn("%s", r.name);
		rval = 1;
	}
	flush_doc();
	curdoc = (size_t)-1;
	rec_close(&r);
	return rval;
}

/* A quotation's speaker; none is the empty string, not NULL + 0. */
static const char *
speaker(const struct quote *q)
{
	return q->spklen > 0 ? qd.buf + q->spk : "";
}

static void
put_quote(const struct brec *b, const struct quote *q, const char *t,
    size_t tl)
{
	const char *line = arena + b->off, *p;

	/* DOC and N as they came, already escaped */
	p = memchr(line + 5, '\t', b->len - 5);
	p = memchr(p + 1, '\t', b->len - (size_t)(p + 1 - line));
	fputs("quote\t", stdout);
	fwrite(line + 5, 1, (size_t)(p - line - 5), stdout);
	putchar('\t');
	put_size(stdout, q->start);
	putchar('\t');
	put_size(stdout, q->end);
	putchar('\t');
	tsv_put(stdout, speaker(q), q->spklen);
	putchar('\t');
	tsv_put(stdout, t, tl);
	putchar('\n');
}

/*
 * Does t[from..to) hold a letter or digit?  Non-ASCII counts as one,
 * but for the General Punctuation block (curly quotes, dashes).
 */
static int
has_word(const char *t, size_t from, size_t to)
{
	const unsigned char *u = (const unsigned char *)t;

	for (; from < to; from++) {
		if (u[from] == 0xe2 && from + 2 < to &&
		    (u[from + 1] == 0x80 || u[from + 1] == 0x81)) {
			from += 2;
			continue;
		}
		if (isalnum(u[from]) || u[from] >= 0x80)
			return 1;
	}
	return 0;
}

/* Mark the sentences that lie wholly inside a quotation, for the digest. */
static void
mark_quoted(void)
{
	size_t i, j, from, to;

	for (i = 0; i < qd.nq; i++) {
		const struct quote *q = &qd.q[i];

		for (j = q->sent; j <= q->last && j < nsents; j++) {
			from = j == q->sent ? q->p0 : 0;
			to = j == q->last ? q->p1 : qs[j].len;
			if (!has_word(qs[j].text, 0, from) &&
			    !has_word(qs[j].text, to, qs[j].len))
				cd.sent[sents[j].gsent].quoted = 1;
		}
	}
}

/* Find the document's quotations and write it out with them. */
static void
flush_doc(void)
{
	size_t i, j, k = 0, tl, end;

	if (nrec == 0)
		goto done;
	if (format != F_CSL && nsents > 0) {
		qs = grow(qs, &capqs, nsents, sizeof(*qs));
		qe = grow(qe, &capqe, nents + 1, sizeof(*qe));
		for (i = 0; i < nsents; i++) {
			qs[i].text = arena + sents[i].toff;
			qs[i].len = sents[i].tlen;
			qs[i].start = sents[i].start;
			qs[i].end = sents[i].end;
			/* no fold record yet: no map, and no NULL + 0 */
			qs[i].fpos = fpos ? fpos + sents[i].fold0 : NULL;
			qs[i].flen = flen ? flen + sents[i].fold0 : NULL;
			qs[i].nfold = sents[i].nfold;
			qs[i].ent0 = sents[i].ent0;
			qs[i].nent = sents[i].nent;
		}
		for (i = 0; i < nents; i++) {
			qe[i].start = ents[i].start;
			qe[i].end = ents[i].end;
			qe[i].type = ents[i].type;
			qe[i].key = arena + ents[i].koff;
			qe[i].keylen = ents[i].klen;
		}
		qd.sent = qs;
		qd.nsent = nsents;
		qd.ent = qe;
		qd.nent = nents;
		if (quote_find(&qd) == -1)
			err(1, NULL);
		if (format != F_TSV)
			mark_quoted();
	} else
		qd.nq = 0;
	for (i = 0; i < nrec; i++) {
		const struct brec *b = &recs[i];

		if (format == F_TSV)
			fwrite(arena + b->off, 1, b->len + 1, stdout);
		if (b->kind != REC_SENT)
			continue;
		/* its annotations first, then the quote records */
		for (end = i + 1; end < nrec && recs[end].kind != REC_SENT &&
		    recs[end].kind != REC_DOC; end++)
			if (format == F_TSV)
				fwrite(arena + recs[end].off, 1,
				    recs[end].len + 1, stdout);
		while (k < qd.nq && qd.q[k].sent < b->sent)
			k++;
		for (; k < qd.nq && qd.q[k].sent == b->sent; k++) {
			const struct quote *q = &qd.q[k];

			tl = q->end - q->start + 16;
			for (j = q->sent; j <= q->last; j++)
				tl += qs[j].len + 1;
			qtext = grow(qtext, &qtextcap, tl, 1);
			tl = quote_text(&qd, q, qtext, qtextcap);
			if (format == F_TSV)
				put_quote(b, q, qtext, tl);
			else if (cite_add_quote(&cd, sents[b->sent].gsent,
			    speaker(q), q->spklen, qtext, tl) == -1)
				err(1, NULL);
		}
		i = end - 1;
	}
done:
	nrec = alen = nsents = nents = nfold = 0;
	if (qflag) {
		/* nothing is kept past the document: memory stays bounded */
		cite_free(&cd);
		memset(&cd, 0, sizeof(cd));
		curdoc = (size_t)-1;
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: ncite [-q] [-f tsv | md | html | csl] "
	    "[file ...]\n");
	exit(2);
}
