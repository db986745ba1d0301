/*
 * Where a sent record's TEXT folded white space: the fold record
 * (nstream(5)) lists each folded space that stood for other than one
 * byte, so that offsets into the original text stay exact downstream.
 */
#ifndef NEWS_FOLD_H
#define NEWS_FOLD_H

#include <stddef.h>
#include <stdio.h>

struct foldmap {
	size_t	 n;
	size_t	 cap;
	size_t	*pos;		/* offset of the space in the folded TEXT */
	size_t	*len;		/* bytes of white space it stands for */
};

int	foldmap_build(struct foldmap *, const char *, size_t);
void	foldmap_put(FILE *, const struct foldmap *);
int	foldmap_parse(struct foldmap *, const char *, size_t);
size_t	foldmap_orig(const struct foldmap *, size_t, size_t);
void	foldmap_clear(struct foldmap *);
void	foldmap_free(struct foldmap *);

#endif
