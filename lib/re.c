/*
 * pcre2 wrapper.  Every pattern is UTF with invalid bytes allowed, so
 * bad input never stops a match, and has match and depth limits so no
 * input can make it backtrack for long.
 */
#include <stdio.h>
#include <string.h>

#include "re.h"

int
re_compile(struct re *re, const char *pat, size_t len, unsigned flags,
    char *err, size_t errsz)
{
	int code;
	PCRE2_SIZE off;

	memset(re, 0, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF |
	    PCRE2_MATCH_INVALID_UTF | flags, &code, &off, NULL);
	if (re->code == NULL) {
		PCRE2_UCHAR buf[160];

		pcre2_get_error_message(code, buf, sizeof(buf));
		snprintf(err, errsz, "pattern at %zu: %s", (size_t)off,
		    (char *)buf);
		return -1;
	}
	(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mc = pcre2_match_context_create(NULL);
	if (re->md == NULL || re->mc == NULL) {
		snprintf(err, errsz, "out of memory");
		re_free(re);
		return -1;
	}
	pcre2_set_match_limit(re->mc, 100000);
	pcre2_set_depth_limit(re->mc, 1000);
	return 0;
}

/* Match at or after start; returns the number of groups set, or 0. */
int
re_match(struct re *re, const char *s, size_t n, size_t start)
{
	int rc;

	rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, start, 0, re->md,
	    re->mc);
	return rc > 0 ? rc : 0;
}

size_t
re_start(const struct re *re, int g)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);

	return ov[2 * g];
}

size_t
re_end(const struct re *re, int g)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);

	return ov[2 * g + 1];
}

void
re_free(struct re *re)
{
	pcre2_match_context_free(re->mc);
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	memset(re, 0, sizeof(*re));
}
