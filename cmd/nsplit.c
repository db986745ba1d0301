/*
 * nsplit: documents in; page furniture out; headline, dateline and
 * sentences as doc and sent records (nstream(5)).
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "dateline.h"
#include "fold.h"
#include "re.h"
#include "record.h"
#include "sbd.h"
#include "utf8.h"
#include "version.h"

struct doc {
	const char	*id;
	size_t		 idlen;
	char		 date[DATE_ISOMAX];
	const char	*source;
	size_t		 sourcelen;
	const char	*title;		/* points into text or a column */
	size_t		 titlelen;
	const char	*url;
	size_t		 urllen;
	const char	*text;
	size_t		 len;
	const char	*where;		/* file name, for diagnostics */
	unsigned long	 line;		/* its first line */
};

static int	 columns(const char *, size_t, const char *, unsigned long);
static int	 date_arg(const char *, size_t, char *, const char *,
		    unsigned long);
static void	 cr_lines(char *, size_t);
static void	 dateline(struct doc *, size_t);
static int	 furniture(const char *, size_t, size_t);
static size_t	 header_block(struct doc *, char *);
static size_t	 headline(struct doc *, size_t);
static void	 init_patterns(void);
static int	 split_file(const char *);
static int	 split_tsv(const char *);
static void	 put_doc(struct doc *, size_t);
static void	 sentences(struct doc *, size_t);
static void	 usage(void);

extern const char data_furniture[];
extern const unsigned long data_furniture_len;

static const struct option longopts[] = {
	{ "help",		no_argument,		NULL,	'h' },
	{ "line-buffered",	no_argument,		NULL,	'L' },
	{ "version",		no_argument,		NULL,	'V' },
	{ NULL,			0,			NULL,	0 }
};

static char		 defdate[DATE_ISOMAX];
static const char	*defsource = "";
static int		 lflag, tflag;
static struct re	 re_furniture;
static struct spanvec	 spans;
static struct foldmap	 fold;
static char		*line;		/* a sent record being built */
static size_t		 linecap;
static int		 baddate;	/* a date could not be read */

/* -t columns: indexes into the header row, -1 when absent */
static int	col_id, col_date, col_source, col_title, col_url, col_text;
static size_t	ncols;

int
main(int argc, char *argv[])
{
	int ch, i, rval = 0;

	setlocale(LC_CTYPE, "C.UTF-8");		/* same output in every locale */
	argv[0] = (char *)"nsplit";		/* getopt(3) names us so */
	while ((ch = getopt_long(argc, argv, "d:hls:t", longopts, NULL)) != -1)
		switch (ch) {
		case 'd':
			if (date_iso(optarg, strlen(optarg), defdate) == -1)
				errx(2, "-d %s: not a date (YYYY-MM-DD)",
				    optarg);
			break;
		case 'l':
			lflag = 1;
			break;
		case 'L':
			setvbuf(stdout, NULL, _IOLBF, 0);
			break;
		case 's':
			defsource = optarg;
			break;
		case 't':
			tflag = 1;
			break;
		case 'V':
			puts("nsplit " NEWSUTILS_VERSION);
			return 0;
		case 'h':
			printf("usage: nsplit [-lt] [-d date] [-s source] "
			    "[file ...]\n");
			return 0;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	init_patterns();
	if (argc == 0) {
		rval |= tflag ? split_tsv("-") : split_file("-");
	} else
		for (i = 0; i < argc; i++)
			rval |= tflag ? split_tsv(argv[i]) : split_file(argv[i]);
	if (out_close(stdout) == -1)
		err(1, "stdout");
	spanvec_free(&spans);
	foldmap_free(&fold);
	free(line);
	re_free(&re_furniture);
	dateline_free();
	return rval;
}

static void
init_patterns(void)
{
	char msg[200], *pat, *p;
	struct dateline dl;
	const char *s = data_furniture, *end = s + data_furniture_len;
	size_t plen = 0;

	/* the furniture patterns, joined into one alternation */
	if ((pat = malloc(data_furniture_len + 64)) == NULL)
		err(1, NULL);
	p = pat;
	p += sprintf(p, "^(?:");
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;

		if (e > s && *s != '#') {
			if (plen++ > 0)
				*p++ = '|';
			memcpy(p, s, (size_t)(e - s));
			p += e - s;
		}
		s = e + 1;
	}
	p += sprintf(p, ")$");
	if (re_compile(&re_furniture, pat, (size_t)(p - pat), PCRE2_CASELESS |
	    PCRE2_UCP, msg, sizeof(msg)) == -1)
		errx(1, "furniture patterns: %s", msg);
	free(pat);
	if (dateline_find("", 0, &dl) == -1)
		errx(1, "dateline pattern: bad");
}

