/*
 * Entity keys: one canonical name per real thing, within a document
 * and across the stream (see nentities(1), KEYS).
 */
#ifndef NEWS_NERKEY_H
#define NEWS_NERKEY_H

#include <stddef.h>

#include "ner.h"

struct nerment {
	struct ner_span	 sp;
	size_t		 koff, klen;	/* the key, in nerkey_text() */
};

struct nerkey;

struct nerkey	*nerkey_new(void);
void		 nerkey_free(struct nerkey *);
size_t		 nerkey_doc(struct nerkey *, const struct ner_doc *,
		    const struct nerment **);
const char	*nerkey_text(const struct nerkey *);

#endif
