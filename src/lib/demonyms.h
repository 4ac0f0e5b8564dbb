/* demonyms.h: the nationality words toll-extract knows and the sides they name. */
#ifndef TOLL_DEMONYMS_H
#define TOLL_DEMONYMS_H

#include <stddef.h>

struct toll_demonym {
	const char *word;   /* lower case; two words are separated by one space */
	const char *side;
};

/* Sorted by the bytes of word (strcmp order). */
extern const struct toll_demonym toll_demonyms[];
extern const size_t toll_ndemonyms;

#endif
