/*
 * The named-entity tagger: an averaged structured perceptron over BILOU
 * tags with Viterbi decoding, hashed features, quantised weights.
 */
#ifndef NEWS_NER_H
#define NEWS_NER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tok.h"

#define NER_NTYPE	4	/* PER ORG LOC MISC */
#define NER_NTAG	17	/* O, then B I L U of each type */

extern const char *const ner_type_name[NER_NTYPE];

/* One token of a document, as the features see it. */
struct ner_tok {
	const char	*s;		/* the word as written */
	uint64_t	 hw;		/* hash of s */
	uint64_t	 hl;		/* hash of its lower-case form */
	uint64_t	 hs;		/* hash of its short shape */
	uint32_t	 len;
	uint32_t	 start;		/* byte offsets in its sentence */
	uint32_t	 end;
	unsigned short	 flags;		/* TF_ flags */
	unsigned char	 type;		/* TOK_ type */
	unsigned char	 dflags;	/* document context, NER_D_ */
	unsigned char	 gold;		/* training: the gold tag */
	unsigned char	 tag;		/* the tag found */
	unsigned char	 gpos;		/* in a gazetteer phrase: B I L */
	unsigned char	 hist;		/* 1 + what it was found as before */
	uint32_t	 gcls;		/* that phrase's classes */
};

/* Which tokens are which: a document of sentences. */
struct ner_doc {
	struct ner_tok	*tok;
	size_t		 ntok, captok;
	size_t		*sent;		/* first token of each sentence */
	unsigned char	*sflags;	/* per sentence: NER_S_ */
	size_t		 nsent, capsent;
};

#define NER_S_CAPS	0x01	/* a sentence in capitals (a headline) */

#define NER_D_FIRST	0x01	/* the first word of its sentence */
#define NER_D_MIDCAP	0x02	/* capitalised mid-sentence elsewhere */
#define NER_D_LOWER	0x04	/* in lower case elsewhere */
#define NER_D_CTX	(NER_D_MIDCAP | NER_D_LOWER)

/* A mention: tokens [first, last] of one sentence. */
struct ner_span {
	size_t		 sent;
	size_t		 first, last;	/* token indexes in the document */
	int		 type;
};

struct ner_model;

struct ner_model *ner_load(const unsigned char *, size_t, const char **);
struct ner_model *ner_default(const char **);
void		 ner_free(struct ner_model *);

void		 ner_doc_clear(struct ner_doc *);
int		 ner_doc_add(struct ner_doc *, const char *, size_t);
void		 ner_doc_free(struct ner_doc *);
void		 ner_doc_context(struct ner_doc *);
void		 ner_tag(struct ner_model *, struct ner_doc *);
size_t		 ner_spans(const struct ner_doc *, size_t, struct ner_span *,
		    size_t);

/* Training: CoNLL-2003 column files in, a model file out. */
struct ner_train_opts {
	int		 epochs;
	int		 mincount;	/* keep features seen this often */
	int		 verbose;
	const char	*dev;		/* a column file to score each epoch */
};

int		 ner_train(const char *const *, int,
		    const struct ner_train_opts *, FILE *);

#endif
