/*
 * libFuzzer harness: nmerge's two passes over a record stream, stories
 * then facts, with -s or -F by the first byte's bits 1 and 2
 * (fuzz_stream() in stream.h makes documents of the bytes).  Its state
 * starts empty for each input.
 */
#define main nmerge_main
#include "../cmd/nmerge.c"
#undef main

#include "stream.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	const char *why;
	char *in;
	size_t len;

	if (!init) {
		setlocale(LC_CTYPE, "C.UTF-8");
		fuzz_io_init();
		if ((sim = sim_new(&why)) == NULL)
			abort();
		init = 1;
	}
	sflag = size > 0 && (data[0] & 2);
	Fflag = !sflag && size > 0 && (data[0] & 4);
	spooled = 0;
	ndocs = nsigv = ntmp = nstories = 0;
	indoc = 0;
	factid = 0;
	if ((spool = spool_open()) == NULL)
		abort();
	in = fuzz_stream(data, size, &len);
	fuzz_stdin_from(in, len);
	(void)read_input("-");
	fuzz_stdin_close();
	close_doc();
	if (fflush(spool) == EOF || ferror(spool))
		abort();
	assign_stories();
	if (!Fflag)
		pass_through();
	if (!sflag) {
		facts();
		/* facts() frees what it grew, once a run: start afresh */
		sbuf = NULL;
		ss = NULL;
		skeys = NULL;
		stvals = NULL;
		ssim = NULL;
		sgrams = NULL;
		edges = NULL;
		edgeoff = edgen = NULL;
		factfirst = NULL;
		ssig = NULL;
		capssig = 0;
		tokrun = NULL;
		captokrun = 0;
		sprep = NULL;
		capsprep = 0;
		sbufcap = capss = capskeys = capstvals = capssim = 0;
		capsgrams = capedges = capedgeoff = capedgen = capfacts = 0;
	}
	fclose(spool);
	free(in);
	return 0;
}
