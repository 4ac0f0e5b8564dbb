/*
 * nest.c: claims that hold other claims; see nest.h.
 *
 * A claim is a cell of a three-way product: side (a tree: 'all' above
 * every other side), status (all above military, civilian, unknown) and
 * category (killed_or_missing above killed and missing, casualties above
 * killed and wounded).  A region (side, status, category) holds the
 * claims beneath it in all three.  Its value, the deaths it can be shown
 * to hold at least, is the largest of its own claim and of the sums of
 * the values of its parts along each way of splitting it (by side, by
 * status, by category): parts of one split are disjoint, so their sum
 * counts no death twice.  Sides are done leaves first, each side's
 * values added into its parent's side split, so memory grows with the
 * sides that hold others, not with all of them.
 *
 * The upper bound of the whole is its own claim's high, or else the sum
 * of the highs of the claims that no other claim holds (their union
 * holds every claim, and may count some deaths twice: an upper bound).
 */
#include <stdlib.h>
#include <string.h>

#include "toll/nest.h"
#include "toll/report.h"

_Static_assert(TOLL_NSTATUSES == 4 && TOLL_STATUS_ALL == 3, "status 'all' is the last of four");
_Static_assert(TOLL_NCATEGORIES == 6, "six categories");

int
toll_category_holds(int a, int b)
{
	if (a == b)
		return 1;
	if (a == TOLL_CAT_KILLED_OR_MISSING)
		return b == TOLL_CAT_KILLED || b == TOLL_CAT_MISSING;
	if (a == TOLL_CAT_CASUALTIES)
		return b == TOLL_CAT_KILLED || b == TOLL_CAT_WOUNDED;
	return 0;
}

int
toll_status_holds(int a, int b)
{
	return a == b || a == TOLL_STATUS_ALL;
}

int
toll_category_cover(unsigned mask)
{
	int c, b;

	if (mask == 0)
		return -1;
	for (c = 0; c < TOLL_NCATEGORIES; c++) {
		for (b = 0; b < TOLL_NCATEGORIES; b++)
			if ((mask >> b & 1) && !toll_category_holds(c, b))
				break;
		if (b == TOLL_NCATEGORIES)
			return c;
	}
	return -1;
}

/* The categories a category splits into: two, or none. */
static int
parts_of(int k, int out[2])
{
	if (k == TOLL_CAT_KILLED_OR_MISSING) {
		out[0] = TOLL_CAT_KILLED;
		out[1] = TOLL_CAT_MISSING;
		return 2;
	}
	if (k == TOLL_CAT_CASUALTIES) {
		out[0] = TOLL_CAT_KILLED;
		out[1] = TOLL_CAT_WOUNDED;
		return 2;
	}
	return 0;
}

/* A side of the reconciliation: a claim's, or one that holds some. */
struct node {
	uint32_t side;          /* the caller's number */
	uint32_t parent;        /* index of the parent node, TOLL_NEST_NONE for a root */
	uint32_t depth;
	uint32_t in;            /* in the subtree being reconciled */
	size_t cbegin, cend;    /* its claims, in the sorted claims */
	size_t sum;             /* index + 1 of its side-split table when other sides are in it */
};

/* What a region holds at least, and the latest report beneath it. */
struct cell {
	toll_i128 low, best;
	int64_t latest;
	int any;                /* some claim is at or beneath it */
	uint8_t flags;          /* of its best (nest.h) */
};

typedef struct cell table[TOLL_NSTATUSES][TOLL_NCATEGORIES];

struct ctx {
	toll_nest_claim *c;
	size_t n;
	struct node *nodes;
	size_t nn;
	table *sums;
	uint8_t *parts_win;     /* per claim: its parts won a conflict (its high does not bound) */
	toll_nest_conflict_fn conflict;
	void *cctx;
};

static int
by_cell(const void *a, const void *b)
{
	const toll_nest_claim *x = a, *y = b;

	if (x->side != y->side)
		return x->side < y->side ? -1 : 1;
	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	return (x->category > y->category) - (x->category < y->category);
}

