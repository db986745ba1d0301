/*
 * Time expressions to TIMEX3, the finding half.  A sentence is looked at
 * only if it holds a trigger word (a digit, a month, a weekday, a unit,
 * "now" ...).  Each rule of the grammar (data/timex.txt) is compiled on
 * its own, anchored; a try at a word start runs, in the grammar's order,
 * only the rules that can begin with its first word or two (found by
 * pcre2's partial matching of those bytes, then cached), and the first
 * that matches gives the extent.  timex_norm.c gives the value.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "re.h"
#include "timex_int.h"

extern const char data_timex[];
extern const unsigned long data_timex_len;

#define MAXRULES	128
#define MASKW		(MAXRULES / 64)
#define MAXMASKS	1024
#define WORDMAX		16
#define WTABSZ		4096
#define WINBACK		32	/* bytes before a match its lookbehinds see */
#define WINLEN		512	/* the subject pcre2 sees from there */
#define TRYKEY		29	/* bytes of a try's start that choose its rules */
#define TRYTABSZ	65536	/* two ways: the distinct starts of a big corpus */
#define BLOOMBITS	(1 << 16)
#define CH_ALPHA	1
#define CH_DIGIT	2

struct wslot {
	char		w[WORDMAX];
	unsigned char	len;
	unsigned short	flags;
};

/* the rules a try may run, by the exact bytes the try starts with */
struct tryent {
	unsigned short	mask;	/* 1 + index into masks; 0 all rules */
	unsigned char	len;
	char		key[TRYKEY];
};

struct buf {
	char	*s;
	size_t	 n, cap;
};

struct macro {
	char	 name[24];
	char	*pat;		/* with the macros before it written out */
};

/* the rules that can start with a word: one bit a rule */
struct rmask {
	uint64_t	b[MASKW];
};

static pcre2_code		*rulecode[MAXRULES];
static char			 ruletype[MAXRULES];
static int			 nrule;
/* a rule without the lookbehind it starts with: its partial matches
 * say where it can start */
static pcre2_code		*testcode[MAXRULES];
static struct rmask		 masks[MAXMASKS];
static size_t			 nmasks;
static struct tryent		 trytab[TRYTABSZ];
static pcre2_match_data		*md;
static pcre2_match_context	*mc;
static struct wslot		 wtab[WTABSZ];
static unsigned char		 chclass[256];	/* CH_ALPHA, CH_DIGIT: ASCII */
/* a bit per hash of the words the table holds: most words of a text
 * are rejected here without a probe */
static uint64_t			 bloom[BLOOMBITS / 64];
static struct sword		*swords;
static size_t			 nswords, capswords;
static int			 ready;

static const char *fut_words[] = { "will", "ll", "shall", "won", "going",
    "plans", "plan", "planning", "expected", "expects", "scheduled",
    "slated", "due", "would", "tomorrow", "upcoming", "hopes", "intends",
    "aims", "planned", "soon", "effective", "until", NULL };
static const char *past_words[] = { "was", "were", "had", "did", "said",
    "told", "ago", "yesterday", "last", "earlier", "came", "went", "took",
    "made", "met", "began", "rose", "fell", "lost", "saw", "gave", "got",
    "left", "held", "sold", "paid", "wrote", "spoke", "ran", "hit", "led",
    "announced", "reported", "brought", "bought", "thought", "found",
    "became", "sent", "kept", "grew", "knew", "chose", "fought",
    "built", "spent", "felt", "heard", "meant", "struck", "drew", "threw",
    "broke", "stood", "sat", "fled", "sank", "rang", "sang", "swore",
    "bore", "tore", "wore", "forgot", "ate", "drove", "rode", "flew",
    "hid", "dealt", "sought", "taught", "caught", "lent", "laid", "taken",
    "given", "written", "seen", "shown", "known", "spoken", "chosen",
    "broken", "driven", "fallen", "gone", "grown", "risen", "stolen",
    "thrown", "begun", "done", "since", "didn", "wasn", "weren", "hadn",
    NULL };
static const char *pres_words[] = { "is", "are", "says", "say", "now",
    NULL };
static const char *aux_words[] = { "is", "are", "be", "being", NULL };
/* a present tense that sets a time to come: "the match kicks off at 8
 * p.m. Saturday", "the law takes effect Jan. 1" */
