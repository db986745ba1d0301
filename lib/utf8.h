/*
 * UTF-8 decoding that never fails: a bad byte decodes as itself, one
 * byte long, with the code point -1.
 */
#ifndef NEWS_UTF8_H
#define NEWS_UTF8_H

#include <stddef.h>
#include <stdint.h>

size_t	utf8_decode(const char *, size_t, int32_t *);
size_t	utf8_prev(const char *, size_t);
int	utf8_valid(const char *, size_t, size_t *);
int	uc_isalpha(int32_t);
int	uc_isupper(int32_t);
int	uc_islower(int32_t);
int	uc_isdigit(int32_t);
int	uc_isspace(int32_t);
int	uc_ispunct(int32_t);
int32_t	uc_tolower(int32_t);
size_t	utf8_lower(char *, size_t, const char *, size_t);

#endif
