/*
 * Unit tests of libnews.a, printed as TAP for prove(1): record I/O and
 * escaping, UTF-8, the tokenizer, dates, lexicons and the splitter.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "dateline.h"
#include "fold.h"
#include "lexicon.h"
#include "re.h"
#include "record.h"
#include "sbd.h"
#include "tok.h"
#include "utf8.h"

static int	 ntest, nfail;

static void	test_date(void);
static void	test_fold(void);
static void	test_lexicon(void);
static void	test_re(void);
static void	test_record(void);
static void	test_sbd(void);
static void	test_tok(void);
static void	test_tsv(void);
static void	test_utf8(void);

int
main(void)
{
	test_record();
	test_tsv();
	test_fold();
	test_utf8();
	test_tok();
	test_date();
	test_lexicon();
	test_sbd();
	test_re();
	printf("1..%d\n", ntest);
	return nfail > 0;
}

/* One TAP line; on failure a diagnostic made from fmt. */
static int
ok(int cond, const char *name, const char *fmt, ...)
{
	va_list ap;

	ntest++;
	printf("%sok %d - %s\n", cond ? "" : "not ", ntest, name);
	if (!cond) {
		nfail++;
		printf("#   ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
	}
	return cond;
}

static int
is_str(const char *got, const char *want, const char *name)
{
	if (got == NULL)
		got = "(null)";
	if (want == NULL)
		want = "(null)";
	return ok(strcmp(got, want) == 0, name, "got \"%s\", want \"%s\"",
	    got, want);
}

static int
is_num(long long got, long long want, const char *name)
{
	return ok(got == want, name, "got %lld, want %lld", got, want);
}

/* A reader over an in-memory text of n bytes. */
static void
reader(struct rec_reader *r, const char *s, size_t n)
{
	memset(r, 0, sizeof(*r));
	if ((r->fp = fmemopen((void *)(uintptr_t)s, n, "r")) == NULL) {
		perror("fmemopen");
		exit(2);
	}
	r->name = "mem";
}

static void
reader_close(struct rec_reader *r)
{
	fclose(r->fp);
	r->fp = NULL;
	free(r->line);
	r->line = NULL;
}

/* The fields of the current record as "a|b|c". */
static const char *
fields(const struct rec_reader *r)
{
	static char buf[1024];
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < r->nfield && o + r->flen[i] + 2 < sizeof(buf); i++) {
		if (i > 0)
			buf[o++] = '|';
		memcpy(buf + o, r->field[i], r->flen[i]);
		o += r->flen[i];
	}
	buf[o] = '\0';
	return buf;
}

/* Read the first record of s and check it; NULL means well formed. */
static void
check_msg(const char *s, const char *want, const char *name)
{
	struct rec_reader r;

	reader(&r, s, strlen(s));
	if (rec_next(&r) != 1)
		ok(0, name, "no record read");
	else
		is_str(rec_check(&r), want, name);
	reader_close(&r);
}

static void
test_record(void)
{
	static const char nul[] = "sent\td\t1\t0\t3\tab\0c\n";
	struct rec_reader r;
	const char *s;
	char big[512], *p;
	int i, rc;

	s = "doc\ta.txt\t\t\tTitle\t\nsent\ta.txt\t1\t0\t5\tHello.";
	reader(&r, s, strlen(s));
	rc = rec_next(&r);
	is_num(rc, 1, "rec_next: first record");
	is_num(r.nfield, 6, "rec_next: empty fields are kept");
	is_str(fields(&r), "doc|a.txt|||Title|", "rec_next: field text");
	is_num(r.flen[2], 0, "rec_next: empty middle field has length 0");
	is_num(r.flen[5], 0, "rec_next: empty last field has length 0");
	is_num(rec_kind(&r), REC_DOC, "rec_kind: doc");
	ok(rec_check(&r) == NULL, "rec_check: good doc record", "%s",
	    rec_check(&r));
	rc = rec_next(&r);
	is_num(rc, 1, "rec_next: last line without newline is a record");
	is_str(fields(&r), "sent|a.txt|1|0|5|Hello.",
	    "rec_next: last line's fields");
	is_num(r.lineno, 2, "rec_next: line number");
	is_num(rec_next(&r), 0, "rec_next: 0 at the end");
	reader_close(&r);

	s = "sent\td\t1\t0\t2\tHi\r\n\r\n";
	reader(&r, s, strlen(s));
	rec_next(&r);
	is_num(r.len, 15, "rec_next: CRLF stripped from the length");
	is_str(r.field[5], "Hi", "rec_next: CR not in the last field");
	ok(rec_check(&r) == NULL, "rec_check: CRLF record is well formed",
	    "%s", rec_check(&r));
	rec_next(&r);
	is_num(r.nfield, 1, "rec_next: a blank CRLF line has one field");
	is_num(r.flen[0], 0, "rec_next: ... and it is empty");
	reader_close(&r);

	reader(&r, "", 0);
	is_num(rec_next(&r), 0, "rec_next: empty input has no record");
	reader_close(&r);

	check_msg("sent\td\t1\t0\t2\n", "sent record has 5 fields, expected 6",
	    "rec_check: too few fields");
	check_msg("doc\td\t\t\t\t\t\n", "doc record has 7 fields, expected 6",
	    "rec_check: too many fields");
	check_msg("sent\td\tone\t0\t2\tHi\n",
	    "sent record: field 3 is not a number", "rec_check: N not a number");
	check_msg("sent\td\t1\t0\t-2\tHi\n",
	    "sent record: field 5 is not a number",
	    "rec_check: negative END");
	check_msg("ent\td\t1\t0\t\tPER\tk\tt\n",
	    "ent record: field 5 is not a number", "rec_check: empty END");
	check_msg("story\t7x\td\n", "story record: field 2 is not a number",
	    "rec_check: story number");
	check_msg("fact\t1\td\t2\t0.5\n", NULL, "rec_check: good fact record");
	check_msg("cite\t1\t2\td1,d2\ttext\n", NULL,
	    "rec_check: good cite record");
	check_msg("fold\td\t2\t3:2,8:2\n", NULL, "rec_check: good fold record");
	check_msg("sent\td\t1\t9\t5\tHi\n", "sent record: START 9 after END 5",
	    "rec_check: offsets that run backwards");
	check_msg("quote\td\t1\t5\t5\t\t\n", NULL,
	    "rec_check: an empty span is well formed");
	check_msg("fold\td\tx\t3:2\n", "fold record: field 3 is not a number",
	    "rec_check: fold N not a number");
	check_msg("mykind\tanything\tat\tall\n", NULL,
	    "rec_check: unknown kinds pass");
	check_msg("# sent a comment\n", NULL, "rec_check: comments pass");

	reader(&r, "# x\n", 4);
	rec_next(&r);
	is_num(rec_kind(&r), REC_COMMENT, "rec_kind: comment");
	reader_close(&r);
	reader(&r, "mykind\tx\n", 9);
	rec_next(&r);
	is_num(rec_kind(&r), REC_OTHER, "rec_kind: unknown kind");
	reader_close(&r);

	/* 70 fields: more than REC_MAXFIELDS */
	p = big;
	p += sprintf(p, "sent");
	for (i = 1; i < 70; i++)
		p += sprintf(p, "\t%d", i);
	*p++ = '\n';
	*p = '\0';
	reader(&r, big, strlen(big));
	rec_next(&r);
	ok(r.toomany, "rec_next: too many fields flagged", "toomany is 0");
	is_num(r.nfield, REC_MAXFIELDS, "rec_next: fields kept up to the cap");
	reader_close(&r);
	check_msg(big, "sent record has over 64 fields, expected 6",
	    "rec_check: over 64 fields");

	/* exactly REC_MAXFIELDS fields is not too many */
	p = big;
	p += sprintf(p, "x");
	for (i = 1; i < REC_MAXFIELDS; i++)
		p += sprintf(p, "\t%d", i);
	reader(&r, big, strlen(big));
	rec_next(&r);
	ok(!r.toomany, "rec_next: 64 fields fit", "toomany is 1");
	is_num(r.flen[REC_MAXFIELDS - 1], 2, "rec_next: 64th field intact");
	reader_close(&r);

	reader(&r, nul, sizeof(nul) - 1);
	rec_next(&r);
	ok(r.hasnul, "rec_next: NUL byte detected", "hasnul is 0");
	is_num(r.len, sizeof(nul) - 2, "rec_next: length counts past NUL");
	reader_close(&r);
	reader(&r, nul, sizeof(nul) - 1);
	rec_next(&r);
	is_str(rec_check(&r), "NUL byte in record", "rec_check: NUL byte");
	reader_close(&r);

	/* rec_write gives the line back */
	{
		char *out = NULL;
		size_t outlen = 0;
		FILE *fp = open_memstream(&out, &outlen);

		s = "sent\td\t1\t0\t2\t\n";
		reader(&r, s, strlen(s));
		rec_next(&r);
		rec_write(&r, fp);
		fclose(fp);
		is_str(out, s, "rec_write: record out as it came in");
		free(out);
		reader_close(&r);
	}
}