static const char *sched_words[] = { "starts", "begins", "opens", "ends",
    "closes", "meets", "kicks", "resumes", "expires", "arrives", "leaves",
    "returns", "travels", "visits", "plays", "hosts", "heads", "launches",
    "convenes", "reopens", "debuts", "premieres", "takes", "goes",
    "begin", "resume", "arrive", "convene", "reopen", "expire", "meet",
    "travel", "play", "face", "host", "visit", NULL };
static const char *notnum_words[] = { "percent", "million", "billion",
    "trillion", "cents", "points", "shares", "people", "dollars", "yen",
    "marks", "pounds", "francs", "euros", "tons", "barrels", NULL };

static void	 buf_add(struct buf *, const char *, size_t);
static int	 expand(struct buf *, const char *, size_t, struct macro *,
		    int, char *, size_t);
static void	 word_add(const char *, size_t, int);
static struct wslot *word_find(const char *, size_t, uint64_t);
static uint64_t	 word_hash(const char *, size_t);
static unsigned short mask_of(const char *, size_t, const struct rmask *);

/* --- the grammar --------------------------------------------------- */

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t nc = (b->n + n + 1) * 2;
		char *ns;

		if ((ns = realloc(b->s, nc)) == NULL)
			abort();
		b->s = ns;
		b->cap = nc;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* Copy s[0..n) to b with {NAME} replaced by the macro's pattern. */
static int
expand(struct buf *b, const char *s, size_t n, struct macro *mac, int nmac,
    char *err, size_t errsz)
{
	size_t i = 0, j;
	int k;

	while (i < n) {
		if (s[i] == '{' && i + 1 < n && s[i + 1] >= 'A' &&
		    s[i + 1] <= 'Z') {
			for (j = i + 1; j < n && ((s[j] >= 'A' && s[j] <= 'Z') ||
			    (s[j] >= '0' && s[j] <= '9') || s[j] == '_'); j++)
				;
			if (j < n && s[j] == '}') {
				for (k = 0; k < nmac; k++)
					if (strlen(mac[k].name) == j - i - 1 &&
					    memcmp(mac[k].name, s + i + 1,
					    j - i - 1) == 0)
						break;
				if (k == nmac) {
					snprintf(err, errsz, "unknown macro "
					    "{%.*s}", (int)(j - i - 1), s + i + 1);
					return -1;
				}
				buf_add(b, "(?:", 3);
				buf_add(b, mac[k].pat, strlen(mac[k].pat));
				buf_add(b, ")", 1);
				i = j + 1;
				continue;
			}
		}
		buf_add(b, s + i, 1);
		i++;
	}
	return 0;
}

static void
word_add(const char *w, size_t n, int flags)
{
	uint64_t h;
	size_t i;

	if (n == 0 || n >= WORDMAX)
		return;
	h = word_hash(w, n);
	bloom[(h >> 20) % BLOOMBITS / 64] |= (uint64_t)1 << ((h >> 20) % 64);
	for (i = h & (WTABSZ - 1); wtab[i].len != 0; i = (i + 1) & (WTABSZ - 1))
		if (wtab[i].len == n && memcmp(wtab[i].w, w, n) == 0) {
			wtab[i].flags |= (unsigned short)flags;
			return;
		}
	memcpy(wtab[i].w, w, n);
	wtab[i].len = (unsigned char)n;
	wtab[i].flags = (unsigned short)flags;
}

/*
 * The table's entry for the word s[0..n) (ASCII letters, any case) whose
 * lower case hashes to h (word_hash()).
 */
static struct wslot *
word_find(const char *s, size_t n, uint64_t h)
{
	size_t i, k;

	if (n >= WORDMAX || !(bloom[(h >> 20) % BLOOMBITS / 64] &
	    ((uint64_t)1 << ((h >> 20) % 64))))
		return NULL;
	for (i = h & (WTABSZ - 1); wtab[i].len != 0; i = (i + 1) & (WTABSZ - 1))
		if (wtab[i].len == n) {
			for (k = 0; k < n && (s[k] | 0x20) == wtab[i].w[k]; k++)
				;
			if (k == n)
				return &wtab[i];
		}
	return NULL;
}