static int
by_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The node of a caller's side (which is one), by binary search. */
static uint32_t
node_of(const struct ctx *x, uint32_t side)
{
	size_t lo = 0, hi = x->nn;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->nodes[mid].side < side)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

/* Whether node a is node b or holds it. */
static int
node_holds(const struct ctx *x, uint32_t a, uint32_t b)
{
	while (b != TOLL_NEST_NONE && x->nodes[b].depth > x->nodes[a].depth)
		b = x->nodes[b].parent;
	return b == a;
}

/* The claim of a cell, or -1. */
static long
own(const struct ctx *x, uint32_t node, int t, int k)
{
	size_t i;

	for (i = x->nodes[node].cbegin; i < x->nodes[node].cend; i++)
		if (x->c[i].status == t && x->c[i].category == k)
			return (long)i;
	return -1;
}

/* A region: a node, a status, a category. */
struct region {
	uint32_t node;
	int t, k;
};

static struct region
region_of(const struct ctx *x, size_t i)
{
	struct region r;

	r.node = node_of(x, x->c[i].side);
	r.t = x->c[i].status;
	r.k = x->c[i].category;
	return r;
}

static int
region_holds(const struct ctx *x, struct region a, struct region b)
{
	return node_holds(x, a.node, b.node) && toll_status_holds(a.t, b.t) &&
	       toll_category_holds(a.k, b.k);
}

static int
same_region(struct region a, struct region b)
{
	return a.node == b.node && a.t == b.t && a.k == b.k;
}

/*
 * Whether claim i is beneath R (not R's own) and no other claim beneath R
 * holds it: one of the largest parts of R.  The regions between it and R
 * are checked for claims.
 */
static int
maximal_beneath(const struct ctx *x, size_t i, struct region R)
{
	struct region c = region_of(x, i), a;
	uint32_t node;
	int ts[2], ks[3], nt = 1, nk = 1, ti, ki;

	if (same_region(c, R) || !region_holds(x, R, c))
		return 0;
	ts[0] = c.t;
	if (c.t != TOLL_STATUS_ALL && R.t == TOLL_STATUS_ALL)
		ts[nt++] = TOLL_STATUS_ALL;
	ks[0] = c.k;
	/* A category's holders: killed_or_missing, casualties (when R's category holds them). */
	for (ki = 0; ki < TOLL_NCATEGORIES; ki++)
		if (ki != c.k && toll_category_holds(ki, c.k) && toll_category_holds(R.k, ki) && nk < 3)
			ks[nk++] = ki;
	for (node = c.node;; node = x->nodes[node].parent) {
		for (ti = 0; ti < nt; ti++)
			for (ki = 0; ki < nk; ki++) {
				a.node = node;
				a.t = ts[ti];
				a.k = ks[ki];
				if (same_region(a, c) || same_region(a, R))
					continue;
				if (own(x, node, a.t, a.k) >= 0)
					return 0;
			}
		if (node == R.node || x->nodes[node].parent == TOLL_NEST_NONE)
			break;
	}
	return 1;
}

/* The claims that may be beneath R: its node's own when it is a leaf, else all. */
static void
candidates(const struct ctx *x, struct region R, size_t *from, size_t *to)
{
	if (x->nodes[R.node].sum == 0) {
		*from = x->nodes[R.node].cbegin;
		*to = x->nodes[R.node].cend;
	} else {
		*from = 0;
		*to = x->n;
	}
}

/* Adds v to *sum; sets *open when v is unbounded. */
static toll_i128 upper(const struct ctx *x, struct region R, int *open);

