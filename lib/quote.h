/*
 * Quotations and their speakers in one document's sentences (ncite).
 * The caller fills a quote_doc with the sentences' folded TEXT, their
 * offsets and fold maps, and the document's ent records if any;
 * quote_find() fills the quotes.
 */
#ifndef NEWS_QUOTE_H
#define NEWS_QUOTE_H

#include <stddef.h>

struct quote_sent {
	const char	*text;		/* unescaped TEXT */
	size_t		 len;
	size_t		 start, end;	/* offsets into the original */
	const size_t	*fpos, *flen;	/* its fold map */
	size_t		 nfold;
	size_t		 ent0, nent;	/* its ent records in quote_doc.ent */
};

struct quote_ent {
	size_t		 start, end;	/* offsets into the original */
	int		 type;		/* QE_PER ... */
	const char	*key;
	size_t		 keylen;
};

#define QE_OTHER	0
#define QE_PER		1
#define QE_ORG		2
#define QE_LOC		3

struct quote {
	size_t		 sent;		/* the sentence it starts in */
	size_t		 last;		/* the sentence it ends in */
	size_t		 p0, p1;	/* in sent's and last's TEXT */
	size_t		 start, end;	/* offsets into the original */
	size_t		 spk, spklen;	/* the speaker, in quote_doc.buf */
	int		 tagged;	/* a speech tag next to it */
};

struct quote_doc {
	const struct quote_sent	*sent;
	size_t			 nsent;
	const struct quote_ent	*ent;
	size_t			 nent;
	/* results */
	struct quote		*q;
	size_t			 nq, capq;
	char			*buf;	/* speakers' text */
	size_t			 buflen, bufcap;
	void			*priv;	/* tokens, kept between documents */
};

int	quote_find(struct quote_doc *);
void	quote_free(struct quote_doc *);
size_t	quote_text(const struct quote_doc *, const struct quote *, char *,
	    size_t);

#endif
