/*
 * Sentence boundary detection on one paragraph of text: rules over
 * abbreviation and sentence-starter lexicons (data/abbrev.txt,
 * data/starters.txt), lists, quotations and ellipses.
 */
#ifndef NEWS_SBD_H
#define NEWS_SBD_H

#include <stddef.h>

struct span {
	size_t	start;
	size_t	end;
};

struct spanvec {
	struct span	*v;
	size_t		 n;
	size_t		 cap;
};

int	spanvec_push(struct spanvec *, size_t, size_t);
void	spanvec_free(struct spanvec *);
int	sbd_para(const char *, size_t, size_t, struct spanvec *);
int	sbd_text(const char *, size_t, size_t, struct spanvec *);

#endif