/* The upper bound of the union of the largest parts of R: the sum of their highs. */
static toll_i128
parts_upper(const struct ctx *x, struct region R, int *open)
{
	size_t i, from, to;
	toll_i128 sum = 0;

	candidates(x, R, &from, &to);
	for (i = from; i < to; i++)
		if (maximal_beneath(x, i, R)) {
			int o = 0;
			toll_i128 h = upper(x, region_of(x, i), &o);

			*open |= o;
			if (!o)
				sum += h;
		}
	return sum;
}

static toll_i128
upper(const struct ctx *x, struct region R, int *open)
{
	long i = own(x, R.node, R.t, R.k);

	if (i < 0)
		return parts_upper(x, R, open);
	if (x->c[i].open) {
		*open = 1;
		return 0;
	}
	if (x->parts_win[i]) {
		int o = 0;
		toll_i128 p = parts_upper(x, R, &o);

		if (o) {
			*open = 1;
			return 0;
		}
		return p > x->c[i].high ? p : x->c[i].high;
	}
	return x->c[i].high;
}

/* Reports a conflict at claim i (region R): what its parts add up to is more than its high. */
static void
report(const struct ctx *x, size_t i, struct region R, toll_i128 parts_low, int kept)
{
	toll_nest_conflict cf;
	size_t j, from, to;

	if (x->conflict == NULL)
		return;
	memset(&cf, 0, sizeof cf);
	cf.total = x->c[i].id;
	cf.parts_low = parts_low;
	cf.total_high = x->c[i].high;
	cf.total_kept = kept;
	candidates(x, R, &from, &to);
	for (j = from; j < to; j++)
		if (maximal_beneath(x, j, R)) {
			if (cf.nparts < TOLL_NEST_PARTS)
				cf.parts[cf.nparts++] = x->c[j].id;
			else
				cf.more++;
		}
	x->conflict(x->cctx, &cf);
}

/* Keeps the larger of two cells' low and best (each on its own), and their latest report. */
static void
larger(struct cell *a, const struct cell *b)
{
	if (!b->any)
		return;
	if (!a->any || b->low > a->low)
		a->low = b->low;
	if (!a->any || b->best > a->best) {
		a->best = b->best;
		a->flags = b->flags;
	} else if (b->best == a->best) {
		a->flags &= b->flags;
	}
	if (!a->any || b->latest > a->latest)
		a->latest = b->latest;
	a->any = 1;
}

static void
add(struct cell *a, const struct cell *b)
{
	if (!b->any)
		return;
	a->low += b->low;
	a->best += b->best;
	a->flags |= b->flags;
	if (!a->any || b->latest > a->latest)
		a->latest = b->latest;
	a->any = 1;
}

/* The order a node's cells are done in: parts before what holds them. */
static int
cell_rank(int t, int k)
{
	int p[2];

	return (t == TOLL_STATUS_ALL) + 2 * (parts_of(k, p) > 0);
}

