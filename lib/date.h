/* Document dates: the forms news headers use, to ISO 8601. */
#ifndef NEWS_DATE_H
#define NEWS_DATE_H

#include <stddef.h>

#define DATE_ISOMAX	32

int	date_iso(const char *, size_t, char *);
int	month_index(const char *, size_t);
int	date_valid(int, int, int);
long	date_days(long, long, long);
void	date_civil(long, long *, long *, long *);

#endif