/* Read a whole file as one document. */
static int
split_file(const char *path)
{
	FILE *fp;
	char *buf = NULL, *nul;
	size_t len = 0, cap = 0, n;
	const char *name = path;
	struct doc d;
	int rval = 0;

	if (strcmp(path, "-") == 0) {
		fp = stdin;
		name = "stdin";
	} else if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return 1;
	}
	for (;;) {
		if (cap - len < 65536) {
			size_t nc = cap ? cap * 2 : 131072;
			char *nb;

			if ((nb = realloc(buf, nc)) == NULL)
				err(1, NULL);
			buf = nb;
			cap = nc;
		}
		n = fread(buf + len, 1, cap - len - 1, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		warn("%s", name);
		rval = 1;
		goto done;
	}
	buf[len] = '\0';
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		unsigned long line = 1;
		char *p;

		for (p = buf; p < nul; p++)
			line += *p == '\n';
		warnx("%s:%lu: NUL byte; document skipped", name, line);
		rval = 1;
		goto done;
	}
	memset(&d, 0, sizeof(d));
	d.id = path;
	d.idlen = strlen(path);
	d.text = buf;
	d.len = len;
	d.where = name;
	d.line = 1;
	d.source = defsource;
	d.sourcelen = strlen(defsource);
	d.title = d.url = "";
	memcpy(d.date, defdate, sizeof(d.date));
	cr_lines(buf, len);
	put_doc(&d, lflag ? 0 : header_block(&d, buf));
	rval |= baddate;
done:
	if (fp != stdin)
		fclose(fp);
	else
		clearerr(stdin);
	free(buf);
	return rval;
}

/*
 * Lines ended by CR alone (old Mac files) read as lines: each lone CR
 * becomes LF in place, one byte for one, so offsets do not move.
 */