/* Fills v with node's cells, from its claims and its side split. */
static void
node_cells(const struct ctx *x, uint32_t node, table v)
{
	const struct node *nd = &x->nodes[node];
	int t, k, rank, p[2], np, q;

	memset(v, 0, sizeof(table));
	for (rank = 0; rank < 4; rank++)
		for (t = 0; t < TOLL_NSTATUSES; t++)
			for (k = 0; k < TOLL_NCATEGORIES; k++) {
				struct cell s, part;
				long i;

				if (cell_rank(t, k) != rank)
					continue;
				memset(&s, 0, sizeof s);
				/* By side: the sides it holds. */
				if (nd->sum)
					larger(&s, &x->sums[nd->sum - 1][t][k]);
				/* By status: military, civilian and unknown. */
				if (t == TOLL_STATUS_ALL) {
					memset(&part, 0, sizeof part);
					for (q = 0; q < TOLL_STATUS_ALL; q++)
						add(&part, &v[q][k]);
					larger(&s, &part);
				}
				/* By category. */
				if ((np = parts_of(k, p)) > 0) {
					memset(&part, 0, sizeof part);
					for (q = 0; q < np; q++)
						add(&part, &v[t][p[q]]);
					larger(&s, &part);
				}
				if ((i = own(x, node, t, k)) < 0) {
					v[t][k] = s;
					continue;
				}
				{
					const toll_nest_claim *c = &x->c[i];
					struct cell *out = &v[t][k];

					out->any = 1;
					out->low = s.any && s.low > c->low ? s.low : c->low;
					out->best = s.any && s.best > c->best ? s.best : c->best;
					out->flags = s.any && s.best > c->best ? s.flags :
					             s.any && s.best == c->best ? (uint8_t)(s.flags & c->flags) : c->flags;
					out->latest = s.any && s.latest > c->reported ? s.latest : c->reported;
					if (c->open || !s.any)
						continue;
					if (s.low > c->high) {
						struct region R = { node, t, k };
						/* The later report wins: a total reported last bounds its parts. */
						int kept = c->reported >= s.latest;

						if (kept) {
							/* The parts are out of date or inflated: the total's own figure stands. */
							out->low = c->low;
							out->best = c->best;
							out->flags = c->flags;
						} else {
							out->low = s.low;
							x->parts_win[i] = 1;
						}
						report(x, (size_t)i, R, s.low, kept);
					} else {
						if (out->low > c->high)
							out->low = c->high;
						if (out->best > c->high) {
							out->best = c->high;
							out->flags = c->flags;
						}
					}
				}
			}
}

/*
 * One function (162 lines): the reconciliation goes leaves first over the
 * sides, each step using the tables the one before filled; the steps are
 * commented where they start.
 */
