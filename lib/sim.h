/*
 * Sentence similarity for nmerge: each sentence analysed once into
 * stemmed, weighted tokens; a pair scored by a logistic model over a
 * handful of features (data/nmerge_model.txt, learned by nmerge --train).
 */
#ifndef NEWS_SIM_H
#define NEWS_SIM_H

#include <stddef.h>
#include <stdint.h>

#define ST_STOP		0x01	/* function word */
#define ST_NUM		0x02	/* a number: 400, 3,000, 2.5, three */
#define ST_NEG		0x04	/* not, never, n't, no ... */
#define ST_CAP		0x08	/* capitalised and not the first word */
#define ST_YEAR		0x10	/* a year or a month: compared as times */
#define ST_WDAY		0x20	/* a weekday */
#define ST_UNIT		0x40	/* a unit a number measures: percent, mile */
#define ST_CLAUSE	0x80	/* first after a comma, colon, bracket, dash */
#define ST_SAID		0x100	/* a verb of saying: said, told, according */
#define ST_ATTR		0x200	/* in the attribution: ", police said" */

struct sim_tok {
	uint64_t	stem;	/* hash of the stem, or of the number's digits */
	uint64_t	syn;	/* synonym group, else the stem */
	uint64_t	surf;	/* hash of the word lower-cased, unstemmed */
	uint32_t	pre;	/* hash of the first five letters */
	uint32_t	wn;	/* WordNet senses: offset << 8 | count, or 0 */
	uint64_t	wnbits;	/* the senses, one bit each mod 64 */
	float		idf;
	unsigned	flags;
};

/* n-gram lists of a sentence: stem bigrams, trigrams, unigrams; word
   unigrams, bigrams (sim_prepare() needs SIM_PREP hashes a token: these
   and room for their weights) */
#define SIM_NGRAM	5
#define SIM_PREP	(SIM_NGRAM + 1)

struct sim_sent {
	struct sim_tok	*tok;
	size_t		 ntok;
	uint64_t	*key;		/* entity keys, hashed, sorted, unique */
	size_t		 nkey;
	const char	**tval;		/* DATE and TIME values of time records */
	size_t		 ntval;
	uint64_t	*gram[SIM_NGRAM];	/* n-grams: sorted hashes */
	size_t		 ngram[SIM_NGRAM];
	float		*kw;		/* TF-KLD weights of gram[2], gram[0] */
	float		 wsum;		/* idf mass of the content words */
	int		 neg;		/* negations, counted */
};

#define SIM_NFEAT	49

struct sim_tokvec {
	struct sim_tok	*v;
	size_t		 n;
	size_t		 cap;
};

/* a regression tree of the boosted part of the model: complete, of
   depth SIM_DEPTH; node k's children are 2k+1 (f <= thr) and 2k+2 */
#define SIM_DEPTH	3
#define SIM_NODES	((1 << SIM_DEPTH) - 1)

struct sim_tree {
	unsigned char	feat[SIM_NODES];
	float		thr[SIM_NODES];
	float		leaf[SIM_NODES + 1];
};

struct sim;

struct sim	*sim_new(const char **);
void		 sim_free(struct sim *);
int		 sim_analyze(struct sim *, const char *, size_t,
		    struct sim_tokvec *);
double		 sim_idf(const struct sim *, const char *, size_t);
void		 sim_prepare(struct sim_sent *, uint64_t *);
size_t		 sim_features(const struct sim_sent *, const struct sim_sent *,
		    double *);
double		 sim_prob(const struct sim *, const double *);
double		 sim_pair(const struct sim *, const struct sim_sent *,
		    const struct sim_sent *);
int		 sim_veto(const double *);

/* the evidence that two reports from different outlets share a fact */
struct sim_news {
	double	cover;		/* share of the contained side's core matched */
	double	mass;		/* the contained side's core, idf-weighted */
	int	side;		/* the contained side: 0 a, 1 b, -1 none */
	int	clause;		/* a clause of it, from 1; 0 the whole */
	int	nunit;		/* its content words, numbers and keys */
	int	words;		/* informative words it shares */
	int	nums;		/* numbers it shares */
	int	keys;		/* entity keys the two share */
	int	tagree;		/* a time value they share */
	int	conflict;	/* counts of one thing that disagree */
	int	numclash;	/* numbers that disagree otherwise */
};

double		 sim_news(const struct sim_sent *, const struct sim_sent *,
		    struct sim_news *);
double		 sim_pair_news(const struct sim *, const struct sim_sent *,
		    const struct sim_sent *, double *, struct sim_news *);
int		 sim_clash(const struct sim_sent *, const struct sim_sent *);

/* a sentence's signature for sim_maybe(): bit sets of what its tokens
   can match by (uint64_t words) */
#define SIM_SIG		112

void		 sim_sign(const struct sim_sent *, uint64_t *);
int		 sim_maybe(const struct sim_sent *, const uint64_t *,
		    const struct sim_sent *, const uint64_t *, int);
int		 sim_set_model(struct sim *, const double *, size_t, double);
int		 sim_set_trees(struct sim *, const struct sim_tree *, size_t);
int		 sim_set_kld(struct sim *, const uint64_t *, const float *, size_t,
		    double);
void		 sim_kld_features(const struct sim_sent *, const struct sim_sent *,
		    double *);
void		 sim_kld_terms(const struct sim_sent *, const uint64_t **,
		    size_t *, const uint64_t **, size_t *);
double		 sim_tree_sum(const struct sim_tree *, size_t, const double *);
const char	*sim_feature_name(size_t);
size_t		 sim_stem(struct sim *, const char *, size_t, char *, size_t);

#endif
