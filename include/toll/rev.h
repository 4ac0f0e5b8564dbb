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

/*
 * history: one row per revision with its number, the change of best from
 * the one before, and the days since the series' first.  summary: one row
 * per series, from its first revision to its last, with its falls (the
 * revisions whose best is below the one before's).  The index is the
 * reader's, for the series' names.  Return TOLL_OK or TOLL_ENOMEM; out of
 * memory, nothing is written.
 */
int toll_revs_history(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d);
int toll_revs_summary(toll_revs *r, const toll_series_index *x, toll_out *o, toll_diag *d);

/*
 * diff: one row per (series, report instant) added, removed or with a
 * different figure from the old table to the new.  *changes is set to the
 * number of rows written.  Returns TOLL_OK or TOLL_ENOMEM (nothing written).
 */
int toll_revs_diff(toll_revs *old, const toll_series_index *xold, toll_revs *new_,
                   const toll_series_index *xnew, toll_out *o, size_t *changes, toll_diag *d);

#endif
