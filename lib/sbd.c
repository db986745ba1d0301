/*
 * Sentence boundaries.  Candidates are . ! ? and the ellipsis; each is
 * judged on the word before it (number, abbreviation, initial, plain
 * word), the marks after it (closing quotes and brackets) and the word
 * that follows (lower case, a digit, a sentence starter, a name).  Lists
 * ("1.) a 2.) b", "• x • y") and short unpunctuated lines force
 * boundaries of their own.  Dashes end broken-off speech; a sentence
 * that opens with a valediction, a salutation or a part label ends at
 * its comma or colon; a series of clauses joined by semicolons is split
 * at each when the sentence is emitted.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lexicon.h"
#include "sbd.h"
#include "tok.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum nextkind { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_OTHER };

struct para {
	const char	*s;
	size_t		 a, b;		/* the paragraph: s[a..b) */
	unsigned char	*mark;		/* per byte of the paragraph */
	int		 items;		/* some byte is marked M_ITEM */
	int		 titles;	/* "Two Parts:" names two titles */
};

/* Bytes the main loop stops at: . ! ? - and the lead byte of … — – */
static const unsigned char stop[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, ['-'] = 1, [0xe2] = 1
};

/*
 * The first byte at or after i, before n, that is one of the k bytes
 * in set (and so in tab); n if none.  Sixteen bytes a step with SSE2.
 */
static size_t
scan(const char *s, size_t i, size_t n, const unsigned char *tab,
    const char *set, int k)
{
#ifdef __SSE2__
	__m128i c[5];
	int j;

	for (j = 0; j < k; j++)
		c[j] = _mm_set1_epi8(set[j]);
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i m = _mm_cmpeq_epi8(v, c[0]);
		int mask;

		for (j = 1; j < k; j++)
			m = _mm_or_si128(m, _mm_cmpeq_epi8(v, c[j]));
		if ((mask = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
		i += 16;
	}
#else
	(void)set;
	(void)k;
#endif
	while (i < n && !tab[(unsigned char)s[i]])
		i++;
	return i;
}

#define M_ITEM	0x01	/* a list item starts here */
#define M_NODOT	0x02	/* this period belongs to a list marker */

int
spanvec_push(struct spanvec *sv, size_t start, size_t end)
{
	if (sv->n == sv->cap) {
		size_t nc = sv->cap ? sv->cap * 2 : 64;
		struct span *nv;

		if ((nv = reallocarray(sv->v, nc, sizeof(*nv))) == NULL)
			return -1;
		sv->v = nv;
		sv->cap = nc;
	}
	sv->v[sv->n].start = start;
	sv->v[sv->n].end = end;
	sv->n++;
	return 0;
}

void
spanvec_free(struct spanvec *sv)
{
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* Length of white space at s[i], 0 if none (ASCII and U+00A0). */
static size_t
space_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

static inline size_t
skip_space(const char *s, size_t n, size_t i)
{
	size_t l;

	while (i < n && (l = space_len(s, n, i)) > 0)
		i += l;
	return i;
}

/* A three-byte sequence E2 80 x at s[i]? */
static int
e280(const char *s, size_t n, size_t i, unsigned char x)
{
	return i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == x;
}

/* Closing quote or bracket at s[i]: its length, else 0. */
static size_t
closer_len(const char *s, size_t n, size_t i)
{
	switch (s[i]) {
	case '"': case '\'': case ')': case ']': case '}':
		return 1;
	}
	if (e280(s, n, i, 0x9d) || e280(s, n, i, 0x99) || e280(s, n, i, 0xba))
		return 3;
	if ((unsigned char)s[i] == 0xc2 && i + 1 < n &&
	    (unsigned char)s[i + 1] == 0xbb)
		return 2;
	return 0;
}

/* Opening quote or bracket at s[i]: its length, else 0. */
static size_t
opener_len(const char *s, size_t n, size_t i)
{
	switch (s[i]) {
	case '"': case '\'': case '(': case '[': case '{': case '`':
		return 1;
	}
	if (e280(s, n, i, 0x9c) || e280(s, n, i, 0x98) || e280(s, n, i, 0xb9))
		return 3;
	if ((unsigned char)s[i] == 0xc2 && i + 1 < n &&
	    (unsigned char)s[i + 1] == 0xab)
		return 2;
	return 0;
}

/* A bullet at s[i]: its length, else 0. */
static size_t
bullet_len(const char *s, size_t n, size_t i)
{
	if (e280(s, n, i, 0xa2) || e280(s, n, i, 0xa3))		/* • ‣ */
		return 3;
	if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x81 &&
	    (unsigned char)s[i + 2] == 0x83)			/* ⁃ */
		return 3;
	if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x96 &&
	    (unsigned char)s[i + 2] == 0xaa)			/* ▪ */
		return 3;
	if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x97 &&
	    (unsigned char)s[i + 2] == 0xa6)			/* ◦ */
		return 3;
	return 0;
}

static int
isdigit_ascii(char c)
{
	return c >= '0' && c <= '9';
}

/* What follows position i: the first letter or digit past openers. */
static enum nextkind
next_kind(const char *s, size_t n, size_t i, int *opened, size_t *wstart)
{
	size_t l;
	int32_t cp;

	*opened = 0;
	i = skip_space(s, n, i);
	while (i < n && (l = opener_len(s, n, i)) > 0) {
		/* 1 for a quotation mark, 2 for a bracket */
		*opened = strchr("([{", s[i]) != NULL ? 2 : 1;
		i += l;
	}
	*wstart = i;
	if (i >= n)
		return NX_END;
	utf8_decode(s + i, n - i, &cp);
	if (uc_islower(cp))
		return NX_LOWER;
	if (uc_isupper(cp))
		return NX_UPPER;
	if (uc_isdigit(cp))
		return NX_DIGIT;
	if (uc_isalpha(cp))	/* letters without case */
		return NX_UPPER;
	return NX_OTHER;
}

/* Is the word at s[i] a sentence starter (The, However, Mr.)? */
static int
is_starter(const char *s, size_t n, size_t i)
{
	size_t e = i;

	while (e < n && ((s[e] >= 'a' && s[e] <= 'z') ||
	    (s[e] >= 'A' && s[e] <= 'Z')))
		e++;
	if (e == i || e - i > 20)
		return 0;
	/* a word, not the start of a longer token (I'm is fine, IBM not) */
	if (e < n && isdigit_ascii(s[e]))
		return 0;
	if (lex_get(lex_starters(), s + i, e - i) != NULL)
		return !(e - i == 1 && s[i] == 'A' && e < n && s[e] == '.');
	if (e < n && s[e] == '.' && abbrev_class(s + i, e - i) == ABBR_TITLE)
		return 1;
	return 0;
}

