/*
 * libFuzzer harness: nentities's loop over a record stream, the tagger
 * and the keys (fuzz_stream() in stream.h makes documents of the bytes).
 * The keys' memory starts empty for each input.
 */
#define main nentities_main
#include "../cmd/nentities.c"
#undef main

#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *in;
	size_t len;

	if (!init) {
		setlocale(LC_CTYPE, "C.UTF-8");
		fuzz_io_init();
		if (load_model(NULL) == -1)
			abort();
		init = 1;
	}
	if ((keys = nerkey_new()) == NULL)
		abort();
	in = fuzz_stream(data, size, &len);
	fuzz_stdin_from(in, len);
	(void)tag_file("-");
	fuzz_stdin_close();
	nerkey_free(keys);
	keys = NULL;
	free(in);
	return 0;
}
