/*
 * Lexicons: an open-addressing hash table over the lines of an embedded
 * text.  Keys and values point into one private copy of the text.
 */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lexicon.h"

struct lexent {
	const char	*key;
	size_t		 klen;
	const char	*val;		/* "" when the line has no value */
};

struct lexicon {
	char		*text;
	struct lexent	*slot;
	size_t		 mask;
	size_t		 n;
};

extern const char data_abbrev[], data_starters[];
extern const unsigned long data_abbrev_len, data_starters_len;

static void
lex_insert(struct lexicon *lx, const char *k, size_t klen, const char *v)
{
	size_t i = hash_bytes(k, klen) & lx->mask;

	while (lx->slot[i].key != NULL) {
		if (lx->slot[i].klen == klen &&
		    memcmp(lx->slot[i].key, k, klen) == 0)
			return;		/* the first line wins */
		i = (i + 1) & lx->mask;
	}
	lx->slot[i].key = k;
	lx->slot[i].klen = klen;
	lx->slot[i].val = v;
	lx->n++;
}

struct lexicon *
lex_load(const char *src, size_t len)
{
	struct lexicon *lx;
	size_t lines = 1, size = 16, i;
	char *p, *end;

	if ((lx = calloc(1, sizeof(*lx))) == NULL)
		return NULL;
	if ((lx->text = malloc(len + 1)) == NULL) {
		free(lx);
		return NULL;
	}
	memcpy(lx->text, src, len);
	lx->text[len] = '\0';
	for (i = 0; i < len; i++)
		lines += src[i] == '\n';
	while (size < lines * 2)
		size <<= 1;
	if ((lx->slot = calloc(size, sizeof(*lx->slot))) == NULL) {
		free(lx->text);
		free(lx);
		return NULL;
	}
	lx->mask = size - 1;
	for (p = lx->text, end = lx->text + len; p < end; ) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *eol = nl ? nl : end, *tab;

		*eol = '\0';
		if (eol > p && eol[-1] == '\r')
			*--eol = '\0';
		if (*p != '#' && eol > p) {
			tab = memchr(p, '\t', (size_t)(eol - p));
			if (tab != NULL) {
				*tab = '\0';
				lex_insert(lx, p, (size_t)(tab - p), tab + 1);
			} else
				lex_insert(lx, p, (size_t)(eol - p), eol);
		}
		p = (nl ? nl : end) + 1;
	}
	return lx;
}

void
lex_free(struct lexicon *lx)
{
	if (lx == NULL)
		return;
	free(lx->slot);
	free(lx->text);
	free(lx);
}

/* The value of key k[0..n), "" if it has none, NULL if k is absent. */
const char *
lex_get(const struct lexicon *lx, const char *k, size_t n)
{
	size_t i;

	if (lx == NULL)
		return NULL;
	i = hash_bytes(k, n) & lx->mask;
	while (lx->slot[i].key != NULL) {
		if (lx->slot[i].klen == n && memcmp(lx->slot[i].key, k, n) == 0)
			return lx->slot[i].val;
		i = (i + 1) & lx->mask;
	}
	return NULL;
}

size_t
lex_size(const struct lexicon *lx)
{
	return lx == NULL ? 0 : lx->n;
}

static const struct lexicon *
lex_once(struct lexicon **lx, const char *src, size_t len)
{
	if (*lx == NULL)
		*lx = lex_load(src, len);
	return *lx;
}

const struct lexicon *
lex_abbrev(void)
{
	static struct lexicon *lx;

	return lex_once(&lx, data_abbrev, data_abbrev_len);
}

const struct lexicon *
lex_starters(void)
{
	static struct lexicon *lx;

	return lex_once(&lx, data_starters, data_starters_len);
}