/*
 * The hash of a word of at most 15 bytes in lower case: its bytes as two
 * little-endian numbers, multiplied, so a word costs two multiplies.
 */
static uint64_t
word_hash(const char *s, size_t n)
{
	uint64_t a = 0, b = 0, h;
	size_t k;

	for (k = 0; k < n && k < 8; k++)
		a |= (uint64_t)(unsigned char)(s[k] | 0x20) << (8 * k);
	for (; k < n && k < 16; k++)
		b |= (uint64_t)(unsigned char)(s[k] | 0x20) << (8 * (k - 8));
	h = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL) ^ n;
	return h ^ (h >> 29);
}

/* word_hash() of s[0..n), n < 16, reading whole words of memory when
 * s[0..end) allows */
static inline uint64_t
word_hash_fast(const char *s, size_t n, size_t avail)
{
	uint64_t a, b = 0, h;

	if (avail < 16)
		return word_hash(s, n);
	memcpy(&a, s, 8);
	if (n > 8) {
		memcpy(&b, s + 8, 8);
		b = (b | 0x2020202020202020ULL) & (~0ULL >> (8 * (16 - n)));
	}
	a = (a | 0x2020202020202020ULL) & (n >= 8 ? ~0ULL : ~0ULL >>
	    (8 * (8 - n)));
	h = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL) ^ n;
	return h ^ (h >> 29);
}

/*
 * The mask of the rules that can match a text starting with the bytes
 * subj[0..len): pcre2 says so by a partial (or whole) match of them
 * alone.
 * Returns 1 + the mask's index, 0 when the table is full (all rules).
 */
static unsigned short
mask_of(const char *subj, size_t len, const struct rmask *within)
{
	struct rmask m;
	size_t i;
	int r;

	memset(&m, 0, sizeof(m));
	for (r = 0; r < nrule; r++) {
		int rc;

		if (!(within->b[r / 64] & ((uint64_t)1 << (r % 64))))
			continue;
		rc = pcre2_match(testcode[r] != NULL ? testcode[r] :
		    rulecode[r], (PCRE2_SPTR)subj, len, 0,
		    PCRE2_PARTIAL_HARD, md, mc);
		if (rc >= 0 || rc == PCRE2_ERROR_PARTIAL)
			m.b[r / 64] |= (uint64_t)1 << (r % 64);
	}
	for (i = 0; i < nmasks; i++)
		if (memcmp(&masks[i], &m, sizeof(m)) == 0)
			return (unsigned short)(i + 1);
	if (nmasks == MAXMASKS)
		return 0;
	masks[nmasks++] = m;
	return (unsigned short)nmasks;
}

/*
 * The rules that can match a text starting with s[0..n) and within a
 * set of rules, from a cache.
 */
static const struct rmask *
rules_for(const char *s, size_t n, const struct rmask *within)
{
	struct tryent *te;
	uint64_t h;

	if (n > TRYKEY)
		n = TRYKEY;
	h = hash_bytes(s, n);
	te = &trytab[h & (TRYTABSZ - 2)];
	if (te->len != n || memcmp(te->key, s, n) != 0)
		te++;
	if (te->len != n || memcmp(te->key, s, n) != 0) {
		/* the way to fill: by a bit of the hash no set index uses */
		te -= !((h >> 32) & 1);
		memcpy(te->key, s, n);
		te->len = (unsigned char)n;
		te->mask = mask_of(s, n, within);
	}
	return te->mask == 0 ? within : &masks[te->mask - 1];
}

static int
popcount(const struct rmask *m)
{
	int i, k = 0;

	for (i = 0; i < MASKW; i++)
		k += __builtin_popcountll(m->b[i]);
	return k;
}

/*
 * The rules a try at s[0..n) runs: those that can match a text starting
 * with its first word (a number's first digit only, so numbers make few
 * keys) and, when that leaves many, with the start of the next word too.
 */
static const struct rmask *
try_rules(const char *s, size_t n1, size_t n2)
{
	static struct rmask all;
	const struct rmask *m;

	memset(&all, 0xff, sizeof(all));
	m = rules_for(s, n1, &all);
	if (n2 > n1 && popcount(m) > 6)
		m = rules_for(s, n2, m);
	return m;
}

