/*
 * strmap.h: a map from byte strings to dense numbers (0, 1, 2, ... in order
 * of arrival), for grouping rows by key.  Keys are copied once.
 */
#ifndef TOLL_STRMAP_H
#define TOLL_STRMAP_H

#include <stddef.h>

#include "toll/str.h"

typedef struct toll_strmap toll_strmap;

/* An empty map, or NULL when out of memory. */
toll_strmap *toll_strmap_new(void);
void toll_strmap_free(toll_strmap *m);

/*
 * The number of key[0..len), added when new (*added says which).  Returns
 * TOLL_OK or TOLL_ENOMEM (also for keys of 4 GiB or more, or past 2^31 keys).
 */
int toll_strmap_intern(toll_strmap *m, const char *key, size_t len, size_t *id, int *added);

/* The number of key[0..len) when it is in the map: 0 and *id set, else -1. */
int toll_strmap_find(const toll_strmap *m, const char *key, size_t len, size_t *id);

/* The key numbered id, valid as long as the map. */
toll_str toll_strmap_key(const toll_strmap *m, size_t id);

size_t toll_strmap_count(const toll_strmap *m);

/*
 * The numbers of m's keys in the byte order of the keys (a prefix first),
 * in a new array of toll_strmap_count(m) elements the caller frees; NULL
 * when out of memory.
 */
size_t *toll_strmap_sorted(const toll_strmap *m);

/* Orders byte strings as memcmp() does, a prefix first: <0, 0 or >0. */
int toll_str_cmp(toll_str a, toll_str b);


#endif