/* Skip citation marks after a sentence end: [6] [12, 13] [...] */
static size_t
citations(const char *s, size_t n, size_t k)
{
	for (;;) {
		size_t j = k, d = 0;

		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j >= n || s[j] != '[')
			return k;
		for (j++; j < n && j - k < 16 && (isdigit_ascii(s[j]) ||
		    s[j] == ',' || s[j] == ' ' || s[j] == '-'); j++)
			d += isdigit_ascii(s[j]);
		if (j >= n || s[j] != ']' || d == 0)
			return k;
		k = j + 1;
	}
}

/*
 * Does a word that can open a sentence start at s[i], glued to the
 * mark before it: a capital and lower case (Neither), or I, either
 * maybe with a contraction (You'll, I'm), then white space, a comma or
 * the end?  Not a file name or a host (index.Html has no space after).
 */
static int
glued_word(const char *s, size_t n, size_t i)
{
	size_t e = i;

	if (e >= n || s[e] < 'A' || s[e] > 'Z')
		return 0;
	for (e++; e < n && s[e] >= 'a' && s[e] <= 'z'; e++)
		;
	if (e - i < 2 && s[i] != 'I')
		return 0;
	if (e < n && (s[e] == '\'' || e280(s, n, e, 0x99))) {
		size_t q = e + (s[e] == '\'' ? 1 : 3), z = q;

		while (z < n && z - q < 3 && s[z] >= 'a' && s[z] <= 'z')
			z++;
		if (z == q || z - q > 2)
			return 0;
		e = z;
	}
	return e >= n || space_len(s, n, e) > 0 || s[e] == ',';
}

/*
 * A period glued to the next sentence: a lower-case word of two or more
 * letters, the period, then a capitalised word that is not a file name
 * or a host (wonders.Neither, not example.Com or index.Html).
 */
static int
glued_start(struct para *p, size_t i)
{
	const char *s = p->s;
	size_t n = p->b, w = i, e = i + 1;

	while (w > p->a && s[w - 1] >= 'a' && s[w - 1] <= 'z')
		w--;
	if (i - w < 2 || (w > p->a && space_len(s, n, w - 1) == 0 &&
	    s[w - 1] != '"' && s[w - 1] != '('))
		return 0;
	return glued_word(s, n, e);
}

/*
 * Skip a bracketed omission mark after a sentence end: in "for all!
 * [...]" the mark belongs to the sentence it follows, unless lower case
 * goes on after it ("[...] and then", where it opens the next).
 */
static size_t
omission(const char *s, size_t n, size_t k)
{
	size_t j = k, e;
	int dots = 0;

	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j == k || j >= n || s[j] != '[')
		return k;
	for (e = j + 1; e < n; ) {
		if (s[e] == '.')
			dots++, e++;
		else if (e280(s, n, e, 0xa6))
			dots += 3, e += 3;
		else if (s[e] == ' ' && dots > 0)
			e++;
		else
			break;
	}
	if (dots < 3 || e >= n || s[e] != ']')
		return k;
	e++;
	if (e < n && space_len(s, n, e) == 0)
		return k;
	if (next_kind(s, n, e, &(int){ 0 }, &(size_t){ 0 }) == NX_LOWER)
		return k;
	return e;
}

/* Skip smileys that close a sentence: "I love it. :)" */
static size_t
emoticons(const char *s, size_t n, size_t k)
{
	size_t j = k, e;

	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j + 1 >= n || (s[j] != ':' && s[j] != ';'))
		return k;
	e = j + 1;
	if (e < n && s[e] == '-')
		e++;
	if (e >= n || strchr(")(PpDdOo/|]", s[e]) == NULL)
		return k;
	e++;
	while (e < n && (s[e] == ')' || s[e] == '('))
		e++;
	if (e < n && space_len(s, n, e) == 0)
		return k;
	return e;
}

/* Is the code point before i (not before a) a letter? */
static int
uc_isalpha_at(const char *s, size_t a, size_t i)
{
	int32_t cp;
	size_t p = utf8_prev(s, i);

	if (p < a)
		return 0;
	utf8_decode(s + p, i - p, &cp);
	return uc_isalpha(cp);
}

/* Does the word ending at i start with a capital (Yahoo!)? */
static int
capword_before(const char *s, size_t a, size_t i)
{
	size_t w = i;
	int32_t cp;

	while (w > a && (s[w - 1] == '!' || s[w - 1] == '?'))
		w--;
	i = w;
	while (w > a && s[w - 1] != ' ' && s[w - 1] != '\n')
		w--;
	if (w == i)
		return 0;
	utf8_decode(s + w, i - w, &cp);
	return uc_isupper(cp);
}

/*
 * A plain word before a period: letters only, two or more, not all
 * capitals and not an unknown short abbreviation like "approx".
 */
static int
plain_word(const char *s, size_t a, size_t i)
{
	size_t k, letters = 0;

	for (k = a; k < i; k++) {
		unsigned char c = (unsigned char)s[k];

		if ((c >= 'a' && c <= 'z') || c >= 0x80 || c == '\'')
			letters++;
		else if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c == ')' || c == '"')
			continue;
		else
			return 0;
	}
	return letters >= 2;
}

