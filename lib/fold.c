/*
 * Fold maps.  TEXT folds each run of white space (ASCII and U+00A0) to
 * one space; a run of one ASCII byte needs no entry, any other run is
 * recorded as POS:LEN, POS being where its space lands in TEXT.
 */
#include <stdlib.h>

#include "fold.h"
#include "record.h"

static int
push(struct foldmap *m, size_t pos, size_t len)
{
	if (m->n == m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 16;
		size_t *np, *nl;

		if ((np = reallocarray(m->pos, nc, sizeof(*np))) == NULL)
			return -1;
		m->pos = np;
		if ((nl = reallocarray(m->len, nc, sizeof(*nl))) == NULL)
			return -1;
		m->len = nl;
		m->cap = nc;
	}
	m->pos[m->n] = pos;
	m->len[m->n] = len;
	m->n++;
	return 0;
}

static size_t
ws_len(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0)
		return 2;
	return 0;
}

/*
 * Build the map of the original span s[0..n) as tsv_put_text() folds it
 * (white space at either end dropped).  Returns the number of entries,
 * or -1 when out of memory.
 */
int
foldmap_build(struct foldmap *m, const char *s, size_t n)
{
	size_t i = 0, out = 0, l;
	int any = 0;

	m->n = 0;
	while (i < n) {
		size_t run = 0, bytes = 0, j = i;

		while (j < n && (l = ws_len(s, n, j)) > 0) {
			run++;
			bytes += l;
			j += l;
		}
		if (bytes > 0) {
			if (any && j < n) {
				if (bytes != 1 && push(m, out, bytes) == -1)
					return -1;
				out++;
			}
			i = j;
			continue;
		}
		/* a backslash is one byte here and in TEXT before escaping */
		any = 1;
		out++;
		i++;
	}
	return (int)m->n;
}

void
foldmap_put(FILE *fp, const struct foldmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (i > 0)
			putc_unlocked(',', fp);
		put_size(fp, m->pos[i]);
		putc_unlocked(':', fp);
		put_size(fp, m->len[i]);
	}
}

/* Parse "POS:LEN,POS:LEN"; -1 if it is not that, in increasing POS. */
int
foldmap_parse(struct foldmap *m, const char *s, size_t n)
{
	size_t i = 0;

	m->n = 0;
	while (i < n) {
		size_t a = i, p, l;

		while (i < n && s[i] != ':')
			i++;
		if (i >= n || parse_size(s + a, i - a, &p) == -1)
			return -1;
		a = ++i;
		while (i < n && s[i] != ',')
			i++;
		if (parse_size(s + a, i - a, &l) == -1 || l == 0)
			return -1;
		if (m->n > 0 && p <= m->pos[m->n - 1])
			return -1;
		if (push(m, p, l) == -1)
			return -1;
		if (i < n)
			i++;
	}
	return 0;
}

/* The original offset of position fpos of TEXT, the sentence at start. */
size_t
foldmap_orig(const struct foldmap *m, size_t start, size_t fpos)
{
	size_t i, off = start + fpos;

	for (i = 0; i < m->n && m->pos[i] < fpos; i++)
		off += m->len[i] - 1;
	return off;
}

void
foldmap_clear(struct foldmap *m)
{
	m->n = 0;
}

void
foldmap_free(struct foldmap *m)
{
	free(m->pos);
	free(m->len);
	m->pos = m->len = NULL;
	m->n = m->cap = 0;
}