static void
cr_lines(char *s, size_t n)
{
	char *p, *end = s + n;

	for (p = s; (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
		if (p + 1 == end || p[1] != '\n')
			*p = '\n';
}

/*
 * An RFC 822-style header block at the top of a file: "Key: value"
 * lines up to a blank line, at least one of them Title, Date, Source or
 * URL.  Fills d; returns where the body starts (0 if there is no block).
 */
static size_t
header_block(struct doc *d, char *buf)
{
	const char *s = buf, *end = buf + d->len;
	int known = 0;
	unsigned long line = 1;

	/* first pass: is it a header block at all? */
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *c;

		if (e > s && e[-1] == '\r')
			e--;
		if (e == s)
			break;		/* the blank line */
		for (c = s; c < e && ((*c >= 'A' && *c <= 'Z') ||
		    (*c >= 'a' && *c <= 'z') || (*c == '-' && c > s)); c++)
			;
		if (c == s || c + 1 >= e || c[0] != ':' || c[1] != ' ')
			return 0;
		if ((c - s == 5 && strncasecmp(s, "title", 5) == 0) ||
		    (c - s == 4 && strncasecmp(s, "date", 4) == 0) ||
		    (c - s == 6 && strncasecmp(s, "source", 6) == 0) ||
		    (c - s == 3 && strncasecmp(s, "url", 3) == 0))
			known = 1;
		if (nl == NULL)
			return 0;	/* a header with no body after it */
		s = nl + 1;
	}
	if (!known || s >= end)
		return 0;
	for (s = buf; ; line++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl, *c = memchr(s, ':', (size_t)(e - s)), *v;
		size_t vlen;

		if (e > s && e[-1] == '\r')
			e--;
		if (e == s)
			return (size_t)(nl + 1 - buf);
		v = c + 2;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		vlen = (size_t)(e - v);
		while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
			vlen--;
		if (c - s == 5 && strncasecmp(s, "title", 5) == 0) {
			d->title = v;
			d->titlelen = vlen;
		} else if (c - s == 4 && strncasecmp(s, "date", 4) == 0) {
			if (vlen > 0 && date_arg(v, vlen, d->date, d->where,
			    line) == -1)
				memcpy(d->date, defdate, sizeof(d->date));
		} else if (c - s == 6 && strncasecmp(s, "source", 6) == 0) {
			d->source = v;
			d->sourcelen = vlen;
		} else if (c - s == 3 && strncasecmp(s, "url", 3) == 0) {
			d->url = v;
			d->urllen = vlen;
		}
		s = nl + 1;
	}
}

static int
date_arg(const char *v, size_t n, char *out, const char *where,
    unsigned long line)
{
	if (date_iso(v, n, out) == 0)
		return 0;
	baddate = 1;
	warnx("%s:%lu: cannot read date \"%.*s\"", where, line,
	    (int)(n > 60 ? 60 : n), v);
	return -1;
}

/* Is line s[a..e) furniture?  Only short lines are looked at. */
static int
furniture(const char *s, size_t a, size_t e)
{
	size_t i, words = 1;

	while (a < e && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r'))
		e--;
	if (e == a || e - a > 200)
		return 0;
	for (i = a; i < e; i++)
		if (s[i] == ' ' && ++words > 15)
			return 0;
	/* a sentence of six words or more is text, not furniture */
	if (words >= 6 && strchr(".!?\"", s[e - 1]) != NULL)
		return 0;
	return re_match(&re_furniture, s + a, e - a, 0) > 0;
}

/*
 * A headline: the first line of the body, without end punctuation, at
 * most 25 words, followed by more text.  Sets the title when none is
 * known; returns where the body goes on.
 */
static size_t
headline(struct doc *d, size_t body)
{
	const char *s = d->text;
	size_t n = d->len, a = body, e, next, i, words = 1;
	char last;
	struct dateline dl;

	while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' ||
	    s[a] == '\n'))
		a++;
	for (e = a; e < n && s[e] != '\n'; e++)
		;
	next = e;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r'))
		e--;
	if (e == a || e - a > 300)
		return body;
	while (next < n && (s[next] == ' ' || s[next] == '\t' ||
	    s[next] == '\r' || s[next] == '\n'))
		next++;
	if (next >= n)
		return body;		/* nothing after it: it is the text */
	/* a hard-wrapped first line goes on in lower case: not a headline */
	if (memchr(s + e, '\n', next - e) == memrchr(s + e, '\n', next - e)) {
		int32_t cp;

		utf8_decode(s + next, n - next, &cp);
		if (uc_islower(cp))
			return body;
	}
	for (i = a; i < e; i++)
		if (s[i] == ' ' && ++words > 25)
			return body;
	last = s[e - 1];
	if (last == '.' || last == '!' || last == ':' || last == ';' ||
	    last == ',' || last == '"' ||
	    (e - a >= 3 && (unsigned char)s[e - 3] == 0xe2 &&
	    (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] == 0x9d))
		return body;
	if (furniture(s, a, e))
		return body;
	if (dateline_find(s + a, e - a, &dl) == 1)
		return body;
	if (d->titlelen == 0) {
		d->title = s + a;
		d->titlelen = e - a;
	} else if (!(d->titlelen == e - a && memcmp(d->title, s + a,
	    e - a) == 0))
		return body;	/* the header named another title */
	return next;
}

/* A dateline opening the body: its agency becomes the source. */
static void
dateline(struct doc *d, size_t body)
{
	const char *s = d->text;
	size_t a = body, e;
	struct dateline dl;

	while (a < d->len && (s[a] == ' ' || s[a] == '\n' || s[a] == '\r' ||
	    s[a] == '\t'))
		a++;
	for (e = a; e < d->len && e - a < 120 && s[e] != '\n'; e++)
		;
	if (dateline_find(s + a, e - a, &dl) == 1 && dl.agencylen > 0 &&
	    d->sourcelen == 0) {
		d->source = s + a + dl.agency;
		d->sourcelen = dl.agencylen;
	}
}

static int
blank_line(const char *s, size_t a, size_t e)
{
	for (; a < e; a++)
		if (s[a] != ' ' && s[a] != '\t' && s[a] != '\r')
			return 0;
	return 1;
}

/*
 * A label of the page rather than text: a short line (five words at
 * most) without end punctuation, in title case or of two words at most
 * ("Most Shared", "Audio edition", "Related Coverage").  Only lines that
 * stand alone between paragraphs are asked.
 */
