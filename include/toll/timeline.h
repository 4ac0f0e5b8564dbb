/*
 * timeline.h: tolls period by period (toll-rev series).
 *
 * For each group of the keys and each period of a unit (day, ISO week,
 * month, quarter, year), the toll as known at the period's end, by the
 * rules and policy of toll-agg: each row is what toll_agg_finish() gives
 * with --as-of the period's label.  A revision is of the period of its
 * day where it was written, as --as-of reads a date.  The periods run
 * from the first revision's to the last's (or to the as-of date's, when
 * the aggregation has one); a group has a row in every period from its
 * first claim on, carried forward when nothing of it was reported.
 *
 * The work is linear in the revisions: a period's revisions make only
 * their events' claims be combined again, and what each event puts in
 * each row is taken back and added anew (sums in halves are exact).
 */
#ifndef TOLL_TIMELINE_H
#define TOLL_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "toll/agg.h"
#include "toll/out.h"
#include "toll/reports.h"

typedef struct toll_timeline toll_timeline;

/* A row: a group at the end of a period. */
typedef struct toll_timeline_row {
	toll_agg_row agg;           /* keys, figures, events, series: toll-agg --as-of the period */
	int64_t period;             /* the period's first instant */
	char label[TOLL_BIN_LABEL]; /* and its label (2022-09, 2022-W37, ...) */
	int64_t as_of;              /* the day the toll is as of: the period's last (or the as-of date's), in days since 1970 */
	toll_i128 change;           /* the own best minus the period before's, in halves (the first: all of it) */
	uint64_t updated;           /* events of the row with a report in the period; 0: carried forward */
} toll_timeline_row;

/*
 * The timeline of an aggregation made with toll_agg_set_every(), once
 * every row is added, into *out (free with toll_timeline_free()).  A toll
 * that falls from one period to the next is a warning (toll_agg_set_warn()),
 * at the revision that made it fall.  Returns TOLL_OK, or TOLL_EUSAGE (no
 * unit was set), TOLL_EDATA (as toll_agg_finish()) or TOLL_ENOMEM with
 * *d and *out NULL.
 */
int toll_agg_timeline(toll_agg *a, const toll_reports *rd, toll_timeline **out, toll_diag *d);
void toll_timeline_free(toll_timeline *t);

/* Its rows, sorted by key values (as bytes) and then by period; row i. */
size_t toll_timeline_rows(const toll_timeline *t);
void toll_timeline_row_at(const toll_timeline *t, size_t i, toll_timeline_row *r);

/*
 * As a table of text, as toll-rev series writes it: the keys, period,
 * as_of, low, best, high, change, events, series, qualifier, best_by,
 * adversary and updated; the text of cell (row, col), into buf or in the
 * timeline.
 */
size_t toll_timeline_columns(const toll_timeline *t);
const char *toll_timeline_column(const toll_timeline *t, size_t col);
const char *toll_timeline_text(const toll_timeline *t, size_t row, size_t col,
                               char buf[TOLL_AGG_TEXT]);

/* Writes it: a header, then a line per row. */
void toll_timeline_write(const toll_timeline *t, toll_out *o);

#endif