/* The end of the group that opens at p: the byte after its ")". */
static char *
group_end(char *p)
{
	int depth = 0, inclass = 0;

	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (inclass)
			inclass = *p != ']';
		else if (*p == '[')
			inclass = 1;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	return NULL;
}

int
timex_init(char *err, size_t errsz)
{
	/* strnlen: the embedded length may count padding after the NUL */
	const char *s = data_timex, *end = data_timex + strnlen(data_timex,
	    data_timex_len);
	struct macro mac[64];
	int nmac = 0, i, ec, rc = -1;
	struct buf one = { NULL, 0, 0 };
	unsigned long line = 0;
	char msg[200];
	PCRE2_SIZE off;

	if (ready)
		return 0;
	for (i = 0; i < 256; i++)
		chclass[i] = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') ?
		    CH_ALPHA : i >= '0' && i <= '9' ? CH_DIGIT : 0;
	{
		static const char **lists[] = { fut_words, past_words,
		    pres_words, aux_words, notnum_words, sched_words };
		static const int fl[] = { WF_FUT, WF_PAST, WF_PRES, WF_AUX,
		    WF_NOTNUM, WF_SCHED };
		const char **w;

		for (i = 0; i < (int)(sizeof(lists) / sizeof(lists[0])); i++)
			for (w = lists[i]; *w != NULL; w++)
				word_add(*w, strlen(*w), fl[i]);
	}
	md = pcre2_match_data_create(32, NULL);
	mc = pcre2_match_context_create(NULL);
	if (md == NULL || mc == NULL) {
		snprintf(err, errsz, "out of memory");
		goto done;
	}
	/* no input may make a rule backtrack for long */
	pcre2_set_match_limit(mc, 100000);
	pcre2_set_depth_limit(mc, 1000);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end, *p, *w;

		line++;
		if (e == s || *s == '#')
			goto next;
		if ((size_t)(e - s) > 4 && memcmp(s, "def ", 4) == 0) {
			for (p = s + 4; p < e && *p != ' '; p++)
				;
			if (nmac == 64 || p - s - 4 >= 24 || p == e) {
				snprintf(err, errsz, "timex.txt:%lu: bad def",
				    line);
				goto done;
			}
			memcpy(mac[nmac].name, s + 4, (size_t)(p - s - 4));
			mac[nmac].name[p - s - 4] = '\0';
			one.n = 0;
			buf_add(&one, "", 0);
			if (expand(&one, p + 1, (size_t)(e - p - 1), mac, nmac,
			    msg, sizeof(msg)) == -1) {
				snprintf(err, errsz, "timex.txt:%lu: %s", line,
				    msg);
				goto done;
			}
			if ((mac[nmac].pat = strdup(one.s)) == NULL) {
				snprintf(err, errsz, "out of memory");
				goto done;
			}
			nmac++;
		} else if ((size_t)(e - s) > 8 && (memcmp(s, "trigger ", 8) == 0 ||
		    memcmp(s, "prefix ", 7) == 0 || memcmp(s, "cross ", 6) == 0)) {
			int fl = *s == 't' ? WF_TRIGGER : *s == 'p' ? WF_PREFIX :
			    WF_PREFIX | WF_CROSS;

			for (p = memchr(s, ' ', (size_t)(e - s)); p < e; p = w) {
				while (p < e && *p == ' ')
					p++;
				for (w = p; w < e && *w != ' '; w++)
					;
				word_add(p, (size_t)(w - p), fl);
			}
		} else if ((size_t)(e - s) > 5 && memcmp(s, "rule ", 5) == 0) {
			static const char types[] = "DATE\0TIME\0DURATION\0SET\0ANY";
			static const char tc[] = "DTUSA";
			const char *t = types;
			char *q;
			int k;

			for (p = s + 5; p < e && *p != ' '; p++)
				;
			for (k = 0; k < 5; k++, t += strlen(t) + 1)
				if (strlen(t) == (size_t)(p - s - 5) &&
				    memcmp(t, s + 5, strlen(t)) == 0)
					break;
			if (k == 5 || nrule == MAXRULES || p == e) {
				snprintf(err, errsz, "timex.txt:%lu: bad rule",
				    line);
				goto done;
			}
			one.n = 0;
			buf_add(&one, "(?:", 3);
			if (expand(&one, p + 1, (size_t)(e - p - 1), mac, nmac,
			    msg, sizeof(msg)) == -1) {
				snprintf(err, errsz, "timex.txt:%lu: %s", line,
				    msg);
				goto done;
			}
			/* a match ends at a word end */
			buf_add(&one, ")(?![A-Za-z0-9])", 16);
			/* anchored when compiled: PCRE2_ANCHORED at match
			 * time would lose the JIT */
			rulecode[nrule] = pcre2_compile((PCRE2_SPTR)one.s, one.n,
			    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF |
			    PCRE2_CASELESS | PCRE2_ANCHORED, &ec, &off, NULL);
			if (rulecode[nrule] == NULL) {
				PCRE2_UCHAR ebuf[160];

				pcre2_get_error_message(ec, ebuf, sizeof(ebuf));
				snprintf(err, errsz, "timex.txt:%lu: %s", line,
				    (char *)ebuf);
				goto done;
			}
			(void)pcre2_jit_compile(rulecode[nrule],
			    PCRE2_JIT_COMPLETE);
			if (one.s[3] == '(' && one.s[4] == '?' &&
			    one.s[5] == '<' && (one.s[6] == '=' ||
			    one.s[6] == '!') && (q = group_end(one.s + 3)) !=
			    NULL) {
				/* "(?:" "(?<=...)" rest: the rest */
				memmove(one.s + 3, q, strlen(q) + 1);
				one.n = strlen(one.s);
				testcode[nrule] = pcre2_compile((PCRE2_SPTR)one.s,
				    one.n, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF |
				    PCRE2_CASELESS | PCRE2_ANCHORED, &ec, &off,
				    NULL);
			}
			ruletype[nrule++] = tc[k];
		} else {
			snprintf(err, errsz, "timex.txt:%lu: cannot read line",
			    line);
			goto done;
		}
next:
		s = e + 1;
	}
	ready = 1;
	rc = 0;
