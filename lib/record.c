/*
 * The record stream: getline(3) into one reused buffer, fields split in
 * place with memchr(3), linear-TSV escaping both ways.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct kindspec {
	const char	*name;
	enum rec_kind	 kind;
	size_t		 nfield;	/* including the kind */
	const char	*numeric;	/* 1-based field numbers that hold integers */
	int		 span;		/* fields 4 and 5 are START and END */
};

static const struct kindspec kinds[] = {
	{ "cite",	REC_CITE,	5, "\3", 0 },
	{ "doc",	REC_DOC,	6, "", 0 },
	{ "ent",	REC_ENT,	8, "\3\4\5", 1 },
	{ "fact",	REC_FACT,	5, "\2\4", 0 },
	{ "fold",	REC_FOLD,	4, "\3", 0 },
	{ "quote",	REC_QUOTE,	7, "\3\4\5", 1 },
	{ "sent",	REC_SENT,	6, "\3\4\5", 1 },
	{ "story",	REC_STORY,	3, "\2", 0 },
	{ "time",	REC_TIME,	8, "\3\4\5", 1 },
};

static const struct kindspec *
kindspec(const struct rec_reader *r)
{
	size_t i;

	if (r->nfield == 0)
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(r->field[0], kinds[i].name) == 0)
			return &kinds[i];
	return NULL;
}

int
rec_open(struct rec_reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	if (path == NULL || strcmp(path, "-") == 0) {
		r->fp = stdin;
		r->name = "stdin";
		return 0;
	}
	r->name = path;
	if ((r->fp = fopen(path, "r")) == NULL)
		return -1;
	return 0;
}

void
rec_close(struct rec_reader *r)
{
	if (r->fp != NULL && r->fp != stdin)
		fclose(r->fp);
	else if (r->fp == stdin)
		clearerr(stdin);
	free(r->line);
	r->line = NULL;
	r->fp = NULL;
}

/*
 * Read the next record.  Returns 1 for a record, 0 at the end, -1 on a
 * read error (errno set).  A last line without a newline is a record.
 */
int
rec_next(struct rec_reader *r)
{
	ssize_t n;
	char *p, *end, *tab;

	errno = 0;
	n = getline(&r->line, &r->cap, r->fp);
	if (ferror(r->fp)) {
		/* what came before the error is no record, just cut short */
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	if (n == -1)
		return 0;
	r->lineno++;
	if (n > 0 && r->line[n - 1] == '\n')
		n--;
	if (n > 0 && r->line[n - 1] == '\r')
		n--;
	r->line[n] = '\0';
	r->len = (size_t)n;
	r->hasnul = memchr(r->line, '\0', r->len) != NULL;
	r->nfield = 0;
	r->toomany = 0;
	p = r->line;
	end = r->line + r->len;
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (r->nfield == REC_MAXFIELDS) {
			r->toomany = 1;
			break;
		}
		r->field[r->nfield] = p;
		r->flen[r->nfield] = (tab ? tab : end) - p;
		r->nfield++;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return 1;
}

enum rec_kind
rec_kind(const struct rec_reader *r)
{
	const struct kindspec *k;

	if (r->len > 0 && r->line[0] == '#')
		return REC_COMMENT;
	if ((k = kindspec(r)) == NULL)
		return REC_OTHER;
	return k->kind;
}

/*
 * Check a record of a known kind: its field count and its integer
 * fields.  Returns NULL if it is well formed, else what is wrong.
 */
const char *
rec_check(const struct rec_reader *r)
{
	static char msg[128];
	const struct kindspec *k;
	const char *p;
	size_t v;

	if (r->hasnul)
		return "NUL byte in record";
	if (r->len > 0 && r->line[0] == '#')
		return NULL;
	if ((k = kindspec(r)) == NULL)
		return NULL;
	if (r->toomany || r->nfield != k->nfield) {
		snprintf(msg, sizeof(msg), "%s record has %s%zu fields, "
		    "expected %zu", k->name, r->toomany ? "over " : "",
		    r->nfield, k->nfield);
		return msg;
	}
	for (p = k->numeric; *p != '\0'; p++) {
		size_t i = (size_t)*p - 1;

		if (parse_size(r->field[i], r->flen[i], &v) == -1) {
			snprintf(msg, sizeof(msg), "%s record: field %zu "
			    "is not a number", k->name, i + 1);
			return msg;
		}
	}
	if (k->span) {
		size_t start = 0, end = 0;

		(void)parse_size(r->field[3], r->flen[3], &start);
		(void)parse_size(r->field[4], r->flen[4], &end);
		if (start > end) {
			/* no span runs backwards: the offsets were garbled */
			snprintf(msg, sizeof(msg), "%s record: START %zu "
			    "after END %zu", k->name, start, end);
			return msg;
		}
	}
	return NULL;
}

/* Write the current record as it came in (fields joined by TAB). */
void
rec_write(const struct rec_reader *r, FILE *fp)
{
	size_t i;

	for (i = 0; i < r->nfield; i++) {
		if (i > 0)
			putc_unlocked('\t', fp);
		fwrite(r->field[i], 1, r->flen[i], fp);
	}
	putc_unlocked('\n', fp);
}

/* Write s[0..n) as one field: TAB, LF, CR and backslash escaped. */
void
tsv_put(FILE *fp, const char *s, size_t n)
{
	const char *p = s, *end, *run = s;

	if (n == 0)
		return;		/* s may be NULL */
	end = s + n;
	for (; p < end; p++) {
		char e;

		switch (*p) {
		case '\t':
			e = 't';
			break;
		case '\n':
			e = 'n';
			break;
		case '\r':
			e = 'r';
			break;
		case '\\':
			e = '\\';
			break;
		default:
			continue;
		}
		if (p > run)
			fwrite(run, 1, (size_t)(p - run), fp);
		putc_unlocked('\\', fp);
		putc_unlocked(e, fp);
		run = p + 1;
	}
	if (end > run)
		fwrite(run, 1, (size_t)(end - run), fp);
}

void
tsv_put_str(FILE *fp, const char *s)
{
	tsv_put(fp, s, strlen(s));
}

static int
isspace_ascii(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/*
 * Fold runs of white space in s[0..n) to one space, dropping it at both
 * ends; dst needs n bytes.  Returns the folded length.
 */
size_t
text_fold(char *dst, const char *s, size_t n)
{
	size_t i, o = 0;
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace_ascii(c)) {
			sp = o > 0;
			continue;
		}
		/* U+00A0 no-break space folds too */
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			sp = o > 0;
			i++;
			continue;
		}
		if (sp)
			dst[o++] = ' ';
		sp = 0;
		dst[o++] = (char)c;
	}
	return o;
}

