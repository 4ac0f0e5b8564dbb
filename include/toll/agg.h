/*
 * agg.h: revision-aware aggregation (toll-agg(1)).
 *
 * Rows are added one by one as toll_reports hands them out; the latest
 * revision of each series reported no later than the as-of instant is
 * kept.  toll_agg_finish() then combines the series of each claim group
 * by the policy, groups the claims by the keys and sums their figures
 * into a result sorted by key, which toll_agg_result_write() writes
 * (toll_agg_write() does both).  Figures are whole numbers; medians and
 * means may end in .5 (see toll_policy), so sums are kept in halves, in
 * 128 bits, and a sum past 2^63 - 1 is an error.
 */
#ifndef TOLL_AGG_H
#define TOLL_AGG_H

#include <stddef.h>
#include <stdint.h>

#include "toll/keys.h"
#include "toll/nest.h"
#include "toll/out.h"
#include "toll/reports.h"
#include "toll/strmap.h"

enum toll_combine {
	TOLL_COMBINE_CONSENSUS = 0, /* range over the claims no other claim makes stale or vaguer */
	TOLL_COMBINE_RANGE,     /* low: min of lows; best: median of bests; high: max of highs */
	TOLL_COMBINE_MIN,       /* the series with the smallest best */
	TOLL_COMBINE_MAX,       /* the series with the largest best */
	TOLL_COMBINE_LATEST,    /* the most recently reported series */
	TOLL_COMBINE_MEAN,      /* low, best, high each the mean, rounded (an exact .5 is kept) */
	TOLL_COMBINE_MEDIAN,    /* low, best, high each the median */
	TOLL_COMBINE_PREFER,    /* the first source of a list that has the claim, else range */
	TOLL_COMBINE_EACH       /* no combining: each series stands alone */
};

typedef struct toll_policy {
	int combine;            /* enum toll_combine */
	char **prefer;          /* for TOLL_COMBINE_PREFER: the sources, in order */
	size_t nprefer;
} toll_policy;

/*
 * Parses a policy name ("consensus", "range", "prefer:Armenia MoD,AFP",
 * ...) into *p.  Returns TOLL_OK, or TOLL_EUSAGE (an unknown name, an
 * empty source) or TOLL_ENOMEM with *d.
 */
int toll_policy_parse(toll_policy *p, const char *s, toll_diag *d);

/*
 * The policies, in the order of enum toll_combine and of the help: how
 * many; each one's name; its label in a help ("prefer:A,B,..."; NULL when
 * the one before's label and help name it too: "min, max"); its help,
 * lines ended by '\n' but the last.  NULL past the last.
 */
size_t toll_policies(void);
const char *toll_policy_name(size_t i);
const char *toll_policy_label(size_t i);
const char *toll_policy_help(size_t i);
void toll_policy_free(toll_policy *p);

typedef struct toll_agg toll_agg;

/*
 * An aggregation by policy p and keys (both must outlive it), of the
 * revisions known as of as_of (date.h; copied).  NULL when out of memory.
 */
toll_agg *toll_agg_new(const toll_policy *p, toll_keys *keys, const toll_as_of *as_of);
void toll_agg_free(toll_agg *a);

/*
 * After the reader's TOLL_HEADER: finds the key columns ("status" may be
 * a key when the table has no such column: every row's is "all").
 * Returns TOLL_OK, or TOLL_EUSAGE (an unknown column, a figure column as
 * key) or TOLL_ENOMEM with *d.
 */
int toll_agg_header(toll_agg *a, const toll_reports *rd, toll_diag *d);

/*
 * Adds a valid row; every row the reader hands out must be added, in
 * order.  Returns TOLL_OK, TOLL_EDATA (a binned key column that holds no
 * date; *d says where) or TOLL_ENOMEM.
 */
int toll_agg_add(toll_agg *a, const toll_reports *rd, const toll_entry *e, toll_diag *d);

/*
 * Claims of one party about another's losses (the claimant column names a
 * side that neither is the claim's side nor holds it nor is held by it)
 * are set aside by default: they never move the figures of the side they
 * are about, and toll_agg_write() lists them in a column of their own.
 * include != 0 counts them as any other claim.
 */
void toll_agg_set_adversary(toll_agg *a, int include);

/*
 * After toll_agg_finish(): whether the series numbered series (a
 * toll_entry's series) was set aside as one party's claim about
 * another's losses.
 */
int toll_agg_series_set_aside(const toll_agg *a, size_t series);

/*
 * Where warnings go: parts of a claim that add up to more than its high
 * (see nest.h), one call each, with the total's place in the diagnostic.
 */
typedef void (*toll_agg_warn_fn)(void *ctx, const toll_diag *d);
void toll_agg_set_warn(toll_agg *a, toll_agg_warn_fn warn, void *ctx);

/*
 * Where known conflicts go: those whose total or one of its parts has the
 * tag [known conflict] in its note (report.h).  Without it they are said
 * nowhere.
 */
void toll_agg_set_known(toll_agg *a, toll_agg_warn_fn known, void *ctx);

/*
 * A number of toll-agg's output, exact: a whole number, or one and a half
 * (a mean or a median of two ends in .5).
 */
