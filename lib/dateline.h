/* The dateline that opens a news story: NEW YORK (AP) — */
#ifndef NEWS_DATELINE_H
#define NEWS_DATELINE_H

#include <stddef.h>

struct dateline {
	size_t	len;		/* through the dash and the space after it */
	size_t	agency;		/* the agency in brackets, if any: offset */
	size_t	agencylen;	/* and length; 0 when there is none */
	int	colon;		/* it ends in a colon, not a dash (EXCLUSIVE:) */
};

int	dateline_find(const char *, size_t, struct dateline *);
void	dateline_free(void);

#endif
