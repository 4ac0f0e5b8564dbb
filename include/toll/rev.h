/*
 * rev.h: revision tracking (toll-rev(1)).
 *
 * A toll_revs keeps every revision reported no later than the as-of
 * instant, as a toll_reports reader in history mode hands them out (so
 * each is seen once).  Output rows are sorted by series (event, side,
 * status, category, source, in byte order) and then by report instant.
 */
#ifndef TOLL_REV_H
#define TOLL_REV_H

#include <stddef.h>
#include <stdint.h>

#include "toll/out.h"
#include "toll/reports.h"

typedef struct toll_revs toll_revs;

/* An empty collection of the revisions known as of as_of (date.h); NULL when out of memory. */
toll_revs *toll_revs_new(const toll_as_of *as_of);
void toll_revs_free(toll_revs *r);

/* Keeps the revision of a valid row.  Returns TOLL_OK or TOLL_ENOMEM (*d filled). */
int toll_revs_add(toll_revs *r, const toll_entry *e, toll_diag *d);

/* A revision, as a value. */
typedef struct toll_rev {
	const toll_series_key *key;  /* its series */
	toll_str reported;           /* when it was reported, as written */
	int64_t t;                   /* and as an instant (date.h) */
	int64_t low, best, high;     /* high is meaningless when open */
	uint32_t revision;           /* its number in its series, from 1 */
	uint8_t has_time;            /* whether a time of day was given */
	uint8_t open;
	char qualifier;              /* '~', 'v' or '\0' (figure.h) */
} toll_rev;

/*
 * The revisions sorted by series (event, side, status, category, source,
 * as bytes) and then by instant; a series' revisions follow one another,
 * the first numbered 1.  It borrows from the toll_revs and the index.
 */
typedef struct toll_rev_list {
	toll_rev *rev;
	size_t n;
	size_t *first, nseries;      /* rev[first[i]] opens the i-th series; first[nseries] = n */
	toll_series_key *keys;       /* of every series of the index */
} toll_rev_list;

/* The list of r's revisions (x: the reader's index, for the series' names); TOLL_OK or TOLL_ENOMEM. */
int toll_revs_list(const toll_revs *r, const toll_series_index *x, toll_rev_list **out, toll_diag *d);
void toll_rev_list_free(toll_rev_list *l);

/* The days from revision a to b: whole when neither has a time of day, else to a tenth (half up). */
void toll_rev_days_text(const toll_rev *a, const toll_rev *b, char *buf, size_t sz);

/*
 * The list as toll-rev's tables of text: history, one row per revision
 * with its number, the change of best from the one before, and the days
 * since the series' first; summary, one row per series, from its first
 * revision to its last, with its falls (the revisions whose best is below
 * the one before's).  Their rows, their columns, and the text of a cell
 * (row, col), into buf or in the list.
 */
enum toll_rev_table { TOLL_REV_HISTORY, TOLL_REV_SUMMARY };
#define TOLL_REV_TEXT 64
size_t toll_rev_list_rows(const toll_rev_list *l, enum toll_rev_table t);
const char *const *toll_rev_columns(enum toll_rev_table t, size_t *n);
toll_str toll_rev_list_text(const toll_rev_list *l, enum toll_rev_table t, size_t row, size_t col,
                            char buf[TOLL_REV_TEXT]);

/* Writes one of them as toll-rev does: a header, then a line per row. */
void toll_rev_list_write(const toll_rev_list *l, enum toll_rev_table t, toll_out *o);

/* toll_revs_list() then a writer above: TOLL_OK or TOLL_ENOMEM (nothing written). */
int toll_revs_history(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d);
int toll_revs_summary(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d);

/*
 * diff: one row per (series, report instant) added, removed or with a
 * different figure from the old table to the new; with latest, one row
 * per series, its latest revision in each (two releases of a list, each
 * dated its own day: a series only in the new is added, only in the old
 * removed, in both with another figure changed; reported is the new's,
 * or the old's when removed).  *changes is set to the number of rows
 * written.  Returns TOLL_OK or TOLL_ENOMEM (nothing written).
 */
int toll_revs_diff(toll_revs *old, const toll_series_index *xold, toll_revs *new_,
                   const toll_series_index *xnew, int latest, toll_out *o, size_t *changes,
                   toll_diag *d);

#endif
