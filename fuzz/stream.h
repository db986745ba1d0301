/*
 * What the harnesses that run a program's own loop share: fuzz bytes
 * made into a record stream, and that stream as the program's standard
 * input, its output and diagnostics sent away.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "record.h"

/*
 * With the first byte's low bit clear, the bytes as they are; else
 * documents of sentences: byte 0x01 starts a document, LF a sentence,
 * each sentence's bytes its escaped TEXT, offsets running on as in one
 * text.  The first byte's other bits are the harness's options.
 */
static char *
fuzz_stream(const uint8_t *data, size_t size, size_t *len)
{
	FILE *fp;
	char *buf = NULL;
	size_t i, a, off = 0, ndoc = 0, nsent = 0;

	if ((fp = open_memstream(&buf, len)) == NULL)
		abort();
	if (size > 0 && (data[0] & 1) == 0) {
		fwrite(data + 1, 1, size - 1, fp);
		fclose(fp);
		return buf;
	}
	for (i = a = size > 0 ? 1 : 0; i <= size; i++) {
		if (i < size && data[i] != '\n' && data[i] != 0x01)
			continue;
		if (ndoc == 0 || (i < size && data[i] == 0x01)) {
			ndoc++;
			nsent = 0;
			off = 0;
			fprintf(fp, "doc\td%zu\t2025-03-%02zu\tOutlet %zu\t"
			    "Title %zu\t\n", ndoc, 1 + ndoc % 28, ndoc % 3, ndoc);
		}
		if (i > a || (i < size && data[i] == '\n')) {
			fprintf(fp, "sent\td%zu\t%zu\t%zu\t%zu\t", ndoc, ++nsent,
			    off, off + (i - a));
			tsv_put(fp, (const char *)data + a, i - a);
			putc('\n', fp);
		}
		off += i - a + 1;
		a = i + 1;
	}
	fclose(fp);
	return buf;
}

/* Standard input from memory, standard output and error to nowhere. */
static FILE *fuzz_stdin, *fuzz_null;

static void
fuzz_io_init(void)
{
	if (fuzz_null == NULL) {
		if ((fuzz_null = fopen("/dev/null", "w")) == NULL)
			abort();
		fuzz_stdin = stdin;
		stdout = fuzz_null;
		stderr = fuzz_null;
	}
}

static int
fuzz_stdin_from(const char *buf, size_t len)
{
	FILE *fp;

	/* fmemopen(3) wants one byte at least */
	if ((fp = fmemopen((void *)buf, len ? len : 1, "r")) == NULL)
		abort();
	if (len == 0)
		fseek(fp, 1, SEEK_SET);
	stdin = fp;
	return 0;
}

static void
fuzz_stdin_close(void)
{
	fclose(stdin);
	stdin = fuzz_stdin;
}
