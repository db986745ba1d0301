/*
 * Time expressions to TIMEX3, the normalising half: the words of a match
 * are read into features (numbers, units, month, day, year, relative
 * words, the tense of the sentence) and turned into a value against the
 * document date or the last date mentioned.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "timex_int.h"

/* --- calendar arithmetic ------------------------------------------- */

/* The day count of lib/date.c, for the int fields of a tdate. */
static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long ly, lm, ld;

	date_civil(z, &ly, &lm, &ld);
	*y = (int)ly;
	*m = (int)lm;
	*d = (int)ld;
}

/* ISO weekday, 1 Monday .. 7 Sunday. */
static int
weekday(int y, int m, int d)
{
	long z = date_days(y, m, d);

	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

/* ISO 8601 week of a date, with its week-year. */
static int
isoweek(int y, int m, int d, int *wy)
{
	long z = date_days(y, m, d);
	int wd = weekday(y, m, d), ty, tm, td;
	long thu = z - wd + 4, jan1;

	civil_from_days(thu, &ty, &tm, &td);
	jan1 = date_days(ty, 1, 1);
	*wy = ty;
	return (int)((thu - jan1) / 7 + 1);
}

static void
add_days(struct tdate *t, long n)
{
	civil_from_days(date_days(t->y, t->m, t->d) + n, &t->y, &t->m,
	    &t->d);
}

static void
add_months(int *y, int *m, int n)
{
	int k = *y * 12 + (*m - 1) + n;

	*y = k / 12;
	*m = k % 12 + 1;
}

/* --- words --------------------------------------------------------- */

enum wclass {
	W_NONE, W_NUM, W_MULT, W_NUMX, W_ORD, W_UNIT, W_POD, W_SEASON, W_REL,
	W_SHIFT, W_DEIX, W_DAYREL, W_SETW, W_EVERY, W_MOD, W_FISCAL, W_CLOCKW,
	W_A, W_HALF, W_THE, W_THAT, W_OTHER, W_TIMES, W_AND, W_TO, W_YEARAGO,
	W_HOLI, W_DECW, W_APPROX, W_FUTURE, W_PAST, W_NOW, W_TONIGHT,
	W_OVERNIGHT, W_CENTURYW
};

enum unit {
	U_NONE, U_SEC, U_MIN, U_HOUR, U_DAY, U_NIGHT, U_WEEK, U_WEEKEND,
	U_FORTNIGHT, U_MONTH, U_QUARTER, U_HALFY, U_YEAR, U_DECADE, U_CENTURY,
	U_MILLENNIUM
};

struct lexent {
	const char	*w;
	short		 cls;
	short		 val;
};

static struct lexent lex[] = {
	{ "a", W_A, 1 }, { "about", W_APPROX, 0 }, { "after", W_SHIFT, 2 },
	{ "afternoon", W_POD, 'A' }, { "afternoons", W_POD, 'A' },
	{ "ago", W_SHIFT, -1 }, { "an", W_A, 1 }, { "and", W_AND, 0 },
	{ "annually", W_SETW, U_YEAR }, { "autumn", W_SEASON, 'F' },
	{ "back", W_SHIFT, -1 }, { "before", W_SHIFT, -2 },
	{ "beginning", W_MOD, 0 }, { "bi-weekly", W_SETW, U_FORTNIGHT },
	{ "biannually", W_SETW, U_HALFY }, { "biweekly", W_SETW, U_FORTNIGHT },
	{ "century", W_UNIT, U_CENTURY }, { "centuries", W_UNIT, U_CENTURY },
	{ "coming", W_REL, 1 }, { "couple", W_NUM, 2 },
	{ "current", W_REL, 0 }, { "currently", W_NOW, 0 },
	{ "daily", W_SETW, U_DAY }, { "day", W_UNIT, U_DAY },
	{ "days", W_UNIT, U_DAY }, { "decade", W_UNIT, U_DECADE },
	{ "decades", W_UNIT, U_DECADE }, { "dozen", W_MULT, 12 },
	{ "dozens", W_NUMX, 0 }, { "each", W_EVERY, 0 },
	{ "early", W_MOD, 0 }, { "earlier", W_SHIFT, -2 },
	{ "eight", W_NUM, 8 }, { "eighteen", W_NUM, 18 },
	{ "eighth", W_ORD, 8 }, { "eighties", W_DECW, 8 },
	{ "eighty", W_NUM, 80 }, { "eleven", W_NUM, 11 },
	{ "eleventh", W_ORD, 11 }, { "end", W_MOD, 0 },
	{ "evening", W_POD, 'E' }, { "evenings", W_POD, 'E' },
	{ "every", W_EVERY, 0 }, { "fall", W_SEASON, 'F' },
	{ "few", W_NUMX, 0 }, { "fifteen", W_NUM, 15 },
	{ "fifteenth", W_ORD, 15 }, { "fifth", W_ORD, 5 },
	{ "fifties", W_DECW, 5 }, { "fifty", W_NUM, 50 },
	{ "first", W_ORD, 1 }, { "fiscal", W_FISCAL, 0 },
	{ "five", W_NUM, 5 }, { "following", W_REL, 2 },
	{ "formerly", W_PAST, 0 }, { "fortnight", W_UNIT, U_FORTNIGHT },
	{ "fortnights", W_UNIT, U_FORTNIGHT }, { "forties", W_DECW, 4 },
	{ "forty", W_NUM, 40 }, { "four", W_NUM, 4 },
	{ "fourteen", W_NUM, 14 }, { "fourteenth", W_ORD, 14 },
	{ "fourth", W_ORD, 4 }, { "fourty", W_NUM, 40 },
	{ "fy", W_FISCAL, 0 }, { "future", W_FUTURE, 0 },
	{ "half", W_HALF, 0 }, { "handful", W_NUMX, 0 },
	{ "hence", W_SHIFT, 1 }, { "hour", W_UNIT, U_HOUR },
	{ "hourly", W_SETW, U_HOUR }, { "hours", W_UNIT, U_HOUR },
	{ "hundred", W_MULT, 100 }, { "last", W_REL, -1 },
	{ "late", W_MOD, 0 }, { "lately", W_PAST, 0 },
	{ "later", W_SHIFT, 2 }, { "latest", W_REL, -3 },
	{ "many", W_NUMX, 0 }, { "mid", W_MOD, 0 }, { "middle", W_MOD, 0 },
	{ "midday", W_CLOCKW, 12 }, { "midnight", W_CLOCKW, 24 },
	{ "millennia", W_UNIT, U_MILLENNIUM },
	{ "millennium", W_UNIT, U_MILLENNIUM }, { "minute", W_UNIT, U_MIN },
	{ "minutes", W_UNIT, U_MIN }, { "month", W_UNIT, U_MONTH },
	{ "monthly", W_SETW, U_MONTH }, { "months", W_UNIT, U_MONTH },
	{ "morning", W_POD, 'M' }, { "mornings", W_POD, 'M' },
	{ "next", W_REL, 1 }, { "night", W_POD, 'N' },
	{ "nightly", W_SETW, U_NIGHT }, { "nights", W_POD, 'N' },
	{ "nine", W_NUM, 9 }, { "nineteen", W_NUM, 19 },
	{ "nineteenth", W_ORD, 19 }, { "nineties", W_DECW, 9 },
	{ "ninety", W_NUM, 90 }, { "ninth", W_ORD, 9 },
	{ "noon", W_CLOCKW, 12 }, { "now", W_NOW, 0 },
	{ "nowadays", W_NOW, 0 }, { "number", W_NUMX, 0 },
	{ "numerous", W_NUMX, 0 }, { "once", W_TIMES, 1 },
	{ "one", W_NUM, 1 }, { "other", W_OTHER, 0 },
	{ "overnight", W_OVERNIGHT, 0 }, { "past", W_REL, -1 },
	{ "preceding", W_REL, -2 }, { "present", W_NOW, 0 },
	{ "previous", W_REL, -2 }, { "previously", W_PAST, 0 },
	{ "quarter", W_UNIT, U_QUARTER }, { "quarterly", W_SETW, U_QUARTER },
	{ "quarters", W_UNIT, U_QUARTER }, { "recent", W_PAST, 0 },
	{ "recently", W_PAST, 0 }, { "same", W_THAT, 0 },
	{ "second", W_ORD, 2 }, { "seconds", W_UNIT, U_SEC },
	{ "semi-annually", W_SETW, U_HALFY }, { "semiannually", W_SETW, U_HALFY },
	{ "seven", W_NUM, 7 }, { "seventeen", W_NUM, 17 },
	{ "seventeenth", W_ORD, 17 }, { "seventh", W_ORD, 7 },
	{ "seventies", W_DECW, 7 }, { "seventy", W_NUM, 70 },
	{ "several", W_NUMX, 0 }, { "shortly", W_FUTURE, 0 },
	{ "six", W_NUM, 6 }, { "sixteen", W_NUM, 16 },
	{ "sixteenth", W_ORD, 16 }, { "sixth", W_ORD, 6 },
	{ "sixties", W_DECW, 6 }, { "sixty", W_NUM, 60 },
	{ "some", W_NUMX, 0 }, { "soon", W_FUTURE, 0 },
	{ "spring", W_SEASON, 'S' }, { "start", W_MOD, 0 },
	{ "summer", W_SEASON, 'U' }, { "ten", W_NUM, 10 },
	{ "tenth", W_ORD, 10 }, { "that", W_THAT, 0 }, { "the", W_THE, 0 },
	{ "third", W_ORD, 3 }, { "thirteen", W_NUM, 13 },
	{ "thirteenth", W_ORD, 13 }, { "thirtieth", W_ORD, 30 },
	{ "thirties", W_DECW, 3 }, { "thirty", W_NUM, 30 },
	{ "this", W_REL, 0 }, { "thousand", W_MULT, 1000 },
	{ "three", W_NUM, 3 }, { "thrice", W_TIMES, 3 },
	{ "times", W_TIMES, 0 }, { "to", W_TO, 0 },
	{ "today", W_DAYREL, 0 }, { "tomorrow", W_DAYREL, 1 },
	{ "tonight", W_TONIGHT, 0 }, { "twelfth", W_ORD, 12 },
	{ "twelve", W_NUM, 12 }, { "twentieth", W_ORD, 20 },
	{ "twenties", W_DECW, 2 }, { "twenty", W_NUM, 20 },
	{ "twice", W_TIMES, 2 }, { "two", W_NUM, 2 },
	{ "upcoming", W_REL, 1 }, { "week", W_UNIT, U_WEEK },
	{ "weekend", W_UNIT, U_WEEKEND }, { "weekends", W_UNIT, U_WEEKEND },
	{ "weekly", W_SETW, U_WEEK }, { "weeks", W_UNIT, U_WEEK },
	{ "winter", W_SEASON, 'W' }, { "year", W_UNIT, U_YEAR },
	{ "year-ago", W_YEARAGO, 0 }, { "year-earlier", W_YEARAGO, 0 },
	{ "yearly", W_SETW, U_YEAR }, { "years", W_UNIT, U_YEAR },
	{ "yesterday", W_DAYREL, -1 }, { "night", W_POD, 'N' },
	{ "nights", W_POD, 'N' }, { "bimonthly", W_SETW, U_MONTH },
	{ "bi-monthly", W_SETW, U_MONTH }, { "per", W_EVERY, 1 },
};

#define LEXHASH	1024		/* a power of two, over twice the words */

static unsigned
lex_hash(const char *w)
{
	unsigned h = 2166136261u;

	for (; *w != '\0'; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* The word w's entry, from a hash table: a look-up a token, or two. */
static const struct lexent *
lex_find(const char *w)
{
	static short tab[LEXHASH];	/* 1 + index into lex; 0 empty */
	static int ready;
	size_t k;
	unsigned i;

	if (!ready) {
		for (k = 0; k < sizeof(lex) / sizeof(lex[0]); k++) {
			for (i = lex_hash(lex[k].w) & (LEXHASH - 1);
			    tab[i] != 0 && strcmp(lex[tab[i] - 1].w,
			    lex[k].w) != 0; i = (i + 1) & (LEXHASH - 1))
				;
			if (tab[i] == 0)
				tab[i] = (short)(k + 1);
		}
		ready = 1;
	}
	for (i = lex_hash(w) & (LEXHASH - 1); tab[i] != 0;
	    i = (i + 1) & (LEXHASH - 1))
		if (strcmp(lex[tab[i] - 1].w, w) == 0)
			return &lex[tab[i] - 1];
	return NULL;
}

static int
weekday_index(const char *w)
{
	static const char *days[] = { "mon", "tue", "wed", "thu", "fri",
	    "sat", "sun" };
	static const char *full[] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday" };
	size_t n = strlen(w), i;
	char b[16];

	if (n < 3 || n >= sizeof(b))
		return 0;
	memcpy(b, w, n + 1);
	if (b[n - 1] == 's' && n > 6)
		b[--n] = '\0';		/* Mondays */
	for (i = 0; i < 7; i++)
		if (strcmp(b, full[i]) == 0 ||
		    (n <= 5 && strncmp(b, days[i], 3) == 0 &&
		    strncmp(full[i], b, n) == 0))
			return (int)i + 1;
	return 0;
}

/* --- reading a match ----------------------------------------------- */

struct ttok {
	char	w[24];		/* lower case; digits as they are */
	int	digit;		/* starts with a digit (or 'digit) */
	int	apos;		/* 'NN */
	int	cap;		/* capitalised in the text */
	size_t	len;
};

#define MAXTOK	48

static int
tokens(const char *s, size_t n, struct ttok *t, int max)
{
	size_t i = 0, j, k;
	int nt = 0;

	while (i < n && nt < max) {
		unsigned char c = (unsigned char)s[i];

		if (isalnum(c) || (c == '\'' && i + 1 < n &&
		    isdigit((unsigned char)s[i + 1]))) {
			int apos = c == '\'';

			j = i + apos;
			if (isdigit((unsigned char)s[j])) {
				while (j < n && (isalnum((unsigned char)s[j]) ||
				    ((s[j] == ',' || s[j] == '.' || s[j] == ':' ||
				    s[j] == '/') && j + 1 < n &&
				    isdigit((unsigned char)s[j + 1]))))
					j++;
				/* 8pm, 8:30am: the number, then am or pm */
				if (j - i >= 3 + (size_t)apos &&
				    (s[j - 1] | 0x20) == 'm' &&
				    ((s[j - 2] | 0x20) == 'a' ||
				    (s[j - 2] | 0x20) == 'p') &&
				    isdigit((unsigned char)s[j - 3]))
					j -= 2;
				/* the 1990's, the mid-1980's: a decade */
				if (j + 1 < n && s[j] == '\'' &&
				    s[j + 1] == 's' && (j + 2 == n ||
				    !isalnum((unsigned char)s[j + 2])) &&
				    j - i == 4 && s[j - 1] == '0' && nt > 0 &&
				    (strcmp(t[nt - 1].w, "the") == 0 ||
				    strcmp(t[nt - 1].w, "early") == 0 ||
				    strcmp(t[nt - 1].w, "late") == 0 ||
				    strcmp(t[nt - 1].w, "mid") == 0))
					j += 2;
			} else {
				while (j < n && (isalpha((unsigned char)s[j]) ||
				    (s[j] == '\'' && j + 1 < n &&
				    isalpha((unsigned char)s[j + 1]))))
					j++;
				/* Q3, H1, FY2024 */
				if (j - i <= 2 && j < n &&
				    isdigit((unsigned char)s[j]))
					while (j < n &&
					    isdigit((unsigned char)s[j]))
						j++;
				/* a.m. p.m. */
				if (j - i == 1 && j + 2 < n + 1 && j < n &&
				    s[j] == '.' && j + 1 < n &&
				    (s[j + 1] | 0x20) == 'm' &&
				    ((s[i] | 0x20) == 'a' ||
				    (s[i] | 0x20) == 'p')) {
					t[nt].w[0] = (char)(s[i] | 0x20);
					t[nt].w[1] = 'm';
					t[nt].w[2] = '\0';
					t[nt].digit = t[nt].apos = 0;
					t[nt].cap = 0;
					t[nt].len = 2;
					nt++;
					i = j + 2;
					if (i < n && s[i] == '.')
						i++;
					continue;
				}
			}
			t[nt].digit = isdigit((unsigned char)s[i + apos]);
			t[nt].apos = apos;
			t[nt].cap = isupper(c);
			for (k = 0; k < j - i - apos && k < sizeof(t[nt].w) - 1;
			    k++)
				t[nt].w[k] = (char)tolower(
				    (unsigned char)s[i + apos + k]);
			t[nt].w[k] = '\0';
			/* year's, valentine's; the 1990's is a decade */
			if (k > 2 && t[nt].w[k - 2] == '\'' &&
			    t[nt].w[k - 1] == 's' && !t[nt].digit)
				t[nt].w[k -= 2] = '\0';
			t[nt].len = k;
			nt++;
			i = j;
		} else
			i++;
	}
	return nt;
}

struct feat {
	int	year, month, day, wday, decade, century, quarter, half;
	int	season, pod, hour, min, sec, clock, ampm, dayoff, hasdayoff;
	int	hasqty, qtyx, unit, unitpl, rel, hasrel, shift, now, past;
	int	future, every, setunit, other, times, that, the, yearago;
	int	holiday, fiscal, yearrel, hasyearrel, mod, range, approx;
	int	tonight, overnight, decadeword, centurygiven, weekof, ord;
	int	ndays;		/* days of the matched unit given as "a" */
	int	period;		/* "period": a company's reporting quarter */
	double	qty;
};

static int
holiday(const char *s, size_t n, int y, int *m, int *d)
{
	static const struct {
		const char	*name;
		int		 m, d;	/* d < 0: -(nth weekday*10 + wd) */
	} h[] = {
		{ "christmas eve", 12, 24 }, { "christmas", 12, 25 },
		{ "new year's eve", 12, 31 }, { "new year's", 1, 1 },
		{ "halloween", 10, 31 }, { "independence day", 7, 4 },
		{ "valentine's day", 2, 14 }, { "veterans day", 11, 11 },
		{ "armistice day", 11, 11 }, { "remembrance day", 11, 11 },
		{ "boxing day", 12, 26 }, { "bastille day", 7, 14 },
		{ "may day", 5, 1 }, { "thanksgiving", 11, -44 },
		{ "labor day", 9, -11 }, { "labour day", 9, -11 },
		{ "memorial day", 5, -91 }, { "mother's day", 5, -27 },
		{ "father's day", 6, -37 }, { "columbus day", 10, -21 },
		{ "martin luther king", 1, -31 }, { "presidents", 2, -31 },
		{ "election day", 11, -12 },
	};
	char low[64];
	size_t i, k;

	for (i = 0; i < n && i < sizeof(low) - 1; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[i] = '\0';
	for (k = 0; k < sizeof(h) / sizeof(h[0]); k++) {
		int nth, wd, first, dd;

		if (strstr(low, h[k].name) == NULL)
			continue;
		*m = h[k].m;
		if (h[k].d > 0) {
			*d = h[k].d;
			return 1;
		}
		if (strcmp(h[k].name, "election day") == 0) {
			/* the Tuesday after the first Monday */
			if (y == 0) {
				*d = 0;
				return 1;
			}
			first = weekday(y, 11, 1);
			dd = 1 + (1 - first + 7) % 7 + 1;
			*d = dd;
			return 1;
		}
		nth = -h[k].d / 10;
		wd = -h[k].d % 10;
		if (y == 0) {
			*d = 0;
			return 1;
		}
		first = weekday(y, *m, 1);
		dd = 1 + (wd - first + 7) % 7 + (nth - 1) * 7;
		if (nth == 9) {		/* the last one */
			dd = 1 + (wd - first + 7) % 7;
			while (date_valid(y, *m, dd + 7))
				dd += 7;
		}
		*d = dd;
		return 1;
	}
	if (strstr(low, "easter") != NULL) {
		/* anonymous Gregorian computus */
		int a, b, c, e, f, g, hh, ii, kk, l, mm;

		*m = 4;
		*d = 0;
		if (y == 0)
			return 1;
		a = y % 19;
		b = y / 100;
		c = y % 100;
		e = b / 4;
		f = b % 4;
		g = (b - (b + 8) / 25 + 1) / 3;
		hh = (19 * a + b - e - g + 15) % 30;
		ii = c / 4;
		kk = c % 4;
		l = (32 + 2 * f + 2 * ii - hh - kk) % 7;
		mm = (a + 11 * hh + 22 * l) / 451;
		*m = (hh + l - 7 * mm + 114) / 31;
		*d = (hh + l - 7 * mm + 114) % 31 + 1;
		return 1;
	}
	return 0;
}

/* Read the tokens into features. */
static void
features(const char *s, size_t n, struct ttok *t, int nt, struct feat *f)
{
	int i, numcur = -1, numtot = 0, innum = 0, pendday = 0;
	const struct lexent *le;

	memset(f, 0, sizeof(*f));
	f->hour = f->min = f->sec = -1;
	f->qty = 0;
	for (i = 0; i < nt; i++) {
		const char *w = t[i].w;
		int m, v;

		if (t[i].digit) {
			const char *p = w;
			int a = 0, b = 0, c = 0, nd = 0;
			char *e;

			innum = 0;
			if (t[i].apos) {
				v = atoi(w);
				if (strchr(w, 's') != NULL)
					f->decade = (v >= 30 ? 190 : 200) + v / 10;
				else if (f->year == 0)
					f->year = (v >= 30 ? 1900 : 2000) + v;
				continue;
			}
			if (strchr(w, ':') != NULL) {
				sscanf(w, "%d:%d:%d", &a, &b, &c);
				f->hour = a;
				f->min = b;
				if (strchr(strchr(w, ':') + 1, ':') != NULL)
					f->sec = c;
				f->clock = 1;
				continue;
			}
			if (strchr(w, '/') != NULL) {
				if (sscanf(w, "%d/%d/%d", &a, &b, &c) == 3) {
					f->month = a;
					f->day = b;
					f->year = c < 100 ? (c >= 30 ? 1900 : 2000) +
					    c : c;
				} else if (sscanf(w, "%d/%d", &a, &b) == 2 &&
				    a == 1 && b == 2) {
					f->qty += 0.5;
				}
				continue;
			}
			for (p = w; *p >= '0' && *p <= '9'; p++)
				nd++;
			{
				long lv = strtol(w, &e, 10);

				/* 99999999999 years: as many as an int holds */
				v = lv > 999999999 ? 999999999 : (int)lv;
			}
			if (nd == 4 && ((p[0] == 's' && p[1] == '\0') ||
			    (p[0] == '\'' && p[1] == 's' && p[2] == '\0'))) {
				f->decade = v / 10;
				continue;
			}
			if ((strcmp(p, "st") == 0 || strcmp(p, "nd") == 0 ||
			    strcmp(p, "rd") == 0 || strcmp(p, "th") == 0)) {
				if (i + 1 < nt && strcmp(t[i + 1].w, "century") == 0)
					f->century = v;
				else if (i + 1 < nt && (strcmp(t[i + 1].w,
				    "quarter") == 0 || strcmp(t[i + 1].w,
				    "half") == 0))
					f->ord = v;
				else if (f->month)
					f->day = v;
				else
					pendday = v;
				continue;
			}
			if (*p == 'q' && p[1] == '\0' && nd == 1) {
				f->quarter = v;		/* 3Q */
				continue;
			}
			if (*p != '\0')
				continue;
			if (strchr(w, ',') != NULL || strchr(w, '.') != NULL) {
				double x = 0;
				char tmp[24];
				size_t k, o = 0;

				for (k = 0; w[k] && o < sizeof(tmp) - 1; k++)
					if (w[k] != ',')
						tmp[o++] = w[k];
				tmp[o] = '\0';
				x = strtod(tmp, NULL);
				f->qty = x;
				f->hasqty = 1;
				continue;
			}
			if (i + 1 < nt && (strcmp(t[i + 1].w, "am") == 0 ||
			    strcmp(t[i + 1].w, "pm") == 0 ||
			    strcmp(t[i + 1].w, "o'clock") == 0)) {
				f->hour = v;
				f->min = 0;
				f->clock = 1;
				continue;
			}
			if (i + 2 < nt && strcmp(t[i + 1].w, "in") == 0 &&
			    strcmp(t[i + 2].w, "the") == 0) {
				f->hour = v;
				f->min = 0;
				f->clock = 1;
				continue;
			}
			/* 1990 years is a length, the 1988 quarter a date */
			if (nd == 4 && v >= 1000 && v <= 2099 && f->year == 0 &&
			    !(i + 1 < nt && lex_find(t[i + 1].w) != NULL &&
			    lex_find(t[i + 1].w)->cls == W_UNIT &&
			    strcmp(t[i + 1].w, "quarter") != 0)) {
				f->year = v;
				continue;
			}
			if (f->month && !f->day && v >= 1 && v <= 31 &&
			    !(i + 1 < nt && lex_find(t[i + 1].w) != NULL &&
			    lex_find(t[i + 1].w)->cls == W_UNIT)) {
				f->day = v;
				continue;
			}
			if (v >= 1 && v <= 31 && i + 1 < nt &&
			    (month_index(t[i + 1].w, t[i + 1].len) ||
			    strcmp(t[i + 1].w, "of") == 0) && !f->month) {
				pendday = v;
				continue;
			}
			if (f->hasqty && f->range == 0) {
				f->range = 1;	/* 12 to 18 */
				f->qtyx = 1;
				continue;
			}
			f->qty = v;
			f->hasqty = 1;
			continue;
		}
		if (w[0] == 'f' && w[1] == 'y' && isdigit((unsigned char)w[2])) {
			v = atoi(w + 2);
			f->year = v < 100 ? (v >= 30 ? 1900 : 2000) + v : v;
			f->fiscal = 1;
			continue;
		}
		/* Q3, H1 */
		if ((w[0] == 'q' || w[0] == 'h') && w[1] >= '1' && w[1] <= '4' &&
		    w[2] == '\0') {
			if (w[0] == 'q')
				f->quarter = w[1] - '0';
			else
				f->half = w[1] - '0';
			continue;
		}
		if ((m = month_index(w, t[i].len)) != 0 && t[i].cap) {
			f->month = m;
			if (pendday) {
				f->day = pendday;
				pendday = 0;
			}
			continue;
		}
		if ((v = weekday_index(w)) != 0 && t[i].cap) {
			f->wday = v;
			if (w[t[i].len - 1] == 's' && t[i].len > 6)
				f->every = 1;
			continue;
		}
		if (strcmp(w, "am") == 0 || strcmp(w, "pm") == 0) {
			f->ampm = w[0];
			continue;
		}
		if ((le = lex_find(w)) == NULL) {
			innum = 0;
			continue;
		}
		switch (le->cls) {
		case W_A:
			if (i + 1 < nt && (strcmp(t[i + 1].w, "few") == 0 ||
			    strcmp(t[i + 1].w, "number") == 0 ||
			    strcmp(t[i + 1].w, "handful") == 0)) {
				f->qtyx = 1;
				f->hasqty = 1;
				break;
			}
			if (i + 1 < nt && strcmp(t[i + 1].w, "half") == 0)
				break;
			if (innum || f->hasqty)
				break;
			numcur = 1;
			innum = 1;
			f->qty = 1;
			f->hasqty = 1;
			break;
		case W_NUM:
			v = le->val;
			if (innum && numcur >= 0) {
				if (numcur == 1 && v == 2 && i > 0 &&
				    strcmp(t[i - 1].w, "a") == 0)
					numcur = 2;		/* a couple */
				else if (numcur % 10 == 0 && numcur >= 20 &&
				    v < 10)
					numcur += v;		/* twenty four */
				else if (numcur % 100 == 0 && numcur >= 100 &&
				    v < 100)
					numcur += v;		/* hundred thirty */
				else if (numcur >= 10 && numcur < 100 && v >= 10)
					numcur = numcur * 100 + v; /* nineteen ninety */
				else
					numcur = v;
			} else
				numcur = v;
			innum = 1;
			f->qty = numtot + numcur;
			f->hasqty = 1;
			break;
		case W_MULT:
			if (numcur < 0)
				numcur = 1;
			if (le->val == 1000) {
				numtot += numcur * 1000;
				numcur = 0;
			} else
				numcur *= le->val;
			innum = 1;
			f->qty = numtot + numcur;
			f->hasqty = 1;
			break;
		case W_NUMX:
			f->qtyx = 1;
			f->hasqty = 1;
			break;
		case W_HALF:
			if (i + 1 < nt && (strcmp(t[i + 1].w, "a") == 0 ||
			    strcmp(t[i + 1].w, "an") == 0)) {
				f->qty = 0.5;
				f->hasqty = 1;
				i++;
			} else if (f->hasqty)
				f->qty += 0.5;
			else if (i + 1 < nt && lex_find(t[i + 1].w) != NULL &&
			    lex_find(t[i + 1].w)->cls == W_UNIT) {
				f->qty = 0.5;
				f->hasqty = 1;
			} else if (i > 0 && (strcmp(t[i - 1].w, "last") == 0 ||
			    strcmp(t[i - 1].w, "latter") == 0)) {
				f->half = 2;	/* the last half of 1989 */
				f->hasrel = f->rel = 0;
			} else
				f->half = f->ord ? f->ord : 1;
			break;
		case W_ORD:
			if (i + 1 < nt && strcmp(t[i + 1].w, "century") == 0)
				f->century = le->val;
			else if (i + 1 < nt && (strcmp(t[i + 1].w, "of") == 0) &&
			    i + 2 < nt && month_index(t[i + 2].w, t[i + 2].len))
				pendday = le->val;
			else if (f->month && !f->day)
				f->day = le->val;
			else
				f->ord = le->val;
			break;
		case W_UNIT:
			if (f->hasyearrel && i > 0 && le->val == U_YEAR &&
			    t[i - 1].len == 4 && lex_find(t[i - 1].w) != NULL &&
			    lex_find(t[i - 1].w)->cls == W_REL)
				break;	/* last year's quarter: no year long */
			if (strcmp(w, "quarter") == 0 && f->ord && !f->hasqty) {
				f->quarter = f->ord;
				f->ord = 0;
				break;
			}
			if (f->unit == 0 || (f->unit == U_DAY &&
			    le->val != U_DAY)) {
				f->unit = le->val;
				f->unitpl = w[t[i].len - 1] == 's' ||
				    strcmp(w, "centuries") == 0;
			}
			innum = 0;
			break;
		case W_POD:
			f->pod = le->val;
			if (w[t[i].len - 1] == 's')
				f->every = 1;
			break;
		case W_SEASON:
			f->season = le->val;
			break;
		case W_REL:
			if (!f->hasrel || f->rel == 0) {
				f->rel = le->val;
				f->hasrel = 1;
			}
			if (i + 1 < nt && strcmp(t[i + 1].w, "year") == 0 &&
			    i + 2 < nt && (strcmp(t[i + 2].w, "quarter") == 0 ||
			    lex_find(t[i + 2].w) != NULL)) {
				/* this year's third quarter */
				f->yearrel = le->val;
				f->hasyearrel = 1;
			}
			break;
		case W_SHIFT:
			f->shift = le->val;
			break;
		case W_NOW:
			if (i > 0 && strcmp(t[i - 1].w, "from") == 0)
				f->shift = 1;	/* two weeks from now */
			else
				f->now = 1;
			break;
		case W_PAST:
			f->past = 1;
			break;
		case W_FUTURE:
			f->future = 1;
			break;
		case W_DAYREL:
			f->dayoff += le->val;
			f->hasdayoff = 1;
			break;
		case W_TONIGHT:
			f->tonight = 1;
			f->hasdayoff = 1;
			f->pod = 'N';
			break;
		case W_OVERNIGHT:
			f->overnight = 1;
			f->pod = 'N';
			break;
		case W_SETW:
			f->setunit = le->val;
			break;
		case W_EVERY:
			f->every = 1;
			break;
		case W_OTHER:
			f->other = 1;
			break;
		case W_TIMES:
			f->times = 1;
			break;
		case W_THAT:
			f->that = 1;
			break;
		case W_THE:
			/* the end of next year: the next year is the
			 * document's, "the" is the end's */
			if (!(i + 2 < nt && strcmp(t[i + 2].w, "of") == 0 &&
			    (strcmp(t[i + 1].w, "end") == 0 ||
			    strcmp(t[i + 1].w, "beginning") == 0 ||
			    strcmp(t[i + 1].w, "start") == 0 ||
			    strcmp(t[i + 1].w, "middle") == 0 ||
			    strcmp(t[i + 1].w, "rest") == 0 ||
			    strcmp(t[i + 1].w, "remainder") == 0 ||
			    strcmp(t[i + 1].w, "close") == 0)))
				f->the = 1;
			break;
		case W_YEARAGO:
			f->yearago = 1;
			break;
		case W_FISCAL:
			f->fiscal = 1;
			break;
		case W_MOD:
			f->mod = 1;
			break;
		case W_CLOCKW:
			f->hour = le->val;
			f->min = 0;
			f->clock = 1;
			break;
		case W_DECW:
			f->decadeword = le->val;
			break;
		case W_AND:
			if (i + 2 < nt && strcmp(t[i + 1].w, "a") == 0 &&
			    strcmp(t[i + 2].w, "half") == 0) {
				f->qty += 0.5;
				i += 2;
			}
			break;
		case W_TO:
			break;
		default:
			break;
		}
		if (le->cls != W_NUM && le->cls != W_MULT && le->cls != W_A)
			innum = 0;
	}
	/* year-ago, year-earlier written with the hyphen split */
	if (strstr(s, "year") != NULL && (strstr(s, "year-ago") || strstr(s, "year-earlier") ||
	    strstr(s, "year earlier") || strstr(s, "prior-year") ||
	    strstr(s, "previous-year")))
		if (n > 0 && !f->hasqty)
			f->yearago = 1;
	/* nineteen ninety-six, the year two thousand */
	if (!f->year && f->hasqty && !f->qtyx && (!f->unit || (f->unit ==
	    U_YEAR && !f->unitpl && strstr(s, "year ") != NULL)) &&
	    f->qty >= 1000 && f->qty <= 2099 && f->qty == (int)f->qty) {
		f->year = (int)f->qty;
		f->hasqty = 0;
		f->unit = 0;
	}
	if (f->quarter == 0 && f->ord && f->unit == U_QUARTER)
		f->quarter = f->ord;
	if (f->half == 0 && f->ord && strstr(s, "half") != NULL &&
	    f->unit != U_QUARTER)
		f->half = f->ord;
	/* only words a holiday's name has make the long look-up worth it */
	for (i = 0; i < nt; i++)
		if (t[i].len >= 3 && strstr(" day eve year christmas easter "
		    "halloween thanksgiving king presidents ", t[i].w) != NULL)
			break;
	if (i < nt)
		f->holiday = holiday(s, n, 0, &(int){ 0 }, &(int){ 0 });
}

/* --- tense ---------------------------------------------------------- */

/* Is the word w an article or a possessive: "the", "a", "its" ...? */
static int
determiner(const char *s, const struct sword *w)
{
	static const char *const det[] = { "a", "an", "the", "its", "his",
	    "her", "their", "our", "my", "your", NULL };

	return timex_word_in(s, w, det);
}

/* Is the word w the lower-case word lw? */
static int
word_is(const char *s, const struct sword *w, const char *lw)
{
	size_t n = w->end - w->start;

	return strlen(lw) == n && memcmp(s + w->start, lw, n) == 0;
}

/* Is the word before word k "had", or "had been"? */
static int
had_before(const char *s, const struct swords *sw, size_t k)
{
	if (k == 0 || k >= sw->n)
		return 0;
	if (word_is(s, &sw->v[k - 1], "had"))
		return 1;
	return k > 1 && word_is(s, &sw->v[k - 1], "been") &&
	    word_is(s, &sw->v[k - 2], "had");
}

/*
 * Is the word w one that "to" before it makes an infinitive: lower case,
 * no number, no determiner ("to acquire", not "to the", "to 5%")?
 */
static int
infinitive(const char *s, const struct sword *w)
{
	static const char *det[] = { "a", "an", "the", "his", "her", "its",
	    "their", "our", "my", "your", "this", "that", "these", "those",
	    "date", "record", "work", "school", "court", "power", "office",
	    "be", NULL };
	size_t n = w->end - w->start, k;
	const char **d;

	for (k = 0; k < n; k++)
		if (!islower((unsigned char)s[w->start + k]))
			return 0;
	for (d = det; *d != NULL; d++)
		if (strlen(*d) == n && memcmp(*d, s + w->start, n) == 0)
			return 0;
	return 1;
}

/*
 * A past verb of the word k's clause, up to six words before it?  With
 * a weekday after "to buy", the day goes with that past act ("extended
 * its offer to buy the maker Friday"); a month further off is more often
 * when the act still to come falls ("agreed to buy it in February").
 */
static int
past_before(const char *s, const struct swords *sw, size_t k)
{
	size_t m, i, j;

	for (m = k; m-- > 0 && k - m <= 6; ) {
		i = sw->v[m].start;
		j = sw->v[m].end;
		if (memchr(s + j, ',', sw->v[m + 1].start - j) != NULL ||
		    memchr(s + j, ';', sw->v[m + 1].start - j) != NULL)
			return 0;
		if (sw->v[m].flags & (WF_FUT | WF_PRES | WF_AUX))
			return 0;
		if (sw->v[m].flags & WF_PAST)
			return 1;
		if (j - i >= 5 && (s[j - 2] | 0x20) == 'e' &&
		    (s[j - 1] | 0x20) == 'd' && islower((unsigned char)s[i]) &&
		    !(m > 0 && determiner(s, &sw->v[m - 1])))
			return 1;
	}
	return 0;
}

/*
 * Is the present that schedules at word k (k > 0) bound by the word before
 * it, past a "not": "to play", "the play", "will play", "did not play"?
 */
static int
sched_bound(const char *s, const struct swords *sw, size_t k)
{
	static const char *const neg[] = { "not", "t", "never", NULL };
	const struct sword *p = &sw->v[k - 1];

	if (k > 1 && timex_word_in(s, p, neg))
		p--;
	return word_is(s, p, "to") || determiner(s, p) ||
	    (p->flags & (WF_FUT | WF_PAST | WF_AUX));
}

/*
 * The tense around s[a..b): -1 past, 1 future, 0 unknown, from the
 * nearest auxiliary or past-tense verb among the sentence's words, the
 * ones before the expression counting double.
 */
static int
tense(const char *s, size_t n, const struct swords *sw, size_t a, size_t b,
    int wday)
{
	size_t lo = a > 240 ? a - 240 : 0, hi = b + 160, best = (size_t)-1;
	size_t k, l, h;
	int t = 0, prevaux = 0;

	/* a window around the expression, so long sentences stay linear */
	for (l = 0, h = sw->n; l < h; ) {
		k = l + (h - l) / 2;
		if (sw->v[k].start < lo)
			l = k + 1;
		else
			h = k;
	}
	for (k = l; k < sw->n && sw->v[k].start < hi; k++) {
		size_t i = sw->v[k].start, j = sw->v[k].end, len = j - i, dist;
		int v = 2, fl = sw->v[k].flags;

		if (i >= a && i < b)
			continue;
		/* "met him on Wednesday and will travel on Thursday": a
		 * verb after the next clause's conjunction is that clause's
		 * when one before has spoken */
		if (i >= b && best != (size_t)-1 && len >= 3 && len <= 5 &&
		    (s[i] == 'a' || s[i] == 'b' || s[i] == 'w' ||
		    s[i] == 't') &&
		    (word_is(s, &sw->v[k], "and") || word_is(s, &sw->v[k],
		    "but") || word_is(s, &sw->v[k], "while") ||
		    word_is(s, &sw->v[k], "when") || word_is(s, &sw->v[k],
		    "after") || word_is(s, &sw->v[k], "then")))
			break;
		if ((fl & WF_SCHED) && k > 0 && sched_bound(s, sw, k))
			v = 2;	/* due to expire: the verb before says */
		else if (fl & (WF_FUT | WF_SCHED))
			v = 1;
		else if (fl & WF_PAST)
			v = -1;
		else if (fl & WF_PRES)
			v = 0;
		else if (len >= 5 && (s[j - 2] | 0x20) == 'e' &&
		    (s[j - 1] | 0x20) == 'd' && islower((unsigned char)s[i]) &&
		    !(k > 0 && (determiner(s, &sw->v[k - 1]) || (k > 1 &&
		    determiner(s, &sw->v[k - 2])))))
			v = -1;		/* not "an unspecified date" */
		else if (len == 2 && s[i] == 't' && s[i + 1] == 'o' && j < a &&
		    k + 1 < sw->n && infinitive(s, &sw->v[k + 1]))
			v = wday && past_before(s, sw, k) ? -1 : 1;
					/* plans to buy: an act still to come */
		if (v == 1 && len == 3 && (s[i] | 0x20) == 's' &&
		    !(j + 3 < n && memcmp(s + j, " to ", 4) == 0))
			v = 2;
		if (v == -1 && prevaux)
			v = 2;		/* is held, will be named: the aux says */
		if (v == 1 && (fl & WF_FUT ? had_before(s, sw, k) :
		    k > 0 && (sw->v[k - 1].flags & WF_FUT) &&
		    had_before(s, sw, k - 1)))
			v = -1;		/* had been due to expire: past plans */
		prevaux = (fl & WF_AUX) != 0;
		if (v != 2) {
			dist = i < a ? (a - j) : 2 * (i - b) + 1;
			if (dist < best) {
				best = dist;
				t = v;
			}
		}
	}
	return t;
}

/*
 * Does the expression at s[a..) end a range whose first end is the
 * sentence's last month or day ("June through October", "May-July"), or
 * follow its year ("last year, in June")?
 */
static int
range_after(const struct timex_state *st, const char *s, size_t a)
{
	static const char *const joins[] = { " to ", " through ", " until ",
	    " till ", " and ", " or ", " into ", "-", " - ", "\xe2\x80\x93",
	    " \xe2\x80\x93 ", NULL };
	static const char *const apps[] = { " in ", ", in ", ", ", NULL };
	const char *const *j;
	size_t g;

	if (st->prevend == SIZE_MAX || st->prevend > a || !st->prevm.y)
		return 0;
	g = a - st->prevend;
	for (j = st->prevm.m ? joins : apps; *j != NULL; j++)
		if (strlen(*j) == g && memcmp(s + st->prevend, *j, g) == 0)
			return 1;
	return 0;
}

/* --- values ---------------------------------------------------------- */

/* v[0..w) from k, zero-padded; printf(3) is slow on the hot path */
static char *
put_num(char *v, int k, int w)
{
	int i;

	for (i = w - 1; i >= 0; i--) {
		v[i] = (char)('0' + k % 10);
		k /= 10;
	}
	return v + w;
}

static void
put_year(char *v, size_t sz, int y)
{
	/* TIMEX3 years have four digits: 99999 years later is unknown */
	if (y > 0 && y <= 9999 && sz > 4)
		*put_num(v, y, 4) = '\0';
	else
		strlcpy(v, "XXXX", sz);
}

static void
put_date(char *v, size_t sz, int y, int m, int d)
{
	char *p;

	put_year(v, sz, y);
	if (m <= 0 || m > 99 || d < 0 || d > 99 || (p = v + strlen(v)) + 7 >
	    v + sz)
		return;
	*p++ = '-';
	p = put_num(p, m, 2);
	if (d > 0) {
		*p++ = '-';
		p = put_num(p, d, 2);
	}
	*p = '\0';
}

static int
season_of(int m)
{
	return m >= 3 && m <= 5 ? 1 : m >= 6 && m <= 8 ? 2 :
	    m >= 9 && m <= 11 ? 3 : 4;
}

static const char *
season_code(int s)
{
	switch (s) {
	case 'S': case 1:
		return "SP";
	case 'U': case 2:
		return "SU";
	case 'F': case 3:
		return "FA";
	default:
		return "WI";
	}
}

static int
season_num(int c)
{
	return c == 'S' ? 1 : c == 'U' ? 2 : c == 'F' ? 3 : 4;
}

static const char *
pod_code(int p)
{
	switch (p) {
	case 'M':
		return "MO";
	case 'A':
		return "AF";
	case 'E':
		return "EV";
	default:
		return "NI";
	}
}

/* The year of a month (and day) named without one. */
static int
infer_year(const struct tdate *dct, int m, int d, int rel, int tn)
{
	int y = dct->y, cmp, dm;

	if (y == 0)
		return 0;
	cmp = (m * 32 + d) - (dct->m * 32 + (d ? dct->d : 0));
	if (rel == -1 || rel == -2)
		return cmp >= 0 ? y - 1 : y;
	if (rel == 1 || rel == 2)
		return cmp <= 0 ? y + 1 : y;
	if (rel == 0)
		return y;
	/*
	 * The nearest such month, unless the tense points away from it
	 * by more than two months: "said in October" in January is last
	 * October, "will meet in January" in October next January.
	 */
	dm = m - dct->m;
	if (tn > 0)
		return dm < -2 ? y + 1 : y;
	if (tn < 0)
		return dm > 2 ? y - 1 : y;
	if (dm > 6)
		return y - 1;
	if (dm < -6)
		return y + 1;
	return y;
}

/* The day a weekday named without a date falls on. */
static int
resolve_wday(const struct tdate *dct, int wd, int rel, int tn,
    struct tdate *out)
{
	int dw, diff;

	*out = *dct;
	if (dct->y == 0 || dct->d == 0)
		return -1;
	dw = weekday(dct->y, dct->m, dct->d);
	if (rel == -1 || rel == -2 || rel == -3) {
		diff = (dw - wd + 7) % 7;
		add_days(out, -(diff ? diff : 7));
	} else if (rel == 1 || rel == 2) {
		diff = (wd - dw + 7) % 7;
		add_days(out, diff ? diff : 7);
	} else if (tn > 0) {
		add_days(out, (wd - dw + 7) % 7);
	} else {
		add_days(out, -((dw - wd + 7) % 7));
	}
	out->gran = 'D';
	return 0;
}

static void
put_tdate(char *v, size_t sz, const struct tdate *t)
{
	char yb[16];
	int wy, w;

	put_year(yb, sizeof(yb), t->y);
	switch (t->gran) {
	case 'D':
		if (t->m && t->d)
			put_date(v, sz, t->y, t->m, t->d);
		else
			strlcpy(v, "XXXX-XX-XX", sz);
		break;
	case 'W':
		if (t->y && t->m && t->d) {
			w = isoweek(t->y, t->m, t->d, &wy);
			snprintf(v, sz, "%04d-W%02d", wy, w);
		} else
			strlcpy(v, "XXXX-WXX", sz);
		break;
	case 'M':
		if (t->m)
			put_date(v, sz, t->y, t->m, 0);
		else
			strlcpy(v, "XXXX-XX", sz);
		break;
	case 'Q':
		if (t->q)
			snprintf(v, sz, "%s-Q%d", yb, t->q);
		else
			snprintf(v, sz, "%s-QX", yb);
		break;
	default:
		snprintf(v, sz, "%s", yb);
		break;
	}
}

/* Move t by n units of unit u; t takes the unit's granularity. */
static void
shift_unit(struct tdate *t, int u, long n)
{
	if (n > 1000000 || n < -1000000)
		t->y = t->m = t->d = t->q = 0;	/* past any calendar */
	if (t->y == 0)
		n = 0;		/* no anchor: the granularity only */
	switch (u) {
	case U_SEC: case U_MIN: case U_HOUR:
		t->gran = 'D';
		break;
	case U_DAY: case U_NIGHT:
		if (t->d)
			add_days(t, n);
		t->gran = 'D';
		break;
	case U_WEEK: case U_WEEKEND:
		if (t->d)
			add_days(t, 7 * n);
		t->gran = 'W';
		break;
	case U_FORTNIGHT:
		if (t->d)
			add_days(t, 14 * n);
		t->gran = 'D';
		break;
	case U_MONTH:
		if (t->m)
			add_months(&t->y, &t->m, (int)n);
		t->gran = 'M';
		break;
	case U_QUARTER:
		if (t->m) {
			add_months(&t->y, &t->m, 3 * (int)n);
			t->q = (t->m - 1) / 3 + 1;
		}
		t->gran = 'Q';
		break;
	case U_HALFY:
		if (t->m)
			add_months(&t->y, &t->m, 6 * (int)n);
		t->gran = 'M';
		break;
	case U_DECADE:
		t->y += 10 * (int)n;
		t->gran = 'E';
		break;
	case U_CENTURY:
		t->y += 100 * (int)n;
		t->gran = 'C';
		break;
	default:
		if (t->gran == 'Q') {
			t->y += (int)n;
			break;
		}
		t->y += (int)n;
		t->gran = 'Y';
		break;
	}
}

static void
put_gran(char *v, size_t sz, const struct tdate *t)
{
	if (t->gran == 'E') {
		if (t->y > 0 && t->y <= 9999)
			snprintf(v, sz, "%03d", t->y / 10);
		else
			strlcpy(v, "XXX", sz);
	} else if (t->gran == 'C') {
		if (t->y > 0 && t->y <= 9999)
			snprintf(v, sz, "%02d", t->y / 100);
		else
			strlcpy(v, "XX", sz);
	} else
		put_tdate(v, sz, t);
}

static const char *
unit_code(int u, int *timepart, int *mult)
{
	*timepart = 0;
	*mult = 1;
	switch (u) {
	case U_SEC:
		*timepart = 1;
		return "S";
	case U_MIN:
		*timepart = 1;
		return "M";
	case U_HOUR:
		*timepart = 1;
		return "H";
	case U_DAY: case U_NIGHT:
		return "D";
	case U_WEEK:
		return "W";
	case U_WEEKEND:
		*mult = 2;
		return "D";
	case U_FORTNIGHT:
		*mult = 2;
		return "W";
	case U_MONTH:
		return "M";
	case U_QUARTER:
		*mult = 3;
		return "M";
	case U_HALFY:
		*mult = 6;
		return "M";
	case U_DECADE:
		*mult = 10;
		return "Y";
	case U_CENTURY:
		*mult = 100;
		return "Y";
	case U_MILLENNIUM:
		*mult = 1000;
		return "Y";
	default:
		return "Y";
	}
}

static void
put_duration(char *v, size_t sz, const struct feat *f, int known)
{
	int tp, mult;
	const char *c = unit_code(f->unit ? f->unit : U_YEAR, &tp, &mult);
	double q = f->qty * mult;

	if (!known) {
		const char *x = c;

		if (f->unit == U_DECADE)
			x = "DE";
		else if (f->unit == U_CENTURY)
			x = "CE";
		else if (f->unit == U_QUARTER)
			x = "Q";
		else if (f->unit == U_WEEKEND)
			x = "WE";
		snprintf(v, sz, "P%sX%s", tp ? "T" : "", x);
		return;
	}
	if (q != (long)q) {
		long whole = (long)q;
		double frac = q - (double)whole;

		/* 1.5 hours: PT1H30M; 2.5 years: P30M */
		if (f->unit == U_HOUR)
			snprintf(v, sz, "PT%s%ldH%dM", "", whole,
			    (int)(frac * 60 + 0.5));
		else if (f->unit == U_MIN)
			snprintf(v, sz, "PT%ldM%dS", whole,
			    (int)(frac * 60 + 0.5));
		else if (f->unit == U_YEAR && (q * 12) == (long)(q * 12))
		{
			if (whole)
				snprintf(v, sz, "P%ldY%ldM", whole,
				    (long)(frac * 12 + 0.5));
			else
				snprintf(v, sz, "P%ldM", (long)(q * 12));
		}
		else if (f->unit == U_DAY && (q * 24) == (long)(q * 24))
			snprintf(v, sz, "PT%ldH", (long)(q * 24));
		else if (f->unit == U_MONTH && (q * 30) == (long)(q * 30))
			snprintf(v, sz, "P%ldD", (long)(q * 30));
		else
			snprintf(v, sz, "P%s%g%s", tp ? "T" : "", q, c);
		if (whole == 0 && (f->unit == U_HOUR))
			snprintf(v, sz, "PT%dM", (int)(frac * 60 + 0.5));
		if (whole == 0 && (f->unit == U_MIN))
			snprintf(v, sz, "PT%dS", (int)(frac * 60 + 0.5));
		return;
	}
	snprintf(v, sz, "P%s%ld%s", tp ? "T" : "", (long)q, c);
}

/* The quarter a bare "the third quarter" means. */
static int
quarter_year(const struct tdate *dct, int q, int tn)
{
	int cq;

	if (dct->y == 0)
		return 0;
	cq = (dct->m - 1) / 3 + 1;
	if (q > cq && tn < 0)
		return dct->y - 1;
	return dct->y;
}

/* Is the last quarter named the document's or the one before it? */
static int
recent_quarter(const struct timex_state *st)
{
	int k;

	if (st->dct.y == 0 || st->dct.m == 0)
		return 0;
	k = st->dct.y * 4 + (st->dct.m - 1) / 3 + 1 -
	    (st->lastq.y * 4 + st->lastq.q);
	return k >= 0 && k <= 1;
}

/*
 * The date part of a DATE or TIME.  Returns 0 and fills t, or -1 when
 * the words name no date.  *setref says whether t may become the
 * reference for later expressions.
 */
static int
date_of(struct timex_state *st, const struct feat *f, int tn, const char *s,
    size_t n, struct tdate *t, int *setref)
{
	const struct tdate *dct = &st->dct;
	int y, m, d;

	memset(t, 0, sizeof(*t));
	*setref = 1;
	if (f->holiday) {
		y = f->year;
		if (y == 0)
			y = dct->y;
		holiday(s, n, y, &m, &d);
		if (f->year == 0 && y)
			y = infer_year(dct, m, d, f->hasrel ? f->rel : 9, tn);
		holiday(s, n, y, &m, &d);
		t->y = y;
		t->m = m;
		t->d = d;
		t->gran = d ? 'D' : 'M';
		return 0;
	}
	if (f->hasdayoff) {
		*t = *dct;
		if (t->y && t->d) {
			int off = f->dayoff;

			/* the day before yesterday; not later today */
			if (f->shift == -2 && strstr(s, "day before") != NULL)
				off--;
			else if (f->shift == 2 && strstr(s, "day after") != NULL)
				off++;
			add_days(t, off);
		}
		t->gran = 'D';
		return 0;
	}
	if (f->month) {
		y = f->year;
		if (y == 0)
			y = infer_year(dct, f->month, f->day,
			    f->hasrel ? f->rel : 9, tn);
		t->y = y;
		t->m = f->month;
		t->d = f->day;
		if (f->day && y && !date_valid(y, f->month, f->day))
			return -1;
		t->gran = f->day ? 'D' : 'M';
		if (strstr(s, "week of") != NULL && f->day)
			t->gran = 'W';
		return 0;
	}
	if (f->quarter || f->half) {
		if (f->year)
			y = f->year;
		else if (f->hasyearrel)
			y = dct->y ? dct->y + (f->yearrel < 0 ? -1 :
			    f->yearrel > 0 ? 1 : 0) : 0;
		else if (f->quarter && f->hasrel && f->rel == -1)
			y = quarter_year(dct, f->quarter, -1);
		else
			y = quarter_year(dct, f->quarter ? f->quarter :
			    f->half * 2, tn);
		if (f->yearago && y)
			y--;
		t->y = y;
		t->q = f->quarter;
		t->gran = 'Q';
		if (f->half) {
			t->gran = 'H';
			t->q = f->half;
		}
		return 0;
	}
	if (f->decade || f->decadeword) {
		t->y = f->decade ? f->decade * 10 : 1900 + f->decadeword * 10;
		t->gran = 'E';
		return 0;
	}
	if (f->century) {
		t->y = (f->century - 1) * 100;
		t->gran = 'C';
		return 0;
	}
	if (f->year && f->unit == U_QUARTER && !f->hasqty && st->lastq.q) {
		/* the 1988 quarter: the quarter the text is about, that year */
		t->y = f->year;
		t->q = st->lastq.q;
		t->gran = 'Q';
		return 0;
	}
	if (f->year) {
		t->y = f->year;
		if (f->season) {
			t->gran = 'S';
			t->q = season_num(f->season);
		} else
			t->gran = 'Y';
		return 0;
	}
	if (f->season) {
		int cur = season_of(dct->m), sn = season_num(f->season);

		/* in January the winter began last year: this year's
		 * spring, summer and fall are all still to come */
		if (dct->m <= 2 && sn != 4)
			cur = 0;
		y = dct->y;
		if (y) {
			if (f->hasrel && f->rel < 0)
				y -= sn >= cur ? 1 : 0;
			else if (f->hasrel && f->rel > 0)
				y += sn <= cur ? 1 : 0;
			else if (!f->hasrel && tn < 0 && sn > cur)
				y--;
			else if (!f->hasrel && tn > 0 && sn < cur)
				y++;
		}
		t->y = y;
		t->gran = 'S';
		t->q = sn;
		return 0;
	}
	if (f->wday && !f->every) {
		/* the previous Friday, the following Monday: from the
		 * last day the text named */
		const struct tdate *from = f->hasrel && (f->rel == -2 ||
		    f->rel == 2) && st->ref.gran == 'D' && st->ref.d ?
		    &st->ref : dct;

		if (resolve_wday(from, f->wday, f->hasrel ? f->rel : 9, tn,
		    t) == -1) {
			t->y = 0;
			t->gran = 'D';
		}
		return 0;
	}
	if (f->unit && f->shift < 0 && f->unitpl && !f->hasqty)
		return -1;		/* years ago: some time before */
	if (f->unit && f->shift && (f->hasqty || f->yearago || (f->the &&
	    !f->hasrel && !f->unitpl && (f->shift == 2 || f->shift == -2)))) {
		/* three years ago, two days later, the day before */
		long q = f->hasqty ? (long)f->qty : 1;
		int dir = f->shift < 0 ? -1 : 1;

		*setref = 0;
		if (f->qtyx)
			return -1;
		if ((f->shift == -2 || f->shift == 2) && st->ref.y)
			*t = st->ref;
		else
			*t = *dct;
		/* "last year, down from the year before": from the time
		 * the sentence just named */
		if (f->the && !f->hasqty && st->prevend != SIZE_MAX &&
		    st->prevm.y && (f->unit == U_YEAR || (f->unit ==
		    U_MONTH && st->prevm.m) || st->prevm.d))
			*t = st->prevm;
		if (f->unit == U_YEAR && q == 1 && st->ref.gran != 'Q' &&
		    st->lastq.q && st->lastq.y == st->dct.y &&
		    (f->shift == -2 || f->shift == -1)) {
			/* a year earlier, in a report about a quarter */
			*t = st->lastq;
			t->y--;
			return 0;
		}
		if (f->unit == U_YEAR && q == 1 && st->ref.gran == 'Q' &&
		    st->ref.q) {
			/* "up from $3 a year ago": the same quarter */
			*t = st->ref;
			t->y--;
			return 0;
		}
		if (f->unit == U_YEAR && t->gran == 'Q') {
			shift_unit(t, U_YEAR, dir * q);
			return 0;
		}
		if (t->gran != 'D' && f->unit <= U_WEEKEND && t->y) {
			/* a day-sized step from a coarser date */
			*t = *dct;
		}
		shift_unit(t, f->unit, dir * q);
		return 0;
	}
	if (f->yearago) {
		*setref = 0;
		*t = st->ref.y ? st->ref : *dct;
		if (t->gran != 'Q')
			*t = *dct;
		shift_unit(t, U_YEAR, -1);
		return 0;
	}
	if (f->unit == U_QUARTER && !f->hasqty && f->hasyearrel &&
	    st->lastq.q && st->lastq.y) {
		/* last year's quarter: the one the report is about, a year
		 * before the report's */
		*t = st->lastq;
		t->y += f->yearrel < 0 ? -1 : f->yearrel > 0 ? 1 : 0;
		return 0;
	}
	if (f->unit && !f->hasqty) {
		int rel = f->hasrel ? f->rel : 0;
		int u = f->unit;

		*setref = 0;
		if (u == U_WEEKEND && !f->hasrel && !f->that) {
			/* the weekend: the one before in the past tense */
			*t = *dct;
			if (t->y && t->d && tn < 0 &&
			    weekday(t->y, t->m, t->d) < 6)
				add_days(t, -7);
			t->gran = 'K';
			return 0;
		}
		if (f->the && (rel == 1 || rel == 2 || rel == -2) &&
		    !(rel == 1 && f->shift == 2))	/* after next */
			rel = rel == 1 ? 2 : rel;	/* the next day */
		/* the full year: the one the report is for, the document's */
		if (f->that || rel == 2 || rel == -2 ||
		    (!f->hasrel && f->the && strstr(s, "full ") == NULL)) {
			/* the following day, that year: from the reference */
			*t = st->ref.y ? st->ref : *dct;
			if ((u <= U_WEEKEND && t->gran != 'D') ||
			    (u == U_MONTH && t->m == 0))
				*t = *dct;	/* a year: no month in it */
			/* "will ... by the end of the year" after "in 2011":
			 * an act to come is not in a year gone by */
			if (!f->that && rel == 0 && tn > 0 && t->y && dct->y &&
			    t->y < dct->y)
				*t = *dct;
			shift_unit(t, u, rel == 2 ? 1 : rel == -2 ? -1 : 0);
		} else {
			*t = *dct;
			/* the week before last, the month after next */
			shift_unit(t, u, (rel == 1 ? 1 : rel == -1 ? -1 : 0) *
			    ((rel == -1 && f->shift == -2) || (rel == 1 &&
			    f->shift == 2) ? 2 : 1));
		}
		if (u == U_WEEKEND)
			t->gran = 'K';
		if (u == U_YEAR)
			t->gran = 'Y';	/* the year, after a quarter */
		if (u == U_QUARTER && st->lastq.q && ((f->period &&
		    (rel == -3 || (!f->hasrel && f->the))) || (!f->period &&
		    !f->that && recent_quarter(st) &&
		    ((!f->hasrel && f->the) || strncmp(s, "this ", 5) == 0)))) {
			/* the latest period; the quarter, this quarter of
			 * this year's report: the quarter it is about */
			*t = st->lastq;
			return 0;
		}
		if (u == U_QUARTER && t->y && t->m) {
			t->q = (t->m - 1) / 3 + 1;
			if (!f->hasrel && f->the && st->ref.gran == 'Q')
				t->q = st->ref.q;
			else if (!f->hasrel || rel == -3)
				shift_unit(t, U_QUARTER, -1);
		}
		return 0;
	}
	return -1;
}

static void
put_date_value(char *v, size_t sz, const struct tdate *t)
{
	char yb[16];

	put_year(yb, sizeof(yb), t->y);
	switch (t->gran) {
	case 'H':
		snprintf(v, sz, "%s-H%d", yb, t->q);
		break;
	case 'S':
		snprintf(v, sz, "%s-%s", yb, season_code(t->q));
		break;
	case 'K':
		if (t->y && t->d) {
			int wy, w = isoweek(t->y, t->m, t->d, &wy);

			snprintf(v, sz, "%04d-W%02d-WE", wy, w);
		} else
			strlcpy(v, "XXXX-WXX-WE", sz);
		break;
	default:
		put_gran(v, sz, t);
	}
}

/* Is the last day named within a week of the document date? */
static int
near_dct(const struct timex_state *st)
{
	long d;

	if (!st->dct.y || !st->dct.d || !st->lastday.y)
		return 0;
	d = date_days(st->lastday.y, st->lastday.m, st->lastday.d) -
	    date_days(st->dct.y, st->dct.m, st->dct.d);
	return d >= -7 && d <= 7;
}

int
timex_normalise(struct timex_state *st, const char *s, size_t n, size_t a,
    size_t b, int rt, const struct swords *sw, struct timex *out)
{
	struct ttok t[MAXTOK];
	struct feat f;
	struct tdate td;
	int nt, tn, setref = 0;
	char *v = out->value;
	size_t sz = sizeof(out->value);
	char span[256];
	size_t sl = b - a < sizeof(span) - 1 ? b - a : sizeof(span) - 1;

	memcpy(span, s + a, sl);
	span[sl] = '\0';
	for (nt = 0; nt < (int)sl; nt++)
		span[nt] = (char)tolower((unsigned char)span[nt]);
	nt = tokens(s + a, b - a, t, MAXTOK);
	if (nt == 0)
		return -1;
	features(span, sl, t, nt, &f);
	/* "a trillion trillion years": past any date, and kept where a
	 * cast to long and a shift by it stay defined */
	if (f.qty > 1e12)
		f.qty = 1e12;
	/* the latest period, the year-ago period: a company's quarter */
	if (strstr(span, "period") != NULL && (!f.unit || (f.unit == U_YEAR &&
	    f.hasrel && f.rel == -1))) {
		if (f.unit == U_YEAR)
			f.yearago = 1;	/* the same period last year */
		f.unit = U_QUARTER;
		f.period = 1;
		f.hasrel = f.rel == -3;
	}
	/* the quarter a year ago: that quarter, a year before */
	if (f.unit == U_QUARTER && !f.quarter && f.shift == -1 &&
	    strstr(span, "quarter a year") != NULL) {
		f.hasqty = 0;
		f.shift = 0;
		f.yearago = 1;
	}
	tn = tense(s, n, sw, a, b, f.wday != 0);
	out->start = a;
	out->end = b;

	/* ISO forms are read as they are */
	if (b - a >= 10 && isdigit((unsigned char)s[a]) && s[a + 4] == '-') {
		int y = atoi(s + a), m = atoi(s + a + 5), d = 0, hh, mm;

		if (b - a >= 10 && s[a + 7] == '-')
			d = atoi(s + a + 8);
		if (!date_valid(y, m, d ? d : 1))
			return -1;
		if (rt == 'T' && sscanf(s + a + 11, "%d:%d", &hh, &mm) == 2) {
			out->type = TX_TIME;
			snprintf(v, sz, "%04d-%02d-%02dT%02d:%02d", y, m, d, hh,
			    mm);
		} else {
			out->type = TX_DATE;
			put_date(v, sz, y, m, d);
		}
		st->ref.y = y;
		st->ref.m = m;
		st->ref.d = d;
		st->ref.gran = d ? 'D' : 'M';
		return 0;
	}
	if (rt == 'A') {
		if (f.every || f.setunit)
			rt = 'S';
		else if (f.pod || f.clock)
			rt = 'T';
		else if (f.shift > 0 && f.hasqty && f.qtyx && f.unit)
			rt = 'U';
		else
			rt = 'D';
	}
	switch (rt) {
	case 'S':
		out->type = TX_SET;
		if (f.wday) {
			snprintf(v, sz, "XXXX-WXX-%d%s%s", f.wday,
			    f.pod ? "T" : "", f.pod ? pod_code(f.pod) : "");
		} else if (f.month)
			snprintf(v, sz, "XXXX-%02d", f.month);
		else if (f.season)
			snprintf(v, sz, "XXXX-%s", season_code(f.season));
		else if (f.pod && !f.unit)
			snprintf(v, sz, "XXXX-XX-XXT%s", pod_code(f.pod));
		else if (f.setunit) {
			struct feat g = f;

			g.unit = f.setunit;
			g.qty = 1;
			if (f.setunit == U_QUARTER)
				strlcpy(v, "P1Q", sz);
			else
				put_duration(v, sz, &g, 1);
		} else {
			struct feat g = f;

			if (!g.unit)
				g.unit = U_DAY;
			if (!g.hasqty || g.times || g.qtyx)
				g.qty = 1;
			if (g.other)
				g.qty = 2;
			if (g.unit == U_QUARTER && g.qty == 1)
				strlcpy(v, "P1Q", sz);
			else
				put_duration(v, sz, &g, 1);
		}
		return 0;
	case 'U':
		/*
		 * Recent years, past years, coming quarters, future
		 * quarters: TimeBank has a time before or after now, no
		 * length (the past few years, recent weeks keep one).
		 */
		if (f.unitpl && !(f.hasqty && !f.qtyx) && ((f.unit ==
		    U_QUARTER) || (f.unit == U_YEAR && !f.hasqty && !f.the)) &&
		    (f.past || f.future || f.hasrel) && !f.approx) {
			int dir = f.future || (f.hasrel && f.rel > 0) ? 1 :
			    f.past || (f.hasrel && f.rel < 0) ? -1 : 0;

			if (dir != 0) {
				out->type = TX_DATE;
				snprintf(v, sz, dir < 0 ? "PAST_REF" :
				    "FUTURE_REF");
				return 0;
			}
		}
		out->type = TX_DURATION;
		if (strstr(span, "quarter-century") != NULL ||
		    strstr(span, "quarter century") != NULL) {
			strlcpy(v, "P25Y", sz);
			return 0;
		}
		if (strstr(span, "while") || strstr(span, "time") ||
		    strstr(span, "period")) {
			strlcpy(v, "PXX", sz);
			return 0;
		}
		if (!f.unit)
			return -1;
		if (f.hasqty && !f.qtyx)
			put_duration(v, sz, &f, 1);
		else if (!f.hasqty && !f.unitpl) {
			f.qty = 1;
			put_duration(v, sz, &f, 1);
		} else
			put_duration(v, sz, &f, 0);
		return 0;
	case 'T':
		out->type = TX_TIME;
		if (date_of(st, &f, tn, span, sl, &td, &setref) == -1) {
			td = st->dct;
			td.gran = 'D';
			/* that morning: the last date named, if a day; a
			 * clock time alone: the last day named, if within a
			 * week of now (a year named since, as in "built in
			 * 1931", moves no clock) */
			if (f.that && st->ref.y && st->ref.gran == 'D' &&
			    st->ref.d)
				td = st->ref;
			else if (f.clock && !f.hasrel && near_dct(st))
				td = st->lastday;
			if (f.hasrel && f.rel < 0 && f.pod == 'N' && td.d)
				add_days(&td, -1);	/* last night */
		}
		if (td.gran != 'D' && !(td.y && td.m && td.d)) {
			if (!f.clock && !f.pod)
				return -1;
		}
		if (td.y && td.m && td.d)
			put_date(v, sz, td.y, td.m, td.d);
		else
			strlcpy(v, "XXXX-XX-XX", sz);
		if (f.clock) {
			int h = f.hour;

			if ((f.ampm == 'p' || (!f.ampm && (f.pod == 'E' ||
			    f.pod == 'A' || (f.pod == 'N' && h >= 6)))) &&
			    h < 12)
				h += 12;	/* 9:30 tonight, 4 in the afternoon */
			else if (f.ampm == 'a' && h == 12)
				h = 0;
			if (h > 24 || f.min > 59)
				return -1;
			snprintf(v + strlen(v), sz - strlen(v), "T%02d:%02d", h,
			    f.min < 0 ? 0 : f.min);
			if (f.sec >= 0)
				snprintf(v + strlen(v), sz - strlen(v), ":%02d",
				    f.sec);
		} else if (f.pod)
			snprintf(v + strlen(v), sz - strlen(v), "T%s",
			    pod_code(f.pod));
		if (setref && td.y && td.d) {
			st->ref = td;
			st->ref.gran = 'D';
		}
		/*
		 * TimeBank types the part of a named day ("Friday morning")
		 * as a DATE, the part of a day named from now ("this
		 * morning", "last night") as a TIME.
		 */
		if (!f.clock && (f.wday || f.month || f.tonight))
			out->type = TX_DATE;
		return 0;
	default:
		out->type = TX_DATE;
		if (f.now && !f.month && !f.year && !f.unit) {
			strlcpy(v, "PRESENT_REF", sz);
			return 0;
		}
		if (strncmp(span, "then ", 5) == 0 && !f.unit) {
			strlcpy(v, "PAST_REF", sz);	/* the then current */
			return 0;
		}
		if (f.hasrel && f.rel == 0 && !f.unit && !f.month && !f.year &&
		    !f.wday && !f.season && !f.quarter && !f.holiday &&
		    !f.decade && !f.century && !f.hasdayoff) {
			strlcpy(v, "PRESENT_REF", sz);	/* current */
			return 0;
		}
		if ((f.past || (f.hasrel && f.rel == -1 && f.the)) &&
		    !f.month && !f.year && !f.unit && !f.wday &&
		    !f.hasdayoff) {
			strlcpy(v, "PAST_REF", sz);
			return 0;
		}
		if (f.future && !f.month && !f.year && !f.unit) {
			strlcpy(v, "FUTURE_REF", sz);
			return 0;
		}
		if (date_of(st, &f, tn, span, sl, &td, &setref) == -1) {
			if (f.shift < 0 && (f.qtyx || (f.unitpl && !f.hasqty)))
				strlcpy(v, "PAST_REF", sz);
			else if (f.shift > 0 && f.qtyx)
				strlcpy(v, "FUTURE_REF", sz);
			else if (strstr(span, "later date") ||
			    strstr(span, "near term") ||
			    strstr(span, "short term") ||
			    strstr(span, "future date"))
				strlcpy(v, "FUTURE_REF", sz);
			else if (strstr(span, "current") ||
			    strstr(span, "present"))
				strlcpy(v, "PRESENT_REF", sz);
			else if (strstr(span, "earlier date"))
				strlcpy(v, "PAST_REF", sz);
			else
				return -1;
			return 0;
		}
		if (f.month && !f.year && !f.hasrel && td.m &&
		    !st->prevwd && range_after(st, s, a)) {
			/* from June through October: on from the first;
			 * last year, in June: in that year */
			int y = td.y;

			td.y = st->prevm.y;
			if (st->prevm.m && td.m < st->prevm.m)
				td.y++;
			if (td.d && !date_valid(td.y, td.m, td.d))
				td.y = y;	/* February 29 */
		} else if (f.wday && !f.month && !f.hasrel && td.gran == 'D' &&
		    st->prevwd && range_after(st, s, a)) {
			/* Monday through Friday; Tuesday and Wednesday, but
			 * not Friday and Thursday: a list is in no order */
			int k = (f.wday - st->prevwd + 7) % 7;

			if (k == 0)
				k = 7;
			if (k <= 3 || !(memcmp(s + st->prevend, " and ", 5) ==
			    0 || memcmp(s + st->prevend, " or ", 4) == 0)) {
				td = st->prevm;
				add_days(&td, k);
			}
		}
		if ((f.month && td.y && (td.gran == 'M' || td.gran == 'D')) ||
		    (td.gran == 'Y' && td.y) || (f.wday && !f.month &&
		    td.gran == 'D' && td.y)) {
			st->prevm = td;
			st->prevend = b;
			st->prevwd = f.month ? 0 : f.wday;
			if (td.gran == 'Y')
				st->prevm.m = st->prevm.d = 0;
		}
		put_date_value(v, sz, &td);
		if (setref && td.y && td.gran != 'E' && td.gran != 'C') {
			st->ref = td;
			if (td.gran == 'Q' && td.q == 0)
				st->ref.gran = 'Y';
			if (td.gran == 'Q' && td.q) {
				st->lastq = td;
				st->ref.m = (td.q - 1) * 3 + 1;
				st->ref.d = 1;
			}
			if (td.gran == 'Y') {
				st->ref.m = 0;
				st->ref.d = 0;
			}
		}
		return 0;
	}
}

/* --- the document and its sentences -------------------------------- */

void
timex_doc(struct timex_state *st, const char *date, size_t n)
{
	int y = 0, m = 0, d = 0;

	memset(st, 0, sizeof(*st));
	if (date != NULL && n >= 10 && sscanf(date, "%4d-%2d-%2d", &y, &m,
	    &d) == 3 && date_valid(y, m, d)) {
		st->dct.y = y;
		st->dct.m = m;
		st->dct.d = d;
		st->dct.q = (m - 1) / 3 + 1;
	}
	st->dct.gran = 'D';
	st->ref = st->dct;
	st->prevend = SIZE_MAX;
}