static int
is_ws(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * A TEXT field into memory: runs of white space (U+00A0 too) folded to
 * one space and dropped at both ends, backslashes doubled (after
 * folding no TAB, LF or CR is left to escape).  dst needs 2n bytes.
 * Returns the length; *uneven is set when some folded run inside the
 * text was not one byte (a fold record is then due).
 */
size_t
text_put(char *dst, const char *s, size_t n, int *uneven)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t a = 0, e = n, i, o = 0;
	int un = 0;

	for (;;) {
		if (a < e && is_ws(u[a]))
			a++;
		else if (a + 1 < e && u[a] == 0xc2 && u[a + 1] == 0xa0)
			a += 2;
		else
			break;
	}
	for (;;) {
		if (e > a && is_ws(u[e - 1]))
			e--;
		else if (e >= a + 2 && u[e - 2] == 0xc2 && u[e - 1] == 0xa0)
			e -= 2;
		else
			break;
	}
	for (i = a; i < e; ) {
#ifdef __SSE2__
		/* sixteen bytes at a time while none needs a look */
		const __m128i sp = _mm_set1_epi8(' '), bs = _mm_set1_epi8('\\');
		const __m128i c2 = _mm_set1_epi8((char)0xc2);
		const __m128i lo = _mm_set1_epi8(8), hi = _mm_set1_epi8(14);

		while (i + 17 <= e) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i w = _mm_loadu_si128((const __m128i *)(s + i + 1));
			__m128i vr = _mm_and_si128(_mm_cmpgt_epi8(v, lo),
			    _mm_cmplt_epi8(v, hi));
			__m128i wr = _mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(w, sp), _mm_cmpeq_epi8(w, c2)),
			    _mm_and_si128(_mm_cmpgt_epi8(w, lo),
			    _mm_cmplt_epi8(w, hi)));
			__m128i m = _mm_or_si128(_mm_or_si128(vr,
			    _mm_and_si128(_mm_cmpeq_epi8(v, sp), wr)),
			    _mm_or_si128(_mm_cmpeq_epi8(v, bs),
			    _mm_cmpeq_epi8(v, c2)));
			int mask = _mm_movemask_epi8(m);

			if (mask == 0) {
				_mm_storeu_si128((__m128i *)(dst + o), v);
				o += 16;
				i += 16;
				continue;
			}
			mask = __builtin_ctz((unsigned)mask);
			memcpy(dst + o, s + i, (size_t)mask);
			o += (size_t)mask;
			i += (size_t)mask;
			break;
		}
		if (i >= e)
			break;
#endif
		if (is_ws(u[i]) || (u[i] == 0xc2 && i + 1 < e &&
		    u[i + 1] == 0xa0)) {
			size_t bytes = 0;

			for (;;) {
				if (i < e && is_ws(u[i]))
					i++, bytes++;
				else if (i + 1 < e && u[i] == 0xc2 &&
				    u[i + 1] == 0xa0)
					i += 2, bytes += 2;
				else
					break;
			}
			dst[o++] = ' ';
			un |= bytes != 1;
		} else if (u[i] == '\\') {
			dst[o++] = '\\';
			dst[o++] = '\\';
			i++;
		} else
			dst[o++] = s[i++];
	}
	if (uneven != NULL)
		*uneven = un;
	return o;
}