static int
label_line(const char *s, size_t a, size_t e)
{
	static const char *small[] = {
		"a", "an", "and", "at", "by", "for", "from", "in", "of", "on",
		"or", "the", "to", "with"
	};
	size_t i, words = 0, title = 1;

	while (a < e && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r'))
		e--;
	if (e == a || e - a > 60 || strchr(".!?:;,\"'", s[e - 1]) != NULL ||
	    (e - a >= 3 && (unsigned char)s[e - 3] == 0xe2))
		return 0;
	for (i = a; i < e; ) {
		size_t w = i, k;
		int32_t cp;
		int fn = 0;

		while (i < e && s[i] != ' ')
			i++;
		words++;
		utf8_decode(s + w, e - w, &cp);
		if (!uc_isalpha(cp))
			return 0;	/* "2 min read" is a pattern's, not ours */
		for (k = 0; k < sizeof(small) / sizeof(small[0]); k++)
			if (strlen(small[k]) == i - w &&
			    strncmp(small[k], s + w, i - w) == 0)
				fn = 1;
		if (!uc_isupper(cp) && !(fn && w > a))
			title = 0;
		while (i < e && s[i] == ' ')
			i++;
	}
	return words <= 2 || (words <= 5 && title);
}

/* The sentences of the body s[body..len), into spans. */
static void
sentences(struct doc *d, size_t body)
{
	const char *s = d->text;
	size_t n = d->len, i = body, ps = body;
	int prevblank = 1;

	spans.n = 0;
	if (lflag) {
		while (i < n) {
			const char *nl = memchr(s + i, '\n', n - i);
			size_t e = nl ? (size_t)(nl - s) : n;

			{
				size_t a = i, z = e;

				while (a < z && (s[a] == ' ' || s[a] == '\t' ||
				    s[a] == '\r'))
					a++;
				while (z > a && (s[z - 1] == ' ' ||
				    s[z - 1] == '\t' || s[z - 1] == '\r'))
					z--;
				if (z > a && spanvec_push(&spans, a, z) == -1)
					err(1, NULL);
			}
			i = e + 1;
		}
		return;
	}
	/* paragraphs end at blank lines and at furniture lines */
	while (i <= n) {
		const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		size_t e = nl ? (size_t)(nl - s) : n;
		int blank = blank_line(s, i, e), alone;

		/* a line standing alone between blank lines */
		alone = !blank && prevblank && (nl == NULL || blank_line(s, e + 1,
		    memchr(s + e + 1, '\n', n - e - 1) ? (size_t)((char *)memchr(
		    s + e + 1, '\n', n - e - 1) - s) : n));
		prevblank = blank;
		if (blank || furniture(s, i, e) ||
		    (alone && !tflag && label_line(s, i, e))) {
			if (i > ps && sbd_para(s, ps, i, &spans) == -1)
				err(1, NULL);
			ps = e + 1;
		}
		if (nl == NULL)
			break;
		i = e + 1;
	}
	if (ps < n && sbd_para(s, ps, n, &spans) == -1)
		err(1, NULL);
}

static void
put_doc(struct doc *d, size_t body)
{
	size_t i, bad;
	int uneven;

	if (!utf8_valid(d->text, d->len, &bad))
		warnx("%s:%lu: invalid UTF-8 at byte %zu; passed through",
		    d->where, d->line, bad);
	/* with -t the title has a column of its own */
	if (!lflag && !tflag)
		body = headline(d, body);
	if (!lflag)
		dateline(d, body);
	sentences(d, body);
	fputs("doc\t", stdout);
	tsv_put(stdout, d->id, d->idlen);
	putchar('\t');
	tsv_put_str(stdout, d->date);
	putchar('\t');
	tsv_put_text(stdout, d->source, d->sourcelen);
	putchar('\t');
	tsv_put_text(stdout, d->title, d->titlelen);
	putchar('\t');
	tsv_put_text(stdout, d->url, d->urllen);
	putchar('\n');
	/* each sent record is built in memory and written at once */
	for (i = 0; i < spans.n; i++) {
		size_t len = spans.v[i].end - spans.v[i].start, o;

		if (linecap < 2 * (len + d->idlen) + 80) {
			char *nb;

			linecap = 2 * (len + d->idlen) + 80;
			if ((nb = realloc(line, linecap)) == NULL)
				err(1, NULL);
			line = nb;
		}
		memcpy(line, "sent\t", 5);
		o = 5 + tsv_esc(line + 5, d->id, d->idlen);
		line[o++] = '\t';
		o += fmt_size(line + o, i + 1);
		line[o++] = '\t';
		o += fmt_size(line + o, spans.v[i].start);
		line[o++] = '\t';
		o += fmt_size(line + o, spans.v[i].end);
		line[o++] = '\t';
		o += text_put(line + o, d->text + spans.v[i].start, len,
		    &uneven);
		line[o++] = '\n';
		fwrite(line, 1, o, stdout);
		/* white space that was not one byte: where, for exact offsets */
		if (uneven && foldmap_build(&fold, d->text + spans.v[i].start,
		    len) > 0) {
			fputs("fold\t", stdout);
			tsv_put(stdout, d->id, d->idlen);
			putchar('\t');
			put_size(stdout, i + 1);
			putchar('\t');
			foldmap_put(stdout, &fold);
			putchar('\n');
		}
	}
}

/* Map the -t header row to columns; -1 if it has no text column. */
static int
columns(const char *line, size_t len, const char *name, unsigned long lineno)
{
	const char *p = line, *end = line + len;

	col_id = col_date = col_source = col_title = col_url = col_text = -1;
	ncols = 0;
	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *e = tab ? tab : end;
		size_t l = (size_t)(e - p);
		int c = (int)ncols;

#define COL(s, v) if (l == sizeof(s) - 1 && strncasecmp(p, s, l) == 0) v = c
		COL("id", col_id);
		COL("date", col_date);
		COL("source", col_source);
		COL("title", col_title);
		COL("url", col_url);
		COL("text", col_text);
#undef COL
		ncols++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	if (col_text == -1) {
		warnx("%s:%lu: header row has no text column; file skipped",
		    name, lineno);
		return -1;
	}
	return 0;
}

/* -t: one document per line after a header row. */
static int
split_tsv(const char *path)
{
	struct rec_reader r;
	int rval = 0, rc;
	const char *why;
	char *idbuf = NULL;

	if (rec_open(&r, path) == -1) {
		warn("%s", path);
		return 1;
	}
	if ((rc = rec_next(&r)) <= 0) {
		if (rc == -1)
			warn("%s", r.name);
		rec_close(&r);
		return rc == -1;
	}
	/* rec_next split the header at tabs: rejoin to map it */
	{
		size_t i;

		for (i = 0; i + 1 < r.nfield; i++)
			r.field[i][r.flen[i]] = '\t';
		if (columns(r.line, r.len, r.name, r.lineno) == -1) {
			rec_close(&r);
			return 1;
		}
	}
	while ((rc = rec_next(&r)) == 1) {
		struct doc d;
		size_t f;
		int bad = 0;

		if (r.len == 0)
			continue;
		if (r.hasnul) {
			warnx("%s:%lu: NUL byte; document skipped", r.name,
			    r.lineno);
			rval = 1;
			continue;
		}
		if (r.toomany || r.nfield != ncols) {
			warnx("%s:%lu: %zu fields, the header has %zu; "
			    "document skipped", r.name, r.lineno, r.nfield,
			    ncols);
			rval = 1;
			continue;
		}
		for (f = 0; f < r.nfield; f++)
			if (tsv_unescape_field(&r, f, &why) == -1) {
				warnx("%s:%lu: %s; document skipped", r.name,
				    r.lineno, why);
				bad = 1;
				break;
			}
		if (bad) {
			rval = 1;
			continue;
		}
		memset(&d, 0, sizeof(d));
		if (col_id >= 0 && r.flen[col_id] > 0) {
			d.id = r.field[col_id];
			d.idlen = r.flen[col_id];
		} else {
			/* no id column: the path and line, "-:2" for stdin */
			free(idbuf);
			if (asprintf(&idbuf, "%s:%lu", path, r.lineno) == -1)
				err(1, NULL);
			d.id = idbuf;
			d.idlen = strlen(idbuf);
		}
		memcpy(d.date, defdate, sizeof(d.date));
		if (col_date >= 0 && r.flen[col_date] > 0 &&
		    date_arg(r.field[col_date], r.flen[col_date], d.date,
		    r.name, r.lineno) == -1)
			memcpy(d.date, defdate, sizeof(d.date));
		d.source = defsource;
		d.sourcelen = strlen(defsource);
		if (col_source >= 0 && r.flen[col_source] > 0) {
			d.source = r.field[col_source];
			d.sourcelen = r.flen[col_source];
		}
		d.title = d.url = "";
		if (col_title >= 0) {
			d.title = r.field[col_title];
			d.titlelen = r.flen[col_title];
		}
		if (col_url >= 0) {
			d.url = r.field[col_url];
			d.urllen = r.flen[col_url];
		}
		d.text = r.field[col_text];
		d.len = r.flen[col_text];
		d.where = r.name;
		d.line = r.lineno;
		cr_lines(r.field[col_text], r.flen[col_text]);
		put_doc(&d, 0);
	}
	if (rc == -1) {
		warn("%s", r.name);
		rval = 1;
	}
	free(idbuf);
	rec_close(&r);
	return rval | baddate;
}

static void
usage(void)
{
	fprintf(stderr, "usage: nsplit [-lt] [-d date] [-s source] "
	    "[file ...]\n");
	exit(2);
}
