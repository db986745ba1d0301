/* libFuzzer harness: the tokenizer covers the input with tight tokens. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tok.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tokvec tv = { 0 };
	char *s;
	size_t i;

	if ((s = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	if (tokenize(s, size, &tv) == 0)
		for (i = 0; i < tv.n; i++)
			if (tv.v[i].start >= tv.v[i].end || tv.v[i].end > size ||
			    (i > 0 && tv.v[i].start < tv.v[i - 1].end))
				abort();
	tokvec_free(&tv);
	free(s);
	return 0;
}