done:
	for (i = 0; i < nmac; i++)
		free(mac[i].pat);
	free(one.s);
	if (rc == -1)
		timex_free();
	return rc;
}

void
timex_free(void)
{
	int i;

	for (i = 0; i < nrule; i++) {
		pcre2_code_free(rulecode[i]);
		pcre2_code_free(testcode[i]);
		testcode[i] = NULL;
	}
	nrule = 0;
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	md = NULL;
	mc = NULL;
	free(swords);
	swords = NULL;
	nswords = capswords = 0;
	nmasks = 0;
	memset(trytab, 0, sizeof(trytab));
	memset(wtab, 0, sizeof(wtab));
	memset(bloom, 0, sizeof(bloom));
	ready = 0;
}

void
timexvec_free(struct timexvec *tv)
{
	free(tv->v);
	memset(tv, 0, sizeof(*tv));
}

const char *
timex_type_name(int t)
{
	static const char *names[] = { "DATE", "TIME", "DURATION", "SET" };

	return t >= 0 && t <= 3 ? names[t] : "DATE";
}

/* --- the sentence ---------------------------------------------------- */

static int
has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

static int
isalnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* After a number ending at j: 10:30, 6/14, 3 p.m., 5 pm, 4 in the. */
static int
clockish(const char *s, size_t n, size_t j)
{
	if (j < n && (s[j] == ':' || s[j] == '/' || s[j] == '-'))
		return 1;
	if (j < n && s[j] == ' ')
		j++;
	if (j + 1 < n && ((s[j] | 0x20) == 'a' || (s[j] | 0x20) == 'p') &&
	    (s[j + 1] == '.' || (s[j + 1] | 0x20) == 'm'))
		return 1;
	if (j + 1 < n && s[j] == 'o' && s[j + 1] == '\'')
		return 1;
	return j + 6 < n && memcmp(s + j, "in the", 6) == 0;
}

/* Is the word at s one that makes the number before it no time? */
static int
notnum(const char *s, size_t n)
{
	size_t j = 0;
	struct wslot *w;

	while (j < n && isalnum_ascii((unsigned char)s[j]))
		j++;
	return j < WORDMAX && (w = word_find(s, j, word_hash(s, j))) != NULL &&
	    (w->flags & WF_NOTNUM);
}