typedef struct toll_half {
	int64_t n;
	int half;                  /* 1: the number is n + 0.5 */
} toll_half;

/* A figure of a group: the claims counted in it, combined and added up. */
typedef struct toll_agg_figure {
	int any;                   /* claims are counted in it; else it is empty */
	toll_half low, best, high; /* high is meaningless when open */
	int open;                  /* high unbounded */
	unsigned flags;            /* of its best: TOLL_BEST_APPROX, _VAGUE, _SUPPLIED (nest.h) */
} toll_agg_figure;

/* One row of the result: a group. */
typedef struct toll_agg_row {
	const char *keys;          /* its key values in the keys' order, each ended by '\0' */
	toll_agg_figure own;       /* own and independent claims (empty when only the other's) */
	toll_agg_figure adversary; /* the other party's claims set aside (empty: none) */
	uint64_t events, series;
} toll_agg_row;

/* The result: its rows in toll-agg's order (by key values, as bytes). */
typedef struct toll_agg_result {
	toll_agg_row *row;
	size_t n;
	const toll_keys *keys;     /* the aggregation's: the result must not outlive them */
	toll_strmap *groups;       /* owns the key values */
} toll_agg_result;

/*
 * Combines, groups and reconciles the claims of a group that hold one
 * another (nest.h) into *out, to free with toll_agg_result_free().
 * Returns TOLL_OK, or TOLL_EDATA (*d says what: a sum too large;
 * categories that do not nest in one group; with the policy each, two
 * sources' claims of one kind in one group), TOLL_EUSAGE (the aggregation
 * keeps every revision: toll_agg_set_every()) or TOLL_ENOMEM with *out NULL.
 */
int toll_agg_finish(toll_agg *a, const toll_reports *rd, toll_agg_result **out, toll_diag *d);
void toll_agg_result_free(toll_agg_result *r);

/*
 * The result as a table of text, as toll-agg writes it: its columns (the
 * keys', then low, best, high, events, series, qualifier, best_by,
 * adversary), the column named name (-1: none), and the text of a cell
 * (row, col): into buf, or in the result (a key's value).
 */
#define TOLL_AGG_TEXT 128
size_t toll_agg_result_columns(const toll_agg_result *res);
const char *toll_agg_result_column(const toll_agg_result *res, size_t col);
long toll_agg_result_find(const toll_agg_result *res, const char *name);
const char *toll_agg_result_text(const toll_agg_result *res, size_t row, size_t col,
                                 char buf[TOLL_AGG_TEXT]);

/* Writes the result as toll-agg does: a header, then a line per row. */
void toll_agg_result_write(const toll_agg_result *res, toll_out *o);

/*
 * toll-agg's outputs of the parts of a table (toll_reports_set_part(),
 * --part I/K), added into the output of one run (toll-agg --merge).  Each
 * part's header, then its rows, as the table reader hands them out (file:
 * its name, for messages).  The header must end with toll-agg's columns,
 * and be the first part's; a row is checked as toll-agg writes it.  The
 * sums are toll-agg's: in halves, each checked against its limit (TOLL_EDATA,
 * "the sum of 'best' for side 'Armenia' is larger than ..."), a high
 * unbounded when a part's is, a best's flags when a part's has them.
 * toll_agg_merge_finish() hands back the rows in toll-agg's order, to
 * write with toll_agg_result_write() (the result uses the merge's keys:
 * free it first).  Functions return TOLL_OK, TOLL_EDATA or TOLL_ENOMEM
 * with *d.  The adversary column is in the notation, whole people: a half
 * of a mean in it is lost.
 */
typedef struct toll_agg_merge toll_agg_merge;
toll_agg_merge *toll_agg_merge_new(void);
int toll_agg_merge_header(toll_agg_merge *m, const char *file, const toll_row *header, toll_diag *d);
int toll_agg_merge_row(toll_agg_merge *m, const char *file, const toll_row *row, toll_diag *d);
int toll_agg_merge_finish(toll_agg_merge *m, toll_agg_result **out, toll_diag *d);
void toll_agg_merge_free(toll_agg_merge *m);

/* A number as toll-agg writes it ("12", "12.5"), and a figure's notation of toll(7) ("79", "~430", "79-430"). */
void toll_half_text(toll_half v, char *buf, size_t sz);
void toll_agg_figure_notation(const toll_agg_figure *f, char *buf, size_t sz);

/*
 * Tolls period by period: before the first row, unit (enum toll_bin,
 * date.h) makes the aggregation keep every revision for toll_agg_timeline()
 * (timeline.h) instead of each series' latest; once it does, the unit may
 * change until then.  Returns TOLL_OK, or TOLL_EUSAGE (rows were added to
 * an aggregation that does not keep them all; no unit).
 */
int toll_agg_set_every(toll_agg *a, int unit);

/*
 * toll_agg_finish() and toll_agg_result_write(): the same returns, and in
 * every error case nothing written: o need not be spooled.
 */
int toll_agg_write(toll_agg *a, const toll_reports *rd, toll_out *o, toll_diag *d);

#endif
