/*
 * What the two halves of the time expression code share: the finder
 * (timex_match.c: the grammar, the word table, the scan of a sentence)
 * and the normaliser (timex_norm.c: the words of a match to a value).
 */
#ifndef NEWS_TIMEX_INT_H
#define NEWS_TIMEX_INT_H

#include <stddef.h>

#include "timex.h"

#define WF_TRIGGER	1
#define WF_PREFIX	2
#define WF_FUT		4	/* will, plans: the future */
#define WF_PAST		8	/* was, said: the past */
#define WF_PRES		16	/* is, says */
#define WF_AUX		32	/* is, are, be: "is held" is no past */
#define WF_NOTNUM	64	/* percent, million: a number that is no time */
#define WF_CROSS	128	/* "of", "than": inside an expression, never first */
#define WF_SCHED	256	/* starts, opens: a present that schedules */

/* a word of the sentence being scanned: ASCII letters and digits */
struct sword {
	size_t	start, end;
	int	flags;
};

/* The words of one sentence, for the tense around an expression. */
struct swords {
	const struct sword	*v;
	size_t			 n;
};

/* Is the word w of s, in any case, one of the list's (lower case)? */
static inline int
timex_word_in(const char *s, const struct sword *w, const char *const *list)
{
	size_t n = w->end - w->start, k;

	for (; *list != NULL; list++) {
		for (k = 0; k < n && (*list)[k] != '\0' &&
		    (s[w->start + k] | 0x20) == (*list)[k]; k++)
			;
		if (k == n && (*list)[k] == '\0')
			return 1;
	}
	return 0;
}

/*
 * The value of the match s[a..b) of a rule of type rtype ('D' DATE, 'T'
 * TIME, 'U' DURATION, 'S' SET, 'A' the words decide).  Returns 0 and
 * fills out, or -1 when the words make no time expression.
 */
int	timex_normalise(struct timex_state *, const char *, size_t, size_t,
	    size_t, int, const struct swords *, struct timex *);

#endif