/* tsv_put of s[0..n) into a string. */
static char *
put(const char *s, size_t n, int text)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);

	if (text)
		tsv_put_text(fp, s, n);
	else
		tsv_put(fp, s, n);
	fclose(fp);
	return out;
}

/* Does tsv_put_text(s) equal tsv_put(text_fold(s))?  0 if so. */
static int
text_differs(const char *s, size_t n, char *why, size_t whysz)
{
	char folded[64], *want, *got;
	int rc;

	want = put(folded, text_fold(folded, s, n), 0);
	got = put(s, n, 1);
	if ((rc = strcmp(want, got) != 0))
		snprintf(why, whysz, "got \"%s\", want \"%s\"", got, want);
	free(want);
	free(got);
	return rc;
}

/*
 * tsv_put_text() must equal tsv_put() of text_fold(): tricky strings,
 * then pseudo-random ones over an alphabet of the bytes that matter.
 */
static void
tsv_text_same(void)
{
	static const char *tricky[] = { "", " ", "a", " a ", "a  b", "a \\ b",
	    "\\", " \\ ", "a\t\tb\n", "\xc2\xa0" "a\xc2\xa0", "a\xc2\xa0 \xc2\xa0" "b",
	    "\xc2", "a\xc2", "\xc2\xc2\xa0x", "a\xc2 b", "a \xc2" "b", "x \r\n\r\n y ",
	    "\\\\ \\", "a b c d", " a b ", "a\fb\vc", "\\ a", "a \\", NULL };
	static const char alpha[] = " \t\n\r\\ab\xc2\xa0.";
	char s[64], why[300] = "";
	unsigned long seed = 12345;
	size_t i, k, n;
	int bad = 0;

	for (i = 0; tricky[i] != NULL && !bad; i++)
		bad = text_differs(tricky[i], strlen(tricky[i]), why,
		    sizeof(why));
	for (i = 0; i < 5000 && !bad; i++) {
		seed = seed * 1103515245 + 12345;
		n = (seed >> 16) % 14;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245 + 12345;
			s[k] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
		}
		bad = text_differs(s, n, why, sizeof(why));
	}
	ok(!bad, "tsv_put_text: same as tsv_put of text_fold", "%s", why);
}

static void
test_tsv(void)
{
	char all[256], buf[600], *e;
	size_t i, v;
	long n;
	struct rec_reader r;
	const char *why = NULL;

	e = put("a\tb\nc\\d\re", 9, 0);
	is_str(e, "a\\tb\\nc\\\\d\\re", "tsv_put: tab, LF, backslash, CR");
	strcpy(buf, e);
	n = tsv_unescape(buf, strlen(buf));
	is_num(n, 9, "tsv_unescape: length");
	ok(n == 9 && memcmp(buf, "a\tb\nc\\d\re", 9) == 0,
	    "tsv_unescape: round trip", "got \"%s\"", buf);
	free(e);

	e = put("plain \"text\" 'here'", 19, 0);
	is_str(e, "plain \"text\" 'here'", "tsv_put: nothing else escaped");
	free(e);

	/* every byte but NUL goes out and comes back */
	for (i = 0; i < 255; i++)
		all[i] = (char)(i + 1);
	e = put(all, 255, 0);
	ok(strchr(e, '\t') == NULL && strchr(e, '\n') == NULL &&
	    strchr(e, '\r') == NULL, "tsv_put: no raw TAB, LF or CR",
	    "escaped text holds one");
	strcpy(buf, e);
	n = tsv_unescape(buf, strlen(buf));
	ok(n == 255 && memcmp(buf, all, 255) == 0,
	    "tsv_unescape: round trip of all bytes", "length %ld", n);
	free(e);

	strcpy(buf, "\\\\n");
	n = tsv_unescape(buf, 3);
	ok(n == 2 && memcmp(buf, "\\n", 2) == 0,
	    "tsv_unescape: escaped backslash before n", "got %ld \"%s\"", n,
	    buf);
	strcpy(buf, "ab\\xcd");
	is_num(tsv_unescape(buf, 6), -3, "tsv_unescape: \\x is an error at 2");
	strcpy(buf, "a\\tb\\xc");
	is_num(tsv_unescape(buf, 7), -5,
	    "tsv_unescape: bad escape after a good one, at its offset");
	strcpy(buf, "a\\\\bc\\nd\\r");
	n = tsv_unescape(buf, 10);
	ok(n == 7 && memcmp(buf, "a\\bc\nd\r", 7) == 0 && buf[7] == '\0',
	    "tsv_unescape: runs between escapes, NUL-terminated", "got %ld",
	    n);
	strcpy(buf, "ab\\");
	is_num(tsv_unescape(buf, 3), -3,
	    "tsv_unescape: trailing backslash is an error");
	strcpy(buf, "\\");
	is_num(tsv_unescape(buf, 1), -1, "tsv_unescape: lone backslash");
	strcpy(buf, "");
	is_num(tsv_unescape(buf, 0), 0, "tsv_unescape: empty");
	is_num(tsv_escapes_ok("a\\tb\\\\c", 7), 0, "tsv_escapes_ok: good");
	is_num(tsv_escapes_ok("a\\xb", 4), -1, "tsv_escapes_ok: \\x");
	is_num(tsv_escapes_ok("ab\\", 3), -1,
	    "tsv_escapes_ok: trailing backslash");
	is_num(tsv_escapes_ok("a\\\\", 3), 0,
	    "tsv_escapes_ok: escaped backslash at the end");

	reader(&r, "a\\tb\tc\\qd\n", 10);
	rec_next(&r);
	ok(tsv_unescape_field(&r, 0, &why) == 0 && r.flen[0] == 3 &&
	    memcmp(r.field[0], "a\tb", 3) == 0, "tsv_unescape_field: good",
	    "flen %zu", r.flen[0]);
	ok(tsv_unescape_field(&r, 1, &why) == -1,
	    "tsv_unescape_field: bad escape fails", "returned 0");
	is_str(why, "field 2: bad escape \"\\q\"",
	    "tsv_unescape_field: message");
	reader_close(&r);
	reader(&r, "a\tc\\\n", 5);
	rec_next(&r);
	why = NULL;
	tsv_unescape_field(&r, 1, &why);
	is_str(why, "field 2: bad escape \"\\\"",
	    "tsv_unescape_field: trailing backslash message");
	reader_close(&r);

	is_num(text_fold(buf, "  a \t\n b\r\n c  ", 14), 5,
	    "text_fold: length");
	ok(memcmp(buf, "a b c", 5) == 0, "text_fold: runs to one space",
	    "got \"%.5s\"", buf);
	n = (long)text_fold(buf, "x\xc2\xa0\xc2\xa0y", 6);
	ok(n == 3 && memcmp(buf, "x y", 3) == 0, "text_fold: no-break space",
	    "got %ld \"%.*s\"", n, (int)n, buf);
	is_num(text_fold(buf, " \n\t ", 4), 0, "text_fold: only space");
	n = (long)text_fold(buf, "caf\xc3\xa9 \xff", 7);
	ok(n == 7 && memcmp(buf, "caf\xc3\xa9 \xff", 7) == 0,
	    "text_fold: other bytes untouched", "got %ld", n);
	e = put(" a\tb\n", 5, 1);
	is_str(e, "a b", "tsv_put_text: folded before escaping");
	free(e);
	e = put("a\\b", 3, 1);
	is_str(e, "a\\\\b", "tsv_put_text: backslash escaped");
	free(e);

	tsv_text_same();

	ok(parse_size("12345", 5, &v) == 0 && v == 12345, "parse_size: 12345",
	    "v %zu", v);
	is_num(parse_size("", 0, &v), -1, "parse_size: empty");
	is_num(parse_size("1.5", 3, &v), -1, "parse_size: 1.5");
	is_num(parse_size("+1", 2, &v), -1, "parse_size: +1");
	is_num(parse_size("1234567890123456789", 19, &v), -1,
	    "parse_size: too long");
}