/*
 * Does the match s[c..e) end in a word of time capitalised inside the
 * sentence (on ABC's "This Week", "60 Minutes", "High Noon", "VOA
 * Today")?  Then it is a name.  Holidays end in Day or Eve, which are
 * not among these words.
 */
static int
titled(const char *s, size_t c, size_t e, int first)
{
	static const char *names[] = { "week", "weeks", "weekend", "minutes",
	    "hours", "days", "month", "months", "year", "years", "noon",
	    "midnight", "today", "tonight", "tomorrow", "yesterday", "now",
	    "morning", "afternoon", "evening", "night", NULL };
	const char **w;
	size_t b = e, k;

	if (first)
		return 0;
	while (b > c && isalnum_ascii((unsigned char)s[b - 1]))
		b--;
	if (s[b] < 'A' || s[b] > 'Z')
		return 0;
	for (w = names; *w != NULL; w++) {
		if (strlen(*w) != e - b)
			continue;
		for (k = 0; k < e - b && (s[b + k] | 0x20) == (*w)[k]; k++)
			;
		if (k == e - b)
			return 1;
	}
	return 0;
}

/*
 * Is word j "last" the verb: after a modal, "to" or "not" and before a
 * quantity ("will last two days", "to last several weeks", "could last
 * for years")?  The adjective ("last year", "the last two days") has a
 * determiner or a preposition before it, or a name after it.
 */
static int
last_verb(const char *s, const struct sword *v, size_t nv, size_t j)
{
	static const char *const before[] = { "to", "will", "would", "could",
	    "can", "may", "might", "should", "must", "ll", "d", "not", "t",
	    "and", "or", "only", "still", "also", "never", "cannot", "did",
	    "does", "do", NULL };
	static const char *const after[] = { "a", "an", "several", "few",
	    "many", "some", "about", "around", "nearly", "almost", "more",
	    "less", "over", "at", "up", "until", "till", "through", "into",
	    "beyond", "for", "longer", "just", "only", "another", "one", "two",
	    "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	    "twelve", "hours", "days", "weeks", "months", "years", "decades",
	    NULL };
	static const char *const last[] = { "last", NULL };
	char c;

	if (j == 0 || j + 1 >= nv || !timex_word_in(s, &v[j], last) ||
	    s[v[j].start] != 'l')
		return 0;
	c = s[v[j + 1].start];
	return timex_word_in(s, &v[j - 1], before) && ((c >= '0' && c <= '9') ||
	    timex_word_in(s, &v[j + 1], after));
}

/*
 * Is the match s[c..e), starting at word j, a rate after an amount ("$500
 * million a year", "700 seats a week", "5 percent a year"): "a" or
 * "per" and a unit, after a number and at most one word?  Rates are no
 * time expressions; "twice a week" matched before it gets here.
 */
