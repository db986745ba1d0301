/*
 * libFuzzer harness: the record reader, its checks and the unescaper,
 * and the fold maps, on arbitrary streams.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fold.h"
#include "record.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_reader r;
	struct foldmap m = { 0 };
	FILE *fp, *out;
	const char *why;
	char iso[DATE_ISOMAX];
	size_t i;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	if ((out = fopen("/dev/null", "w")) == NULL) {
		fclose(fp);
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.fp = fp;
	r.name = "fuzz";
	while (rec_next(&r) == 1) {
		(void)rec_kind(&r);
		(void)rec_check(&r);
		for (i = 0; i < r.nfield; i++) {
			(void)date_iso(r.field[i], r.flen[i], iso);
			(void)foldmap_parse(&m, r.field[i], r.flen[i]);
			if (tsv_unescape_field(&r, i, &why) == 0) {
				tsv_put_text(out, r.field[i], r.flen[i]);
				(void)foldmap_build(&m, r.field[i], r.flen[i]);
			}
		}
		rec_write(&r, out);
	}
	free(r.line);
	foldmap_free(&m);
	fclose(fp);
	fclose(out);
	return 0;
}
