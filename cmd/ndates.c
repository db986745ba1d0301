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
#include "record.h"
#include "timex.h"
#include "version.h"

static int	 dates_file(const char *);
static void	 put_times(const struct rec_reader *, const char *, size_t);
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
	if (out_flush(stdout) == -1)
		err(1, "stdout");
	timexvec_free(&found);
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
		enum rec_kind k = rec_kind(&r);

		if ((why = rec_check(&r)) != NULL) {
			warnx("%s:%lu: %s; record skipped", r.name, r.lineno,
			    why);
			rval = 1;
			continue;
		}
		rec_write(&r, stdout);
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
				put_times(&r, r.field[5], r.flen[5]);
		}
	}
	if (rc == -1) {
		warn("%s", r.name);
		rval = 1;
	}
	rec_close(&r);
	return rval;
}

/*
 * The time records of one sentence.  Offsets: the sentence's TEXT has
 * its white space folded, so a position in it is mapped to the original
 * text as if every folded run were one byte; where the original had
 * longer runs, offsets after them come out short (see CAVEATS in
 * ndates(1)).  They never pass the sentence's END.
 */
static void
put_times(const struct rec_reader *r, const char *text, size_t len)
{
	size_t i, start, end, s0 = 0, e0 = 0;

	(void)text;
	(void)len;
	(void)parse_size(r->field[3], r->flen[3], &s0);
	(void)parse_size(r->field[4], r->flen[4], &e0);
	for (i = 0; i < found.n; i++) {
		const struct timex *x = &found.v[i];

		start = s0 + x->start;
		end = s0 + x->end;
		if (end > e0 && e0 >= s0) {
			start -= end - e0 < start - s0 ? end - e0 : start - s0;
			end = e0;
		}
		fputs_unlocked("time\t", stdout);
		fwrite_unlocked(r->field[1], 1, r->flen[1], stdout);
		putc_unlocked('\t', stdout);
		fwrite_unlocked(r->field[2], 1, r->flen[2], stdout);
		printf("\t%zu\t%zu\t%s\t%s\t", start, end,
		    timex_type_name(x->type), x->value);
		tsv_put(stdout, text + x->start, x->end - x->start);
		putc_unlocked('\n', stdout);
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: ndates [-d date] [file ...]\n");
	exit(2);
}
