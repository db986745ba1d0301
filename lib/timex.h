/*
 * Time expressions in English text, normalised to TIMEX3 (TimeML,
 * TempEval-3 conventions): the extent from the pcre2 grammar in
 * data/timex.txt, the value from the words of the match.
 */
#ifndef NEWS_TIMEX_H
#define NEWS_TIMEX_H

#include <stddef.h>

enum timex_type { TX_DATE, TX_TIME, TX_DURATION, TX_SET };

#define TIMEX_VALMAX	48

/* A calendar point at some granularity; 0 in a field means unknown. */
struct tdate {
	int	y, m, d;
	int	q;		/* quarter, with gran 'Q' */
	int	w;		/* ISO week, with gran 'W' */
	char	gran;		/* 'Y' 'Q' 'M' 'W' 'D', 0 when there is none */
};

struct timex_state {
	struct tdate	dct;	/* the document date */
	struct tdate	ref;	/* the last date the text mentioned */
	struct tdate	lastq;	/* the last quarter it mentioned */
	struct tdate	lastday;	/* the last day it mentioned */
	struct tdate	prevm;	/* the sentence's last month or day ... */
	size_t		prevend;	/* ... and where it ends, or SIZE_MAX */
	int		prevwd;	/* its weekday if a weekday named it, or 0 */
};

struct timex {
	size_t	start, end;	/* bytes into the sentence */
	int	type;
	char	value[TIMEX_VALMAX];
};

struct timexvec {
	struct timex	*v;
	size_t		 n, cap;
};

int		 timex_init(char *, size_t);
void		 timex_free(void);
void		 timex_doc(struct timex_state *, const char *, size_t);
int		 timex_sentence(struct timex_state *, const char *, size_t,
		    struct timexvec *);
const char	*timex_type_name(int);
void		 timexvec_free(struct timexvec *);

#endif
