/*
 * agg.h: revision-aware aggregation (toll-agg(1)).
 *
 * Rows are added one by one as toll_reports hands them out; the latest
 * revision of each series reported no later than the as-of instant is
 * kept.  toll_agg_write() then combines the series of each claim group
 * by the policy, groups the claims by the keys, sums their figures and
 * writes the table sorted by key.  Figures are whole numbers; medians and
 * means may end in .5 (see toll_policy), so sums are kept in halves, in
 * 128 bits, and a sum past 2^63 - 1 is an error.
 */
#ifndef TOLL_AGG_H
#define TOLL_AGG_H

#include <stddef.h>
#include <stdint.h>

#include "toll/keys.h"
#include "toll/out.h"
#include "toll/reports.h"

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
 * Combines, groups, reconciles the claims of a group that hold one another
 * (nest.h), and writes the result to o.  Returns TOLL_OK, TOLL_EDATA (*d
 * says what: a sum too large; categories that do not nest in one group;
 * with the policy each, two sources' claims of one kind in one group) or
 * TOLL_ENOMEM, and in every error case has written nothing: o need not be
 * spooled.
 */
int toll_agg_write(toll_agg *a, const toll_reports *rd, toll_out *o, toll_diag *d);

#endif
