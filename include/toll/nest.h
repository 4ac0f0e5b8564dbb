/*
 * nest.h: claims that hold other claims, and their reconciliation
 * (toll(7), HOW CLAIMS ARE COMBINED: a death is counted once).
 *
 * A claim is about a side, a status and a category.  One claim holds
 * another when it holds it in all three:
 *   side      the reserved side 'all' holds every side (and a side holds
 *             itself);
 *   status    'all' holds military, civilian and unknown;
 *   category  killed_or_missing holds killed and missing, casualties
 *             holds killed and wounded.
 * Within one output row of toll-agg, the claims of one event that nest (a
 * total and its parts) are reconciled, never added: a claim's figure is
 * the larger of its own and the sum of its parts (low and best each;
 * parts are summed along one way of splitting it, by side, by status or
 * by category, whichever gives more), bounded above by its own high.
 * Parts whose low adds up to more than a total's high are a conflict: the
 * later report wins (the total's high bounds the parts when it was
 * reported no earlier than every part; otherwise the parts' sum stands,
 * the total being out of date), and the conflict is reported.
 */
#ifndef TOLL_NEST_H
#define TOLL_NEST_H

#include <stddef.h>
#include <stdint.h>

/* Figures in halves (toll-agg's medians end in .5), in 128 bits. */
__extension__ typedef __int128 toll_i128;

/*
 * What is known of a figure's best, carried wherever it goes: it is
 * approximate ("about N"), vague ("dozens"), or supplied by toll rather
 * than stated (a range's middle).  A sum has the flags of any of its
 * terms; the larger of two has the flags of the one taken (of two equal,
 * only those both have: one stated exactly is enough).
 */
enum {
	TOLL_BEST_APPROX = 1, TOLL_BEST_VAGUE = 2, TOLL_BEST_SUPPLIED = 4
};

/* The reserved side that holds every side. */
#define TOLL_SIDE_ALL "all"

/* No side: the parent of a root. */
#define TOLL_NEST_NONE UINT32_MAX

/* Whether category a holds category b (a category holds itself). */
int toll_category_holds(int a, int b);

/* Whether status a holds status b (a status holds itself). */
int toll_status_holds(int a, int b);

/*
 * The category that holds every category of the set mask (bit c for
 * category c): one of them, or killed_or_missing or casualties; -1 when
 * there is none (killed and captured: they do not nest).
 */
int toll_category_cover(unsigned mask);

/* One claim, as toll-agg combined it. */
typedef struct toll_nest_claim {
	toll_i128 low, best, high;  /* in halves; high is meaningless when open */
	int open;
	uint32_t side;              /* the caller's side number */
	uint8_t status, category;   /* enum toll_status_kind, enum toll_category */
	int64_t reported;           /* its latest report: the later report wins a conflict */
	size_t id;                  /* the caller's, handed back in conflicts */
	uint8_t flags;              /* of its best: TOLL_BEST_* */
} toll_nest_claim;

/* A reconciled figure. */
typedef struct toll_nest_figure {
	toll_i128 low, best, high;
	int open;
	uint8_t flags;              /* of its best: TOLL_BEST_* */
} toll_nest_figure;

/*
 * A conflict: parts adding up to more than a total's high.  total is the
 * id of the total's claim, parts[0..nparts) the ids of some of its parts
 * (the largest claims beneath it, at most TOLL_NEST_PARTS), parts_low
 * what their lows add up to; total_kept says whether the total's high
 * bounds them (it was reported last) or the parts' sum stands.
 */
#define TOLL_NEST_PARTS 4
typedef struct toll_nest_conflict {
	size_t total;
	size_t parts[TOLL_NEST_PARTS];
	size_t nparts, more;        /* more: parts not listed */
	toll_i128 parts_low, total_high;
	int total_kept;
} toll_nest_conflict;

typedef void (*toll_nest_conflict_fn)(void *ctx, const toll_nest_conflict *c);

/*
 * Reconciles claims[0..n) of one event in one output row (reordered
 * here).  parent[side] is the side that holds side, TOLL_NEST_NONE for a
 * root (sides are numbered from 0; the numbers may go up to nsides - 1).
 * Conflicts are handed to conflict(ctx, ...) when it is not NULL.
 * Returns TOLL_OK with *out filled; TOLL_EDATA when two claims are of the
 * same side, status and category (their ids in dup[0] and dup[1]);
 * TOLL_ENOMEM; TOLL_EUSAGE when no side holds them all or their
 * categories do not nest (the caller's error: toll-agg checks both first).
 */
int toll_nest_reconcile(toll_nest_claim *claims, size_t n, const uint32_t *parent, size_t nsides,
                        toll_nest_conflict_fn conflict, void *ctx, toll_nest_figure *out,
                        size_t dup[2]);

#endif
