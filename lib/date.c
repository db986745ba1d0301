/*
 * Reading a document's date: ISO 8601 (2025-03-12, 2025-03-12T10:00Z),
 * RFC 2822 (Wed, 12 Mar 2025 10:00:00 +0000), "March 12, 2025",
 * "12 March 2025", "2025/03/12".  The result is YYYY-MM-DD, or the full
 * ISO timestamp when a time is given in ISO form.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

static const char *months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/* 1-12 for a month name or its abbreviation (Sept too), else 0. */
int
month_index(const char *s, size_t n)
{
	char low[12];
	size_t i, m;

	if (n < 3 || n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	if (n == 4 && memcmp(low, "sept", 4) == 0)
		return 9;
	for (m = 0; m < 12; m++)
		if (strncmp(months[m], low, n) == 0 &&
		    (n == 3 || months[m][n] == '\0'))
			return (int)m + 1;
	return 0;
}

int
date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return 0;
	return 1;
}

static size_t
digits(const char *s, size_t n, size_t i, int *v, size_t max)
{
	size_t j = i;

	*v = 0;
	while (j < n && j - i < max && s[j] >= '0' && s[j] <= '9')
		*v = *v * 10 + (s[j++] - '0');
	return j - i;
}

static int
isalpha_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Parse s[0..n) into out (DATE_ISOMAX bytes).  Returns 0, or -1. */
int
date_iso(const char *s, size_t n, char *out)
{
	int y = 0, m = 0, d = 0, v;
	size_t i = 0, l, j;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	/* ISO: YYYY-MM-DD, optionally followed by a time */
	if (digits(s, n, i, &y, 4) == 4 && i + 10 <= n &&
	    (s[i + 4] == '-' || s[i + 4] == '/') &&
	    digits(s, n, i + 5, &m, 2) == 2 && s[i + 7] == s[i + 4] &&
	    digits(s, n, i + 8, &d, 2) == 2) {
		if (!date_valid(y, m, d))
			return -1;
		j = i + 10;
		if (j == n) {
			snprintf(out, DATE_ISOMAX, "%04d-%02d-%02d", y, m, d);
			return 0;
		}
		if ((s[j] == 'T' || s[j] == ' ') && s[i + 4] == '-') {
			int hh, mm;
			size_t k = j + 1;

			if (digits(s, n, k, &hh, 2) != 2 || k + 5 > n ||
			    s[k + 2] != ':' || digits(s, n, k + 3, &mm, 2) != 2 ||
			    hh > 24 || mm > 59 || n - i - 11 >= DATE_ISOMAX - 12)
				return -1;
			for (k += 5; k < n; k++)
				if (strchr("0123456789:.+-Z", s[k]) == NULL)
					return -1;
			memcpy(out, s + i, n - i);
			out[n - i] = '\0';
			out[10] = 'T';
			return 0;
		}
		return -1;
	}
	/* optional weekday: "Wed, " */
	j = i;
	while (j < n && isalpha_ascii(s[j]))
		j++;
	if (j > i && j < n && s[j] == ',' && month_index(s + i, j - i) == 0) {
		i = j + 1;
		while (i < n && s[i] == ' ')
			i++;
	}
	/* "12 March 2025" or "March 12, 2025" */
	if ((l = digits(s, n, i, &d, 2)) > 0) {
		i += l;
		while (i < n && (s[i] == ' ' || s[i] == '-'))
			i++;
		j = i;
		while (j < n && isalpha_ascii(s[j]))
			j++;
		if ((m = month_index(s + i, j - i)) == 0)
			return -1;
		i = j;
		if (i < n && s[i] == '.')
			i++;
		while (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == ','))
			i++;
	} else {
		j = i;
		while (j < n && isalpha_ascii(s[j]))
			j++;
		if ((m = month_index(s + i, j - i)) == 0)
			return -1;
		i = j;
		if (i < n && s[i] == '.')
			i++;
		while (i < n && s[i] == ' ')
			i++;
		if ((l = digits(s, n, i, &d, 2)) == 0)
			return -1;
		i += l;
		if (i + 1 < n && isalpha_ascii(s[i]) && isalpha_ascii(s[i + 1]))
			i += 2;		/* 12th */
		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
	}
	if (digits(s, n, i, &v, 4) != 4)
		return -1;
	y = v;
	i += 4;
	/*
	 * a time and zone may follow (RFC 2822, or "3:15 p.m. EDT",
	 * ", 10:00", "at 3 PM"); the day is what we keep
	 */
	for (; i < n; i++) {
		if (i + 3 < n && s[i] == 'a' && s[i + 1] == 't' && s[i + 2] == ' ')
			i += 2;
		else if (strchr("0123456789: +-,.APMGTUCESTDZapm()", s[i]) ==
		    NULL || s[i] == '\0')
			return -1;
	}
	if (!date_valid(y, m, d))
		return -1;
	snprintf(out, DATE_ISOMAX, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/*
 * Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (H. Hinnant's algorithms, exact for every year).
 */
long
date_days(long y, long m, long d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

void
date_civil(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}
