/*
 * libFuzzer harness: nsplit's document reader, on a file (header block,
 * headline, dateline, furniture) or a table (-t), with and without -l
 * and -d.  The first byte picks the options.  Every sent record of a
 * file must be exact: bytes START..END of the input, white space
 * folded, are its TEXT.
 */
#define main nsplit_main
#include "../cmd/nsplit.c"
#undef main

#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_sent(const char *line, size_t n, const char *doc, size_t len)
{
	const char *f[7];
	size_t nf = 0, start, end, tl;
	const char *p = line, *e = line + n, *tab;
	char *text, *folded;
	long ul;

	while (nf < 6 && (tab = memchr(p, '\t', (size_t)(e - p))) != NULL) {
		f[nf++] = p;
		p = tab + 1;
	}
	f[nf++] = p;
	f[nf] = e + 1;
	if (nf != 6 || parse_size(f[3], (size_t)(f[4] - f[3] - 1), &start) ||
	    parse_size(f[4], (size_t)(f[5] - f[4] - 1), &end))
		abort();
	if (start >= end || end > len)
		abort();
	tl = (size_t)(e - f[5]);
	if ((text = malloc(tl + 1)) == NULL ||
	    (folded = malloc(end - start + 1)) == NULL)
		abort();
	memcpy(text, f[5], tl);
	if ((ul = tsv_unescape(text, tl)) < 0)
		abort();
	if (text_fold(folded, doc + start, end - start) != (size_t)ul ||
	    memcmp(folded, text, (size_t)ul) != 0)
		abort();
	free(text);
	free(folded);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *out = NULL, *p, *nl;
	size_t outlen = 0;
	FILE *fp;

	if (size == 0)
		return 0;
	if (!init) {
		setlocale(LC_CTYPE, "C.UTF-8");
		init_patterns();
		fuzz_io_init();
		init = 1;
	}
	lflag = data[0] & 1;
	tflag = (data[0] & 2) != 0;
	if (data[0] & 4)
		memcpy(defdate, "2025-03-12", 11);
	else
		defdate[0] = '\0';
	baddate = 0;
	if ((fp = open_memstream(&out, &outlen)) == NULL)
		abort();
	stdout = fp;
	fuzz_stdin_from((const char *)data + 1, size - 1);
	if (tflag)
		(void)split_tsv("-");
	else
		(void)split_file("-");
	fuzz_stdin_close();
	fclose(fp);
	stdout = fuzz_null;
	/* a file's sentences are exact */
	for (p = out; !tflag && p < out + outlen; p = nl + 1) {
		if ((nl = memchr(p, '\n', outlen - (size_t)(p - out))) == NULL)
			abort();
		if (strncmp(p, "sent\t", 5) == 0)
			check_sent(p, (size_t)(nl - p), (const char *)data + 1,
			    size - 1);
	}
	free(out);
	return 0;
}