/* The fold map of s[0..n) as foldmap_put() writes it. */
static char *
fmap(const char *s, size_t n, int *rc)
{
	struct foldmap m = { 0, 0, NULL, NULL };
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);

	*rc = foldmap_build(&m, s, n);
	foldmap_put(fp, &m);
	fclose(fp);
	foldmap_free(&m);
	return out;
}

static void
is_fmap(const char *s, const char *want, int wantn, const char *name)
{
	int rc;
	char *got = fmap(s, strlen(s), &rc);

	ok(strcmp(got, want) == 0 && rc == wantn, name,
	    "got \"%s\" (%d), want \"%s\" (%d)", got, rc, want, wantn);
	free(got);
}

static int
is_ws(const char *s, size_t n, size_t i)
{
	if (strchr(" \t\n\r\f\v", s[i]) != NULL && s[i] != '\0')
		return 1;
	if (i + 1 < n && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/*
 * foldmap_orig() over pseudo-random spans: each byte of the folded TEXT
 * maps back to the original byte it came from (a space to the start of
 * its run).  0 if all do, else 1 with why filled in.
 */
static int
fold_orig_differs(char *why, size_t whysz)
{
	static const char alpha[] = " \t\r\nab\\\xc2\xa0.";
	char s[40];
	size_t orig[40], i, k, n, a, b, fn;
	unsigned long seed = 4242;
	struct foldmap m = { 0, 0, NULL, NULL };
	int rc = 0;

	for (k = 0; k < 4000 && rc == 0; k++) {
		seed = seed * 1103515245 + 12345;
		n = (seed >> 16) % 30;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			s[i] = alpha[(seed >> 16) % (sizeof(alpha) - 1)];
		}
		/* the span as nsplit cuts it: no white space at its ends */
		for (a = 0; a < n && is_ws(s, n, a); a += is_ws(s, n, a))
			;
		for (b = n; b > a; ) {
			if (strchr(" \t\r\n", s[b - 1]) != NULL)
				b--;
			else if (b - a >= 2 && is_ws(s, n, b - 2) == 2)
				b -= 2;
			else
				break;
		}
		fn = 0;
		for (i = a; i < b; ) {
			size_t l = is_ws(s, b, i);

			orig[fn++] = i;
			if (l == 0) {
				i++;
				continue;
			}
			while (i < b && (l = is_ws(s, b, i)) > 0)
				i += l;
		}
		if (foldmap_build(&m, s + a, b - a) < 0) {
			snprintf(why, whysz, "foldmap_build failed");
			rc = 1;
			break;
		}
		for (i = 0; i < fn; i++)
			if (foldmap_orig(&m, a, i) != orig[i]) {
				snprintf(why, whysz, "case %zu: TEXT byte %zu "
				    "maps to %zu, want %zu", k, i,
				    foldmap_orig(&m, a, i), orig[i]);
				rc = 1;
				break;
			}
	}
	foldmap_free(&m);
	return rc;
}

static void
test_fold(void)
{
	struct foldmap m = { 0, 0, NULL, NULL };
	char why[200] = "";

	is_fmap("One  long\n\tsentence", "3:2,8:2", 2, "foldmap_build: runs");
	is_fmap("a b\tc\nd", "", 0, "foldmap_build: one-byte runs need none");
	is_fmap("a\xc2\xa0" "b", "1:2", 1, "foldmap_build: no-break space");
	is_fmap("a\r\nb", "1:2", 1, "foldmap_build: CR LF");
	is_fmap("  a   b  ", "1:3", 1, "foldmap_build: ends dropped");
	is_fmap("\\\\  x", "2:2", 1, "foldmap_build: backslash is one byte");
	is_fmap("", "", 0, "foldmap_build: empty");
	ok(foldmap_parse(&m, "3:2,8:2", 7) == 0 && m.n == 2 && m.pos[1] == 8 &&
	    m.len[1] == 2, "foldmap_parse: good map", "n %zu", m.n);
	is_num(foldmap_orig(&m, 100, 0), 100, "foldmap_orig: before a fold");
	is_num(foldmap_orig(&m, 100, 3), 103, "foldmap_orig: the folded space");
	is_num(foldmap_orig(&m, 100, 4), 105, "foldmap_orig: after one fold");
	is_num(foldmap_orig(&m, 100, 9), 111, "foldmap_orig: after two");
	is_num(foldmap_parse(&m, "3:0", 3), -1, "foldmap_parse: LEN 0");
	is_num(foldmap_parse(&m, "3", 1), -1, "foldmap_parse: no LEN");
	is_num(foldmap_parse(&m, ":2", 2), -1, "foldmap_parse: no POS");
	is_num(foldmap_parse(&m, "3:2,3:2", 7), -1,
	    "foldmap_parse: POS not increasing");
	is_num(foldmap_parse(&m, "3:2:5", 5), -1, "foldmap_parse: 3:2:5");
	is_num(foldmap_parse(&m, "3:x", 3), -1, "foldmap_parse: 3:x");
	foldmap_free(&m);
	ok(!fold_orig_differs(why, sizeof(why)),
	    "foldmap_orig: every TEXT byte back to its original", "%s", why);
}

/* utf8_decode of a string: "len cp". */
static const char *
dec(const char *s, size_t n)
{
	static char buf[40];
	int32_t cp = 0;
	size_t len = utf8_decode(s, n, &cp);

	snprintf(buf, sizeof(buf), "%zu %ld", len, (long)cp);
	return buf;
}

static void
test_utf8(void)
{
	size_t bad = 99;
	char low[32];

	is_str(dec("A", 1), "1 65", "utf8_decode: ASCII");
	is_str(dec("\xc3\xa9", 2), "2 233", "utf8_decode: 2 bytes");
	is_str(dec("\xe2\x82\xac", 3), "3 8364", "utf8_decode: 3 bytes");
	is_str(dec("\xf0\x9f\x98\x80", 4), "4 128512", "utf8_decode: 4 bytes");
	is_str(dec("\xf4\x8f\xbf\xbf", 4), "4 1114111",
	    "utf8_decode: U+10FFFF");
	is_str(dec("\xed\x9f\xbf", 3), "3 55295", "utf8_decode: U+D7FF");
	is_str(dec("\xee\x80\x80", 3), "3 57344", "utf8_decode: U+E000");
	is_str(dec("\xc0\xaf", 2), "1 -1", "utf8_decode: overlong C0");
	is_str(dec("\xc1\xbf", 2), "1 -1", "utf8_decode: overlong C1");
	is_str(dec("\xe0\x80\xaf", 3), "1 -1", "utf8_decode: overlong 3");
	is_str(dec("\xe0\x9f\xbf", 3), "1 -1", "utf8_decode: overlong 3 max");
	is_str(dec("\xf0\x80\x80\xaf", 4), "1 -1", "utf8_decode: overlong 4");
	is_str(dec("\xf0\x8f\xbf\xbf", 4), "1 -1",
	    "utf8_decode: overlong 4 max");
	is_str(dec("\xed\xa0\x80", 3), "1 -1", "utf8_decode: surrogate D800");
	is_str(dec("\xed\xbf\xbf", 3), "1 -1", "utf8_decode: surrogate DFFF");
	is_str(dec("\xf4\x90\x80\x80", 4), "1 -1",
	    "utf8_decode: above U+10FFFF");
	is_str(dec("\xf5\x80\x80\x80", 4), "1 -1", "utf8_decode: F5");
	is_str(dec("\xe2\x82", 2), "1 -1", "utf8_decode: truncated 3");
	is_str(dec("\xf0\x9f\x98", 3), "1 -1", "utf8_decode: truncated 4");
	is_str(dec("\xc3", 1), "1 -1", "utf8_decode: truncated 2");
	is_str(dec("\xe2\x28\xa1", 3), "1 -1",
	    "utf8_decode: bad continuation");
	is_str(dec("\xc3\xa9", 1), "1 -1",
	    "utf8_decode: n shorter than the sequence");
	is_str(dec("\x80", 1), "1 -1", "utf8_decode: lone 0x80");
	is_str(dec("\xbf", 1), "1 -1", "utf8_decode: lone 0xbf");
	is_str(dec("\xff", 1), "1 -1", "utf8_decode: 0xff");
	is_str(dec("\xfe", 1), "1 -1", "utf8_decode: 0xfe");

	ok(utf8_valid("abc \xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80", 13, &bad),
	    "utf8_valid: valid text", "bad at %zu", bad);
	ok(utf8_valid("", 0, &bad), "utf8_valid: empty", "bad at %zu", bad);
	ok(!utf8_valid("ab\xff" "cd", 5, &bad) && bad == 2,
	    "utf8_valid: 0xff at 2", "bad %zu", bad);
	ok(!utf8_valid("\xc3\xa9\xe2\x82", 4, &bad) && bad == 2,
	    "utf8_valid: truncated at the end", "bad %zu", bad);
	ok(!utf8_valid("\xc0\xaf", 2, &bad) && bad == 0,
	    "utf8_valid: overlong at 0", "bad %zu", bad);
	ok(!utf8_valid("ok \xed\xa0\x80", 6, &bad) && bad == 3,
	    "utf8_valid: surrogate at 3", "bad %zu", bad);
	ok(utf8_valid("abcdefghijklmnopq\xc3\xa9rstuvwxyz0123456789", 38, &bad),
	    "utf8_valid: long valid text", "bad at %zu", bad);
	ok(!utf8_valid("abcdefghijklmnop\xff" "qrstuvwxyz", 27, &bad) &&
	    bad == 16, "utf8_valid: bad byte after 16 ASCII", "bad %zu", bad);
	ok(!utf8_valid("abcdefgh\xc3\xa9ijklmnopqrs\xe2\x82xyz", 26, &bad) &&
	    bad == 21, "utf8_valid: truncated after a long run", "bad %zu",
	    bad);
	ok(!utf8_valid("x\x80", 2, &bad) && bad == 1,
	    "utf8_valid: lone continuation", "bad %zu", bad);

	is_num(utf8_prev("a\xc3\xa9", 3), 1, "utf8_prev: over 2 bytes");
	is_num(utf8_prev("a\xe2\x82\xac", 4), 1, "utf8_prev: over 3 bytes");
	is_num(utf8_prev("a\xf0\x9f\x98\x80", 5), 1,
	    "utf8_prev: over 4 bytes");
	is_num(utf8_prev("\xf0\x9f\x98\x80", 4), 0,
	    "utf8_prev: 4 bytes at the start");
	is_num(utf8_prev("ab", 2), 1, "utf8_prev: ASCII");
	is_num(utf8_prev("a\x80", 2), 1, "utf8_prev: stray continuation");
	is_num(utf8_prev("\x80\x80", 2), 1,
	    "utf8_prev: continuations at the start");
	is_num(utf8_prev("\xe2\x82\xac\x80", 4), 3,
	    "utf8_prev: continuation after a whole character");
	is_num(utf8_prev("a\xe2\x82", 3), 2, "utf8_prev: truncated sequence");
	is_num(utf8_prev("\x80\x80\x80\x80\x80", 5), 4,
	    "utf8_prev: a run of continuations");

	ok(uc_isupper(0xc9) && !uc_islower(0xc9), "uc_isupper: E acute",
	    "wrong class");
	ok(uc_isalpha(0x4e2d) && !uc_isupper(0x4e2d), "uc_isalpha: CJK",
	    "wrong class");
	ok(uc_isdigit(0x0663), "uc_isdigit: Arabic-Indic three", "not a digit");
	ok(uc_isspace(0xa0) && uc_isspace(0x2003) && !uc_isspace(0x200b + 1),
	    "uc_isspace: no-break and em space", "wrong class");
	ok(uc_ispunct(0x2014) && uc_ispunct(0x201c) && !uc_ispunct('a'),
	    "uc_ispunct: em dash and quote", "wrong class");
	ok(!uc_isalpha(-1) && !uc_isspace(-1) && !uc_ispunct(-1) &&
	    !uc_isupper(-1) && !uc_isdigit(-1), "uc_*: -1 is in no class",
	    "a class holds -1");
	is_num(uc_tolower(0xc9), 0xe9, "uc_tolower: E acute");
	is_num(uc_tolower(-1), -1, "uc_tolower: -1");
	memset(low, 0, sizeof(low));
	utf8_lower(low, sizeof(low), "\xc3\x89" "COLE \xff X", 10);
	is_str(low, "\xc3\xa9" "cole \xff x", "utf8_lower: bad byte kept");
	is_num(utf8_lower(low, 3, "ABCDEF", 6), 3, "utf8_lower: stops at dstsz");
}

static const char *tokname[] = { "END", "W", "N", "P", "Q", "D", "U", "E",
    "C" };

/* The tokens of s as "text/T text/T", T the type's letter. */
static const char *
toks(const char *s)
{
	static char buf[2048];
	struct tokvec tv = { NULL, 0, 0 };
	size_t i, o = 0, n = strlen(s);

	buf[0] = '\0';
	if (tokenize(s, n, &tv) == -1)
		return "(out of memory)";
	for (i = 0; i < tv.n; i++) {
		struct token *t = &tv.v[i];

		if (t->end < t->start || t->end > n || o + 40 +
		    (t->end - t->start) > sizeof(buf)) {
			o += (size_t)sprintf(buf + o, "%s(bad %zu-%zu)",
			    i > 0 ? " " : "", t->start, t->end);
			break;
		}
		o += (size_t)sprintf(buf + o, "%s%.*s/%s", i > 0 ? " " : "",
		    (int)(t->end - t->start), s + t->start,
		    tokname[t->type < 9 ? t->type : 0]);
	}
	tokvec_free(&tv);
	return buf;
}

static void
is_toks(const char *s, const char *want, const char *name)
{
	is_str(toks(s), want, name);
}

/* The first token of s at or after pos. */
static struct token
tok1(const char *s, size_t pos)
{
	struct token t;

	tok_next(s, strlen(s), pos, &t);
	return t;
}

/* Is s[b] inside a valid UTF-8 sequence that starts before it? */
static int
splits_char(const char *s, size_t n, size_t b)
{
	size_t j;
	int32_t cp;

	for (j = b > 3 ? b - 3 : 0; j < b; j++)
		if (j + utf8_decode(s + j, n - j, &cp) > b && cp >= 0)
			return 1;
	return 0;
}

/* White space as the tokenizer sees it: ASCII and U+00A0 here. */
static size_t
space_at(const char *s, size_t n, size_t k)
{
	if (strchr(" \t\r\n", s[k]) != NULL && s[k] != '\0')
		return 1;
	if (k + 1 < n && (unsigned char)s[k] == 0xc2 &&
	    (unsigned char)s[k + 1] == 0xa0)
		return 2;
	return 0;
}

/* Tokens cover every byte that is not white space, in order. */
static void
tok_cover(const char *s, const char *name)
{
	struct tokvec tv = { NULL, 0, 0 };
	size_t i, k, pos = 0, n = strlen(s);
	int good = 1;
	char why[200] = "";

	tokenize(s, n, &tv);
	for (i = 0; i < tv.n && good; i++) {
		struct token *t = &tv.v[i];

		if (t->start < pos || t->end <= t->start || t->end > n) {
			snprintf(why, sizeof(why), "token %zu at %zu-%zu",
			    i, t->start, t->end);
			good = 0;
		}
		for (k = pos; good && k < t->start; k += space_at(s, n, k))
			if (space_at(s, n, k) == 0) {
				snprintf(why, sizeof(why), "byte %zu "
				    "(0x%02x) in no token", k,
				    (unsigned char)s[k]);
				good = 0;
			}
		/* no token starts or ends inside a UTF-8 sequence */
		if (good && (splits_char(s, n, t->start) ||
		    splits_char(s, n, t->end))) {
			snprintf(why, sizeof(why), "token %zu-%zu splits a "
			    "character", t->start, t->end);
			good = 0;
		}
		pos = t->end;
	}
	for (k = pos; good && k < n; k += space_at(s, n, k))
		if (space_at(s, n, k) == 0) {
			snprintf(why, sizeof(why), "byte %zu in no token", k);
			good = 0;
		}
	ok(good, name, "%s", why);
	tokvec_free(&tv);
}

static void
test_tok(void)
{
	struct token t;

	is_toks("The plant closed.", "The/W plant/W closed/W ./P",
	    "tok: words and a period");
	is_toks("", "", "tok: empty");
	is_toks(" \n\t ", "", "tok: only space");
	is_toks("3,000 2.5 10:30 6/14/2024 -7",
	    "3,000/N 2.5/N 10:30/N 6/14/2024/N -/D 7/N", "tok: numbers");
	is_toks("It cost $100.00, up 4.5%.",
	    "It/W cost/W $/P 100.00/N ,/P up/W 4.5/N %/P ./P",
	    "tok: money and percent");
	is_toks("In 1990, 12 of them.", "In/W 1990/N ,/P 12/N of/W them/W ./P",
	    "tok: a comma after a number");
	is_toks("the 1990s and F-16s", "the/W 1990s/W and/W F-16s/W",
	    "tok: words with digits");
	is_toks("U.S. Steel", "U.S./W Steel/W", "tok: U.S. is one token");
	is_toks("Mr. Lee and Dr. Park", "Mr./W Lee/W and/W Dr./W Park/W",
	    "tok: titles keep the period");
	is_toks("Acme Inc. said", "Acme/W Inc./W said/W",
	    "tok: Inc. keeps the period");
	is_toks("J. K. Rowe", "J./W K./W Rowe/W", "tok: initials");
	is_toks("e.g. this, i.e. that", "e.g./W this/W ,/P i.e./W that/W",
	    "tok: e.g. and i.e.");
	is_toks("at 9 a.m. today", "at/W 9/N a.m./W today/W", "tok: a.m.");
	is_toks("No. 5 and no. Way", "No./W 5/N and/W no/W ./P Way/W",
	    "tok: No. only before a number");
	is_toks("it ended.", "it/W ended/W ./P",
	    "tok: a plain word leaves the period");
	is_toks("Boeing's jet", "Boeing/W 's/C jet/W", "tok: 's split off");
	is_toks("Boeing\xe2\x80\x99s jet", "Boeing/W \xe2\x80\x99s/C jet/W",
	    "tok: curly 's split off");
	is_toks("don't", "do/W n't/C", "tok: don't");
	is_toks("don\xe2\x80\x99t", "do/W n\xe2\x80\x99t/C",
	    "tok: curly don't");
	is_toks("they're we've I'll she'd I'm",
	    "they/W 're/C we/W 've/C I/W 'll/C she/W 'd/C I/W 'm/C",
	    "tok: other clitics");
	is_toks("O'Brien rock\xe2\x80\x99n\xe2\x80\x99roll",
	    "O'Brien/W rock\xe2\x80\x99n\xe2\x80\x99roll/W",
	    "tok: inner apostrophes stay");
	is_toks("co-op AT&T", "co-op/W AT&T/W", "tok: inner - and &");
	is_toks("See https://example.com/a?b=1. Then",
	    "See/W https://example.com/a?b=1/U ./P Then/W",
	    "tok: URL without the final period");
	is_toks("(www.example.org/x), or http://a.b/c_(d)).",
	    "(/P www.example.org/x/U )/P ,/P or/W http://a.b/c_(d)/U )/P ./P",
	    "tok: URL brackets balanced");
	is_toks("at \"http://a.b/c\"", "at/W \"/Q http://a.b/c/U \"/Q",
	    "tok: URL in straight quotes");
	is_toks("at \xe2\x80\x9chttp://a.b/c\xe2\x80\x9d",
	    "at/W \xe2\x80\x9c/Q http://a.b/c/U \xe2\x80\x9d/Q",
	    "tok: URL in curly quotes");
	is_toks("Write to desk@news-wire.co.uk.",
	    "Write/W to/W desk@news-wire.co.uk/E ./P",
	    "tok: e-mail address");
	is_toks("\"Yes,\" he said.", "\"/Q Yes/W ,/P \"/Q he/W said/W ./P",
	    "tok: straight double quotes");
	is_toks("said 'no' then", "said/W '/Q no/W '/Q then/W",
	    "tok: straight single quotes");
	is_toks("\xe2\x80\x9cYes,\xe2\x80\x9d he",
	    "\xe2\x80\x9c/Q Yes/W ,/P \xe2\x80\x9d/Q he/W",
	    "tok: curly double quotes");
	is_toks("the \xe2\x80\x98" "best\xe2\x80\x99 way",
	    "the/W \xe2\x80\x98/Q best/W \xe2\x80\x99/Q way/W",
	    "tok: curly single quotes");
	is_toks("he ``won'' it", "he/W ``/Q won/W ''/Q it/W",
	    "tok: `` and '' quotes");
	is_toks("\xc2\xab" "oui\xc2\xbb", "\xc2\xab/Q oui/W \xc2\xbb/Q",
	    "tok: guillemets");
	is_toks("a - b \xe2\x80\x93 c \xe2\x80\x94 d -- e",
	    "a/W -/D b/W \xe2\x80\x93/D c/W \xe2\x80\x94/D d/W --/D e/W",
	    "tok: dashes");
	is_toks("Wait... now\xe2\x80\xa6 ok?! Yes.",
	    "Wait/W .../P now/W \xe2\x80\xa6/P ok/W ?!/P Yes/W ./P",
	    "tok: ellipses and ?!");
	is_toks("caf\xc3\xa9 \xc3\x89mile", "caf\xc3\xa9/W \xc3\x89mile/W",
	    "tok: accented words");
	is_toks("ab\xff" "cd \xfe", "ab\xff" "cd/W \xfe/P",
	    "tok: bad bytes stay in place");

	t = tok1("  Acme", 0);
	ok(t.start == 2 && t.end == 6 && t.type == TOK_WORD,
	    "tok: offsets after spaces", "%zu-%zu type %d", t.start, t.end,
	    t.type);
	t = tok1("x \xe2\x80\x94 y", 1);
	ok(t.start == 2 && t.end == 5 && t.type == TOK_DASH,
	    "tok: em dash is 3 bytes", "%zu-%zu", t.start, t.end);
	t = tok1("Boeing\xe2\x80\x99s", 6);
	ok(t.start == 6 && t.end == 10 && t.type == TOK_CLITIC,
	    "tok: curly clitic offsets", "%zu-%zu type %d", t.start, t.end,
	    t.type);
	t = tok1("at www.x.org.", 2);
	ok(t.start == 3 && t.end == 12 && t.type == TOK_URL,
	    "tok: URL offsets", "%zu-%zu type %d", t.start, t.end, t.type);
	t = tok1("ab", 2);
	ok(t.type == TOK_END && t.start == 2, "tok: TOK_END at the end",
	    "type %d", t.type);

	t = tok1("Acme", 0);
	ok(t.flags == TF_CAP, "tok: TF_CAP", "flags 0x%x", t.flags);
	t = tok1("NASA", 0);
	ok(t.flags == (TF_CAP | TF_ALLCAP), "tok: TF_ALLCAP", "flags 0x%x",
	    t.flags);
	t = tok1("x plant", 1);
	ok(t.flags == (TF_SPACE | TF_LOWER), "tok: TF_SPACE TF_LOWER",
	    "flags 0x%x", t.flags);
	t = tok1("x\nB2", 1);
	ok(t.flags == (TF_SPACE | TF_NL | TF_CAP | TF_ALLCAP | TF_DIGIT),
	    "tok: TF_NL TF_DIGIT", "flags 0x%x", t.flags);
	t = tok1("x\n\n b", 1);
	ok((t.flags & (TF_NL | TF_PARA)) == (TF_NL | TF_PARA),
	    "tok: TF_PARA", "flags 0x%x", t.flags);
	t = tok1("x\r\n\r\nb", 1);
	ok(t.flags & TF_PARA, "tok: TF_PARA over CRLF", "flags 0x%x",
	    t.flags);
	t = tok1("Inc. x", 0);
	ok((t.flags & TF_ABBR) && !(t.flags & TF_INITIAL), "tok: TF_ABBR",
	    "flags 0x%x", t.flags);
	t = tok1("J. x", 0);
	ok((t.flags & (TF_ABBR | TF_INITIAL)) == (TF_ABBR | TF_INITIAL),
	    "tok: TF_INITIAL", "flags 0x%x", t.flags);
	t = tok1("ab\xff" "c", 0);
	ok(t.flags & TF_BADUTF8, "tok: TF_BADUTF8", "flags 0x%x", t.flags);
	t = tok1("2.5", 0);
	ok(t.flags & TF_DIGIT, "tok: number has TF_DIGIT", "flags 0x%x",
	    t.flags);

	tok_cover("\xe2\x80\x9cIt\xe2\x80\x99s over,\xe2\x80\x9d said "
	    "Gov. J. Ortiz (D-N.M.) at 10:30 a.m. \xe2\x80\x94 see "
	    "https://x.org/y. Mail a@b.com\xe2\x80\xa6 \xe2\x80\x98No\xe2"
	    "\x80\x99, they didn\xe2\x80\x99t!\xe2\x80\x99 \xc2\xa0 $3,000.",
	    "tok: tokens cover a mixed paragraph exactly");
	tok_cover("a \xff\xfe b\xe2\x82 \xe2\x80", "tok: cover bad bytes");

	is_num(abbrev_class("Mr", 2), ABBR_TITLE, "abbrev_class: Mr");
	is_num(abbrev_class("inc", 3), ABBR_ANY, "abbrev_class: inc");
	is_num(abbrev_class("vs", 2), ABBR_INNER, "abbrev_class: vs");
	is_num(abbrev_class("No", 2), ABBR_NUM, "abbrev_class: No");
	is_num(abbrev_class("e.g", 3), ABBR_INNER, "abbrev_class: e.g");
	is_num(abbrev_class("U.S", 3), ABBR_ANY, "abbrev_class: U.S");
	is_num(abbrev_class("plant", 5), ABBR_NONE, "abbrev_class: plant");
	is_num(abbrev_class("", 0), ABBR_NONE, "abbrev_class: empty");
	ok(is_multiperiod_abbrev("Ph.D", 4) && is_multiperiod_abbrev("a.m", 3),
	    "is_multiperiod_abbrev: Ph.D a.m", "not recognised");
	ok(!is_multiperiod_abbrev("example.com", 11) &&
	    !is_multiperiod_abbrev("US", 2) && !is_multiperiod_abbrev("2.5", 3),
	    "is_multiperiod_abbrev: example.com US 2.5", "recognised");
}

/* date_iso of s, or "-1". */
static const char *
iso(const char *s)
{
	static char out[DATE_ISOMAX];

	if (date_iso(s, strlen(s), out) == -1)
		return "-1";
	return out;
}

static void
test_date(void)
{
	is_str(iso("2025-03-12"), "2025-03-12", "date: ISO day");
	is_str(iso(" 2025-03-12 "), "2025-03-12", "date: space around");
	is_str(iso("2025-03-12T10:00:00Z"), "2025-03-12T10:00:00Z",
	    "date: ISO timestamp");
	is_str(iso("2025-03-12 10:00+01:00"), "2025-03-12T10:00+01:00",
	    "date: ISO with a space before the time");
	is_str(iso("2025/03/12"), "2025-03-12", "date: slashes");
	is_str(iso("Wed, 12 Mar 2025 10:00:00 +0000"), "2025-03-12",
	    "date: RFC 2822");
	is_str(iso("12 Mar 2025 10:00:00 GMT"), "2025-03-12",
	    "date: RFC 2822 without the weekday");
	is_str(iso("March 12, 2025"), "2025-03-12", "date: March 12, 2025");
	is_str(iso("12 March 2025"), "2025-03-12", "date: 12 March 2025");
	is_str(iso("Sept. 3, 2024"), "2024-09-03", "date: Sept. 3, 2024");
	is_str(iso("Dec 1st, 2024"), "2024-12-01", "date: Dec 1st, 2024");
	is_str(iso("March 12, 2025 3:15 p.m. EDT"), "2025-03-12",
	    "date: a 12-hour time after the day");
	is_str(iso("March 12, 2025, 10:00"), "2025-03-12",
	    "date: a comma and a time after the year");
	is_str(iso("Mar. 12, 2025 at 3:15 PM"), "2025-03-12",
	    "date: \"at\" and a time after the year");
	is_str(iso("Wednesday, March 12, 2025"), "2025-03-12",
	    "date: a weekday before the month");
	is_str(iso("March 12, 2025 and more"), "-1",
	    "date: words after the year");
	is_str(iso("2024-02-29"), "2024-02-29", "date: leap day");
	is_str(iso("2000-02-29"), "2000-02-29", "date: leap day in 2000");
	is_str(iso("2025-02-30"), "-1", "date: 2025-02-30 rejected");
	is_str(iso("2023-02-29"), "-1", "date: 2023-02-29 rejected");
	is_str(iso("1900-02-29"), "-1", "date: 1900-02-29 rejected");
	is_str(iso("2025-04-31"), "-1", "date: April 31 rejected");
	is_str(iso("2025-13-01"), "-1", "date: month 13 rejected");
	is_str(iso("2025-00-10"), "-1", "date: month 0 rejected");
	is_str(iso("March 32, 2025"), "-1", "date: March 32 rejected");
	is_str(iso("31 June 2025"), "-1", "date: 31 June rejected");
	is_str(iso("Smarch 3, 2025"), "-1", "date: unknown month");
	is_str(iso("2025-03-12junk"), "-1", "date: trailing junk");
	is_str(iso("2025-03-12T25:00"), "-1", "date: hour 25");
	is_str(iso("yesterday"), "-1", "date: a word");
	is_str(iso(""), "-1", "date: empty");
	is_str(iso("2025"), "-1", "date: a year alone");
	is_num(month_index("Sept", 4), 9, "month_index: Sept");
	is_num(month_index("mar", 3), 3, "month_index: mar");
	is_num(month_index("December", 8), 12, "month_index: December");
	is_num(month_index("Marc", 4), 0, "month_index: Marc");
	is_num(month_index("Ma", 2), 0, "month_index: Ma");
	ok(date_valid(2024, 12, 31) && !date_valid(0, 1, 1) &&
	    !date_valid(2024, 6, 0), "date_valid: bounds", "wrong");
	is_num(date_days(1970, 1, 1), 0, "date_days: the epoch");
	is_num(date_days(2000, 3, 1), 11017, "date_days: 2000-03-01");
	is_num(date_days(1969, 12, 31), -1, "date_days: before the epoch");
	{
		long z, y, m, d, bad = 0, prev = date_days(1599, 12, 31);

		/* every day of 1600..2400 once, in order, and back again */
		for (y = 1600; y <= 2400; y++)
			for (m = 1; m <= 12; m++)
				for (d = 1; d <= 31; d++) {
					long y2, m2, d2;

					if (!date_valid((int)y, (int)m, (int)d))
						continue;
					z = date_days(y, m, d);
					date_civil(z, &y2, &m2, &d2);
					bad += z != prev + 1 || y2 != y ||
					    m2 != m || d2 != d;
					prev = z;
				}
		is_num(bad, 0, "date_days, date_civil: 1600-2400 round trip");
	}
	{
		struct dateline dl;
		static const char a[] = "LONDON, June 3 (Reuters) - Shares fell.";
		static const char b[] = "EXCLUSIVE: Talks ended.";

		ok(dateline_find(a, sizeof(a) - 1, &dl) == 1 && dl.len == 27 &&
		    dl.agencylen == 7 && memcmp(a + dl.agency, "Reuters", 7) == 0 &&
		    !dl.colon, "dateline: place, date, agency, dash", "wrong");
		ok(dateline_find(b, sizeof(b) - 1, &dl) == 1 && dl.colon &&
		    dl.agencylen == 0, "dateline: a label before a colon",
		    "wrong");
		is_num(dateline_find("NASA said on Monday - it fell.", 30, &dl),
		    0, "dateline: not a sentence in capitals first");
		dateline_free();
	}
}

static void
test_lexicon(void)
{
	static const char text[] = "# a comment\nfoo\nbar\tbaz\r\n"
	    "foo\tsecond\n\nqux\tx y\nlast";
	struct lexicon *lx;

	lx = lex_load(text, sizeof(text) - 1);
	ok(lx != NULL, "lex_load: loads", "NULL");
	if (lx == NULL)
		return;
	is_num(lex_size(lx), 4, "lex_load: comments, blanks, dups skipped");
	is_str(lex_get(lx, "foo", 3), "", "lex_get: key without a value");
	is_str(lex_get(lx, "bar", 3), "baz", "lex_get: value, CR dropped");
	is_str(lex_get(lx, "qux", 3), "x y", "lex_get: value with a space");
	is_str(lex_get(lx, "last", 4), "", "lex_get: last line, no newline");
	ok(lex_get(lx, "fo", 2) == NULL && lex_get(lx, "food", 4) == NULL &&
	    lex_get(lx, "# a comment", 11) == NULL && lex_get(lx, "", 0) ==
	    NULL, "lex_get: absent keys", "found one");
	ok(lex_get(lx, "FOO", 3) == NULL, "lex_get: exact case", "found FOO");
	lex_free(lx);
	lx = lex_load("", 0);
	ok(lx != NULL && lex_size(lx) == 0 && lex_get(lx, "a", 1) == NULL,
	    "lex_load: empty text", "wrong");
	lex_free(lx);
	ok(lex_get(NULL, "a", 1) == NULL && lex_size(NULL) == 0,
	    "lex_get: NULL lexicon", "wrong");
	ok(lex_abbrev() != NULL && lex_size(lex_abbrev()) > 50,
	    "lex_abbrev: compiled in", "size %zu", lex_size(lex_abbrev()));
	is_str(lex_get(lex_abbrev(), "mr", 2), "title", "lex_abbrev: mr");
	ok(lex_abbrev() == lex_abbrev(), "lex_abbrev: loaded once",
	    "two tables");
	ok(lex_starters() != NULL && lex_get(lex_starters(), "The", 3) !=
	    NULL, "lex_starters: The", "absent");
}

/* sbd_text of s, the sentences folded and joined by " ||| ". */
static const char *
sents(const char *s)
{
	static char buf[4096];
	struct spanvec sv = { NULL, 0, 0 };
	size_t i, o = 0, n = strlen(s);

	buf[0] = '\0';
	if (n + 1 > sizeof(buf) / 2 || sbd_text(s, 0, n, &sv) == -1)
		return "(test too long, or out of memory)";
	for (i = 0; i < sv.n; i++) {
		struct span *p = &sv.v[i];

		if (p->end <= p->start || p->end > n || (i > 0 &&
		    p->start < sv.v[i - 1].end)) {
			snprintf(buf + o, sizeof(buf) - o, "(bad span %zu-%zu)",
			    p->start, p->end);
			spanvec_free(&sv);
			return buf;
		}
		if (i > 0) {
			memcpy(buf + o, " ||| ", 5);
			o += 5;
		}
		o += text_fold(buf + o, s + p->start, p->end - p->start);
	}
	buf[o] = '\0';
	spanvec_free(&sv);
	return buf;
}

static void
is_sents(const char *s, const char *want, const char *name)
{
	is_str(sents(s), want, name);
}

static void
test_sbd(void)
{
	struct spanvec sv = { NULL, 0, 0 };
	const char *s;

	is_sents("", "", "sbd: empty text");
	is_sents("  \n\n ", "", "sbd: only space");
	is_sents("The mill reopened. Workers came back.",
	    "The mill reopened. ||| Workers came back.", "sbd: two sentences");
	is_sents("Did it rain? It poured! Then it stopped",
	    "Did it rain? ||| It poured! ||| Then it stopped",
	    "sbd: ? and ! and no final mark");
	is_sents("The firm has two plants in the U.S. The company said "
	    "more would follow.", "The firm has two plants in the U.S. ||| "
	    "The company said more would follow.",
	    "sbd: U.S. ends a sentence");
	is_sents("She joined the U.S. Justice Department in 2019.",
	    "She joined the U.S. Justice Department in 2019.",
	    "sbd: U.S. before a name");
	is_sents("Jobs in the U.S. will go first.",
	    "Jobs in the U.S. will go first.", "sbd: U.S. before lower case");
	is_sents("Mr. Okafor met Gov. Lund and J. K. Varga on Monday.",
	    "Mr. Okafor met Gov. Lund and J. K. Varga on Monday.",
	    "sbd: titles and initials");
	is_sents("Shares rose 2.5 percent to $14.75 at 10:30 a.m. on Friday.",
	    "Shares rose 2.5 percent to $14.75 at 10:30 a.m. on Friday.",
	    "sbd: decimals and a.m. inside");
	is_sents("Voting ends at 8 p.m. Results come later.",
	    "Voting ends at 8 p.m. ||| Results come later.",
	    "sbd: p.m. ends a sentence");
	is_sents("\xe2\x80\x9cWe are done.\xe2\x80\x9d The talks ended.",
	    "\xe2\x80\x9cWe are done.\xe2\x80\x9d ||| The talks ended.",
	    "sbd: closing quote stays with its sentence");
	is_sents("The first line\nruns on here.\n\nA new paragraph\n\nAnd "
	    "more.", "The first line runs on here. ||| A new paragraph ||| "
	    "And more.", "sbd: blank lines end paragraphs");
	is_sents("Visit www.example.org. Or write to desk@example.org.",
	    "Visit www.example.org. ||| Or write to desk@example.org.",
	    "sbd: URL and e-mail address");

	is_sents("\xe2\x80\x9cThe water rose fast. We had minutes,\xe2\x80\x9d "
	    "she said.", "\xe2\x80\x9cThe water rose fast. ||| We had "
	    "minutes,\xe2\x80\x9d she said.",
	    "sbd: a quotation of two sentences splits inside");
	is_sents("She said: \xe2\x80\x9cGo home.\xe2\x80\x9d Then she left.",
	    "She said: \xe2\x80\x9cGo home.\xe2\x80\x9d ||| Then she left.",
	    "sbd: a period and closing quote, then more text");
	is_sents("The No. 5 train stopped. Riders walked.",
	    "The No. 5 train stopped. ||| Riders walked.", "sbd: No. 5");
	is_sents("The plant closed. (It had opened in 1990.) Workers left.",
	    "The plant closed. ||| (It had opened in 1990.) ||| Workers left.",
	    "sbd: a sentence in parentheses");
	is_sents("He paused... then went on.", "He paused... then went on.",
	    "sbd: an ellipsis before lower case");
	is_sents("A.J. Brandt said the vote was 5-4. Sen. Ortiz disagreed.",
	    "A.J. Brandt said the vote was 5-4. ||| Sen. Ortiz disagreed.",
	    "sbd: initials and Sen.");
	is_sents("Prices rose 3.5% in Jan. The bank met in Feb. to discuss it.",
	    "Prices rose 3.5% in Jan. ||| The bank met in Feb. to discuss it.",
	    "sbd: month abbreviations");

	/* spans are byte offsets into the text given, from a */
	s = "xx One. Two.";
	sbd_text(s, 3, strlen(s), &sv);
	ok(sv.n == 2 && sv.v[0].start == 3 && sv.v[0].end == 7 &&
	    sv.v[1].start == 8 && sv.v[1].end == 12,
	    "sbd: offsets exact from a", "n %zu, %zu-%zu", sv.n,
	    sv.n ? sv.v[0].start : 0, sv.n ? sv.v[0].end : 0);
	spanvec_free(&sv);
	s = "One.\r\n\r\nTwo.\r\n";
	sbd_text(s, 0, strlen(s), &sv);
	ok(sv.n == 2 && sv.v[0].start == 0 && sv.v[0].end == 4 &&
	    sv.v[1].start == 8 && sv.v[1].end == 12,
	    "sbd: CRLF paragraphs, offsets exact", "n %zu, %zu-%zu %zu-%zu",
	    sv.n, sv.n ? sv.v[0].start : 0, sv.n ? sv.v[0].end : 0,
	    sv.n > 1 ? sv.v[1].start : 0, sv.n > 1 ? sv.v[1].end : 0);
	spanvec_free(&sv);
}

/*
 * A pattern that backtracks without end on a subject it cannot match
 * stops at pcre2's match limit, and that is no match, not an error: the
 * same compiled pattern goes on matching the next subject.
 */
static void
test_re(void)
{
	static const char pat[] = "(a+)+$";
	char subj[64], err[200];
	struct re re;
	clock_t t0;
	double secs;
	int rc;

	if (!ok(re_compile(&re, pat, sizeof(pat) - 1, 0, err, sizeof(err)) ==
	    0, "re_compile: (a+)+$", "%s", err))
		return;
	memset(subj, 'a', 40);
	subj[40] = '!';
	t0 = clock();
	rc = re_match(&re, subj, 41, 0);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	is_num(rc, 0, "re_match: catastrophic backtracking is no match");
	ok(secs < 1, "re_match: the match limit stops it", "%.2f s", secs);
	is_num(re_match(&re, subj, 40, 0), 2, "re_match: then matches again");
	is_num((long long)re_end(&re, 0), 40, "re_match: the whole subject");
	re_free(&re);
}
