/*
 * agg_int.h: what agg.c shares with timeline.c (the tolls period by
 * period): a series' revision, a combined claim, an output row, the
 * aggregation itself and one pass of it.  Not part of the library's API.
 */
#ifndef TOLL_AGG_INT_H
#define TOLL_AGG_INT_H

#include <stddef.h>
#include <stdint.h>

#include "toll/agg.h"
#include "toll/reports.h"
#include "toll/nest.h"
#include "toll/strmap.h"

/* Figures in halves: a median of two may end in .5.  128 bits: sums cannot wrap. */
typedef toll_i128 i128;

#define I128_LIMIT ((i128)INT64_MAX * 2 + 1)   /* the largest sum in halves: 2^63 - 0.5 */

/* Where a key's value comes from. */
enum key_kind {
	K_EVENT, K_SIDE, K_STATUS, K_CATEGORY,   /* the claim group */
	K_SOURCE,                                /* the group's latest series */
	K_STORED                                 /* any other column: kept per series */
};

/* The latest revision of a series as of the as-of instant. */
struct aseries {
	int64_t reported;        /* INT64_MIN: none as of then */
	int64_t low, best, high; /* high -1: unbounded */
	int64_t end;             /* the end of the period it covers; INT64_MIN: not stated */
	uint32_t event;          /* its event's number */
	uint32_t claim;          /* side number << 5 | status << 3 | category: the claim within the event */
	uint32_t line, fileno;   /* where it was read, for messages */
	uint32_t claimant;       /* the side number + 1 of who claims it; 0: no party said */
	uint8_t flags;           /* of its best: TOLL_BEST_APPROX, _VAGUE, _SUPPLIED (nest.h); ADVERSARY */
};

/* A series' flags beside those of its best: a claim of the other party, set aside; a conflict known. */
#define ADVERSARY 0x80
#define KNOWN_CONFLICT 0x40
#define CORRECTION 0x20          /* its note says [correction]: a fall that is known */
#define BEST_FLAGS (TOLL_BEST_APPROX | TOLL_BEST_VAGUE | TOLL_BEST_SUPPLIED)

/* The claim packing: a category in 3 bits, a status in 2, the side above them. */
_Static_assert(TOLL_NCATEGORIES <= 8, "a category no longer fits in the claim's 3 bits");
_Static_assert(TOLL_NSTATUSES <= 4, "a status no longer fits in the claim's 2 bits");

/* A combined claim: its figure in halves, and what it stands for. */
struct claim {
	i128 low, best, high;
	int open;
	uint8_t flags;           /* of its best (nest.h) */
	size_t chosen;           /* series the policy chose */
	size_t rep;              /* the series key values come from */
	size_t gid;              /* its output row */
	uint8_t fresh;           /* timeline.c: a series of it was reported in the period */
};

/* One output row. */
struct group {
	i128 low, best, high;
	int open;
	uint8_t flags;           /* of its best: any part approximate, vague, supplied */
	int any;                 /* some claim is counted in it */
	size_t events, series;
	size_t last_event;       /* number + 1 of the last event counted (rows of one claim kind) */
};

struct toll_agg {
	const toll_policy *p;
	toll_keys *keys;
	int *kind;               /* per key: enum key_kind */
	size_t nstored;          /* keys of kind K_STORED */
	toll_as_of as_of;
	struct aseries *s;
	size_t ns, scap;
	size_t *stored;          /* per series, when keys need it: offset in buf of its values */
	size_t storedcap;
	char *buf;               /* stored key values: per series nstored of (uint32 length, bytes) */
	size_t buflen, bufcap;
	char *scratch;           /* the stored values of the row being added */
	size_t scratchlen, scratchcap;
	toll_strmap *sides;      /* side names to numbers */
	toll_str last_side;      /* the side of the previous lookup, and its number */
	size_t last_side_id;
	toll_agg_warn_fn warn, known;
	void *warn_ctx, *known_ctx;
	long note_col;           /* the note column (its tag [known conflict]), or -1 */
	int with_adversary;      /* adversary claims counted as any other */
	/* Sides within sides, per event (the 'within' column): each (event, side) once. */
	toll_strmap *edge_keys;
	struct edge { uint32_t event, side, holder; } *edge;
	size_t nedge, edgecap;
	struct edge *order;      /* the edges by event, made by agg_order_edges() */
	/* Tolls period by period (timeline.c): every revision kept, for periods of this unit. */
	int every;               /* enum toll_bin; TOLL_BIN_NONE: one aggregation */
	struct arev *rev;
	size_t nrev, revcap;
};

