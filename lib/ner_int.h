/* The tagger's parts that training shares with tagging. */
#ifndef NEWS_NER_INT_H
#define NEWS_NER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ner.h"

#define NWIN		5	/* word features at offsets -2..+2 */
#define NER_MAXFEAT	64	/* keys one call may return */

struct lexicon;

const struct lexicon	*ner_gaz(void);
uint64_t	 ner_short_shape(const char *, size_t);
size_t		 ner_word_feats(const char *, size_t, unsigned, int,
		    uint32_t *);
size_t		 ner_pad_feats(int, int, uint32_t *);
size_t		 ner_ctx_feats(const struct ner_doc *, size_t, size_t, size_t,
		    size_t, uint32_t *);
void		 ner_init_trans(void);
void		 ner_viterbi(const float (*)[NER_NTAG], const float *,
		    const float *, size_t, float *, unsigned char *,
		    unsigned char *);

#endif
