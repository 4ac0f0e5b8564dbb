/*
 * stats.h: grouped statistics of numeric columns (toll-stats(1)), with GSL.
 *
 * Rows of any table are added one by one; each is put in its group by the
 * keys (as in toll-agg, date bins too: the input need not be sorted), and
 * the values of the columns the operations name are gathered: running
 * counts, sums, minima and maxima for every column, and the values
 * themselves for the operations that need them (quantiles, spread,
 * bootstrap).  toll_stats_write() computes and writes one row per group,
 * sorted by key.  Empty fields are skipped; quantiles interpolate as R's
 * type 7 (GSL's and GNU datamash's).
 */
#ifndef TOLL_STATS_H
#define TOLL_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "toll/keys.h"
#include "toll/out.h"
#include "toll/table.h"

enum toll_stat {
	TOLL_STAT_COUNT, TOLL_STAT_SUM, TOLL_STAT_MEAN, TOLL_STAT_MEDIAN, TOLL_STAT_Q1,
	TOLL_STAT_Q3, TOLL_STAT_PCT, TOLL_STAT_IQR, TOLL_STAT_MIN, TOLL_STAT_MAX, TOLL_STAT_SD,
	TOLL_STAT_VAR, TOLL_STAT_MAD, TOLL_STAT_POISSON95, TOLL_STAT_CI95
};

/* One operation, "median:best": what it computes, of which column. */
typedef struct toll_stat_op {
	int stat;          /* enum toll_stat */
	double p;          /* TOLL_STAT_PCT: the fraction, 0 to 1 */
	char *column;      /* NULL for count without a column: the rows */
	char *name;        /* its output column: "median_best", "count", "p90_best" */
	long col;          /* the column's index, after toll_stats_header() */
} toll_stat_op;

/*
 * Whether s names an operation ("sum", "p90", "ci95", ... alone or before
 * ":COLUMN"): what toll-stats tells operations from file names by.
 */
int toll_stat_op_is(const char *s);

/*
 * The operations, in the order of enum toll_stat: how many, and each
 * one's label in a help ("pN"), with its help (NULL: none; lines ended
 * by '\n' but the last) and the line of the help it goes on (those of one
 * line side by side).  NULL past the last.
 */
size_t toll_stats_count(void);
const char *toll_stat_label(size_t i, const char **help, int *line);

/*
 * Parses an operation: count, sum, mean, median, q1, q3, pN (N from 0 to
 * 100, decimals allowed), iqr, min, max, sd, var, mad, poisson95, ci95,
 * each followed by :COLUMN (count may go without).  Returns TOLL_OK, or
 * TOLL_EUSAGE or TOLL_ENOMEM with *d.  Free with toll_stat_op_free().
 */
int toll_stat_op_parse(toll_stat_op *op, const char *s, toll_diag *d);
void toll_stat_op_free(toll_stat_op *op);

typedef struct toll_stats toll_stats;

/*
 * Statistics ops[0..nops) per group of keys (both must outlive it); ci95
 * draws resamples bootstrap samples from a generator seeded with seed,
 * afresh for each group.  NULL when out of memory.
 */
toll_stats *toll_stats_new(toll_stat_op *ops, size_t nops, toll_keys *keys, unsigned long seed,
                           size_t resamples);
void toll_stats_free(toll_stats *s);

/*
 * After the first header: finds the columns of the keys and operations.
 * Returns TOLL_OK, or TOLL_EUSAGE (an unknown column) or TOLL_ENOMEM
 * with *d.
 */
int toll_stats_header(toll_stats *s, const toll_table *t, toll_diag *d);

/*
 * Adds a row.  Returns TOLL_OK, TOLL_EDATA (*d says where: a value that is
 * not a number, a count that is not a whole number from 0, a binned key
 * that holds no date) or TOLL_ENOMEM.
 */
int toll_stats_add(toll_stats *s, const toll_row *row, toll_diag *d);

/*
 * Reads t's rows with n threads (see toll_table_set_threads()): each row's
 * numbers are read in the worker that splits it, and toll_stats_add() of
 * the rows of t takes them from there.  toll_stats_write() then computes
 * the groups' quantiles, spreads and bootstraps in up to n threads (from
 * 65,536 kept values; the results are the same whatever n).  Call after
 * toll_stats_header().  Returns TOLL_OK, TOLL_EUSAGE when n is below 1,
 * or TOLL_ENOMEM.
 */
int toll_stats_set_threads(toll_stats *s, toll_table *t, int n);

/*
 * Computes and writes the table.  Returns TOLL_OK; TOLL_EDATA when a
 * result is not a finite number (a sum past the largest double: *d names
 * the result and its group; what was written must not be committed); or
 * TOLL_ENOMEM.
 */
int toll_stats_write(toll_stats *s, toll_out *o, toll_diag *d);

/*
 * In a table of claims (event, reported, source), a figure stated out of
 * order (a best outside [low, high]) is not refused: [low, high] is widened
 * to hold it, as toll_range_complete_widened() says.  The number of rows
 * counted whose figure was, and the first of them (its file, which the
 * table owns, and line).
 */
size_t toll_stats_widened(const toll_stats *s, const char **file, long *line);

#endif