static int
rate(const char *s, const struct sword *v, size_t j, size_t c, size_t e)
{
	static const char *const art[] = { "a", "an", "per", NULL };
	static const char *const units[] = { "year", "month", "week", "day",
	    "hour", "minute", "quarter", NULL };
	size_t k;

	if (j == 0 || !timex_word_in(s, &v[j], art) || v[j + 1].end != e ||
	    !timex_word_in(s, &v[j + 1], units) || c != v[j].start)
		return 0;
	for (k = j; k-- > 0 && j - k <= 2; ) {
		const char *w = s + v[k].start;
		size_t n = v[k].end - v[k].start, i;

		/* 3 points, a week after: no rate across a stop */
		for (i = v[k].end; i < v[k + 1].start; i++)
			if (s[i] == ',' || s[i] == ';' || s[i] == ':' ||
			    s[i] == '.')
				return 0;
		for (i = 0; i < n && !(w[i] >= '0' && w[i] <= '9'); i++)
			;
		if (i < n)
			return 1;
		if (!(w[0] >= 'a' && w[0] <= 'z'))
			return 0;
	}
	return 0;
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/*
 * The end of the word of ASCII letters and digits that starts at s[i],
 * eight bytes a step: a byte-wise loop mispredicts its exit once a word.
 * *dig tells whether the word holds a digit.
 */
static inline size_t
word_end(const char *s, size_t i, size_t n, int *dig)
{
	uint64_t v, x, l, alnum, digit, stop;
	size_t j = i;
	int c;

	*dig = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (j + 8 <= n) {
		memcpy(&v, s + j, 8);
		x = v & ~HIGHS;			/* no carry out of a byte */
		l = x | 0x20 * ONES;
		alnum = (l + (0x80 - 'a') * ONES) & ~(l + (0x80 - 'z' - 1) *
		    ONES);
		digit = (x + (0x80 - '0') * ONES) & ~(x + (0x80 - '9' - 1) *
		    ONES);
		alnum = (alnum | digit) & ~v & HIGHS;
		digit &= ~v & HIGHS;
		stop = ~alnum & HIGHS;
		if (stop != 0) {
			/* little-endian bytes: the first stop is the lowest */
			stop &= -stop;
			if (digit & (stop - 1))
				*dig = 1;
			return j + (size_t)(__builtin_ctzll(stop) >> 3);
		}
		if (digit != 0)
			*dig = 1;
		j += 8;
	}
#endif
	for (; j < n && (c = chclass[(unsigned char)s[j]]) != 0; j++)
		if (c & CH_DIGIT)
			*dig = 1;
	return j;
}

static int
push(struct timexvec *tv, const struct timex *x)
{
	if (tv->n == tv->cap) {
		size_t nc = tv->cap ? tv->cap * 2 : 16;
		struct timex *nv;

		if ((nv = reallocarray(tv->v, nc, sizeof(*nv))) == NULL)
			return -1;
		tv->v = nv;
		tv->cap = nc;
	}
	tv->v[tv->n++] = *x;
	return 0;
}

/*
 * Find and normalise the time expressions of one sentence (white space
 * folded).  Returns 0, or -1 when out of memory.
 */
int
timex_sentence(struct timex_state *st, const char *s, size_t n,
    struct timexvec *tv)
{
	size_t i = 0, w, pos = 0, tried = 0;
	struct swords sw;
	int any = 0;

	tv->n = 0;
	nswords = 0;
	st->prevend = SIZE_MAX;
	while (i < n) {
		struct wslot *ws;
		uint64_t h;
		size_t j;
		int dig = 0, fl, all;

		if (chclass[(unsigned char)s[i]] == 0) {
			i++;
			continue;
		}
		j = word_end(s, i, n, &dig);
		all = 0;
		if (!dig && j - i < WORDMAX) {
			h = word_hash_fast(s + i, j - i, n - i);
			/* the bloom filter here, so most words cost no call */
			if ((bloom[(h >> 20) % BLOOMBITS / 64] & ((uint64_t)1 <<
			    ((h >> 20) % 64))) && (ws = word_find(s + i, j - i,
			    h)) != NULL)
				all = ws->flags;
		}
		fl = dig ? WF_TRIGGER | WF_PREFIX : all & (WF_TRIGGER |
		    WF_PREFIX | WF_CROSS);
		/* $5, 5%, 5 million: numbers that are no time */
		if (dig && ((i > 0 && s[i - 1] == '$') || (j < n &&
		    s[j] == '%') || (j + 1 < n && s[j] == ' ' &&
		    isalnum_ascii((unsigned char)s[j + 1]) && notnum(s + j + 1,
		    n - j - 1))))
			fl = WF_PREFIX;
		/* the possessive 's: inside an expression, never first */
		else if (!dig && j - i == 1 && (s[i] | 0x20) == 's' && i >= 2 &&
		    s[i - 1] == '\'' && isalnum_ascii((unsigned char)s[i - 2]))
			fl = WF_PREFIX | WF_CROSS;
		/*
		 * A bare number of one to three digits is a time only
		 * with a unit or month after it, which triggers anyway,
		 * or as a clock time or a date in numbers.
		 */
		else if (dig && j - i <= 3 && all_digits(s + i, j - i) &&
		    !clockish(s, n, j))
			fl = WF_PREFIX;
		if (nswords == capswords) {
			size_t nc = capswords ? capswords * 2 : 64;
			struct sword *nw;

			if ((nw = reallocarray(swords, nc, sizeof(*nw))) == NULL)
				return -1;
			swords = nw;
			capswords = nc;
		}
		swords[nswords].start = i;
		swords[nswords].end = j;
		/* the tense flags for the normaliser, the scan's for the scan */
		swords[nswords].flags = fl | (all & ~(WF_TRIGGER | WF_PREFIX |
		    WF_CROSS));
		nswords++;
		any |= fl & WF_TRIGGER;
		i = j;
	}
	if (!any)
		return 0;
	sw.v = swords;
	sw.n = nswords;
	for (w = 0; w < nswords; w++) {
		size_t k, j, base, wlen, e;

		if (!(swords[w].flags & WF_TRIGGER) || swords[w].start < pos)
			continue;
		/* back over the modifiers the expression may start with */
		for (k = w; k > 0 && w - k < 6 && swords[k - 1].start >= pos &&
		    (swords[k - 1].flags & WF_PREFIX) &&
		    swords[k].start - swords[k - 1].end <= 3; k--)
			;
		if (k < tried)
			k = tried;	/* an anchored try gives what it gave */
		for (j = k; j <= w; j++) {
			size_t c = swords[j].start;
			const struct rmask *rm;
			struct timex x;
			size_t key, key2;
			int r, q;
			PCRE2_SIZE *ov;

			if ((swords[j].flags & WF_CROSS) ||
			    last_verb(s, swords, nswords, j))
				continue;
			/* the bytes that choose the rules: see try_rules() */
			key = key2 = has_digit(s + c, swords[j].end - c) ? c +
			    1 + (s[c] == '\'') : swords[j].end;
			/* the next word whole if the grammar knows it, else
			 * its first byte: words outside the grammar make few
			 * keys */
			if (key == swords[j].end && j + 1 < nswords &&
			    swords[j + 1].start - key <= 2)
				key2 = swords[j + 1].flags & (WF_PREFIX |
				    WF_TRIGGER) && !has_digit(s +
				    swords[j + 1].start, swords[j + 1].end -
				    swords[j + 1].start) ? swords[j + 1].end :
				    swords[j + 1].start + 1;
			if (c > 0 && s[c - 1] == '\'' && s[c] <= '9' &&
			    (c == 1 || !isalnum_ascii((unsigned char)s[c - 2])))
				c--;
			else if (c > 0 && (s[c - 1] == '$' || (s[c] <= '9' &&
			    c > 1 && (s[c - 1] == '.' || s[c - 1] == ',' ||
			    s[c - 1] == ':' || s[c - 1] == '/' ||
			    s[c - 1] == '-') && isalnum_ascii(
			    (unsigned char)s[c - 2]))))
				continue;
			/* an article inside a compound: once-in-a-century */
			else if (c > 1 && s[c - 1] == '-' &&
			    isalnum_ascii((unsigned char)s[c - 2]) &&
			    (s[c] | 0x20) == 'a' && (swords[j].end == c + 1 ||
			    (swords[j].end == c + 2 &&
			    (s[c + 1] | 0x20) == 'n')))
				continue;
			/*
			 * A window of the sentence as the subject: no
			 * expression is longer, and pcre2's work per call
			 * then stays bounded in long sentences.
			 */
			base = c > WINBACK ? c - WINBACK : 0;
			wlen = n - base > WINLEN ? WINLEN : n - base;
			tried = j + 1;
			rm = try_rules(s + c, key - c, key2 - c);
			for (q = 0, r = -1; q < MASKW && r < 0; q++) {
				uint64_t m = rm->b[q];

				while (m != 0) {
					int b = __builtin_ctzll(m);

					m &= m - 1;
					if (q * 64 + b >= nrule)
						break;
					if (pcre2_jit_match(rulecode[q * 64 + b],
					    (PCRE2_SPTR)s + base, wlen, c - base,
					    0, md, mc) >= 0) {
						r = q * 64 + b;
						break;
					}
				}
			}
			if (r < 0)
				continue;
			ov = pcre2_get_ovector_pointer(md);
			e = base + ov[1];
			if (e <= c || titled(s, c, e, j == 0) ||
			    (j + 1 < nswords && rate(s, swords, j, c, e)))
				continue;
			if (timex_normalise(st, s, n, c, e, ruletype[r], &sw,
			    &x) == -1)
				continue;
			if (st->ref.gran == 'D' && st->ref.y && st->ref.m &&
			    st->ref.d)
				st->lastday = st->ref;
			if (push(tv, &x) == -1)
				return -1;
			pos = e;
			break;
		}
	}
	return 0;
}
