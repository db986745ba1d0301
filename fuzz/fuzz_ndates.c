/*
 * libFuzzer harness: ndates's grammar (the pcre2 patterns of
 * data/timex.txt) and normaliser.  The first line is the document
 * date, each line after it a sentence; every expression found must lie
 * inside its sentence with a value that fits.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timex.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	static struct timexvec found;
	struct timex_state st;
	const char *p = (const char *)data, *end = p + size, *nl;
	char msg[256], *s;
	size_t i, n;

	if (!init) {
		if (timex_init(msg, sizeof(msg)) == -1)
			abort();
		init = 1;
	}
	memset(&st, 0, sizeof(st));
	nl = memchr(p, '\n', size);
	/* the date as ndates has it: a field, NUL after it */
	n = nl ? (size_t)(nl - p) : size;
	if ((s = malloc(n + 1)) == NULL)
		abort();
	memcpy(s, p, n);
	s[n] = '\0';
	timex_doc(&st, s, n);
	free(s);
	if (nl == NULL)
		return 0;
	for (p = nl + 1; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		/*
		 * a copy of exactly n bytes and the NUL that ndates's
		 * unescaped TEXT ends with, so reads past it are caught
		 */
		n = (size_t)(nl - p);
		if ((s = malloc(n + 1)) == NULL)
			abort();
		memcpy(s, p, n);
		s[n] = '\0';
		if (timex_sentence(&st, s, n, &found) == -1)
			abort();
		for (i = 0; i < found.n; i++) {
			const struct timex *x = &found.v[i];

			if (x->start >= x->end || x->end > n ||
			    memchr(x->value, '\0', TIMEX_VALMAX) == NULL ||
			    timex_type_name(x->type) == NULL)
				abort();
		}
		free(s);
	}
	return 0;
}