/* Does a company suffix (Inc Co Corp Ltd) stand at s[0..n)? */
static int
is_corp(const char *s, size_t n)
{
	char low[8];
	const char *v;
	size_t i;

	if (n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	return (v = lex_get(lex_abbrev(), low, n)) != NULL &&
	    strcmp(v, "corp") == 0;
}

/*
 * Is the capitalised word at s[i] followed by a verb that opens a
 * predicate (Terms were, Shares fell)?  Then it starts a sentence.
 */
static int
verb_follows(const char *s, size_t n, size_t i)
{
	static const char *aux[] = {
		"are", "can", "could", "did", "does", "had", "has", "have",
		"is", "may", "might", "must", "said", "says", "should", "was",
		"were", "will", "would"
	};
	size_t e, k;

	while (i < n && s[i] != ' ')
		i++;
	i = skip_space(s, n, i);
	for (e = i; e < n && s[e] >= 'a' && s[e] <= 'z'; e++)
		;
	if (e == i || (e < n && s[e] != ' ' && s[e] != ','))
		return 0;
	for (k = 0; k < sizeof(aux) / sizeof(aux[0]); k++)
		if (strlen(aux[k]) == e - i && memcmp(aux[k], s + i, e - i) == 0)
			return 1;
	return 0;
}

/* a.m. p.m. A.M. P.M. (the word before the final period) */
static int
is_clock(const char *s, size_t n)
{
	return n == 3 && (s[0] == 'a' || s[0] == 'p' || s[0] == 'A' ||
	    s[0] == 'P') && s[1] == '.' && (s[2] == 'm' || s[2] == 'M');
}

/*
 * After a clock time, a capitalised word then a lower-case one starts
 * a clause ("8 p.m. Results come later"), unless the word is a day,
 * a month or a time zone ("8 p.m. Monday in", "8 p.m. Eastern time").
 */
static int
clause_follows(const char *s, size_t n, size_t i)
{
	static const char *when[] = {
		"Atlantic", "Central", "Eastern", "Mountain", "Pacific",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		"Saturday", "Sunday", "Today", "Tonight", "Tomorrow",
		"Yesterday"
	};
	size_t e, k;

	for (e = i; e < n && ((s[e] >= 'a' && s[e] <= 'z') ||
	    (s[e] >= 'A' && s[e] <= 'Z')); e++)
		;
	if (e - i < 2 || e >= n || s[e] != ' ' || month_index(s + i,
	    e - i) > 0)
		return 0;
	for (k = 1; k < e - i; k++)
		if (s[i + k] < 'a' || s[i + k] > 'z')
			return 0;	/* EST, McCain */
	for (k = 0; k < sizeof(when) / sizeof(when[0]); k++)
		if (strlen(when[k]) == e - i && memcmp(when[k], s + i, e - i) == 0)
			return 0;
	e = skip_space(s, n, e);
	return e < n && s[e] >= 'a' && s[e] <= 'z';
}

/* Words (runs of non-space) in s[a..i). */
static size_t
count_words(const char *s, size_t n, size_t a, size_t i)
{
	size_t w = 0;
	int in = 0;

	for (; a < i; a++) {
		if (space_len(s, n, a) > 0)
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Is s[a..e) a number: digits with . , inside, maybe a leading $? */
static int
is_number(const char *s, size_t a, size_t e)
{
	int digit = 0;

	for (; a < e; a++) {
		if (isdigit_ascii(s[a]))
			digit = 1;
		else if (s[a] != '.' && s[a] != ',' && s[a] != '$' &&
		    s[a] != '%' && s[a] != '-')
			return 0;
	}
	return digit;
}

/*
 * Find list items: markers "1." "1)" "1.)" "a." or a bullet, at the
 * start of the paragraph or after white space, numbered in sequence.
 */
static void
find_lists(struct para *p)
{
	static const unsigned char mstop[256] = {
		['.'] = 1, [')'] = 1, [0xe2] = 1
	};
	const char *s = p->s;
	size_t n = p->b, i, bl;
	long prevval = -1;
	size_t prevpos = 0, prevdot = 0;
	int prevalpha = 0;

	/* every marker holds a '.' or ')', every bullet starts with E2 */
	for (i = p->a; i < n; i++) {
		size_t start, j, dot = 0;
		long val = 0;
		int alpha = 0;
		unsigned char pc;

		i = scan(s, i, n, mstop, ".)\xe2", 3);
		if (i >= n)
			break;
		if ((bl = bullet_len(s, n, i)) > 0) {
			/* a bullet after text starts an item */
			if (i > p->a && space_len(s, n, i - 1) > 0)
				p->mark[i - p->a] |= M_ITEM, p->items = 1;
			i += bl - 1;
			continue;
		}
		if (s[i] == (char)0xe2)
			continue;
		/* back over the number or letter before the mark */
		start = i;
		while (start > p->a && i - start < 3 &&
		    isdigit_ascii(s[start - 1]))
			start--;
		if (start == i) {
			if (start > p->a && s[start - 1] >= 'a' &&
			    s[start - 1] <= 'z') {
				start--;
				val = s[start] - 'a' + 1;
				alpha = 1;
			} else
				continue;
		} else
			for (j = start; j < i; j++)
				val = val * 10 + (s[j] - '0');
		/* ... after white space, a bullet or the paragraph start */
		if (start > p->a) {
			pc = (unsigned char)s[start - 1];
			if (pc != ' ' && pc != '\n' && pc != '\t' && pc != '\r' &&
			    pc != 0xa0 && !(pc >= 0x80 && start >= p->a + 3 &&
			    bullet_len(s, n, start - 3) > 0))
				continue;
		}
		j = i;
		if (s[j] == '.') {
			dot = j;
			j++;
			if (j < n && s[j] == ')')
				j++;
		} else
			j++;
		i = j - 1;
		if (j >= n || space_len(s, n, j) == 0)
			continue;
		if (next_kind(s, n, j, &(int){ 0 }, &(size_t){ 0 }) != NX_UPPER)
			continue;
		/* "• 9. item": the item starts at the bullet */
		{
			size_t b = start;

			while (b > p->a && space_len(s, n, b - 1) > 0)
				b--;
			if (b >= p->a + 3 && bullet_len(s, n, b - 3) > 0)
				start = b - 3;
		}
		/* a second item in sequence confirms both */
		if (prevval >= 0 && val == prevval + 1 && alpha == prevalpha) {
			p->mark[prevpos - p->a] |= M_ITEM;
			if (prevdot)
				p->mark[prevdot - p->a] |= M_NODOT;
			p->mark[start - p->a] |= M_ITEM;
			p->items = 1;
			if (dot)
				p->mark[dot - p->a] |= M_NODOT;
		}
		prevval = val;
		prevpos = start;
		prevdot = dot;
		prevalpha = alpha;
	}
}

/*
 * A figure or table label before its caption: "... engagement. Figure
 * 1.5 Residents of the town ..." ends after the label's number.
 */
static void
find_captions(struct para *p)
{
	static const unsigned char ft[256] = { ['F'] = 1, ['T'] = 1 };
	const char *s = p->s;
	size_t n = p->b, i = p->a;

	/* one SSE2 pass over the capitals F and T */
	while ((i = scan(s, i, n, ft, "FT", 2)) < n) {
		size_t e = i, d;
		int opened;

		if (n - i > 7 && memcmp(s + i, "Figure ", 7) == 0)
			e += 7;
		else if (n - i > 6 && memcmp(s + i, "Table ", 6) == 0)
			e += 6;
		else if (n - i > 5 && memcmp(s + i, "Fig. ", 5) == 0)
			e += 5;
		i++;
		if (e == i - 1)
			continue;
		d = e;
		while (e < n && (isdigit_ascii(s[e]) || (s[e] == '.' &&
		    e + 1 < n && isdigit_ascii(s[e + 1]))))
			e++;
		if (e == d || e >= n || s[e] != ' ')
			continue;
		if (next_kind(s, n, e, &opened, &(size_t){ 0 }) == NX_UPPER &&
		    !opened) {
			p->mark[skip_space(s, n, e) - p->a] |= M_ITEM;
			p->items = 1;
		}
	}
}

/*
 * E-mail headers flattened into text: "Kay Mann 04/26/2001 07:17 AM
 * Will you be" holds three sentences; the time stamp stands alone.
 */
static void
find_stamps(struct para *p)
{
	const char *s = p->s;
	size_t n = p->b, i = p->a, a, e, k;
	const char *c;

	while ((c = memchr(s + i, ':', n - i)) != NULL) {
		i = (size_t)(c - s) + 1;
		/* a smiley that ends a sentence: "the community :-) Posted" */
		a = (size_t)(c - s);
		if (a > p->a && space_len(s, n, a - 1) > 0 &&
		    (e = emoticons(s, n, a)) > a && e < n &&
		    next_kind(s, n, e, &(int){ 0 }, &(size_t){ 0 }) ==
		    NX_UPPER && s[skip_space(s, n, e)] != '(') {
			p->mark[skip_space(s, n, e) - p->a] |= M_ITEM;
			p->items = 1;
			i = e;
			continue;
		}
		/* back: d{1,2}/d{1,2}/d{2,4} d{1,2} */
		for (k = 0; k < 2 && a > p->a && isdigit_ascii(s[a - 1]); k++)
			a--;
		if (k == 0 || a == p->a || s[a - 1] != ' ')
			continue;
		a--;
		for (k = 0; k < 4 && a > p->a && isdigit_ascii(s[a - 1]); k++)
			a--;
		if (k < 2 || a == p->a || s[a - 1] != '/')
			continue;
		a--;
		for (k = 0; k < 2 && a > p->a && isdigit_ascii(s[a - 1]); k++)
			a--;
		if (k == 0 || a == p->a || s[a - 1] != '/')
			continue;
		a--;
		for (k = 0; k < 2 && a > p->a && isdigit_ascii(s[a - 1]); k++)
			a--;
		if (k == 0)
			continue;
		/* forward: dd(:dd)? ?(AM|PM) */
		e = i;
		if (e + 2 > n || !isdigit_ascii(s[e]) || !isdigit_ascii(s[e + 1]))
			continue;
		e += 2;
		if (e + 3 <= n && s[e] == ':' && isdigit_ascii(s[e + 1]) &&
		    isdigit_ascii(s[e + 2]))
			e += 3;
		if (e < n && s[e] == ' ')
			e++;
		if (e + 2 > n || !((s[e] == 'A' || s[e] == 'P') && s[e + 1] == 'M'))
			continue;
		e += 2;
		/* "posted at 3/9/2005 11:16 PM": the stamp goes with "at" */
		if (a > p->a && !(a >= p->a + 3 && (memcmp(s + a - 3, "at ",
		    3) == 0 || memcmp(s + a - 3, "on ", 3) == 0)))
			p->mark[a - p->a] |= M_ITEM;
		e = skip_space(s, n, e);
		if (e < n)
			p->mark[e - p->a] |= M_ITEM;
		p->items = 1;
		i = e;
	}
}

/*
 * Decide the candidate at s[i] (. ! ? or …).  Returns the offset just
 * after the sentence it ends (past closing marks), or 0.  *skip is set
 * to where scanning goes on.
 */
static size_t
judge(struct para *p, size_t sstart, size_t i, size_t *skip)
{
	const char *s = p->s;
	size_t n = p->b, j = i, k, l, ws, nw;
	int dots = 0, qe = 0, opened, closed, spaced = 0;
	enum nextkind nk;

	/* the run of marks: .!? and … with spaced dots (". . .") */
	for (;;) {
		if (j < n && s[j] == '.')
			dots++, j++;
		else if (j < n && (s[j] == '!' || s[j] == '?'))
			qe++, j++;
		else if (e280(s, n, j, 0xa6))
			dots += 3, j += 3;
		else if (dots > 0 && j + 1 < n && s[j] == ' ' &&
		    (s[j + 1] == '.' || e280(s, n, j + 1, 0xa6)) &&
		    (j + 2 >= n || s[j + 2] != '.' || dots + qe > 0))
			j++, spaced = 1;
		else
			break;
	}
	*skip = j;
	if (dots == 1 && qe == 0 && (p->mark[i - p->a] & M_NODOT))
		return 0;
	k = j;
	while (k < n && (l = closer_len(s, n, k)) > 0)
		k += l;
	closed = k > j;
	k = citations(s, n, k);
	k = emoticons(s, n, k);
	k = omission(s, n, k);
	/* a footnote number after the period: "rights.4 Even", "rights. 4 Even" */
	if (dots == 1 && qe == 0 && k + 3 < n && space_len(s, n, k) == 1 &&
	    isdigit_ascii(s[k + 1]) && i > p->a &&
	    (uc_isalpha_at(s, p->a, i) || s[i - 1] == ')')) {
		size_t f = k + 1;

		while (f < n && f - k <= 2 && isdigit_ascii(s[f]))
			f++;
		if (f - k <= 3 && f < n && s[f] == ' ' && next_kind(s, n, f,
		    &opened, &nw) == NX_UPPER && is_starter(s, n, nw))
			k = f;
	}
	/* a footnote number right after the period: "rights.4 Even" */
	if (dots == 1 && qe == 0 && k == j && k < n && isdigit_ascii(s[k]) &&
	    i > p->a && uc_isalpha_at(s, p->a, i)) {
		size_t f = k;

		while (f < n && f - k < 2 && isdigit_ascii(s[f]))
			f++;
		if (f < n && space_len(s, n, f) > 0 && next_kind(s, n, f,
		    &opened, &nw) == NX_UPPER)
			k = f;
	}
	if (k < n && space_len(s, n, k) == 0) {
		/* U.S.-based, Yahoo!'s, 3.5; but "wonders.Neither me" ends */
		if (dots == 1 && qe == 0 && k == j && glued_start(p, i))
			return k;
		/* "recovery...Out of", "a country?Iguazu is", "hour...I had" */
		if ((dots >= 2 || qe > 0) && glued_word(s, n, k))
			return k;
		/* "recruits foreigners?thanks I've": a word, not a query */
		if (qe > 0 && dots == 0 && s[i] == '?' && i > p->a &&
		    s[i - 1] >= 'a' && s[i - 1] <= 'z' && s[k] >= 'a' &&
		    s[k] <= 'z') {
			size_t z = k;

			while (z < n && s[z] >= 'a' && s[z] <= 'z')
				z++;
			if (z - k >= 3 && z < n && space_len(s, n, z) > 0)
				return k;
		}
		return 0;
	}
	*skip = k;
	nk = next_kind(s, n, k, &opened, &nw);
	if (nk == NX_END)
		return k;
	if (p->mark[skip_space(s, n, k) - p->a] & M_ITEM)
		return k;
	if (dots >= 4)
		return nk == NX_LOWER ? 0 : k;
	if (qe > 0) {
		/* "Why?" he asked; Yahoo! in; but "really? i think" ends */
		if (nk != NX_LOWER)
			return k;
		if (closed || (s[i] == '!' && capword_before(s, p->a, i)))
			return 0;
		return k;
	}
	if (dots >= 2) {
		/* an ellipsis: a new sentence only at a capital, not "... I" */
		if (nk != NX_UPPER && opened != 1)
			return 0;
		if (i > p->a && s[i - 1] == '[')
			return 0;	/* an omission mark: [...] */
		/* the spaced ". . ." of an omission goes on: ". . . I did" */
		if (spaced && s[nw] == 'I' && nw + 1 < n &&
		    (space_len(s, n, nw + 1) || s[nw + 1] == '\'' ||
		    e280(s, n, nw + 1, 0x99)))
			return 0;
		return k;
	}
	/* one period: look at the word before it */
	ws = i;
	while (ws > sstart && space_len(s, n, ws - 1) == 0)
		ws--;
	while (ws < i && (l = opener_len(s, n, ws)) > 0)
		ws += l;
	if (ws == i)
		return nk == NX_LOWER ? 0 : k;
	if (is_number(s, ws, i)) {
		/* "call 303-555-0100. they said" ends; "(in 1990.) will" not */
		if (nk == NX_LOWER)
			return !closed && i - ws >= 3 ? k : 0;
		return k;
	}
	{
		int ac = abbrev_class(s + ws, i - ws);
		int initial = 0;
		int32_t cp;
		size_t cl = utf8_decode(s + ws, i - ws, &cp);

		if (ac == ABBR_NONE && cl == i - ws && uc_isupper(cp))
			initial = 1;
		/* N°. Nº. before a number */
		if (ac == ABBR_NONE && i - ws <= 4 && nk == NX_DIGIT &&
		    ((unsigned char)s[i - 1] == 0xb0 ||
		    (unsigned char)s[i - 1] == 0xba))
			return 0;
		if (ac == ABBR_NUM) {
			if (nk == NX_DIGIT)
				return 0;
			ac = ABBR_NONE;
		}
		if (closed && ac != ABBR_NONE && !initial)
			ac = ABBR_NONE;
		if (ac == ABBR_TITLE || ac == ABBR_INNER)
			return 0;
		if (ac == ABBR_NONE && !initial) {
			/* web text starts sentences in lower case too */
			if (nk == NX_LOWER)
				return !closed && plain_word(s, ws, i) ? k : 0;
			/* a short word before a number: N. 5, a. 3 */
			if (nk == NX_DIGIT && i - ws <= 2)
				return 0;
			return k;
		}
		/* an abbreviation or initial that may end the sentence */
		if (opened == 2)
			return 0;	/* Inc. (713) 555-0100; 10 a.m. (CDT) */
		if (nk != NX_UPPER && !(opened && nk != NX_LOWER))
			return 0;
		if (!opened && !is_starter(s, n, nw) &&
		    !(is_corp(s + ws, i - ws) && verb_follows(s, n, nw)) &&
		    !(is_clock(s + ws, i - ws) && clause_follows(s, n, nw)))
			return 0;
		if (initial) {
			size_t pw = ws;
			int32_t pcp;

			/* "you and I. Did" splits; "Albert I. Jones" does not */
			while (pw > sstart && space_len(s, n, pw - 1) > 0)
				pw--;
			while (pw > sstart && space_len(s, n, pw - 1) == 0)
				pw--;
			if (pw < ws) {
				utf8_decode(s + pw, n - pw, &pcp);
				if (uc_isupper(pcp))
					return 0;
			}
			return k;
		}
		/* "At 5 a.m. Mr. Smith went": too short to be a sentence */
		if (count_words(s, n, sstart, i) < 4)
			return 0;
		return k;
	}
}

/* Does the word s[i..e) equal w, ignoring the case of its first letter? */
static int
word_is(const char *s, size_t i, size_t e, const char *w)
{
	size_t l;

	if ((s[i] | 0x20) != w[0])
		return 0;
	l = strlen(w);
	return e - i == l && memcmp(s + i + 1, w + 1, l - 1) == 0;
}

/* The end of the run of ASCII letters at s[i]. */
static size_t
letters_end(const char *s, size_t n, size_t i)
{
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i;
}

/*
 * A valediction that opens a sentence, then a comma and a name:
 * "Regards, Debra Perlingiere", "Thanks, Sean".  It is a sentence of
 * its own, ending at the comma.  The name must be a capitalised word
 * that is neither a sentence starter nor a form of address ("Thank
 * you, Madam Speaker", "Respectfully, I disagree") and that is not
 * followed by lower case ("Thanks, John, for", "Love, Actually is").
 */
static size_t
valediction(struct para *p, size_t i)
{
	static const char *one[] = {
		"cheers", "cordially", "love", "regards", "respectfully",
		"sincerely", "thanks"
	};
	static const char *first[] = {
		"all", "best", "kind", "kindest", "many", "respectfully",
		"sincerely", "thank", "thanks", "warm", "warmest", "with",
		"yours"
	};
	static const char *second[] = {
		"again", "best", "faithfully", "regards", "sincerely",
		"thanks", "truly", "wishes", "you", "yours"
	};
	static const char *address[] = {
		"Chief", "Doctor", "Dr", "Judge", "Justice", "Ladies",
		"Madam", "Mayor", "Miss", "Mister", "Mr", "Mrs", "Ms",
		"President", "Professor", "Senator", "Sir", "Speaker"
	};
	const char *s = p->s;
	size_t n = p->b, e, w, k;
	int ok = 0, strict;

	if (i >= n || s[i] < 'A' || s[i] > 'Z')
		return 0;
	e = letters_end(s, n, i);
	/* a comma after the first or the second word, or none */
	if (e - i > 13 || e >= n || (s[e] != ',' && (s[e] != ' ' ||
	    (k = letters_end(s, n, e + 1)) >= n || s[k] != ',')))
		return 0;
	for (k = 0; !ok && k < sizeof(one) / sizeof(one[0]); k++)
		ok = word_is(s, i, e, one[k]) && e < n && s[e] == ',';
	for (k = 0; !ok && k < sizeof(first) / sizeof(first[0]); k++) {
		size_t j, f;

		if (!word_is(s, i, e, first[k]) || e >= n || s[e] != ' ')
			continue;
		j = e + 1;
		f = letters_end(s, n, j);
		for (w = 0; !ok && w < sizeof(second) / sizeof(second[0]); w++)
			if (f - j == strlen(second[w]) &&
			    memcmp(s + j, second[w], f - j) == 0 && f < n &&
			    s[f] == ',') {
				ok = 1;
				e = f;
			}
	}
	if (!ok)
		return 0;
	/* thanks and love end speeches and letters alike: ask more */
	strict = word_is(s, i, letters_end(s, n, i), "thanks") ||
	    word_is(s, i, letters_end(s, n, i), "thank") ||
	    word_is(s, i, letters_end(s, n, i), "many") ||
	    word_is(s, i, letters_end(s, n, i), "love") ||
	    word_is(s, i, letters_end(s, n, i), "cheers");
	e++;				/* the comma */
	w = skip_space(s, n, e);
	if (w == e || w >= n || s[w] < 'A' || s[w] > 'Z' ||
	    is_starter(s, n, w))
		return 0;
	k = letters_end(s, n, w);
	for (i = 0; i < sizeof(address) / sizeof(address[0]); i++)
		if (k - w == strlen(address[i]) &&
		    memcmp(s + w, address[i], k - w) == 0)
			return 0;
	if (k < n && space_len(s, n, k) == 0)
		return 0;	/* "Thanks, John, for", "Thank you, Sir." */
	if (next_kind(s, n, k, &(int){ 0 }, &(size_t){ 0 }) == NX_LOWER)
		return 0;
	/*
	 * "Thanks, Sean" must end the paragraph or be followed by a
	 * sentence starter ("Thanks, Sean Here is"): "Thank you, Governor
	 * Lee." is an address inside one sentence.
	 */
	for (i = 0; strict && i < 4; i++) {
		if (k >= n)
			return e;
		if (space_len(s, n, k) == 0)
			return 0;
		w = skip_space(s, n, k);
		if (w >= n)
			return e;
		if (s[w] < 'A' || s[w] > 'Z')
			return 0;
		if (is_starter(s, n, w))
			return e;
		k = letters_end(s, n, w);
	}
	return strict ? 0 : e;
}

/*
 * A salutation that opens a letter: "Dear Hannah: I", "Dear Dr. Vincent
 * Kaminski, My", "Dear all, Thank you", "Hi, Yes", "Hey Vladi, I".  It
 * ends at its comma or colon when a capital follows; five words at most
 * after Dear, three after a greeting, with nothing but periods of titles
 * inside.  "Hi everyone, welcome back" goes on in lower case.
 */
static size_t
salutation(struct para *p, size_t i)
{
	const char *s = p->s;
	size_t n = p->b, e, w, nw;
	int words = 0;

	if (n - i < 4 || s[i] < 'D' || s[i] > 'H')
		return 0;
	w = letters_end(s, n, i);
	if (word_is(s, i, w, "dear") && w < n && s[w] == ' ')
		w++;
	else if (word_is(s, i, w, "hi") || word_is(s, i, w, "hello") ||
	    word_is(s, i, w, "hey") || word_is(s, i, w, "greetings"))
		words = 2;		/* "Hey Vladi," but not a long clause */
	else
		return 0;
	for (e = w; e < n && words < 5; e++) {
		if (s[e] == ',' || s[e] == ':')
			break;
		if (s[e] == ' ')
			words++;
		else if (s[e] == '.' && !(e + 1 < n && s[e + 1] == ' '))
			return 0;
		else if (strchr("!?;\n", s[e]) != NULL)
			return 0;
	}
	if (e >= n || (s[e] != ',' && s[e] != ':') || s[e - 1] == ' ' ||
	    (s[i] == 'D' && e == w))
		return 0;
	/*
	 * "Hey, Rubio is right", "Hey: Maybe"; and "Hi, I'm Sarah" is
	 * one sentence in speech
	 */
	nw = skip_space(s, n, e + 1);
	if (s[i] != 'D' && (s[e] != ',' || (e == w && !is_starter(s, n,
	    nw)) || (nw + 1 < n && s[nw] == 'I' && !(s[nw + 1] >= 'a' &&
	    s[nw + 1] <= 'z'))))
		return 0;
	e++;
	if (e >= n || space_len(s, n, e) == 0 ||
	    next_kind(s, n, e, &(int){ 0 }, &(size_t){ 0 }) != NX_UPPER)
		return 0;
	return e;
}

/*
 * The signature separator of e-mail and web posts, "-- " between a
 * sentence's end and a capital ("five years. -- Posted by"), is a
 * sentence of its own.
 */
static size_t
sig_dashes(struct para *p, size_t i)
{
	const char *s = p->s;
	size_t n = p->b;

	if (n - i < 4 || s[i] != '-' || s[i + 1] != '-' ||
	    space_len(s, n, i + 2) == 0)
		return 0;
	if (next_kind(s, n, i + 2, &(int){ 0 }, &(size_t){ 0 }) != NX_UPPER)
		return 0;
	return i + 2;
}

/*
 * The part headings of instructions: "Part 1 of 2: Getting the
 * Material Right", "Method 2 of 3: ...", "Two Parts: ...".  The label
 * up to the colon is a sentence of its own.
 */
static size_t
part_label(struct para *p, size_t i)
{
	static const char *num[] = {
		"two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten"
	};
	const char *s = p->s;
	size_t n = p->b, e, j, k;
	int ok = 0;

	if (i >= n || s[i] < 'E' || s[i] > 'T' || !strchr("EFMNPST", s[i]) ||
	    memchr(s + i, ':', n - i < 20 ? n - i : 20) == NULL)
		return 0;
	e = letters_end(s, n, i);
	if (e == i || e >= n || s[e] != ' ')
		return 0;
	if (word_is(s, i, e, "part") || word_is(s, i, e, "method")) {
		/* Part 1 of 2: */
		for (j = e + 1; j < n && isdigit_ascii(s[j]); j++)
			;
		if (j == e + 1 || n - j < 5 || memcmp(s + j, " of ", 4) != 0)
			return 0;
		for (k = j + 4; k < n && isdigit_ascii(s[k]); k++)
			;
		ok = k > j + 4;
		e = k;
	} else {
		/* Two Parts: */
		for (k = 0; !ok && k < sizeof(num) / sizeof(num[0]); k++)
			if ((ok = word_is(s, i, e, num[k])))
				p->titles = (int)k + 2;
		j = e + 1;
		e = letters_end(s, n, j);
		ok = ok && (word_is(s, j, e, "parts") ||
		    word_is(s, j, e, "methods"));
	}
	if (!ok || e + 1 >= n || s[e] != ':' || space_len(s, n, e + 1) == 0 ||
	    next_kind(s, n, e + 1, &(int){ 0 }, &(size_t){ 0 }) != NX_UPPER) {
		p->titles = 0;
		return 0;
	}
	return e + 1;
}

/*
 * The titles after "Two Parts:" run together without stops: "Getting
 * the Material Right Getting the Delivery Right".  Each opens with a
 * capitalised -ing word; when the rest of the paragraph holds as many
 * of them as the label names, and no end mark, each is a sentence.
 */
static void
find_titles(struct para *p, size_t i, int want)
{
	const char *s = p->s;
	size_t n = p->b, at[10] = { 0 }, w, e;
	int k = 0, j;

	for (w = i; w < n && k < 10; w = skip_space(s, n, e)) {
		for (e = w; e < n && space_len(s, n, e) == 0; e++)
			if (strchr(".!?;:", s[e]) != NULL)
				return;
		if (s[w] >= 'A' && s[w] <= 'Z' && e - w > 4 &&
		    letters_end(s, n, w) == e &&
		    memcmp(s + e - 3, "ing", 3) == 0)
			at[k++] = w;
	}
	if (k != want || at[0] != i)
		return;
	for (j = 1; j < k; j++)
		p->mark[at[j] - p->a] |= M_ITEM;
	p->items = 1;
}

/*
 * Speech broken off with a dash: "I know she's— Look at" ends at the
 * dash when it touches the word before and a capital follows.
 */
static size_t
broken_off(struct para *p, size_t i)
{
	const char *s = p->s;
	size_t n = p->b, e = i, nw, l;
	int opened;

	if (i == p->a || s[i - 1] == '-')
		return 0;
	e += s[i] == '-' ? 2 : 3;
	/* a quotation broken off: "Yes—" "No!" and "But—" He stopped */
	if (e < n && space_len(s, n, i - 1) == 0 && (l = closer_len(s, n,
	    e)) > 0 && strchr(")]}", s[e]) == NULL) {
		e += l;
		if (e >= n || space_len(s, n, e) == 0 ||
		    next_kind(s, n, e, &opened, &nw) != NX_UPPER ||
		    opened == 2)
			return 0;
		return e;
	}
	if (e >= n || space_len(s, n, e) == 0)
		return 0;
	if (next_kind(s, n, e, &opened, &nw) != NX_UPPER || opened)
		return 0;
	/* a spaced dash ends speech only before a sentence starter */
	if (space_len(s, n, i - 1) > 0) {
		size_t w = i - 1;

		/* "not at uh — This is": after a lower-case word, and not
		 * before The, A, An or I, which go on as often as not */
		while (w > p->a && space_len(s, n, w - 1) > 0)
			w--;
		/* a word cut off by the speaker counts: "I kn- — Oh" */
		if (w > p->a + 1 && s[w - 1] == '-' && s[w - 2] >= 'a' &&
		    s[w - 2] <= 'z')
			w--;
		if (w == p->a || !(s[w - 1] >= 'a' && s[w - 1] <= 'z'))
			return 0;
		if (!is_starter(s, n, nw) || ((s[nw] == 'A' || s[nw] == 'I') &&
		    nw + 1 < n && !(s[nw + 1] >= 'a' && s[nw + 1] <= 'z')) ||
		    (nw + 3 < n && memcmp(s + nw, "The ", 4) == 0) ||
		    (nw + 2 < n && memcmp(s + nw, "An ", 3) == 0))
			return 0;
	}
	return e;
}

static inline int
trimmed_push(struct spanvec *out, const char *s, size_t n, size_t a,
    size_t e)
{
	a = skip_space(s, n, a);
	while (e > a && (space_len(s, n, e - 1) > 0 ||
	    (e - a >= 2 && (unsigned char)s[e - 2] == 0xc2 &&
	    (unsigned char)s[e - 1] == 0xa0)))
		e -= space_len(s, n, e - 1) ? 1 : 2;
	if (e <= a)
		return 0;
	return spanvec_push(out, a, e);
}

/*
 * Does s[a..e) hold a finite auxiliary, a copula or a modal (is, has,
 * won't, you've)?  Then it is a clause rather than a noun phrase.
 */
static int
has_aux(const char *s, size_t a, size_t e)
{
	static const char *aux[] = {
		"am", "are", "can", "could", "did", "do", "does", "had",
		"has", "have", "is", "may", "might", "must", "shall",
		"should", "was", "were", "will", "would"
	};
	size_t i = a, w, k;

	while (i < e) {
		while (i < e && !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z')))
			i++;
		w = i;
		i = letters_end(s, e, i);
		if (i == w)
			break;
		/* n't 're 've 'll 'd 'm, with ' or U+2019 */
		if (i < e && (s[i] == '\'' || e280(s, e, i, 0x99))) {
			size_t q = i + (s[i] == '\'' ? 1 : 3);
			size_t z = letters_end(s, e, q);

			if ((z - q == 1 && (s[q] == 't' || s[q] == 'd' ||
			    s[q] == 'm') && (s[q] != 't' || s[i - 1] == 'n')) ||
			    (z - q == 2 && (memcmp(s + q, "re", 2) == 0 ||
			    memcmp(s + q, "ve", 2) == 0 ||
			    memcmp(s + q, "ll", 2) == 0)))
				return 1;
			i = z;
			continue;
		}
		if (i - w < 2 || i - w > 6)
			continue;
		for (k = 0; k < sizeof(aux) / sizeof(aux[0]); k++)
			if (strlen(aux[k]) == i - w &&
			    (s[w] | 0x20) == aux[k][0] &&
			    memcmp(s + w + 1, aux[k] + 1, i - w - 1) == 0)
				return 1;
	}
	return 0;
}

/*
 * A series of clauses joined by semicolons, two or more outside
 * brackets ("follow: elderly people won't like crude jokes; stay away
 * from ...; and jokes requiring ..."), is a series of sentences, and so
 * is the introduction before a colon that heads it.  A single semicolon
 * joins two clauses of one sentence as often as not, and short pieces
 * or pieces that open with a name are a list of items (Paris, France;
 * Rome, Italy; ...), so neither is split.
 */
static int
series(struct spanvec *out, const char *s, size_t n, size_t a, size_t e)
{
	size_t cut[17], i, colon = 0;
	int nc = 0, depth = 0, k;

	for (i = a; i + 1 < e && nc < 16; i++) {
		switch (s[i]) {
		case '(': case '[': case '{':
			depth++;
			break;
		case ')': case ']': case '}':
			if (depth > 0)
				depth--;
			break;
		case ';': case ':':
			if (depth > 0 || space_len(s, n, i + 1) == 0)
				break;
			if (s[i] == ';')
				cut[nc++] = i + 1;
			else if (nc == 0)
				colon = i + 1;
			break;
		}
	}
	if (nc < 2)
		return trimmed_push(out, s, n, a, e);
	cut[nc] = e;
	if (count_words(s, n, colon ? colon : a, cut[0]) < 5)
		return trimmed_push(out, s, n, a, e);
	for (k = 0; k < nc; k++) {
		size_t w = skip_space(s, n, cut[k]);
		int32_t cp;

		if (count_words(s, n, cut[k], cut[k + 1]) < 5)
			return trimmed_push(out, s, n, a, e);
		utf8_decode(s + w, n - w, &cp);
		if (uc_isupper(cp) && !is_starter(s, n, w))
			return trimmed_push(out, s, n, a, e);
		/* a clause, not a noun phrase (Paris, France; Rome, Italy) */
		if (!has_aux(s, cut[k], cut[k + 1]))
			return trimmed_push(out, s, n, a, e);
	}
	if (colon && trimmed_push(out, s, n, a, colon) == -1)
		return -1;
	if (trimmed_push(out, s, n, colon ? colon : a, cut[0]) == -1)
		return -1;
	for (k = 0; k < nc; k++)
		if (trimmed_push(out, s, n, cut[k], cut[k + 1]) == -1)
			return -1;
	return 0;
}

static inline int
emit(struct spanvec *out, const char *s, size_t n, size_t a, size_t e,
    int semi)
{
	if (semi && memchr(s + a, ';', e - a) != NULL)
		return series(out, s, n, a, e);
	return trimmed_push(out, s, n, a, e);
}

/*
 * Line breaks inside a paragraph: a short line without end punctuation
 * before a line that does not start in lower case ends a sentence;
 * hard-wrapped lines of similar length do not.
 */
static void
find_lines(struct para *p)
{
	const char *s = p->s;
	size_t i, ls = p->a, maxlen = 0, nlines = 0;

	for (i = p->a; i <= p->b; i++) {
		const char *nl = memchr(s + i, '\n', p->b - i);

		i = nl ? (size_t)(nl - s) : p->b;
		if (i - ls > maxlen)
			maxlen = i - ls;
		nlines++;
		ls = i + 1;
	}
	if (nlines < 2)
		return;
	ls = p->a;
	for (i = p->a; i < p->b; i++) {
		size_t e, nx;
		int opened;
		const char *nl = memchr(s + i, '\n', p->b - i);

		if (nl == NULL)
			break;
		i = (size_t)(nl - s);
		e = i;
		while (e > ls && space_len(s, p->b, e - 1) > 0)
			e--;
		nx = skip_space(s, p->b, i);
		if (e > ls && nx < p->b && (i - ls) * 10 < maxlen * 6 &&
		    strchr(".!?:;,", s[e - 1]) == NULL &&
		    next_kind(s, p->b, i, &opened, &(size_t){ 0 }) != NX_LOWER)
			p->mark[nx - p->a] |= M_ITEM, p->items = 1;
		ls = i + 1;
	}
}

/* Split the paragraph s[a..b) into sentences, appended to out. */
int
sbd_para(const char *s, size_t a, size_t b, struct spanvec *out)
{
	struct para p;
	unsigned char small[1024];
	size_t i, sstart, skip, end, asked;
	int rc = 0, semi;

	p.s = s;
	p.a = a;
	p.b = b;
	p.items = 0;
	p.titles = 0;
	if (b - a + 1 <= sizeof(small))
		p.mark = small;
	else if ((p.mark = malloc(b - a + 1)) == NULL)
		return -1;
	memset(p.mark, 0, b - a + 1);
	if (memchr(s + a, '\n', b - a) != NULL)
		find_lines(&p);
	find_lists(&p);
	find_stamps(&p);
	find_captions(&p);
	semi = memchr(s + a, ';', b - a) != NULL;
	sstart = skip_space(s, b, a);
	for (i = sstart, asked = b; i < b && rc == 0; ) {
		unsigned char c;

		/* a sentence that is over at its first comma or colon */
		if (i == sstart && asked != sstart) {
			asked = sstart;
			if ((end = valediction(&p, sstart)) > 0 ||
			    (end = salutation(&p, sstart)) > 0 ||
			    (end = sig_dashes(&p, sstart)) > 0 ||
			    (end = part_label(&p, sstart)) > 0) {
				rc = emit(out, s, b, sstart, end, semi);
				sstart = skip_space(s, b, end);
				i = sstart;
				if (p.titles > 0)
					find_titles(&p, sstart, p.titles);
				p.titles = 0;
				continue;
			}
		}
		if (!p.items) {
			i = scan(s, i, b, stop, ".!?-\xe2", 5);
			if (i >= b)
				break;
		}
		c = (unsigned char)s[i];
		if ((p.mark[i - a] & M_ITEM) && i > sstart) {
			size_t e = i;

			rc = emit(out, s, b, sstart, e, semi);
			sstart = i;
		}
		if ((e280(s, b, i, 0x94) || e280(s, b, i, 0x93) ||
		    (c == '-' && i + 1 < b && s[i + 1] == '-')) &&
		    (end = broken_off(&p, i)) > 0) {
			rc = emit(out, s, b, sstart, end, semi);
			sstart = skip_space(s, b, end);
			i = sstart;
			continue;
		}
		if (c == '.' || c == '!' || c == '?' || e280(s, b, i, 0xa6)) {
			end = judge(&p, sstart, i, &skip);
			if (end > 0) {
				rc = emit(out, s, b, sstart, end, semi);
				sstart = skip_space(s, b, end);
				i = sstart;
				continue;
			}
			i = skip > i ? skip : i + 1;
			continue;
		}
		i++;
	}
	if (rc == 0 && sstart < b)
		rc = emit(out, s, b, sstart, b, semi);
	if (p.mark != small)
		free(p.mark);
	return rc;
}

/* Split s[a..b) at blank lines into paragraphs, and those into sentences. */
int
sbd_text(const char *s, size_t a, size_t b, struct spanvec *out)
{
	size_t i = a, ps = a;

	while (i < b) {
		const char *nl = memchr(s + i, '\n', b - i);
		size_t j;

		if (nl == NULL)
			break;
		j = (size_t)(nl - s) + 1;
		/* is the next line blank? */
		while (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
			j++;
		if (j < b && s[j] == '\n') {
			if (sbd_para(s, ps, (size_t)(nl - s), out) == -1)
				return -1;
			while (j < b && space_len(s, b, j) > 0)
				j++;
			ps = i = j;
			continue;
		}
		i = (size_t)(nl - s) + 1;
	}
	if (ps < b)
		return sbd_para(s, ps, b, out);
	return 0;
}
