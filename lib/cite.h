/*
 * What ncite keeps of the whole input to cite each fact and write the
 * digests: documents, sentences, time values, quotations and facts.
 * Strings live in one arena and are named by offset and length.
 */
#ifndef NEWS_CITE_H
#define NEWS_CITE_H

#include <stddef.h>
#include <stdio.h>

struct cite_str {
	size_t	off, len;
};

struct cite_doc {
	struct cite_str	id, date, source, title, url;
	size_t		story;		/* index in cite_data.story, or -1 */
	size_t		sent0, nsent;
	size_t		quote0, nquote;	/* its quotations, one run */
};

struct cite_sent {
	size_t		doc;
	size_t		n;
	struct cite_str	text;
	size_t		time0, ntime;
	int		quoted;		/* all of it inside a quotation */
};

struct cite_time {
	struct cite_str	value, text;
	int		date;		/* TYPE is DATE or TIME */
};

struct cite_quote {
	size_t		doc, sent;
	struct cite_str	speaker, text;
};

struct cite_fact {
	size_t		fact;		/* FACT as read */
	size_t		sent;		/* index in cite_data.sent */
};

struct cite_group {
	size_t		fact;
	size_t		first, n;	/* its sentences in cite_data.gsent */
	size_t		best;		/* the sentence cited */
	size_t		nsources;
	size_t		story;
};

#define CITE_VEC(type, name) type *name; size_t n##name, cap##name

struct cite_data {
	char		*str;
	size_t		 strlen, strcap;
	CITE_VEC(struct cite_doc, doc);
	CITE_VEC(struct cite_sent, sent);
	CITE_VEC(struct cite_time, time);
	CITE_VEC(struct cite_quote, quote);
	CITE_VEC(struct cite_fact, fact);
	CITE_VEC(size_t, story);	/* STORY numbers, in order met */
	CITE_VEC(struct cite_group, group);
	CITE_VEC(size_t, gsent);
	size_t		*dochash;	/* doc id -> index + 1 */
	size_t		 dochashcap;
	size_t		*storyhash;	/* STORY -> index in story + 1 */
	size_t		 storyhashcap;
};

int	 cite_str(struct cite_data *, struct cite_str *, const char *,
	    size_t);
size_t	 cite_add_doc(struct cite_data *);
size_t	 cite_add_sent(struct cite_data *, size_t, size_t);
int	 cite_add_time(struct cite_data *, const char *, size_t,
	    const char *, size_t, int);
int	 cite_add_quote(struct cite_data *, size_t, const char *, size_t,
	    const char *, size_t);
long	 cite_find_doc(struct cite_data *, const char *, size_t);
int	 cite_index_doc(struct cite_data *, size_t);
long	 cite_find_sent(const struct cite_data *, size_t, size_t);
int	 cite_set_story(struct cite_data *, size_t, size_t);
int	 cite_add_fact(struct cite_data *, size_t, size_t);
int	 cite_group(struct cite_data *);
int	 cite_merge(struct cite_data *);
void	 cite_put_tsv(FILE *, const struct cite_data *);
void	 cite_put_md(FILE *, const struct cite_data *);
void	 cite_put_html(FILE *, const struct cite_data *);
void	 cite_put_csl(FILE *, const struct cite_data *);
void	 cite_free(struct cite_data *);

#endif
