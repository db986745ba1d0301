/* Hashing for the tables in lib/ and cmd/: FNV-1a, 64-bit. */
#ifndef NEWS_HASH_H
#define NEWS_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

#endif