int
toll_nest_reconcile(toll_nest_claim *claims, size_t n, const uint32_t *parent, size_t nsides,
                    toll_nest_conflict_fn conflict, void *cctx, toll_nest_figure *out, size_t dup[2])
{
	struct ctx x;
	uint32_t *sides = NULL, lca, top_t, k_mask = 0, *order = NULL;
	size_t i, ns = 0, cap, nsum = 0;
	table v, *vals = NULL;
	int rc = TOLL_ENOMEM, open = 0, kt;
	struct region top;
	toll_i128 high;

	if (n == 1) {
		out->low = claims[0].low;
		out->best = claims[0].best;
		out->high = claims[0].high;
		out->open = claims[0].open;
		out->flags = claims[0].flags;
		return TOLL_OK;
	}
	memset(&x, 0, sizeof x);
	x.c = claims;
	x.n = n;
	x.conflict = conflict;
	x.cctx = cctx;
	qsort(claims, n, sizeof *claims, by_cell);
	for (i = 1; i < n; i++)
		if (by_cell(&claims[i - 1], &claims[i]) == 0) {
			dup[0] = claims[i - 1].id;
			dup[1] = claims[i].id;
			return TOLL_EDATA;
		}
	/* The sides: the claims', and every side that holds one of them. */
	cap = n * 2 + 8;
	if ((sides = malloc(cap * sizeof *sides)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		uint32_t s = claims[i].side;

		if (i > 0 && s == claims[i - 1].side)
			continue;
		while (s != TOLL_NEST_NONE && s < nsides) {
			if (ns == cap) {
				uint32_t *g = realloc(sides, 2 * cap * sizeof *g);
				if (g == NULL)
					goto out;
				sides = g;
				cap *= 2;
			}
			sides[ns++] = s;
			s = parent[s];
		}
	}
	qsort(sides, ns, sizeof *sides, by_u32);
	if ((x.nodes = calloc(ns ? ns : 1, sizeof *x.nodes)) == NULL ||
	    (x.parts_win = calloc(n, 1)) == NULL)
		goto out;
	for (i = 0; i < ns; i++)
		if (i == 0 || sides[i] != sides[i - 1])
			x.nodes[x.nn++].side = sides[i];
	for (i = 0; i < x.nn; i++)
		x.nodes[i].parent = parent[x.nodes[i].side] == TOLL_NEST_NONE ? TOLL_NEST_NONE :
		                    node_of(&x, parent[x.nodes[i].side]);
	/* Depths: a parent is done before its children by walking up. */
	for (i = 0; i < x.nn; i++) {
		uint32_t d = 0, p = x.nodes[i].parent;

		for (; p != TOLL_NEST_NONE; p = x.nodes[p].parent)
			d++;
		x.nodes[i].depth = d;
	}
	for (i = 0; i < n; i++) {
		struct node *nd = &x.nodes[node_of(&x, claims[i].side)];

		if (i == 0 || claims[i].side != claims[i - 1].side)
			nd->cbegin = i;
		nd->cend = i + 1;
	}
	/* The region of the whole: the sides' common holder, status and category. */
	lca = node_of(&x, claims[0].side);
	top_t = claims[0].status;
	for (i = 0; i < n; i++) {
		uint32_t a = lca, b = node_of(&x, claims[i].side);

		while (a != b) {
			if (x.nodes[a].depth >= x.nodes[b].depth && x.nodes[a].parent != TOLL_NEST_NONE)
				a = x.nodes[a].parent;
			else if (x.nodes[b].parent != TOLL_NEST_NONE)
				b = x.nodes[b].parent;
			else
				break;
		}
		if (a != b) {
			rc = TOLL_EUSAGE;   /* no common holder: the caller gave a forest */
			goto out;
		}
		lca = a;
		if (claims[i].status != top_t)
			top_t = TOLL_STATUS_ALL;
		k_mask |= 1u << claims[i].category;
	}
	if ((kt = toll_category_cover(k_mask)) < 0) {
		rc = TOLL_EUSAGE;   /* the caller checks that the categories nest */
		goto out;
	}
	/* The nodes beneath the common holder, deepest first; a side-split table per holder. */
	if ((order = malloc(x.nn * sizeof *order)) == NULL)
		goto out;
	for (i = 0; i < x.nn; i++)
		x.nodes[i].in = node_holds(&x, lca, (uint32_t)i);
	for (i = 0; i < x.nn; i++)
		if (x.nodes[i].in && i != lca && x.nodes[x.nodes[i].parent].sum == 0)
			x.nodes[x.nodes[i].parent].sum = ++nsum;
	if ((x.sums = calloc(nsum ? nsum : 1, sizeof *x.sums)) == NULL)
		goto out;
	{
		size_t m = 0;
		uint32_t d, maxd = 0;

		for (i = 0; i < x.nn; i++)
			if (x.nodes[i].in && x.nodes[i].depth > maxd)
				maxd = x.nodes[i].depth;
		for (d = maxd + 1; d-- > 0;)
			for (i = 0; i < x.nn; i++)
				if (x.nodes[i].in && x.nodes[i].depth == d)
					order[m++] = (uint32_t)i;
		for (i = 0; i < m; i++) {
			uint32_t nd = order[i];
			int t, k;

			node_cells(&x, nd, v);
			if (nd == lca)
				break;
			vals = &x.sums[x.nodes[x.nodes[nd].parent].sum - 1];
			for (t = 0; t < TOLL_NSTATUSES; t++)
				for (k = 0; k < TOLL_NCATEGORIES; k++)
					add(&(*vals)[t][k], &v[t][k]);
		}
	}
	top.node = lca;
	top.t = (int)top_t;
	top.k = kt;
	high = upper(&x, top, &open);
	out->low = v[top.t][top.k].low;
	out->best = v[top.t][top.k].best;
	out->flags = v[top.t][top.k].flags;
	out->open = open;
	out->high = open ? 0 : high;
	/* Parts of one claim may overlap another's held by the whole's high: it bounds them too. */
	if (!open) {
		if (out->best > out->high)
			out->best = out->high;
		if (out->low > out->high)
			out->low = out->high;
	}
	rc = TOLL_OK;
out:
	free(sides);
	free(order);
	free(x.nodes);
	free(x.sums);
	free(x.parts_win);
	return rc;
}
