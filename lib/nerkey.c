/*
 * Entity keys.
 */
#include <stdlib.h>
#include <string.h>

#include "nerkey.h"
#include "tok.h"

struct nerkey {
	struct nerment	*m;
	size_t		 nm, capm;
	char		*text;
	size_t		 tlen, tcap;
};

struct nerkey *
nerkey_new(void)
{
	return calloc(1, sizeof(struct nerkey));
}

void
nerkey_free(struct nerkey *k)
{
	if (k == NULL)
		return;
	free(k->m);
	free(k->text);
	free(k);
}

const char *
nerkey_text(const struct nerkey *k)
{
	return k->text;
}

static int
add_text(struct nerkey *k, const char *s, size_t n)
{
	if (k->tlen + n + 1 > k->tcap) {
		size_t nc = (k->tlen + n + 1) * 2;
		char *nt;

		if ((nt = realloc(k->text, nc)) == NULL)
			return -1;
		k->text = nt;
		k->tcap = nc;
	}
	memcpy(k->text + k->tlen, s, n);
	k->tlen += n;
	return 0;
}

size_t
nerkey_doc(struct nerkey *k, const struct ner_doc *d,
    const struct nerment **out)
{
	size_t si, i, n;

	k->nm = 0;
	k->tlen = 0;
	for (si = 0; si < d->nsent; si++) {
		for (;;) {
			n = ner_spans(d, si, NULL, 0);
			if (k->nm + n <= k->capm)
				break;
			k->capm = (k->nm + n) * 2;
			if ((k->m = reallocarray(k->m, k->capm,
			    sizeof(*k->m))) == NULL)
				abort();
		}
		{
			struct ner_span sp[n ? n : 1];

			ner_spans(d, si, sp, n);
			for (i = 0; i < n; i++) {
				struct nerment *m = &k->m[k->nm++];
				size_t t;

				m->sp = sp[i];
				m->koff = k->tlen;
				for (t = sp[i].first; t <= sp[i].last; t++) {
					if (t > sp[i].first)
						add_text(k, " ", 1);
					add_text(k, d->tok[t].s, d->tok[t].len);
				}
				m->klen = k->tlen - m->koff;
			}
		}
	}
	*out = k->m;
	return k->nm;
}
