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
size_t		 ner_word_feats_all(const char *, size_t, unsigned, uint32_t *,
		    size_t *);
size_t		 ner_pad_feats(int, int, uint32_t *);
size_t		 ner_ctx_feats(const struct ner_doc *, size_t, size_t, size_t,
		    size_t, int, uint32_t *);
uint32_t	 ner_bias_key(void);
void		 ner_init_trans(void);

/* What capitalised words were tagged as earlier in the document. */
struct ner_hist;
struct ner_hist	*ner_hist_new(void);
void		 ner_hist_reset(struct ner_hist *);
void		 ner_hist_free(struct ner_hist *);
void		 ner_hist_set(const struct ner_hist *, struct ner_doc *, size_t,
		    size_t);
int		 ner_hist_add(struct ner_hist *, const struct ner_doc *, size_t,
		    size_t, const unsigned char *);
size_t		 ner_hist_feats(const struct ner_tok *, uint32_t *);
void		 ner_viterbi(const float (*)[NER_NTAG], const float *,
		    const float *, size_t, size_t, float *, unsigned char *,
		    unsigned char *);

#endif
