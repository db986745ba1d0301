/*
 * UTF-8 decoding and Unicode classes.  Decoding is hand-written so that
 * invalid input is handled byte by byte; the classes come from utf8proc.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

/*
 * Decode the code point at s[0..n).  Returns its length (1 to 4); for a
 * byte that does not start a valid, shortest-form sequence, returns 1
 * and sets *cp to -1.  n must be at least 1.
 */
size_t
utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t c;
	size_t len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		len = 2;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		len = 3;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

/* The start of the code point before offset i (i > 0). */
size_t
utf8_prev(const char *s, size_t i)
{
	size_t j = i - 1, k;
	int32_t cp;

	for (k = 0; k < 3 && j > 0 &&
	    ((unsigned char)s[j] & 0xc0) == 0x80; k++)
		j--;
	if (j + utf8_decode(s + j, i - j, &cp) == i && cp >= 0)
		return j;
	return i - 1;
}

/* 1 if s[0..n) is valid UTF-8; else 0 and *bad is the first bad offset. */
int
utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			uint64_t w;

			/* ASCII eight bytes at a time */
			while (i + 8 <= n) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			if (i < n && (unsigned char)s[i] < 0x80)
				i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			*bad = i - 1;
			return 0;
		}
	}
	return 1;
}

int
uc_isalpha(int32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c < 0)
		return 0;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

int
uc_isupper(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (c < 0)
		return 0;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LU ||
	    utf8proc_category(c) == UTF8PROC_CATEGORY_LT;
}

int
uc_islower(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	if (c < 0)
		return 0;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int
uc_isdigit(int32_t c)
{
	if (c < 0x80)
		return c >= '0' && c <= '9';
	if (c < 0)
		return 0;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

int
uc_isspace(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c < 0)
		return 0;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS ||
	    c == 0x2028 || c == 0x2029 || c == 0x85;
}

int
uc_ispunct(int32_t c)
{
	if (c < 0)
		return 0;
	if (c < 0x80)
		return c > ' ' && c < 0x7f && !uc_isalpha(c) && !uc_isdigit(c);
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return 1;
	default:
		return 0;
	}
}

int32_t
uc_tolower(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return c < 0 ? c : utf8proc_tolower(c);
}

/*
 * Lower-case s[0..n) into dst (room for dstsz bytes); bad bytes are
 * copied as they are.  Returns the length written, at most dstsz.
 */
size_t
utf8_lower(char *dst, size_t dstsz, const char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		int32_t cp;
		size_t len;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t elen;

		if ((unsigned char)s[i] < 0x80) {
			if (o + 1 > dstsz)
				break;
			dst[o++] = (char)uc_tolower((unsigned char)s[i]);
			i++;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (cp < 0) {
			if (o + 1 > dstsz)
				break;
			dst[o++] = s[i++];
			continue;
		}
		elen = utf8proc_encode_char(uc_tolower(cp), enc);
		if (o + (size_t)elen > dstsz)
			break;
		for (utf8proc_ssize_t k = 0; k < elen; k++)
			dst[o++] = (char)enc[k];
		i += len;
	}
	return o;
}