/* A revision kept for the tolls period by period. */
struct arev {
	struct aseries v;        /* as its series holds it when it is the latest */
	size_t stored;           /* its stored key values: offset in buf */
	int64_t day;             /* its day where it was written, in days since 1970 (its period's) */
	uint32_t series;
};

/*
 * What the claims of one event put in one row, in one pass: a row's
 * figure is the sum of these over the events (timeline.c).
 */
struct contrib {
	i128 low, best, high;
	uint64_t series;         /* the series the policy chose */
	uint32_t event, gid;
	uint32_t claims;         /* claims whose own row it is: the row exists while some are */
	uint8_t adversary;       /* of the adversaries' pass */
	uint8_t fig;             /* a figure is in it (else only claims) */
	uint8_t fresh;           /* a claim in it was reported in the period */
	uint8_t open, flags;
};

struct ctx {
	toll_agg *a;
	const toll_series_index *x;
};

/* What a pass fills: a group per output row (numbered as the rows' keys), and its categories. */
struct pass {
	struct group *g;
	size_t gcap;
	unsigned *mask;
	size_t mcap;
	/*
	 * For the tolls period by period (timeline.c), fixed set: only the
	 * series sel[0..nsel) are combined (grouped by event, events in
	 * ascending order), mask already holds the categories of every row
	 * any claim may have (nothing is added to it, nor checked), nested
	 * says whether claims may hold others' rows, and what each event puts
	 * in each row goes to rec[] instead of g[], marked fresh where a claim
	 * in it has a series whose stamp is now.  memo and said are kept
	 * from one call to the next.
	 */
	int fixed, nested;
	const size_t *sel;
	size_t nsel;
	const uint32_t *stamp;   /* per series: the period it was last reported in, + 1 */
	uint32_t now;            /* this period's, + 1 */
	struct contrib *rec;
	size_t nrec, reccap;
	size_t *memo;
	toll_strmap *said;
};

int agg_group_pass(toll_agg *a, const toll_reports *rd, struct ctx *cx, int adversary,
                   toll_strmap *groups, struct pass *p, toll_diag *d);
/* Whether the claims of a pass may hold other rows (as of then, or at any time). */
int agg_nested(const toll_agg *a, int adversary, int any_time);
/* Writes the key values of a claim whose latest series is rep (each followed by a NUL). */
int agg_claim_key(const struct ctx *c, size_t rep, char **buf, size_t *cap, size_t *len,
                  size_t *event);
int agg_check_categories(const toll_agg *a, toll_strmap *groups, const unsigned *mask, size_t nmask,
                         toll_diag *d);
int agg_check_sum(const toll_agg *a, const char *what, i128 v, toll_str key, toll_diag *d);
void agg_describe(const toll_keys *keys, toll_str key, char *out, size_t outsz);
/* A group's figure as the result holds it (empty when no claim is counted in it). */
toll_agg_figure agg_figure_of(const struct group *g);
toll_half agg_half_of(i128 v);
/* The parties of each event (agg_adversary()), or NULL when out of memory. */
toll_strmap *agg_parties(const toll_agg *a);
/* Whether series s is a claim of one party about another's losses (all: agg_side_all()). */
int agg_adversary(const toll_agg *a, const toll_strmap *parties, size_t all, const struct aseries *s);
/* The number of side 'all', or SIZE_MAX when no claim is of it. */
size_t agg_side_all(const toll_agg *a);
/* a->order: the sides within sides, by event.  0, or -1 when out of memory. */
int agg_order_edges(toll_agg *a);
/* The text of column col of row r, counted past the keys (low, best, ..., adversary). */
const char *agg_row_text(const toll_agg_row *r, size_t col, char buf[TOLL_AGG_TEXT]);
/* A pass's room for row gid. */
int agg_pass_room(struct pass *p, size_t gid);

#endif
