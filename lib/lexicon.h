/*
 * Word lists compiled into the programs (data/ text files): one entry a line,
 * "key" or "key<TAB>value", '#' comments.  Lookups are exact; callers
 * fold case first where the list is lower-case.
 */
#ifndef NEWS_LEXICON_H
#define NEWS_LEXICON_H

#include <stddef.h>

struct lexicon;

struct lexicon	*lex_load(const char *, size_t);
void		 lex_free(struct lexicon *);
const char	*lex_get(const struct lexicon *, const char *, size_t);
size_t		 lex_size(const struct lexicon *);

/* The lists every program shares, loaded on first use. */
const struct lexicon	*lex_abbrev(void);
const struct lexicon	*lex_starters(void);

#endif