/* Write a TEXT field (see text_put()); returns its uneven flag. */
int
tsv_put_text(FILE *fp, const char *s, size_t n)
{
	static char *buf;
	static size_t cap;
	int uneven;
	size_t len;

	if (n == 0)	/* buf may still be NULL, and fwrite's needs not be */
		return 0;
	if (2 * n > cap) {
		size_t nc = 2 * n < 4096 ? 4096 : 2 * n;
		char *nb;

		if ((nb = realloc(buf, nc)) == NULL) {
			/* unfolded rather than lost */
			tsv_put(fp, s, n);
			return 0;
		}
		buf = nb;
		cap = nc;
	}
	len = text_put(buf, s, n, &uneven);
	fwrite(buf, 1, len, fp);
	return uneven;
}

/*
 * Undo linear-TSV escapes in place.  Returns the new length, or -1-i
 * where i is the offset of a bad escape (a backslash before anything but
 * t, n, r or backslash, or a trailing backslash).
 */
long
tsv_unescape(char *s, size_t n)
{
	size_t i, o;
	char *bs;

	if ((bs = memchr(s, '\\', n)) == NULL)
		return (long)n;
	o = i = (size_t)(bs - s);
	while (i < n) {
		char *next;
		size_t run;

		if (i + 1 == n)
			return -1 - (long)i;
		switch (s[i + 1]) {
		case 't':
			s[o++] = '\t';
			break;
		case 'n':
			s[o++] = '\n';
			break;
		case 'r':
			s[o++] = '\r';
			break;
		case '\\':
			s[o++] = '\\';
			break;
		default:
			return -1 - (long)i;
		}
		i += 2;
		/* copy up to the next backslash in one move */
		next = memchr(s + i, '\\', n - i);
		run = (next ? (size_t)(next - s) : n) - i;
		memmove(s + o, s + i, run);
		o += run;
		i += run;
	}
	s[o] = '\0';
	return (long)o;
}

/* Whether s[0..n) has only good escapes: 0, or -1 (see tsv_unescape()). */
int
tsv_escapes_ok(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		if (p + 1 == end || (p[1] != 't' && p[1] != 'n' &&
		    p[1] != 'r' && p[1] != '\\'))
			return -1;
		p += 2;
	}
	return 0;
}

/*
 * Unescape field i of the current record in place.  On a bad escape
 * returns -1 and points *why at a message.
 */
int
tsv_unescape_field(struct rec_reader *r, size_t i, const char **why)
{
	long n;

	if (i >= r->nfield)
		return 0;
	if ((n = tsv_unescape(r->field[i], r->flen[i])) < 0) {
		static char msg[96];
		size_t at = (size_t)(-1 - n);

		snprintf(msg, sizeof(msg), "field %zu: bad escape \"\\%s\"",
		    i + 1, at + 1 < r->flen[i] ? (char[]){ r->field[i][at + 1],
		    '\0' } : "");
		*why = msg;
		return -1;
	}
	r->flen[i] = (size_t)n;
	return 0;
}

/* A decimal size_t with nothing else; -1 if it is not one. */
int
parse_size(const char *s, size_t n, size_t *v)
{
	size_t i, x = 0;

	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (size_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

/* Flush a stream; -1 if it or an earlier write failed. */
int
out_flush(FILE *fp)
{
	if (fflush(fp) == EOF || ferror(fp))
		return -1;
	return 0;
}

/*
 * Flush and close a stream, standard output at the end of a program:
 * -1 if a write or the close failed (a file system may report a lost
 * write only then), so that a program never exits 0 with output lost.
 */
int
out_close(FILE *fp)
{
	int bad = out_flush(fp);

	if (fclose(fp) == EOF)
		bad = -1;
	return bad;
}

/* Write a decimal number; printf(3) is slow on the hot path. */
void
put_size(FILE *fp, size_t v)
{
	char buf[24], *p = buf + sizeof(buf);

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	fwrite(p, 1, (size_t)(buf + sizeof(buf) - p), fp);
}

/* Escape s[0..n) as a field into dst (2n bytes); returns the length. */
size_t
tsv_esc(char *dst, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\t':
			dst[o++] = '\\';
			dst[o++] = 't';
			break;
		case '\n':
			dst[o++] = '\\';
			dst[o++] = 'n';
			break;
		case '\r':
			dst[o++] = '\\';
			dst[o++] = 'r';
			break;
		case '\\':
			dst[o++] = '\\';
			dst[o++] = '\\';
			break;
		default:
			dst[o++] = s[i];
		}
	return o;
}

/* A decimal number into dst (20 bytes); returns its length. */
size_t
fmt_size(char *dst, size_t v)
{
	char buf[24], *p = buf + sizeof(buf);
	size_t len;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	len = (size_t)(buf + sizeof(buf) - p);
	memcpy(dst, p, len);
	return len;
}
