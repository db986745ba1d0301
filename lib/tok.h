/*
 * The shared tokenizer: words, numbers, abbreviations, URLs, e-mail
 * addresses, quotes and dashes, each with its byte offsets.
 */
#ifndef NEWS_TOK_H
#define NEWS_TOK_H

#include <stddef.h>

enum tok_type {
	TOK_END = 0,
	TOK_WORD,	/* letters, maybe digits: Boeing, U.S., 1990s, co-op */
	TOK_NUM,	/* digits with inner . , : /: 3,000 2.5 10:30 6/14/2024 */
	TOK_PUNCT,	/* . , ; : ! ? ... ( ) and other marks */
	TOK_QUOTE,	/* " ' “ ” ‘ ’ « » and `` '' */
	TOK_DASH,	/* - -- – — */
	TOK_URL,
	TOK_EMAIL,
	TOK_CLITIC	/* 's n't 're 've 'll 'd 'm split off a word */
};

#define TF_CAP		0x0001	/* starts with an upper-case letter */
#define TF_ALLCAP	0x0002	/* has letters, all upper case */
#define TF_DIGIT	0x0004	/* holds a digit */
#define TF_ABBR		0x0008	/* ends with a period that belongs to it */
#define TF_SPACE	0x0010	/* white space before it */
#define TF_NL		0x0020	/* a line break before it */
#define TF_PARA		0x0040	/* a blank line before it */
#define TF_LOWER	0x0080	/* starts with a lower-case letter */
#define TF_BADUTF8	0x0100	/* holds bytes that are not UTF-8 */
#define TF_INITIAL	0x0200	/* one letter and a period: J. */

struct token {
	size_t		start;
	size_t		end;
	unsigned short	type;
	unsigned short	flags;
};

struct tokvec {
	struct token	*v;
	size_t		 n;
	size_t		 cap;
};

size_t	tok_next(const char *, size_t, size_t, struct token *);
int	tokenize(const char *, size_t, struct tokvec *);
void	tokvec_free(struct tokvec *);
int	abbrev_class(const char *, size_t);
int	is_multiperiod_abbrev(const char *, size_t);

/* abbrev_class() results */
#define ABBR_NONE	0
#define ABBR_TITLE	1	/* Mr. Dr. Gov.: never ends a sentence */
#define ABBR_ANY	2	/* Inc. Corp. U.S.: may end one */
#define ABBR_INNER	3	/* e.g. vs.: does not end one */
#define ABBR_NUM	4	/* No. p.: only before a number */

#endif
