/*
 * libFuzzer harness: ncite's loop over a record stream, the quotation
 * and speaker finder, then the cite records, or with the first byte's
 * bit 1 the Markdown digest (fuzz_stream() in stream.h makes documents
 * of the bytes).
 */
#define main ncite_main
#include "../cmd/ncite.c"
#undef main

#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *in;
	size_t len;
	int md = size > 0 && (data[0] & 2);

	if (!init) {
		setlocale(LC_CTYPE, "C.UTF-8");
		fuzz_io_init();
		init = 1;
	}
	in = fuzz_stream(data, size, &len);
	fuzz_stdin_from(in, len);
	(void)read_file("-");
	fuzz_stdin_close();
	if (cite_group(&cd) == -1 || (md && cite_merge(&cd) == -1))
		abort();
	if (md)
		cite_put_md(stdout, &cd);
	else
		cite_put_tsv(stdout, &cd);
	cite_free(&cd);
	nrec = alen = nsents = nents = 0;
	free(in);
	return 0;
}
