/*
 * ndates: time expressions in the sentences of a record stream, as time
 * records with TIMEX3 types and values (nstream(5), ndates(1)).
 */
#define _GNU_SOURCE
#include <err.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fold.h"
#include "record.h"
#include "timex.h"
#include "version.h"

static int	 dates_file(const char *);
static void	 hold(const struct rec_reader *);
static enum rec_kind kind_of(const struct rec_reader *);
static void	 put_record(struct rec_reader *);
static void	 put_times(void);
static void	 usage(void);

static const struct option longopts[] = {
	{ "help",		no_argument,		NULL,	'h' },
	{ "line-buffered",	no_argument,		NULL,	'L' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static char			defdate[DATE_ISOMAX];
static struct timex_state	state;
static struct timexvec		found;
static struct foldmap		fm;

/*
 * The time records of the last sent record wait here until the next
 * record shows whether a fold record maps its TEXT back to the original.
 */
static struct {
	char	*buf;		/* DOC, N and TEXT, one after the other */
	size_t	 cap;
	size_t	 doclen, nlen, textlen;
	size_t	 start, end;
	int	 held;
} sent;

int
main(int argc, char *argv[])
{
	char msg[256];
	int ch, i, rval = 0;

	setlocale(LC_CTYPE, "C.UTF-8");		/* same output in every locale */
	argv[0] = (char *)"ndates";		/* getopt(3) names us so */
	while ((ch = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1)
		switch (ch) {
		case 'd':
			if (date_iso(optarg, strlen(optarg), defdate) == -1)
				errx(2, "-d %s: not a date (YYYY-MM-DD)",
				    optarg);
			break;
		case 'L':
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case 'V':
			puts("ndates " NEWSUTILS_VERSION);
			return 0;
		case 'h':
			puts("usage: ndates [-d date] [file ...]");
			return 0;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	if (timex_init(msg, sizeof(msg)) == -1)
		errx(1, "%s", msg);
	if (argc == 0)
		rval |= dates_file("-");
	else
		for (i = 0; i < argc; i++)
			rval |= dates_file(argv[i]);
	if (out_close(stdout) == -1)
		err(1, "stdout");
	timexvec_free(&found);
	foldmap_free(&fm);
	free(sent.buf);
	timex_free();
	return rval;
}

/* Copy the stream, with time records after each sent record. */
static int
dates_file(const char *path)
{
	struct rec_reader r;
	const char *why;
	int rc, rval = 0;

	if (rec_open(&r, path) == -1) {
		warn("%s", path);
		return 1;
	}
	/* until a doc record says otherwise, the -d date */
	timex_doc(&state, defdate, strlen(defdate));
	while ((rc = rec_next(&r)) == 1) {
		enum rec_kind k = kind_of(&r);

		if ((why = rec_check(&r)) != NULL) {
			warnx("%s:%lu: %s; record skipped", r.name, r.lineno,
			    why);
			rval = 1;
			continue;
		}
		if (k == REC_FOLD && sent.held) {
			/* the fold record of the sentence held, then its times */
			put_record(&r);
			if (foldmap_parse(&fm, r.field[3], r.flen[3]) == -1) {
				warnx("%s:%lu: fold record: bad map; offsets "
				    "as if every space were one byte", r.name,
				    r.lineno);
				foldmap_clear(&fm);
				rval = 1;
			}
			put_times();
			continue;
		}
		if (sent.held)
			put_times();
		put_record(&r);
		if (k == REC_DOC) {
			if (r.flen[2] > 0)
				timex_doc(&state, r.field[2], r.flen[2]);
			else
				timex_doc(&state, defdate, strlen(defdate));
		} else if (k == REC_SENT) {
			if (tsv_unescape_field(&r, 5, &why) == -1) {
				warnx("%s:%lu: %s", r.name, r.lineno, why);
				rval = 1;
				continue;
			}
			if (timex_sentence(&state, r.field[5], r.flen[5],
			    &found) == -1)
				err(1, NULL);
			if (found.n > 0)
				hold(&r);
		}
	}
	if (sent.held)
		put_times();
	if (rc == -1) {
		warn("%s", r.name);
		rval = 1;
	}
	rec_close(&r);
	return rval;
}

/*
 * The kind of a record, of those ndates reads: rec_kind() would compare
 * the kind with every kind's name, and rec_check() does so already.
 */
static enum rec_kind
kind_of(const struct rec_reader *r)
{
	if (r->flen[0] == 3 && memcmp(r->field[0], "doc", 3) == 0)
		return REC_DOC;
	if (r->flen[0] == 4 && memcmp(r->field[0], "sent", 4) == 0)
		return REC_SENT;
	if (r->flen[0] == 4 && memcmp(r->field[0], "fold", 4) == 0)
		return REC_FOLD;
	return REC_OTHER;
}

/*
 * Write the record as it came in.  rec_next() cut the line at its TABs:
 * they go back for one write of the whole line (most of what ndates
 * writes is records passed through), and out again after.
 */
static void
put_record(struct rec_reader *r)
{
	size_t i;

	for (i = 0; i + 1 < r->nfield; i++)
		r->field[i][r->flen[i]] = '\t';
	fwrite_unlocked(r->line, 1, r->len, stdout);
	putc_unlocked('\n', stdout);
	for (i = 0; i + 1 < r->nfield; i++)
		r->field[i][r->flen[i]] = '\0';
}

/* Keep what the time records of this sent record need. */
static void
hold(const struct rec_reader *r)
{
	size_t need = r->flen[1] + r->flen[2] + r->flen[5];

	if (need > sent.cap) {
		char *nb;

		if ((nb = realloc(sent.buf, need)) == NULL)
			err(1, NULL);
		sent.buf = nb;
		sent.cap = need;
	}
	memcpy(sent.buf, r->field[1], r->flen[1]);
	memcpy(sent.buf + r->flen[1], r->field[2], r->flen[2]);
	memcpy(sent.buf + r->flen[1] + r->flen[2], r->field[5], r->flen[5]);
	sent.doclen = r->flen[1];
	sent.nlen = r->flen[2];
	sent.textlen = r->flen[5];
	sent.start = sent.end = 0;
	(void)parse_size(r->field[3], r->flen[3], &sent.start);
	(void)parse_size(r->field[4], r->flen[4], &sent.end);
	foldmap_clear(&fm);
	sent.held = 1;
}

/*
 * The time records of the held sentence.  Offsets go back from its
 * folded TEXT to the original through its fold record, if it had one:
 * without one every folded space was one byte.  They never pass END.
 */
static void
put_times(void)
{
	const char *text = sent.buf + sent.doclen + sent.nlen;
	size_t i, start, end;

	for (i = 0; i < found.n; i++) {
		const struct timex *x = &found.v[i];

		start = foldmap_orig(&fm, sent.start, x->start);
		end = foldmap_orig(&fm, sent.start, x->end);
		if (end > sent.end && sent.end >= sent.start)
			end = sent.end;
		if (start > end)
			start = end;
		fputs_unlocked("time\t", stdout);
		fwrite_unlocked(sent.buf, 1, sent.doclen, stdout);
		putc_unlocked('\t', stdout);
		fwrite_unlocked(sent.buf + sent.doclen, 1, sent.nlen, stdout);
		putc_unlocked('\t', stdout);
		put_size(stdout, start);
		putc_unlocked('\t', stdout);
		put_size(stdout, end);
		putc_unlocked('\t', stdout);
		fputs_unlocked(timex_type_name(x->type), stdout);
		putc_unlocked('\t', stdout);
		fputs_unlocked(x->value, stdout);
		putc_unlocked('\t', stdout);
		tsv_put(stdout, text + x->start, x->end - x->start);
		putc_unlocked('\n', stdout);
	}
	sent.held = 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: ndates [-d date] [file ...]\n");
	exit(2);
}
