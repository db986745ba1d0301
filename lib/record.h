/*
 * Reading and writing the newsutils record stream (nstream(5)):
 * one record per line, fields split by TAB, linear-TSV escapes.
 */
#ifndef NEWS_RECORD_H
#define NEWS_RECORD_H

#include <stddef.h>
#include <stdio.h>

#define REC_MAXFIELDS	64

struct rec_reader {
	FILE		*fp;
	const char	*name;		/* "stdin" or the path, for diagnostics */
	char		*line;		/* the current line, fields NUL-split */
	size_t		 cap;
	size_t		 len;		/* bytes in line, newline removed */
	unsigned long	 lineno;
	size_t		 nfield;
	char		*field[REC_MAXFIELDS];
	size_t		 flen[REC_MAXFIELDS];
	int		 toomany;	/* more than REC_MAXFIELDS fields */
	int		 hasnul;	/* the line held a NUL byte */
};

/* Field counts, the kind included, of the kinds DESIGN.md defines. */
enum rec_kind {
	REC_OTHER = 0, REC_COMMENT, REC_DOC, REC_SENT, REC_ENT, REC_TIME,
	REC_STORY, REC_FACT, REC_QUOTE, REC_CITE, REC_FOLD
};

int		 rec_open(struct rec_reader *, const char *);
void		 rec_close(struct rec_reader *);
int		 rec_next(struct rec_reader *);
enum rec_kind	 rec_kind(const struct rec_reader *);
const char	*rec_check(const struct rec_reader *);
void		 rec_write(const struct rec_reader *, FILE *);

/* Escaping: field text to a stream, and back in place. */
void		 tsv_put(FILE *, const char *, size_t);
int		 tsv_put_text(FILE *, const char *, size_t);
size_t		 text_put(char *, const char *, size_t, int *);
size_t		 tsv_esc(char *, const char *, size_t);
size_t		 fmt_size(char *, size_t);
void		 tsv_put_str(FILE *, const char *);
long		 tsv_unescape(char *, size_t);
int		 tsv_escapes_ok(const char *, size_t);
int		 tsv_unescape_field(struct rec_reader *, size_t, const char **);
size_t		 text_fold(char *, const char *, size_t);

void		 put_size(FILE *, size_t);
int		 parse_size(const char *, size_t, size_t *);
int		 out_flush(FILE *);
int		 out_close(FILE *);

#endif
