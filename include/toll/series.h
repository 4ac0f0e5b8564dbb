/*
 * series.h: the series index (SPEC section 1, "Series and revisions").
 *
 * A series is (event, side, status, category, source); its rows are its
 * revisions.  The index remembers, per series, each revision's reported
 * instant, a 64-bit fingerprint of its figure and where it was read, so
 * that a second row of the same series and instant is found to repeat it
 * (a duplicate) or contradict it (a conflict).  Memory: about 40 bytes
 * and the key text per series, plus 24 bytes per distinct revision.
 * Files past the 16,777,215th of one run are all named as the last.
 */
#ifndef TOLL_SERIES_H
#define TOLL_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "toll/report.h"

typedef struct toll_series_index toll_series_index;

enum toll_revision_kind {
	TOLL_REV_NEW = 0,     /* a revision not seen before */
	TOLL_REV_DUPLICATE,   /* same series, instant and figure as an earlier row */
	TOLL_REV_CONFLICT     /* same series and instant, a different figure */
};

/* Where an earlier revision was read. */
typedef struct toll_revision_ref {
	size_t fileno;
	long line;
} toll_revision_ref;

/* A new, empty index, or NULL when out of memory.  Free with toll_series_index_free(). */
toll_series_index *toll_series_index_new(void);
void toll_series_index_free(toll_series_index *x);

/*
 * Adds the revision r, read at (fileno, line).  Returns TOLL_OK and sets
 * *kind (and *earlier for a duplicate or conflict), or TOLL_ENOMEM.
 */
int toll_series_index_add(toll_series_index *x, const toll_report *r, size_t fileno, long line,
                          int *kind, toll_revision_ref *earlier);

/* Number of distinct series, and of distinct events, added so far. */
size_t toll_series_index_count(const toll_series_index *x);
size_t toll_series_index_events(const toll_series_index *x);

#endif
