/*
 * The dateline that opens a news story: a place in capitals, perhaps a
 * region, a date and an agency in brackets, then a dash or a colon --
 * "NEW YORK (AP) —", "LONDON, June 3 (Reuters) -", "WASHINGTON —".
 * nsplit takes the agency for the document's source; ncite leaves the
 * dateline out of the text of its digests.  One pattern serves both.
 */
#include <stdlib.h>

#include "dateline.h"
#include "re.h"

static const char pattern[] =
    "^\\s*((?:[\\p{Lu}][\\p{Lu}.'’]*(?:[ -][\\p{Lu}][\\p{Lu}.'’]*){0,3})"
    "(?:,\\s+[\\p{Lu}][\\p{L}.]*(?:\\s+[\\p{Lu}][\\p{L}.]*)?"
    "(?:\\s+\\d{1,2})?(?:,\\s+\\d{4})?)?)"
    "\\s*(?:\\((?<agency>[\\p{L}][\\p{L}&. -]{0,40})\\))?"
    "\\s*(?:—|–|--|-|:)\\s+(?=\\S)";

static struct re	re;
static int		compiled;	/* 1 done, -1 failed */
static int		agency;		/* the agency's group number */

/*
 * Find the dateline at the start of s[0..n): 1 and *d filled, 0 when
 * there is none, -1 if the pattern could not be compiled.
 */
int
dateline_find(const char *s, size_t n, struct dateline *d)
{
	char msg[200];
	size_t st, en;

	if (compiled == 0) {
		compiled = re_compile(&re, pattern, sizeof(pattern) - 1,
		    PCRE2_UCP, msg, sizeof(msg)) == -1 ? -1 : 1;
		if (compiled == 1)
			agency = pcre2_substring_number_from_name(re.code,
			    (PCRE2_SPTR)"agency");
	}
	if (compiled == -1)
		return -1;
	if (re_match(&re, s, n, 0) == 0)
		return 0;
	d->len = re_end(&re, 0);
	for (en = d->len; en > 0 && (s[en - 1] == ' ' || s[en - 1] == '\t' ||
	    s[en - 1] == '\n' || s[en - 1] == '\r'); en--)
		;
	d->colon = en > 0 && s[en - 1] == ':';
	d->agency = d->agencylen = 0;
	st = re_start(&re, agency);
	en = re_end(&re, agency);
	if (st != PCRE2_UNSET && en > st) {
		d->agency = st;
		d->agencylen = en - st;
	}
	return 1;
}

void
dateline_free(void)
{
	if (compiled == 1)
		re_free(&re);
	compiled = 0;
}
