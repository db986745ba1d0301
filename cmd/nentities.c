/*
 * nentities: people, organisations, places and other names in the
 * sentences of a record stream, each with one key per real thing.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "ner.h"
#include "nerkey.h"
#include "record.h"
#include "version.h"

/* One buffered record of the current document. */
struct brec {
	size_t		 off, len;	/* the line, in the arena */
	size_t		 toff, tlen;	/* sent: the unescaped text */
	size_t		 start, end;	/* sent: its offsets */
	size_t		 doclen, nlen;	/* sent: DOC and N, raw */
	size_t		 sent;		/* sent: index in the ner_doc */
	size_t		 foff, flen;	/* sent: its fold record's MAP */
	int		 kind;
};

static void	 flush_doc(void);
static int	 load_model(const char *);
static int	 tag_file(const char *);
static int	 train(int, char **);
static void	 usage(void);

static const struct option longopts[] = {
	{ "dev",		required_argument,	NULL,	'D' },
	{ "epochs",		required_argument,	NULL,	'E' },
	{ "help",		no_argument,		NULL,	'h' },
	{ "line-buffered",	no_argument,		NULL,	'L' },
	{ "min-count",		required_argument,	NULL,	'C' },
	{ "train",		no_argument,		NULL,	'T' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

/* the document being read: its records, in an arena, and its tokens */
#define DOC_MAXBYTES	(8UL << 20)	/* tag and flush beyond this */
static char		*arena;
static size_t		 alen, acap;
static struct brec	*recs;
static size_t		 nrec, caprec;
static struct ner_doc	 doc;
static struct ner_model	*model;
static struct nerkey	*keys;
static struct foldmap	 fm;

static const char	*outpath, *devpath;
static int		 epochs = 15, mincount = 1, vflag;

int
main(int argc, char *argv[])
{
	int ch, i, rval = 0, tflag = 0;
	const char *mpath = NULL, *errstr;

	setlocale(LC_CTYPE, "C.UTF-8");		/* same output in every locale */
	while ((ch = getopt_long(argc, argv, "hm:o:v", longopts, NULL)) != -1)
		switch (ch) {
		case 'C':
			mincount = (int)strtonum(optarg, 1, 1000, &errstr);
			if (errstr != NULL)
				errx(2, "--min-count %s: %s", optarg, errstr);
			break;
		case 'D':
			devpath = optarg;
			break;
		case 'E':
			epochs = (int)strtonum(optarg, 1, 1000, &errstr);
			if (errstr != NULL)
				errx(2, "--epochs %s: %s", optarg, errstr);
			break;
		case 'L':
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case 'm':
			mpath = optarg;
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'T':
			tflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'V':
			puts("nentities " NEWSUTILS_VERSION);
			return 0;
		case 'h':
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	if (tflag)
		return train(argc, argv);
	if (outpath != NULL || devpath != NULL)
		usage();
	if (load_model(mpath) == -1)
		return 1;
	if ((keys = nerkey_new()) == NULL)
		err(1, NULL);
	if (argc == 0)
		rval |= tag_file("-");
	else
		for (i = 0; i < argc; i++)
			rval |= tag_file(argv[i]);
	if (out_close(stdout) == -1)
		err(1, "stdout");
	nerkey_free(keys);
	foldmap_free(&fm);
	ner_free(model);
	ner_doc_free(&doc);
	free(arena);
	free(recs);
	return rval;
}

static int
load_model(const char *path)
{
	const char *why;
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;
	FILE *fp;

	if (path == NULL) {
		if ((model = ner_default(&why)) == NULL)
			errx(1, "built-in model: %s", why);
		return 0;
	}
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	for (;;) {
		if (cap - len < 65536) {
			unsigned char *nb;

			cap = cap ? cap * 2 : 1 << 20;
			if ((nb = realloc(buf, cap)) == NULL)
				err(1, NULL);
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		warn("%s", path);
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	model = ner_load(buf, len, &why);
	free(buf);
	if (model == NULL) {
		warnx("%s: %s", path, why);
		return -1;
	}
	return 0;
}

/* Keep the current record (its fields rejoined) in the arena. */
static struct brec *
keep(struct rec_reader *r, int kind)
{
	struct brec *b;
	size_t i, need = r->len + 1;

	if (nrec == caprec) {
		struct brec *nb;

		caprec = caprec ? caprec * 2 : 256;
		if ((nb = reallocarray(recs, caprec, sizeof(*nb))) == NULL)
			err(1, NULL);
		recs = nb;
	}
	if (kind == REC_SENT)
		need += r->flen[5] + 1;
	if (alen + need > acap) {
		char *na;

		acap = (alen + need) * 2;
		if ((na = realloc(arena, acap)) == NULL)
			err(1, NULL);
		arena = na;
	}
	b = &recs[nrec++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->off = alen;
	b->len = r->len;
	for (i = 0; i + 1 < r->nfield; i++)
		r->field[i][r->flen[i]] = '\t';
	memcpy(arena + alen, r->line, r->len);
	alen += r->len;
	arena[alen++] = '\n';
	return b;
}

static int
tag_file(const char *path)
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
		size_t tl;

		if ((why = rec_check(&r)) != NULL) {
			warnx("%s:%lu: %s", r.name, r.lineno, why);
			rval = 1;
			if (k == REC_DOC)
				flush_doc();
			continue;
		}
		switch (k) {
		case REC_DOC:
			flush_doc();
			(void)keep(&r, k);
			break;
		case REC_ENT:
			break;		/* ours: replaced by what we find */
		case REC_FOLD:
			tl = r.flen[3];
			b = keep(&r, k);
			/* the MAP of the sentence just before it */
			if (nrec >= 2 && recs[nrec - 2].kind == REC_SENT) {
				recs[nrec - 2].foff = b->off + b->len - tl;
				recs[nrec - 2].flen = tl;
			}
			break;
		case REC_SENT: {
			size_t st, en;

			/* a long document goes in parts, each sentence whole */
			if (alen > DOC_MAXBYTES)
				flush_doc();
			parse_size(r.field[3], r.flen[3], &st);
			parse_size(r.field[4], r.flen[4], &en);
			tl = r.flen[5];
			b = keep(&r, k);
			b->start = st;
			b->end = en;
			b->doclen = r.flen[1];
			b->nlen = r.flen[2];
			/* the text again, unescaped, for the tokenizer */
			b->toff = alen;
			memcpy(arena + alen, arena + b->off + b->len - tl, tl);
			{
				long n = tsv_unescape(arena + alen, tl);

				if (n < 0) {
					warnx("%s:%lu: sent record: field 6: "
					    "bad escape", r.name, r.lineno);
					rval = 1;
					alen = b->off;
					nrec--;
					continue;
				}
				b->tlen = (size_t)n;
			}
			alen += b->tlen;
			arena[alen++] = '\0';
			break;
		}
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
	rec_close(&r);
	return rval;
}

static void
put_num(size_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), stdout);
}

/* Tag the buffered document and write it out with its ent records. */
static void
flush_doc(void)
{
	const struct nerment *ment;
	const char *ktext;
	size_t i, k = 0, nm, ns = 0;

	if (nrec == 0)
		return;
	ner_doc_clear(&doc);
	for (i = 0; i < nrec; i++)
		if (recs[i].kind == REC_SENT) {
			recs[i].sent = ns++;
			if (ner_doc_add(&doc, arena + recs[i].toff,
			    recs[i].tlen) == -1)
				err(1, NULL);
		}
	if (ns > 0) {
		ner_doc_context(&doc);
		ner_tag(model, &doc);
	}
	nm = nerkey_doc(keys, &doc, &ment);
	ktext = nerkey_text(keys);
	for (i = 0; i < nrec; i++) {
		const struct brec *b = &recs[i];

		fwrite(arena + b->off, 1, b->len + 1, stdout);
		if (b->kind != REC_SENT)
			continue;
		/* its fold record first, then the ent records */
		if (i + 1 < nrec && recs[i + 1].kind == REC_FOLD) {
			i++;
			fwrite(arena + recs[i].off, 1, recs[i].len + 1, stdout);
		}
		foldmap_clear(&fm);
		if (b->flen > 0 && foldmap_parse(&fm, arena + b->foff,
		    b->flen) == -1)
			foldmap_clear(&fm);
		for (; k < nm && ment[k].sp.sent == b->sent; k++) {
			const struct ner_tok *f = &doc.tok[ment[k].sp.first];
			const struct ner_tok *l = &doc.tok[ment[k].sp.last];
			const char *text = arena + b->toff;
			size_t st = foldmap_orig(&fm, b->start, f->start);
			size_t en = foldmap_orig(&fm, b->start, l->end);

			if (en > b->end && b->end >= b->start)
				en = b->end;
			if (st > en)
				st = en;
			fputs("ent\t", stdout);
			/* DOC and N as they came, already escaped */
			fwrite(arena + b->off + 5, 1, b->doclen + 1 + b->nlen,
			    stdout);
			putchar('\t');
			put_num(st);
			putchar('\t');
			put_num(en);
			putchar('\t');
			fputs(ner_type_name[ment[k].sp.type], stdout);
			putchar('\t');
			tsv_put(stdout, ktext + ment[k].koff, ment[k].klen);
			putchar('\t');
			tsv_put_text(stdout, text + f->start, l->end - f->start);
			putchar('\n');
		}
	}
	nrec = 0;
	alen = 0;
}

static int
train(int argc, char **argv)
{
	struct ner_train_opts o;
	FILE *fp;

	if (argc == 0 || outpath == NULL)
		usage();
	memset(&o, 0, sizeof(o));
	o.epochs = epochs;
	o.mincount = mincount;
	o.verbose = vflag;
	o.dev = devpath;
	if (strcmp(outpath, "-") == 0)
		fp = stdout;
	else if ((fp = fopen(outpath, "w")) == NULL)
		err(1, "%s", outpath);
	if (ner_train((const char *const *)argv, argc, &o, fp) == -1)
		return 1;
	if (fp != stdout && fclose(fp) == EOF)
		err(1, "%s", outpath);
	if (fp == stdout && out_close(stdout) == -1)
		err(1, "stdout");
	return 0;
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: nentities [-m model] [file ...]\n"
	    "       nentities --train [-v] [--dev file] [--epochs n] "
	    "[--min-count n] -o model file ...\n");
	exit(2);
}
