/*
 * str.h: a piece of text owned by someone else (the keys of toll_strmap,
 * the texts of series), in a header of its own so that the table reader
 * can use toll_strmap without the series.
 */
#ifndef TOLL_STR_H
#define TOLL_STR_H

#include <stddef.h>

typedef struct toll_str {
	const char *s;
	size_t len;
} toll_str;

#endif
