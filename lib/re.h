/* pcre2 patterns: compiled once with JIT, one match block reused. */
#ifndef NEWS_RE_H
#define NEWS_RE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

struct re {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

int	re_compile(struct re *, const char *, size_t, unsigned, char *, size_t);
int	re_match(struct re *, const char *, size_t, size_t);
size_t	re_start(const struct re *, int);
size_t	re_end(const struct re *, int);
void	re_free(struct re *);

#endif
