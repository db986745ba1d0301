/* libFuzzer harness: the sentence splitter on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spanvec sv = { 0 };
	char *s;
	size_t i;

	/* a copy of exactly size bytes, so reads past the end are caught */
	if ((s = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	if (sbd_text(s, 0, size, &sv) == 0)
		for (i = 0; i < sv.n; i++)
			if (sv.v[i].start >= sv.v[i].end || sv.v[i].end > size ||
			    (i > 0 && sv.v[i].start < sv.v[i - 1].end))
				abort();
	spanvec_free(&sv);
	free(s);
	return 0;
}
