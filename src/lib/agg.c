/* agg.c: revision-aware aggregation; see agg.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hashtab.h"
#include "toll/agg.h"
#include "toll/nest.h"
#include "toll/strmap.h"

#include "agg_int.h"

void
toll_policy_free(toll_policy *p)
{
	size_t i;

	for (i = 0; i < p->nprefer; i++)
		free(p->prefer[i]);
	free(p->prefer);
	p->prefer = NULL;
	p->nprefer = 0;
}

toll_agg *
toll_agg_new(const toll_policy *p, toll_keys *keys, const toll_as_of *as_of)
{
	toll_agg *a = calloc(1, sizeof *a);

	if (a == NULL)
		return NULL;
	a->p = p;
	a->keys = keys;
	a->as_of = *as_of;
	a->note_col = -1;
	if ((a->kind = calloc(keys->n + 1, sizeof *a->kind)) == NULL ||
	    (a->sides = toll_strmap_new()) == NULL || (a->edge_keys = toll_strmap_new()) == NULL) {
		toll_agg_free(a);
		return NULL;
	}
	return a;
}

void
toll_agg_set_warn(toll_agg *a, toll_agg_warn_fn warn, void *ctx)
{
	a->warn = warn;
	a->warn_ctx = ctx;
}

void
toll_agg_set_known(toll_agg *a, toll_agg_warn_fn known, void *ctx)
{
	a->known = known;
	a->known_ctx = ctx;
}

void
toll_agg_free(toll_agg *a)
{
	if (a == NULL)
		return;
	free(a->kind);
	free(a->s);
	free(a->stored);
	free(a->buf);
	free(a->scratch);
	toll_strmap_free(a->sides);
	toll_strmap_free(a->edge_keys);
	free(a->edge);
	free(a->order);
	free(a->rev);
	free(a);
}

int
toll_agg_header(toll_agg *a, const toll_reports *rd, toll_diag *d)
{
	static const int figure_cols[] = {
		TOLL_COL_LOW, TOLL_COL_BEST, TOLL_COL_HIGH, TOLL_COL_VALUE, TOLL_COL_QUALIFIER
	};
	const toll_schema *s = toll_reports_schema(rd);
	size_t n, i, j;
	const toll_field *cols = toll_table_columns(toll_reports_table(rd), &n);
	toll_field *ext;
	long status_col = s->col[TOLL_COL_STATUS];
	int rc;

	a->note_col = toll_table_column(toll_reports_table(rd), "note");

	/* A table without 'status' still has one: "all", the default. */
	if ((ext = malloc((n + 1) * sizeof *ext)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	memcpy(ext, cols, n * sizeof *ext);
	if (status_col < 0) {
		ext[n].s = "status";
		ext[n].len = 6;
		status_col = (long)n;
	}
	rc = toll_keys_resolve(a->keys, ext, status_col == (long)n ? n + 1 : n, d);
	free(ext);
	if (rc != TOLL_OK)
		return rc;
	a->nstored = 0;
	for (i = 0; i < a->keys->n; i++) {
		const toll_key *k = &a->keys->k[i];

		for (j = 0; j < sizeof figure_cols / sizeof figure_cols[0]; j++)
			if (k->col == s->col[figure_cols[j]])
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "cannot group by '%s': it is "
				                     "a figure column", k->name);
		/*
		 * A claim's report date is when it was said, not when its deaths
		 * happened: each series would count whole in the period of its
		 * last revision (a war's toll in the month of its last update).
		 */
		if (k->col == s->col[TOLL_COL_REPORTED])
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "cannot group by '%s': a claim's "
			                     "report date is not when its deaths happened (each series would "
			                     "count whole in the %s of its last revision): toll-rev series "
			                     "--every %s gives the toll at the end of each %s, --as-of DATE "
			                     "what was known then, start%s or end%s groups by when the deaths "
			                     "happened",
			                     k->spec,
			                     k->bin != TOLL_BIN_NONE ? toll_bin_name(k->bin) : "instant",
			                     k->bin != TOLL_BIN_NONE ? toll_bin_name(k->bin) : "UNIT",
			                     k->bin != TOLL_BIN_NONE ? toll_bin_name(k->bin) : "period",
			                     k->bin != TOLL_BIN_NONE ? k->spec + strlen("reported") : "",
			                     k->bin != TOLL_BIN_NONE ? k->spec + strlen("reported") : "");
		if (k->bin != TOLL_BIN_NONE)
			a->kind[i] = K_STORED;
		else if (k->col == s->col[TOLL_COL_EVENT])
			a->kind[i] = K_EVENT;
		else if (k->col == s->col[TOLL_COL_SIDE])
			a->kind[i] = K_SIDE;
		else if (k->col == status_col)
			a->kind[i] = K_STATUS;
		else if (k->col == s->col[TOLL_COL_CATEGORY])
			a->kind[i] = K_CATEGORY;
		else if (k->col == s->col[TOLL_COL_SOURCE])
			a->kind[i] = K_SOURCE;
		else
			a->kind[i] = K_STORED;
		a->nstored += a->kind[i] == K_STORED;
	}
	return TOLL_OK;
}

/* Appends one stored value (a uint32 length and the bytes) to the scratch buffer. */
static int
scratch_put(toll_agg *a, const char *s, size_t len)
{
	uint32_t n = (uint32_t)len;

	if (toll_reserve((void **)&a->scratch, &a->scratchcap, a->scratchlen + 4 + len, 1) != 0)
		return -1;
	memcpy(a->scratch + a->scratchlen, &n, 4);
	memcpy(a->scratch + a->scratchlen + 4, s, len);
	a->scratchlen += 4 + len;
	return 0;
}

/* The stored key values of a row, into a->scratch. */
static int
stored_values(toll_agg *a, const toll_entry *e, toll_diag *d)
{
	size_t i;

	a->scratchlen = 0;
	for (i = 0; i < a->keys->n; i++) {
		char label[TOLL_BIN_LABEL];
		const char *v = NULL;
		size_t len = 0;
		int rc;

		if (a->kind[i] != K_STORED)
			continue;
		rc = toll_key_value(&a->keys->k[i], &e->row.f[a->keys->k[i].col], e->row.file, label,
		                    &v, &len, d);
		if (rc != TOLL_OK)
			return rc;
		if (scratch_put(a, v, len) != 0)
			return TOLL_ENOMEM;
	}
	return TOLL_OK;
}

/* Numbers the event and the claim of a new series, from its first row. */
static int
claim_of(toll_agg *a, const toll_series_index *x, const toll_entry *e)
{
	const toll_field *sd = &e->rep.side;
	size_t side, event = toll_series_index_event(x, e->series);
	int added;

	/* Sides are few: the previous one is tried first. */
	if (a->last_side.s != NULL && a->last_side.len == sd->len &&
	    memcmp(a->last_side.s, sd->s, sd->len) == 0) {
		side = a->last_side_id;
	} else {
		if (toll_strmap_intern(a->sides, sd->s, sd->len, &side, &added) != TOLL_OK)
			return TOLL_ENOMEM;
		a->last_side = toll_strmap_key(a->sides, side);
		a->last_side_id = side;
	}
	if (side >= (size_t)1 << 26 || event > UINT32_MAX)
		return TOLL_ENOMEM;
	a->s[e->series].event = (uint32_t)event;
	a->s[e->series].claim =
		(uint32_t)(side << 5 | (size_t)e->rep.status << 3 | (size_t)e->rep.category);
	return TOLL_OK;
}

/* Records that the row's side is within another in its event, once per event and side. */
static int
add_edge(toll_agg *a, const toll_entry *e)
{
	size_t side, holder, id;
	uint32_t key[2];
	int added;

	if (toll_strmap_intern(a->sides, e->rep.side.s, e->rep.side.len, &side, &added) != TOLL_OK ||
	    toll_strmap_intern(a->sides, e->rep.within.s, e->rep.within.len, &holder, &added) != TOLL_OK)
		return TOLL_ENOMEM;
	key[0] = (uint32_t)a->s[e->series].event;
	key[1] = (uint32_t)side;
	if (toll_strmap_intern(a->edge_keys, (const char *)key, sizeof key, &id, &added) != TOLL_OK)
		return TOLL_ENOMEM;
	if (!added)
		return TOLL_OK;
	if (toll_reserve((void **)&a->edge, &a->edgecap, a->nedge + 1, sizeof *a->edge) != 0)
		return TOLL_ENOMEM;
	a->edge[a->nedge].event = key[0];
	a->edge[a->nedge].side = key[1];
	a->edge[a->nedge].holder = (uint32_t)holder;
	a->nedge++;
	return TOLL_OK;
}

int
toll_agg_add(toll_agg *a, const toll_reports *rd, const toll_entry *e, toll_diag *d)
{
	struct aseries *s;
	int rc;

	/*
	 * Series are numbered in order of arrival: a new one is the next
	 * number.  It is counted before anything can fail, so that the
	 * numbers stay in step with the reader's.
	 */
	if (e->series > a->ns)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0,
		                     "internal error: a series was skipped (rows must all be added)");
	if (e->series == a->ns) {
		if (toll_reserve((void **)&a->s, &a->scap, a->ns + 1, sizeof *a->s) != 0 ||
		    (a->nstored > 0 && toll_reserve((void **)&a->stored, &a->storedcap, a->ns + 1,
		                                    sizeof *a->stored) != 0))
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		a->s[a->ns].reported = INT64_MIN;
		if (claim_of(a, toll_reports_index(rd), e) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		a->ns++;
	}
	/* A side within another (the reader checked that its holder is one). */
	if (e->rep.within.len > 0 && (rc = add_edge(a, e)) != TOLL_OK)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	/* Every row's binned columns are checked, whatever the as-of date. */
	if (a->nstored > 0 && (rc = stored_values(a, e, d)) != TOLL_OK)
		return rc;
	if (!toll_as_of_includes(&a->as_of, &e->rep.reported))
		return TOLL_OK;
	s = &a->s[e->series];
	if (a->every == TOLL_BIN_NONE && s->reported != INT64_MIN && e->rep.reported.t <= s->reported)
		return TOLL_OK;   /* older, or the same instant (a duplicate: the first counts) */
	if (a->every != TOLL_BIN_NONE) {
		/* Every revision is kept, with its day: timeline.c makes the latest of each period. */
		if (toll_reserve((void **)&a->rev, &a->revcap, a->nrev + 1, sizeof *a->rev) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		a->rev[a->nrev].v = *s;
		s = &a->rev[a->nrev].v;
		a->rev[a->nrev].series = (uint32_t)e->series;
		a->rev[a->nrev].stored = a->buflen;
		a->rev[a->nrev].day = toll_time_local_day(&e->rep.reported);
		a->nrev++;
	}
	s->reported = e->rep.reported.t;
	s->low = e->rep.fig.low;
	s->best = e->rep.fig.best;
	s->high = e->rep.fig.open ? -1 : e->rep.fig.high;
	s->end = e->rep.has_end ? e->rep.end.t : INT64_MIN;
	s->claimant = 0;
	if (e->rep.claimant.len > 0) {
		size_t id;
		int added;

		if (toll_strmap_intern(a->sides, e->rep.claimant.s, e->rep.claimant.len, &id, &added) != TOLL_OK ||
		    id >= UINT32_MAX)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		s->claimant = (uint32_t)id + 1;
	}
	s->flags = (uint8_t)((a->note_col >= 0 && toll_note_has_tag(&e->row.f[a->note_col],
	                                                            TOLL_TAG_KNOWN_CONFLICT) ? KNOWN_CONFLICT : 0) |
	                     (a->note_col >= 0 && toll_note_has_tag(&e->row.f[a->note_col],
	                                                            TOLL_TAG_CORRECTION) ? CORRECTION : 0) |
	                     (e->rep.fig.qualifier == '~' ? TOLL_BEST_APPROX : 0) |
	                     (e->rep.fig.qualifier == 'v' ? TOLL_BEST_VAGUE : 0) |
	                     (e->rep.fig.supplied ? TOLL_BEST_SUPPLIED : 0));
	s->line = e->row.line > 0 && e->row.line < UINT32_MAX ? (uint32_t)e->row.line : UINT32_MAX;
	s->fileno = e->row.fileno < UINT32_MAX ? (uint32_t)e->row.fileno : UINT32_MAX;
	if (a->nstored > 0) {
		if (toll_reserve((void **)&a->buf, &a->bufcap, a->buflen + a->scratchlen, 1) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		memcpy(a->buf + a->buflen, a->scratch, a->scratchlen);
		if (a->every == TOLL_BIN_NONE)
			a->stored[e->series] = a->buflen;
		a->buflen += a->scratchlen;
	}
	return TOLL_OK;
}

int
toll_agg_set_every(toll_agg *a, int unit)
{
	if ((a->ns > 0 && a->every == TOLL_BIN_NONE) || unit <= TOLL_BIN_NONE || unit > TOLL_BIN_YEAR)
		return TOLL_EUSAGE;
	a->every = unit;
	return TOLL_OK;
}

/* ---- combining ---- */

static toll_str
source_of(const struct ctx *c, size_t id)
{
	toll_series_key k;

	toll_series_index_key(c->x, id, &k);
	return k.source;
}

/* Whether series i was reported after j, or at the same time by a smaller source name. */
static int
more_recent(const struct ctx *c, size_t i, size_t j)
{
	const struct aseries *si = &c->a->s[i], *sj = &c->a->s[j];

	if (si->reported != sj->reported)
		return si->reported > sj->reported;
	return toll_str_cmp(source_of(c, i), source_of(c, j)) < 0;
}

/* The median and the mean of figures, in halves: whole people (figure.h). */
static i128
median2(int64_t *v, size_t n, int *open)
{
	int64_t m = toll_median_lower(v, n);

	*open = m == INT64_MAX;
	return (i128)m * 2;
}

static i128
mean2(const int64_t *v, size_t n)
{
	return (i128)toll_mean_whole(v, n) * 2;
}

/*
 * The flags of a best chosen among series m[0..n): those of the series
 * that gave it (one that stated it exactly is enough to make it exact).
 */
static uint8_t
flags_of_best(const struct aseries *s, const size_t *m, size_t n, i128 best)
{
	uint8_t f = BEST_FLAGS;
	size_t i;
	int any = 0;

	for (i = 0; i < n; i++)
		if ((i128)s[m[i]].best * 2 == best) {
			f &= s[m[i]].flags & BEST_FLAGS;
			any = 1;
		}
	/* No series gave it: toll made it (a mean). */
	return any ? f : TOLL_BEST_SUPPLIED;
}

static void
whole(struct claim *cl, const struct aseries *s)
{
	cl->low = (i128)s->low * 2;
	cl->best = (i128)s->best * 2;
	cl->open = s->high < 0;
	cl->high = cl->open ? 0 : (i128)s->high * 2;
	cl->flags = s->flags & BEST_FLAGS;
	cl->chosen = 1;
}

/* An interval's ends, an open high as the largest number. */
static int64_t
high_or_max(const struct aseries *s)
{
	return s->high < 0 ? INT64_MAX : s->high;
}

/* Orders series by low, largest first, then by high, smallest first. */
static int
narrower_first(const struct aseries *s, size_t i, size_t j)
{
	if (s[i].low != s[j].low)
		return s[i].low > s[j].low ? -1 : 1;
	return (high_or_max(&s[i]) > high_or_max(&s[j])) - (high_or_max(&s[i]) < high_or_max(&s[j]));
}

/* Orders series by claimant, then by report, the latest first. */
static int
claimant_latest_first(const struct aseries *s, size_t i, size_t j)
{
	if (s[i].claimant != s[j].claimant)
		return s[i].claimant < s[j].claimant ? -1 : 1;
	return (s[i].reported < s[j].reported) - (s[i].reported > s[j].reported);
}

/* A stable merge sort of w[0..n) by cmp, with room tmp[0..n). */
static void
sort_series(const struct aseries *s, size_t *w, size_t n, size_t *tmp,
            int (*cmp)(const struct aseries *, size_t, size_t))
{
	size_t h = n / 2, i = 0, j, k = 0;

	if (n < 2)
		return;
	sort_series(s, w, h, tmp, cmp);
	sort_series(s, w + h, n - h, tmp, cmp);
	j = h;
	while (i < h && j < n)
		tmp[k++] = cmp(s, w[j], w[i]) < 0 ? w[j++] : w[i++];
	while (i < h)
		tmp[k++] = w[i++];
	while (j < n)
		tmp[k++] = w[j++];
	memcpy(w, tmp, n * sizeof *w);
}

/*
 * The consensus of the series m[0..n): into w, those no other makes
 * weaker, in three steps, each of which leaves at least one.  First, a
 * claim whose period ended before another's stated end (its own end, or
 * else its report, is earlier) is a lower bound of the later total: out.
 * The missing and the captured are counted as they stand on the day of
 * the report, not added up over a period: of them, only the claims
 * reported last stay, whoever made them.  Then a party's later word replaces its earlier: of the claims of one
 * claimant, whichever of its offices (sources) gave them, only those
 * reported last stay.  Then, of the rest, a claim whose interval holds
 * another's (and is not the same) says less: out.  Returns how many are
 * left.
 */
static size_t
consensus(const struct aseries *s, const size_t *m, size_t n, size_t *w, size_t *tmp)
{
	int64_t last_end = INT64_MIN, minhigh = INT64_MAX;
	size_t i, k = 0, j, left = 0;
	int any_end = 0, have_min = 0, cat;

	for (i = 0; i < n; i++)
		if (s[m[i]].end != INT64_MIN) {
			any_end = 1;
			last_end = s[m[i]].end > last_end ? s[m[i]].end : last_end;
		}
	for (i = 0; i < n; i++) {
		const struct aseries *si = &s[m[i]];
		int64_t until = si->end != INT64_MIN ? si->end : si->reported;

		if (!any_end || until >= last_end)
			w[k++] = m[i];
	}
	/* A count that stands on a day (who is missing, who is held): the latest day's. */
	cat = (int)(s[m[0]].claim & 7);
	if (cat == TOLL_CAT_MISSING || cat == TOLL_CAT_CAPTURED) {
		int64_t last = INT64_MIN;

		for (i = 0; i < k; i++)
			last = s[w[i]].reported > last ? s[w[i]].reported : last;
		for (i = j = 0; i < k; i++)
			if (s[w[i]].reported == last)
				w[j++] = w[i];
		k = j;
	}
	/* A party's later word: by claimant, the latest first; no claimant is no party. */
	sort_series(s, w, k, tmp, claimant_latest_first);
	for (i = j = 0; i < k; i++)
		if (s[w[i]].claimant == 0 || i == 0 || s[w[i]].claimant != s[w[i - 1]].claimant ||
		    s[w[i]].reported == s[w[j - 1]].reported)
			w[j++] = w[i];
	k = j;
	/*
	 * Narrowest first: lows from the largest, highs from the smallest.
	 * A claim holds another when one before it (low no smaller) has a
	 * high no larger, and is not the same interval.  Only a claim stated
	 * exactly makes another say less: "about 30,000" does not make
	 * "20,000-30,000" redundant, nor does "dozens" anything.
	 */
	sort_series(s, w, k, tmp, narrower_first);
	for (i = 0; i < k; ) {
		int64_t low = s[w[i]].low, run_min = 0;
		int have_run = 0;

		for (j = i; j < k && s[w[j]].low == low; j++)
			if (!(s[w[j]].flags & (TOLL_BEST_APPROX | TOLL_BEST_VAGUE)) &&
			    (!have_run || high_or_max(&s[w[j]]) < run_min)) {
				run_min = high_or_max(&s[w[j]]);
				have_run = 1;
			}
		for (; i < j; i++) {
			int64_t h = high_or_max(&s[w[i]]);

			if (!((have_min && minhigh <= h) || (have_run && run_min < h)))
				tmp[left++] = w[i];
		}
		if (have_run && (!have_min || run_min < minhigh)) {
			minhigh = run_min;
			have_min = 1;
		}
	}
	memcpy(w, tmp, left * sizeof *w);
	return left;
}

/* range: the smallest low, the median of the bests, the largest high. */
static void
range(const struct aseries *s, const size_t *m, size_t n, int64_t *v, struct claim *cl)
{
	size_t i;
	int open;

	cl->low = (i128)s[m[0]].low * 2;
	cl->high = 0;
	cl->open = 0;
	for (i = 0; i < n; i++) {
		const struct aseries *si = &s[m[i]];

		if ((i128)si->low * 2 < cl->low)
			cl->low = (i128)si->low * 2;
		if ((i128)si->high * 2 > cl->high)
			cl->high = (i128)si->high * 2;
		cl->open |= si->high < 0;
		v[i] = si->best;
	}
	cl->best = median2(v, n, &open);
	cl->flags = flags_of_best(s, m, n, cl->best);
	cl->chosen = n;
}

/*
 * The policies: a function each that combines the series m[0..n) of one
 * claim group, whose most recent series is rep; v is room for n numbers,
 * w and tmp for n indices.
 */
struct combining {
	const struct ctx *c;
	const size_t *m;
	size_t n, rep;
	int64_t *v;
	size_t *w, *tmp;
};

/* min and max: the whole figure of the series with the smallest (largest) best. */
static void
extreme(const struct combining *k, struct claim *cl, int largest)
{
	const struct aseries *s = k->c->a->s;
	size_t i, pick = k->m[0];

	for (i = 1; i < k->n; i++) {
		int64_t b = s[k->m[i]].best, pb = s[pick].best;

		if (largest ? b > pb : b < pb)
			pick = k->m[i];
		else if (b == pb && more_recent(k->c, k->m[i], pick))
			pick = k->m[i];
	}
	whole(cl, &s[pick]);
}

static void
pol_min(const struct combining *k, struct claim *cl)
{
	extreme(k, cl, 0);
}

static void
pol_max(const struct combining *k, struct claim *cl)
{
	extreme(k, cl, 1);
}

/* latest, and each (every series its own claim): the most recent series. */
static void
pol_latest(const struct combining *k, struct claim *cl)
{
	whole(cl, &k->c->a->s[k->rep]);
}

static void
pol_range(const struct combining *k, struct claim *cl)
{
	range(k->c->a->s, k->m, k->n, k->v, cl);
}

/* prefer:A,B,...: the first of the sources that has the claim, else range. */
static void
pol_prefer(const struct combining *k, struct claim *cl)
{
	const toll_policy *p = k->c->a->p;
	size_t i, j;

	for (j = 0; j < p->nprefer; j++) {
		toll_str want;

		want.s = p->prefer[j];
		want.len = strlen(p->prefer[j]);
		for (i = 0; i < k->n; i++)
			if (toll_str_cmp(source_of(k->c, k->m[i]), want) == 0) {
				whole(cl, &k->c->a->s[k->m[i]]);
				return;
			}
	}
	pol_range(k, cl);
}

static void
pol_mean(const struct combining *k, struct claim *cl)
{
	const struct aseries *s = k->c->a->s;
	int64_t *v = k->v;
	size_t i, n = k->n;

	for (i = 0; i < n; i++)
		v[i] = s[k->m[i]].low;
	cl->low = mean2(v, n);
	for (i = 0; i < n; i++)
		v[i] = s[k->m[i]].best;
	cl->best = mean2(v, n);
	cl->open = 0;
	for (i = 0; i < n; i++) {
		v[i] = s[k->m[i]].high;
		cl->open |= s[k->m[i]].high < 0;
	}
	cl->high = cl->open ? 0 : mean2(v, n);
	cl->flags = flags_of_best(s, k->m, n, cl->best);
	cl->chosen = n;
}

static void
pol_median(const struct combining *k, struct claim *cl)
{
	const struct aseries *s = k->c->a->s;
	int64_t *v = k->v;
	size_t i, n = k->n;
	int open;

	for (i = 0; i < n; i++)
		v[i] = s[k->m[i]].low;
	cl->low = median2(v, n, &open);
	for (i = 0; i < n; i++)
		v[i] = s[k->m[i]].best;
	cl->best = median2(v, n, &open);
	for (i = 0; i < n; i++)
		v[i] = s[k->m[i]].high < 0 ? INT64_MAX : s[k->m[i]].high;
	cl->high = median2(v, n, &cl->open);
	cl->flags = flags_of_best(s, k->m, n, cl->best);
	cl->chosen = n;
}

/* consensus: range over the series no other makes stale or vaguer. */
static void
pol_consensus(const struct combining *k, struct claim *cl)
{
	const struct aseries *s = k->c->a->s;

	range(s, k->w, consensus(s, k->m, k->n, k->w, k->tmp), k->v, cl);
}

enum {
	POLICY_SOURCES = 1,   /* written NAME:SOURCE,... (prefer) */
	POLICY_APART = 2      /* every source stands alone: nothing is combined (each) */
};

/*
 * The policies, in the order of enum toll_combine (agg.h) and of the
 * help: the only place one is named and described.  Adding one: its value
 * in the enum, a row here (its name; its label in toll-agg's help, NULL
 * when the row before describes it too; its help, lines ended by '\n' but
 * the last; its flags) and its function above; then its paragraph in
 * toll(7), HOW CLAIMS ARE COMBINED.  toll-agg's help, the message naming
 * the policies and the completion of --combine follow from the table.
 */
static const struct {
	const char *name, *label, *help;
	unsigned flags;
	void (*combine)(const struct combining *k, struct claim *cl);
} policies[] = {
	[TOLL_COMBINE_CONSENSUS] = { "consensus", "consensus",
		"leave out claims made stale (their period\n"
		"ended before another's stated end; of the\n"
		"missing and captured, all but the latest),\n"
		"a party's earlier word (its claimant said\n"
		"more since) or vaguer (their interval holds\n"
		"another's), then range (the default)", 0, pol_consensus },
	[TOLL_COMBINE_RANGE] = { "range", "range",
		"low: smallest low, best: median of bests,\n"
		"high: largest high", 0, pol_range },
	[TOLL_COMBINE_MIN] = { "min", "min, max", "the source with the smallest / largest best", 0,
		pol_min },
	[TOLL_COMBINE_MAX] = { "max", NULL, NULL, 0, pol_max },
	[TOLL_COMBINE_LATEST] = { "latest", "latest", "the most recently reported source", 0, pol_latest },
	[TOLL_COMBINE_MEAN] = { "mean", "mean, median", "of low, best and high each", 0, pol_mean },
	[TOLL_COMBINE_MEDIAN] = { "median", NULL, NULL, 0, pol_median },
	[TOLL_COMBINE_PREFER] = { "prefer", "prefer:A,B,...",
		"source A if it has the claim, else\n"
		"B, ..., else range", POLICY_SOURCES, pol_prefer },
	[TOLL_COMBINE_EACH] = { "each", "each", "no combining: every source stands alone", POLICY_APART,
		pol_latest },
};

#define NPOLICIES (sizeof policies / sizeof policies[0])

size_t
toll_policies(void)
{
	return NPOLICIES;
}

const char *
toll_policy_name(size_t i)
{
	return i < NPOLICIES ? policies[i].name : NULL;
}

const char *
toll_policy_label(size_t i)
{
	return i < NPOLICIES ? policies[i].label : NULL;
}

const char *
toll_policy_help(size_t i)
{
	return i < NPOLICIES ? policies[i].help : NULL;
}

/* Whether the policy keeps every source apart (each). */
static int
apart(const toll_policy *p)
{
	return (policies[p->combine].flags & POLICY_APART) != 0;
}

/* Combines the series m[0..n) of one claim group by the policy. */
static void
combine(const struct ctx *c, const size_t *m, size_t n, int64_t *v, size_t *w, size_t *tmp,
        struct claim *cl)
{
	struct combining k;
	size_t i;

	k.c = c;
	k.m = m;
	k.n = n;
	k.v = v;
	k.w = w;
	k.tmp = tmp;
	k.rep = m[0];
	for (i = 1; i < n; i++)
		if (more_recent(c, m[i], k.rep))
			k.rep = m[i];
	cl->rep = k.rep;
	policies[(size_t)c->a->p->combine < NPOLICIES ? c->a->p->combine : 0].combine(&k, cl);
}

int
toll_policy_parse(toll_policy *p, const char *s, toll_diag *d)
{
	char names[160];
	size_t i, len;

	memset(p, 0, sizeof *p);
	for (i = 0; i < NPOLICIES; i++) {
		size_t nl = strlen(policies[i].name);

		if (!(policies[i].flags & POLICY_SOURCES) && strcmp(s, policies[i].name) == 0) {
			p->combine = (int)i;
			return TOLL_OK;
		}
		if ((policies[i].flags & POLICY_SOURCES) && strncmp(s, policies[i].name, nl) == 0 &&
		    s[nl] == ':')
			break;
	}
	if (i < NPOLICIES) {
		const char *q = s + strlen(policies[i].name) + 1;

		p->combine = (int)i;
		for (;;) {
			const char *end = strchr(q, ',');
			size_t sl = end ? (size_t)(end - q) : strlen(q);
			char **np;

			if (sl == 0) {
				toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "empty source name in policy '%s'", s);
				toll_policy_free(p);
				return TOLL_EUSAGE;
			}
			np = realloc(p->prefer, (p->nprefer + 1) * sizeof *np);
			if (np == NULL || (np[p->nprefer] = strndup(q, sl)) == NULL) {
				if (np != NULL)
					p->prefer = np;
				toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
				toll_policy_free(p);
				return TOLL_ENOMEM;
			}
			p->prefer = np;
			p->nprefer++;
			if (end == NULL)
				return TOLL_OK;
			q = end + 1;
		}
	}
	/* The names, from the table: "consensus, range, ..., prefer:SOURCE,... or each". */
	for (i = 0, len = 0; i < NPOLICIES; i++) {
		char name[32];

		snprintf(name, sizeof name, "%s%s", policies[i].name,
		         (policies[i].flags & POLICY_SOURCES) ? ":SOURCE,..." : "");
		len = toll_list_add(names, sizeof names, len, name, i, NPOLICIES, " or ");
	}
	return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "unknown policy '%s' (expected %s)", s, names);
}

/* ---- grouping and output ---- */

/* Another side, status or category in a claim's key: that of a row that holds it. */
struct other {
	const char *side;        /* NULL: the claim's own */
	size_t side_len;
	int status, category;    /* -1: the claim's own */
};

static int claim_key_as(const struct ctx *c, size_t rep, const struct other *ov, char **buf, size_t *cap,
                        size_t *len, size_t *event);

/*
 * Writes the key values of a claim to *buf, each followed by a NUL; *event
 * is its event's number.
 */
int
agg_claim_key(const struct ctx *c, size_t rep, char **buf, size_t *cap, size_t *len, size_t *event)
{
	return claim_key_as(c, rep, NULL, buf, cap, len, event);
}

static int
claim_key_as(const struct ctx *c, size_t rep, const struct other *ov, char **buf, size_t *cap,
             size_t *len, size_t *event)
{
	const toll_agg *a = c->a;
	toll_series_key key, *k = &key;
	const char *stored = a->nstored ? a->buf + a->stored[rep] : NULL;
	size_t i;

	toll_series_index_key(c->x, rep, k);
	*event = k->event_id;
	*len = 0;
	for (i = 0; i < a->keys->n; i++) {
		const char *s = NULL;
		size_t n = 0;
		uint32_t sl;

		switch (a->kind[i]) {
		case K_EVENT: s = k->event.s; n = k->event.len; break;
		case K_SIDE:
			s = ov && ov->side ? ov->side : k->side.s;
			n = ov && ov->side ? ov->side_len : k->side.len;
			break;
		case K_STATUS: {
			int t = ov && ov->status >= 0 ? ov->status : k->status;

			s = toll_status_names[t];
			n = toll_status_lengths[t];
			break;
		}
		case K_CATEGORY: {
			int g = ov && ov->category >= 0 ? ov->category : k->category;

			s = toll_category_names[g];
			n = toll_category_lengths[g];
			break;
		}
		case K_SOURCE: s = k->source.s; n = k->source.len; break;
		default:
			memcpy(&sl, stored, 4);
			s = stored + 4;
			n = sl;
			stored += 4 + sl;
			break;
		}
		if (toll_reserve((void **)buf, cap, *len + n + 1, 1) != 0)
			return -1;
		memcpy(*buf + *len, s, n);
		(*buf)[*len + n] = '\0';
		*len += n + 1;
	}
	return 0;
}

/* A sum in halves as a number of the result (checked: below I128_LIMIT). */
toll_half
agg_half_of(i128 v)
{
	toll_half h;

	h.n = (int64_t)(v / 2);
	h.half = v % 2 != 0;
	return h;
}

void
toll_half_text(toll_half v, char *buf, size_t sz)
{
	char n[TOLL_INT_TEXT];

	toll_int_text(v.n, n);
	snprintf(buf, sz, "%s%s", n, v.half ? ".5" : "");
}

/* Describes a group for a message: its key values, quoted. */
void
agg_describe(const toll_keys *keys, toll_str key, char *out, size_t outsz)
{
	size_t i, used = 0;
	const char *p = key.s;

	if (keys->n == 0) {
		snprintf(out, outsz, "the total");
		return;
	}
	out[0] = '\0';
	for (i = 0; i < keys->n && used + 1 < outsz; i++) {
		char q[64];
		size_t n = strlen(p);
		int w;

		toll_diag_quote(q, sizeof q, p, n);
		w = snprintf(out + used, outsz - used, "%s%s '%s'", i ? ", " : "",
		             keys->k[i].spec, q);
		if (w < 0)
			break;
		used += (size_t)w < outsz - used ? (size_t)w : outsz - used - 1;
		p += n + 1;
	}
}

int
agg_check_sum(const toll_agg *a, const char *what, i128 v, toll_str key, toll_diag *d)
{
	char where[TOLL_DIAG_MSG / 2];

	if (v <= I128_LIMIT)
		return TOLL_OK;
	agg_describe(a->keys, key, where, sizeof where);
	return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0,
	                     "the sum of '%s' for %s is larger than 9223372036854775807", what,
	                     where);
}

void
toll_agg_figure_notation(const toll_agg_figure *f, char *buf, size_t sz)
{
	toll_range r;

	if (!f->any) {
		if (sz > 0)
			buf[0] = '\0';
		return;
	}
	/* The notation is of whole people: a half is dropped, as toll(7) writes tolls. */
	r.low = toll_num_whole(f->low.n);
	r.best = toll_num_whole(f->best.n);
	r.high = toll_num_whole(f->open ? 0 : f->high.n);
	r.open = f->open;
	r.qualifier = (f->flags & TOLL_BEST_VAGUE) ? 'v' : (f->flags & TOLL_BEST_APPROX) ? '~' : '\0';
	r.supplied = (f->flags & TOLL_BEST_SUPPLIED) != 0;
	toll_range_notation(&r, buf, sz);
}

toll_agg_figure
agg_figure_of(const struct group *g)
{
	toll_agg_figure f;

	memset(&f, 0, sizeof f);
	if (!g->any)
		return f;
	f.any = 1;
	f.low = agg_half_of(g->low);
	f.best = agg_half_of(g->best);
	f.open = g->open;
	if (!g->open)
		f.high = agg_half_of(g->high);
	f.flags = g->flags;
	return f;
}

/*
 * The result from each group's own figure (g; its figure empty when only
 * adversary claims are in it) and the adversary claims set aside (adv,
 * NULL when there are none); every sum is checked first.
 */
static int
result_of(toll_agg *a, toll_strmap *groups, const struct group *g, const struct group *adv,
          toll_agg_result **out, toll_diag *d)
{
	size_t n = toll_strmap_count(groups), i, *order;
	toll_agg_result *res;

	if ((order = toll_strmap_sorted(groups)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		const struct group *gi = &g[order[i]];
		toll_str key = toll_strmap_key(groups, order[i]);

		if (agg_check_sum(a, "low", gi->low, key, d) != TOLL_OK ||
		    agg_check_sum(a, "best", gi->best, key, d) != TOLL_OK ||
		    (!gi->open && agg_check_sum(a, "high", gi->high, key, d) != TOLL_OK) ||
		    (adv != NULL && (agg_check_sum(a, "low", adv[order[i]].low, key, d) != TOLL_OK ||
		                     agg_check_sum(a, "high", adv[order[i]].high, key, d) != TOLL_OK))) {
			free(order);
			return TOLL_EDATA;
		}
	}
	if ((res = calloc(1, sizeof *res)) == NULL ||
	    (res->row = calloc(n ? n : 1, sizeof *res->row)) == NULL) {
		free(res);
		free(order);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++) {
		toll_agg_row *r = &res->row[i];
		const struct group *gi = &g[order[i]];

		r->keys = toll_strmap_key(groups, order[i]).s;
		r->own = agg_figure_of(gi);
		if (adv != NULL)
			r->adversary = agg_figure_of(&adv[order[i]]);
		r->events = gi->events;
		r->series = gi->series;
	}
	res->n = n;
	res->keys = a->keys;
	res->groups = groups;
	free(order);
	*out = res;
	return TOLL_OK;
}

void
toll_agg_result_free(toll_agg_result *r)
{
	if (r == NULL)
		return;
	free(r->row);
	toll_strmap_free(r->groups);
	free(r);
}

/* The columns after the keys'. */
static const char *const agg_columns[] = {
	"low", "best", "high", "events", "series", "qualifier", "best_by", "adversary"
};
enum { C_LOW, C_BEST, C_HIGH, C_EVENTS, C_SERIES, C_QUALIFIER, C_BEST_BY, C_ADVERSARY, C_N };
_Static_assert(C_N == sizeof agg_columns / sizeof agg_columns[0], "agg_columns and its enum differ");

size_t
toll_agg_result_columns(const toll_agg_result *res)
{
	return res->keys->n + C_N;
}

const char *
toll_agg_result_column(const toll_agg_result *res, size_t col)
{
	return col < res->keys->n ? res->keys->k[col].spec : agg_columns[col - res->keys->n];
}

long
toll_agg_result_find(const toll_agg_result *res, const char *name)
{
	size_t c;

	for (c = 0; c < toll_agg_result_columns(res); c++)
		if (strcmp(toll_agg_result_column(res, c), name) == 0)
			return (long)c;
	return -1;
}

const char *
toll_agg_result_text(const toll_agg_result *res, size_t row, size_t col, char buf[TOLL_AGG_TEXT])
{
	const toll_agg_row *r = &res->row[row];

	if (col < res->keys->n) {
		const char *p = r->keys;

		while (col-- > 0)
			p += strlen(p) + 1;
		return p;
	}
	return agg_row_text(r, col - res->keys->n, buf);
}

const char *
agg_row_text(const toll_agg_row *r, size_t col, char buf[TOLL_AGG_TEXT])
{
	const toll_agg_figure *f = &r->own;

	buf[0] = '\0';
	switch (col) {
	case C_LOW:
		if (f->any)
			toll_half_text(f->low, buf, TOLL_AGG_TEXT);
		break;
	case C_BEST:
		if (f->any)
			toll_half_text(f->best, buf, TOLL_AGG_TEXT);
		break;
	case C_HIGH:
		if (f->any && !f->open)
			toll_half_text(f->high, buf, TOLL_AGG_TEXT);
		break;
	case C_EVENTS:
		toll_int_text((int64_t)r->events, buf);
		break;
	case C_SERIES:
		toll_int_text((int64_t)r->series, buf);
		break;
	case C_QUALIFIER:
		/* What the best is: vague or approximate when any of it is. */
		if (f->any)
			return toll_qualifier_text((f->flags & TOLL_BEST_VAGUE) ? 'v' :
			                           (f->flags & TOLL_BEST_APPROX) ? '~' : '\0');
		break;
	case C_BEST_BY:
		/* toll's when toll made any of it. */
		if (f->any)
			return f->flags & TOLL_BEST_SUPPLIED ? "toll" : "sources";
		break;
	default:
		toll_agg_figure_notation(&r->adversary, buf, TOLL_AGG_TEXT);
		break;
	}
	return buf;
}

void
toll_agg_result_write(const toll_agg_result *res, toll_out *o)
{
	size_t i, c, nc = toll_agg_result_columns(res);
	char buf[TOLL_AGG_TEXT];

	for (c = 0; c < nc; c++) {
		if (c > 0)
			toll_out_tab(o);
		toll_out_str(o, toll_agg_result_column(res, c));
	}
	toll_out_eol(o);
	for (i = 0; i < res->n; i++) {
		for (c = 0; c < nc; c++) {
			const char *t = toll_agg_result_text(res, i, c, buf);

			if (c > 0)
				toll_out_tab(o);
			toll_out_field(o, t, strlen(t));
		}
		toll_out_eol(o);
	}
}

/* Whether series s is counted in a pass: it has a revision as of then, and is, or is not, an adversary's. */
static int
in_pass(const struct aseries *s, int adversary)
{
	return s->reported != INT64_MIN && ((s->flags & ADVERSARY) != 0) == adversary;
}

/*
 * The series with a revision as of then, in runs of one claim group each:
 * by event (a counting sort), then by claim (a sort within each event).
 * Fills order[0..*n) and, for each run, its start in runs[0..*nruns] (one
 * more entry: the end).  With policy each, every series is a run.
 */
static int
claim_runs(const toll_agg *a, const toll_series_index *x, int adversary, size_t *order, size_t *n,
           size_t *runs, size_t *nruns)
{
	size_t nev = toll_series_index_events(x), i, e, *start;
	uint64_t *key;

	*n = *nruns = 0;
	if ((start = calloc(nev + 1, sizeof *start)) == NULL)
		return -1;
	for (i = 0; i < a->ns; i++)
		if (in_pass(&a->s[i], adversary))
			start[a->s[i].event + 1]++;
	for (e = 0; e < nev; e++)
		start[e + 1] += start[e];
	*n = start[nev];
	if ((key = malloc((*n ? *n : 1) * sizeof *key)) == NULL) {
		free(start);
		return -1;
	}
	/* Series numbers stay below 2^32: the claim above them makes the sort key. */
	for (i = 0; i < a->ns; i++)
		if (in_pass(&a->s[i], adversary))
			key[start[a->s[i].event]++] = (uint64_t)a->s[i].claim << 32 | i;
	for (e = nev; e > 0; e--)
		start[e] = start[e - 1];
	start[0] = 0;
	for (e = 0; e < nev; e++) {
		size_t lo = start[e], hi = start[e + 1];

		/* Claims then series numbers: the int64 order of the key (below 2^63). */
		if (!apart(a->p) && hi - lo > 1)
			toll_sort_i64((int64_t *)(void *)(key + lo), hi - lo);
		for (i = lo; i < hi; i++) {
			if (i == lo || apart(a->p) ||
			    key[i] >> 32 != key[i - 1] >> 32)
				runs[(*nruns)++] = i;
			order[i] = (size_t)(key[i] & 0xffffffffu);
		}
	}
	runs[*nruns] = *n;
	free(key);
	free(start);
	return 0;
}

/*
 * claim_runs() of the series sel[0..nsel) only, grouped by event in
 * ascending order (timeline.c): a sort within each event.
 */
static int
claim_runs_of(const toll_agg *a, const size_t *sel, size_t nsel, int adversary, size_t *order,
              size_t *n, size_t *runs, size_t *nruns)
{
	size_t i, lo, k = 0;
	uint64_t *key;

	*n = *nruns = 0;
	if ((key = malloc((nsel ? nsel : 1) * sizeof *key)) == NULL)
		return -1;
	for (lo = 0; lo < nsel; ) {
		size_t hi, start = k;
		uint32_t e = a->s[sel[lo]].event;

		for (hi = lo; hi < nsel && a->s[sel[hi]].event == e; hi++)
			if (in_pass(&a->s[sel[hi]], adversary))
				key[k++] = (uint64_t)a->s[sel[hi]].claim << 32 | sel[hi];
		if (!apart(a->p) && k - start > 1)
			toll_sort_i64((int64_t *)(void *)(key + start), k - start);
		for (i = start; i < k; i++) {
			if (i == start || apart(a->p) || key[i] >> 32 != key[i - 1] >> 32)
				runs[(*nruns)++] = i;
			order[i] = (size_t)(key[i] & 0xffffffffu);
		}
		lo = hi;
	}
	*n = k;
	runs[*nruns] = k;
	free(key);
	return 0;
}

/* "side, status, category" of series id, for messages. */
static void
claim_name(const struct ctx *c, size_t id, char *out, size_t outsz)
{
	toll_series_key k;
	char side[64], event[64];

	toll_series_index_key(c->x, id, &k);
	toll_diag_quote(side, sizeof side, k.side.s, k.side.len);
	toll_diag_quote(event, sizeof event, k.event.s, k.event.len);
	snprintf(out, outsz, "'%s, %s, %s' of event '%s'", side, toll_status_names[k.status],
	         toll_category_names[k.category], event);
}

/* Where series id was read: "line 12", or "FILE:12" when not in the file of series other. */
static void
place(const struct ctx *c, const toll_reports *rd, size_t id, size_t other, char *out,
      size_t outsz)
{
	const struct aseries *s = &c->a->s[id];

	if (s->fileno == c->a->s[other].fileno)
		snprintf(out, outsz, "line %lu", (unsigned long)s->line);
	else
		snprintf(out, outsz, "%s:%lu", toll_reports_file(rd, s->fileno), (unsigned long)s->line);
}

/* Writes a figure in halves into buf: "36000", "135.5". */
static void
half_text(i128 v, char *buf, size_t sz)
{
	snprintf(buf, sz, "%lld%s", (long long)(v / 2), v % 2 ? ".5" : "");
}

struct nest_ctx {
	const struct ctx *c;
	const toll_reports *rd;
	const struct claim *claims;
	toll_strmap *said;       /* the warnings given: a total met again in a row that holds it, once */
};

/* A conflict of a total and its parts, as a warning at the total's place. */
static void
conflict(void *ctx, const toll_nest_conflict *cf)
{
	const struct nest_ctx *nc = ctx;
	const toll_agg *a = nc->c->a;
	size_t total = nc->claims[cf->total].rep, i;
	char name[200], lines[200], low[48], high[48];
	size_t used, parts[TOLL_NEST_PARTS];
	int same, known;
	toll_diag d;

	if (a->warn == NULL && a->known == NULL)
		return;
	claim_name(nc->c, total, name, sizeof name);
	/* The parts in the order of the files. */
	for (i = 0; i < cf->nparts; i++)
		parts[i] = nc->claims[cf->parts[i]].rep;
	for (i = 1; i < cf->nparts; i++) {
		size_t j, x = parts[i];
		uint64_t kx = (uint64_t)a->s[x].fileno << 32 | a->s[x].line;

		for (j = i; j > 0 && ((uint64_t)a->s[parts[j - 1]].fileno << 32 | a->s[parts[j - 1]].line) > kx; j--)
			parts[j] = parts[j - 1];
		parts[j] = x;
	}
	/* "lines 11 and 12" when the parts are in the total's file, else each with its file. */
	for (i = 0; i < cf->nparts && a->s[parts[i]].fileno == a->s[total].fileno; i++)
		;
	same = i == cf->nparts;
	used = (size_t)snprintf(lines, sizeof lines, "%s", !same ? "" : cf->nparts + cf->more > 1 ?
	                        "lines " : "line ");
	for (i = 0; i < cf->nparts && used + 1 < sizeof lines; i++) {
		char where[96];
		const struct aseries *p = &a->s[parts[i]];
		int w;

		if (same)
			snprintf(where, sizeof where, "%lu", (unsigned long)p->line);
		else
			place(nc->c, nc->rd, parts[i], total, where, sizeof where);
		w = snprintf(lines + used, sizeof lines - used, "%s%s",
		             i == 0 ? "" : i + 1 == cf->nparts && cf->more == 0 ? " and " : ", ", where);
		used += w < 0 ? 0 : (size_t)w < sizeof lines - used ? (size_t)w : sizeof lines - used - 1;
	}
	if (cf->more > 0 && used + 1 < sizeof lines)
		snprintf(lines + used, sizeof lines - used, " and %zu more", cf->more);
	half_text(cf->parts_low, low, sizeof low);
	half_text(cf->total_high, high, sizeof high);
	/*
	 * Known when the total says so in its note (a part's tag would also
	 * hush the other totals that part belongs to).
	 */
	known = (a->s[total].flags & KNOWN_CONFLICT) != 0;
	toll_diag_set(&d, TOLL_EDATA, toll_reports_file(nc->rd, a->s[total].fileno),
	              (long)a->s[total].line, 0,
	              "%sthe parts of %s add up to at least %s, above its high %s (%s): %s%s",
	              known ? "a known conflict: " : "", name, low, high, lines,
	              cf->total_kept ? "the total, reported last, bounds them" :
	              "their sum stands, reported after the total",
	              known ? "" : " (if known, say " TOLL_TAG_KNOWN_CONFLICT " in its note)");
	{
		size_t id;
		int added;

		if (nc->said != NULL &&
		    (toll_strmap_intern(nc->said, d.msg, strlen(d.msg), &id, &added) != TOLL_OK || !added))
			return;
	}
	if (known && a->known != NULL)
		a->known(a->known_ctx, &d);
	else if (!known && a->warn != NULL)
		a->warn(a->warn_ctx, &d);
}

static int
by_event(const void *x, const void *y)
{
	const struct edge *a = x, *b = y;

	return (a->event > b->event) - (a->event < b->event);
}

/*
 * Whether the categories of a row nest: one of them holds the others.
 * Sides and statuses split one kind of casualty; categories are kinds: a
 * row adds up one kind, a category and those it holds (killed and
 * wounded under casualties), never killed and wounded alone, whose sum
 * the row could not name.
 */
static int
nests(unsigned mask)
{
	int c = toll_category_cover(mask);

	return c >= 0 && (mask >> c & 1);
}

/*
 * The categories of each output row must nest (one of them holds them
 * all, nest.h): a row never adds killed to captured, or killed_or_missing
 * to wounded.  Returns TOLL_OK, or TOLL_EDATA with the first such row (in
 * key order) in *d.
 */
int
agg_check_categories(const toll_agg *a, toll_strmap *groups, const unsigned *mask, size_t nmask,
                 toll_diag *d)
{
	size_t n = toll_strmap_count(groups), i, *order;
	int c, rc = TOLL_OK;

	/* (A row that has no claim in this pass has none to add up: mask 0.) */
	for (i = 0; i < n && (i >= nmask || mask[i] == 0 || nests(mask[i])); i++)
		;
	if (i == n)
		return TOLL_OK;
	if ((order = toll_strmap_sorted(groups)) == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n; i++) {
		char where[TOLL_DIAG_MSG / 2], list[160];
		size_t used = 0, count = 0, seen = 0;

		if (order[i] >= nmask || mask[order[i]] == 0 || nests(mask[order[i]]))
			continue;
		agg_describe(a->keys, toll_strmap_key(groups, order[i]), where, sizeof where);
		for (c = 0; c < TOLL_NCATEGORIES; c++)
			count += mask[order[i]] >> c & 1;
		list[0] = '\0';
		for (c = 0; c < TOLL_NCATEGORIES; c++) {
			int w;

			if (!(mask[order[i]] >> c & 1))
				continue;
			seen++;
			w = snprintf(list + used, sizeof list - used, "%s%s",
			             seen == 1 ? "" : seen == count ? " and " : ", ", toll_category_names[c]);
			used += w < 0 ? 0 : (size_t)w;
		}
		rc = toll_diag_set(d, TOLL_EDATA, NULL, 0, 0,
		                   "categories %s do not nest, and one row would add them up (%s): add "
		                   "'category' to -g, or keep one category", list, where);
		break;
	}
	free(order);
	return rc;
}

/* The side that holds side in an event (its within), or UINT32_MAX. */
static uint32_t
holder_of(const toll_agg *a, uint32_t event, uint32_t side)
{
	uint32_t key[2] = { event, side };
	size_t id;

	if (toll_strmap_find(a->edge_keys, (const char *)key, sizeof key, &id) != 0)
		return UINT32_MAX;
	return a->edge[id].holder;
}

/* Whether side h is side x, or holds it through the sides within sides of an event. */
static int
side_holds(const toll_agg *a, uint32_t event, uint32_t h, uint32_t x)
{
	size_t steps;

	for (steps = 0; x != UINT32_MAX && steps <= a->nedge; steps++) {
		if (x == h)
			return 1;
		x = holder_of(a, event, x);
	}
	return 0;
}

/*
 * Marks the claims made by one party about another: the claimant is a
 * party to the claim's event (a side of a claim of that event) that
 * neither is the claim's side nor holds it nor is held by it.  Set aside,
 * they never move the figures of the side they are about.  A claimant
 * that is no party to the event (a third country, an agency) is
 * independent, as is no claimant; a claim about every side (side all) is
 * no adversary's.
 */
/* The number of side 'all', or SIZE_MAX when no claim is of it. */
size_t
agg_side_all(const toll_agg *a)
{
	size_t i, n = toll_strmap_count(a->sides);

	for (i = 0; i < n; i++) {
		toll_str sd = toll_strmap_key(a->sides, i);

		if (sd.len == 3 && memcmp(sd.s, TOLL_SIDE_ALL, 3) == 0)
			return i;
	}
	return SIZE_MAX;
}

toll_strmap *
agg_parties(const toll_agg *a)
{
	toll_strmap *parties = toll_strmap_new();
	size_t i, id;
	uint32_t key[2];
	int added;

	/* The parties of each event: (event, side) of every claim. */
	for (i = 0; parties != NULL && i < a->ns; i++) {
		key[0] = a->s[i].event;
		key[1] = a->s[i].claim >> 5;
		if (toll_strmap_intern(parties, (const char *)key, sizeof key, &id, &added) != TOLL_OK) {
			toll_strmap_free(parties);
			return NULL;
		}
	}
	return parties;
}

/*
 * A claim made by one party about another: the claimant is a party to
 * the claim's event (a side of a claim of that event) that neither is the
 * claim's side nor holds it nor is held by it.  Set aside, it never moves
 * the figures of the side it is about.  A claimant that is no party to
 * the event (a third country, an agency) is independent, as is no
 * claimant; a claim about every side (side all) is no adversary's.
 */
int
agg_adversary(const toll_agg *a, const toll_strmap *parties, size_t all, const struct aseries *s)
{
	uint32_t side = s->claim >> 5, who = s->claimant - 1, key[2];
	size_t id;

	if (a->with_adversary || s->claimant == 0 || side == all)
		return 0;
	key[0] = s->event;
	key[1] = who;
	if (toll_strmap_find(parties, (const char *)key, sizeof key, &id) != 0)
		return 0;
	return !side_holds(a, s->event, who, side) && !side_holds(a, s->event, side, who);
}

/* Marks the claims of one party about another (agg_adversary()). */
static int
mark_adversaries(toll_agg *a)
{
	toll_strmap *parties;
	size_t i, all = agg_side_all(a);

	for (i = 0; i < a->ns; i++)
		a->s[i].flags &= (uint8_t)~ADVERSARY;
	if (a->with_adversary)
		return 0;
	if ((parties = agg_parties(a)) == NULL)
		return -1;
	for (i = 0; i < a->ns; i++)
		if (agg_adversary(a, parties, all, &a->s[i]))
			a->s[i].flags |= ADVERSARY;
	toll_strmap_free(parties);
	return 0;
}

int
toll_agg_series_set_aside(const toll_agg *a, size_t series)
{
	return series < a->ns && (a->s[series].flags & ADVERSARY) != 0;
}

void
toll_agg_set_adversary(toll_agg *a, int include)
{
	a->with_adversary = include;
}

int
agg_pass_room(struct pass *p, size_t gid)
{
	size_t old = p->gcap;

	if (gid < p->gcap && gid < p->mcap)
		return 0;
	if (toll_reserve((void **)&p->g, &p->gcap, gid + 1, sizeof *p->g) != 0 ||
	    toll_reserve((void **)&p->mask, &p->mcap, gid + 1, sizeof *p->mask) != 0)
		return -1;
	memset(p->g + old, 0, (p->gcap - old) * sizeof *p->g);
	if (p->mcap > old)
		memset(p->mask + old, 0, (p->mcap - old) * sizeof *p->mask);
	return 0;
}

/* The rows a claim's row may be held by: at most this many. */
#define MAX_HOLDERS 64

/*
 * The rows that hold claim cl's row, with claims of their own in this
 * pass: the same keys, but a side that holds the claim's (all, or one it
 * is within), status all, or a category that holds its category.  Their
 * numbers into rows[0..*n).  One consistent table: a row that holds
 * another is reconciled with that row's claims too, so that it is never
 * below what its parts' rows add up to.
 */
static int
holder_rows(const struct ctx *cx, const struct claim *cl, toll_strmap *groups, const struct pass *p,
            const int has[3], char **kbuf, size_t *kcap, size_t *rows, size_t *n)
{
	const toll_agg *a = cx->a;
	const struct aseries *s = &a->s[cl->rep];
	uint32_t side = s->claim >> 5, sides[16], x;
	int status = (int)(s->claim >> 3 & 3), cat = (int)(s->claim & 7), statuses[2], cats[3], g;
	size_t ns = 0, nt = 0, nk = 0, i, j, l, q, klen, event, gid, all = SIZE_MAX;

	*n = 0;
	sides[ns++] = UINT32_MAX;   /* its own */
	if (has[0]) {
		for (i = 0; i < toll_strmap_count(a->sides); i++) {
			toll_str sd = toll_strmap_key(a->sides, i);

			if (sd.len == 3 && memcmp(sd.s, TOLL_SIDE_ALL, 3) == 0)
				all = i;
		}
		for (x = holder_of(a, s->event, side); x != UINT32_MAX && ns < 15; x = holder_of(a, s->event, x))
			sides[ns++] = x;
		if (all != SIZE_MAX && side != all)
			sides[ns++] = (uint32_t)all;
	}
	statuses[nt++] = -1;
	if (has[1] && status != TOLL_STATUS_ALL)
		statuses[nt++] = TOLL_STATUS_ALL;
	cats[nk++] = -1;
	if (has[2])
		for (g = 0; g < TOLL_NCATEGORIES; g++)
			if (g != cat && toll_category_holds(g, cat))
				cats[nk++] = g;
	for (i = 0; i < ns; i++)
		for (j = 0; j < nt; j++)
			for (l = 0; l < nk; l++) {
				struct other ov;

				if (i == 0 && j == 0 && l == 0)
					continue;
				ov.side = NULL;
				ov.side_len = 0;
				if (i > 0) {
					toll_str sd = toll_strmap_key(a->sides, sides[i]);

					ov.side = sd.s;
					ov.side_len = sd.len;
				}
				ov.status = statuses[j];
				ov.category = cats[l];
				if (claim_key_as(cx, cl->rep, &ov, kbuf, kcap, &klen, &event) != 0)
					return -1;
				if (toll_strmap_find(groups, *kbuf ? *kbuf : "", klen, &gid) != 0 ||
				    gid >= p->mcap || p->mask[gid] == 0 || gid == cl->gid)
					continue;
				for (q = 0; q < *n && rows[q] != gid; q++)
					;
				if (q == *n && *n < MAX_HOLDERS)
					rows[(*n)++] = gid;
			}
	return 0;
}

/*
 * Whether a claim of the pass (as of then, or at any time: whatever its
 * pass) can hold another's row: of side all, a side that holds another in
 * its event, status all, or a category that holds others.  Else, with
 * side, status and category as keys, every row holds one kind of claim
 * and nothing nests.
 */
static int
holders_possible(const toll_agg *a, int adversary, int any_time)
{
	size_t i, all = agg_side_all(a);

	if (a->nedge > 0)
		return 1;   /* a side within another: its holder's row holds it */
	for (i = 0; i < a->ns; i++) {
		const struct aseries *s = &a->s[i];
		int t = (int)(s->claim >> 3 & 3), k = (int)(s->claim & 7);

		if ((any_time || in_pass(s, adversary)) &&
		    ((s->claim >> 5) == all || t == TOLL_STATUS_ALL ||
		     k == TOLL_CAT_KILLED_OR_MISSING || k == TOLL_CAT_CASUALTIES))
			return 1;
	}
	return 0;
}

int
agg_nested(const toll_agg *a, int adversary, int any_time)
{
	unsigned kinds = 0, want = 1u << K_SIDE | 1u << K_STATUS | 1u << K_CATEGORY;
	size_t k;

	for (k = 0; k < a->keys->n; k++)
		kinds |= 1u << a->kind[k];
	return apart(a->p) || (kinds & want) != want || holders_possible(a, adversary, any_time);
}

/*
 * Notes what the claims of event put in row gid (timeline.c): a claim
 * whose own row it is (cl NULL), or the figure cl of the series chosen.
 */
static int
record(struct pass *p, size_t event, size_t gid, int adversary, const struct claim *cl,
       uint64_t chosen, uint32_t claims)
{
	struct contrib *c;

	if (toll_reserve((void **)&p->rec, &p->reccap, p->nrec + 1, sizeof *p->rec) != 0)
		return -1;
	c = &p->rec[p->nrec++];
	memset(c, 0, sizeof *c);
	c->event = (uint32_t)event;
	c->gid = (uint32_t)gid;
	c->adversary = (uint8_t)adversary;
	c->claims = claims;
	if (cl != NULL) {
		c->fig = 1;
		c->low = cl->low;
		c->best = cl->best;
		c->high = cl->high;
		c->open = (uint8_t)cl->open;
		c->flags = cl->flags;
		c->fresh = cl->fresh;
		c->series = chosen;
	}
	return 0;
}

/* A claim in a row: its own, or one that holds its own. */
struct member {
	size_t gid, claim;
};

static int
by_member_gid(const void *x, const void *y)
{
	const struct member *a = x, *b = y;

	if (a->gid != b->gid)
		return a->gid < b->gid ? -1 : 1;
	return (a->claim > b->claim) - (a->claim < b->claim);
}

/*
 * One pass over the claims, adversaries' or the others: each claim
 * combined by the policy, put in its row (groups: the keys, shared by the
 * passes), and the claims of one event and row that hold one another
 * reconciled.  Fills p; returns TOLL_OK, TOLL_EDATA or TOLL_ENOMEM with *d.
 * Long (224 lines): the pass's steps share the claim's and the row's state,
 * and are commented where they start.
 */
int
agg_group_pass(toll_agg *a, const toll_reports *rd, struct ctx *cx, int adversary, toll_strmap *groups,
               struct pass *p, toll_diag *d)
{
	size_t *runs = NULL, *members = NULL, *w = NULL, *tmp = NULL, nmembers, nruns;
	size_t i, j, event, nsides, all_side, ei, memcap = 0, nestcap = 0;
	int64_t *v = NULL;
	struct claim *claims = NULL;
	struct member *mem = NULL;
	toll_nest_claim *nest = NULL;
	int has[3] = { 0, 0, 0 };
	uint32_t *parent = NULL;
	char *kbuf = NULL;
	size_t kcap = 0, klen, *memo = NULL, k;
	int rc = TOLL_ENOMEM, by_claim = 1, nested;
	size_t nn;
	struct nest_ctx nc;

	nc.said = NULL;
	/*
	 * When the keys are only side, status and category, a claim's group
	 * follows from its numbers: it is looked up once per claim kind.
	 */
	for (k = 0; k < a->keys->n; k++)
		by_claim &= a->kind[k] == K_SIDE || a->kind[k] == K_STATUS || a->kind[k] == K_CATEGORY;
	nested = p->fixed ? p->nested : agg_nested(a, adversary, 0);
	nn = p->sel != NULL ? p->nsel : a->ns;
	runs = malloc((nn + 1) * sizeof *runs);
	members = malloc((nn ? nn : 1) * sizeof *members);
	w = malloc((nn ? nn : 1) * sizeof *w);
	tmp = malloc((nn ? nn : 1) * sizeof *tmp);
	v = malloc((nn ? nn : 1) * sizeof *v);
	if (by_claim && p->fixed && p->memo == NULL &&
	    (p->memo = calloc(toll_strmap_count(a->sides) * 32 + 1, sizeof *p->memo)) == NULL)
		goto out;
	if (by_claim && !p->fixed && (memo = calloc(toll_strmap_count(a->sides) * 32 + 1, sizeof *memo)) == NULL)
		goto out;
	if (p->fixed)
		memo = p->memo;
	if (runs == NULL || members == NULL || w == NULL || tmp == NULL || v == NULL ||
	    (p->sel == NULL ? claim_runs(a, cx->x, adversary, members, &nmembers, runs, &nruns)
	                    : claim_runs_of(a, p->sel, p->nsel, adversary, members, &nmembers, runs, &nruns)) != 0)
		goto out;
	if ((claims = malloc((nested ? nruns + 1 : 1) * sizeof *claims)) == NULL)
		goto out;
	/* Each claim combined by the policy, and the row it goes to. */
	for (i = 0; i < nruns; i++) {
		struct claim one, *cl = nested ? &claims[i] : &one;
		size_t gid;
		int added;

		combine(cx, members + runs[i], runs[i + 1] - runs[i], v, w, tmp, cl);
		cl->fresh = 0;
		if (p->stamp != NULL)
			for (k = runs[i]; k < runs[i + 1]; k++)
				cl->fresh |= p->stamp[members[k]] == p->now;
		if (memo != NULL && memo[a->s[cl->rep].claim] != 0) {
			gid = memo[a->s[cl->rep].claim] - 1;
		} else {
			if (agg_claim_key(cx, cl->rep, &kbuf, &kcap, &klen, &event) != 0 ||
			    toll_strmap_intern(groups, kbuf ? kbuf : "", klen, &gid, &added) != TOLL_OK)
				goto out;
			if (memo != NULL)
				memo[a->s[cl->rep].claim] = gid + 1;
		}
		if (agg_pass_room(p, gid) != 0)
			goto out;
		cl->gid = gid;
		if (!p->fixed)
			p->mask[gid] |= 1u << (a->s[cl->rep].claim & 7);
		else if (nested && record(p, a->s[cl->rep].event, gid, adversary, NULL, 0, 1) != 0)
			goto out;
		/*
		 * Keys that hold side, status and category give each row one
		 * kind of claim: nothing in it nests, every claim adds (one per
		 * event, by any policy but each).
		 */
		if (!nested && p->fixed) {
			if (record(p, a->s[cl->rep].event, gid, adversary, cl, cl->chosen, 1) != 0)
				goto out;
		} else if (!nested) {
			struct group *gi = &p->g[gid];
			size_t ev = a->s[cl->rep].event;

			gi->low += cl->low;
			gi->best += cl->best;
			gi->high += cl->high;
			gi->open |= cl->open;
			gi->flags |= cl->flags;
			gi->any = 1;
			gi->series += cl->chosen;
			if (gi->last_event != ev + 1) {
				gi->last_event = ev + 1;
				gi->events++;
			}
		}
	}
	if (!nested) {
		rc = TOLL_OK;
		goto out;
	}
	if (!p->fixed && (rc = agg_check_categories(a, groups, p->mask, p->mcap, d)) != TOLL_OK)
		goto out;
	rc = TOLL_ENOMEM;
	/* Sides: 'all' holds every other one; a table without it gets it as one more number. */
	nsides = toll_strmap_count(a->sides);
	all_side = nsides;
	for (i = 0; i < nsides; i++) {
		toll_str sd = toll_strmap_key(a->sides, i);

		if (sd.len == 3 && memcmp(sd.s, TOLL_SIDE_ALL, 3) == 0)
			all_side = i;
	}
	if ((parent = malloc((nsides + 1) * sizeof *parent)) == NULL)
		goto out;
	for (i = 0; i <= nsides; i++)
		parent[i] = i == all_side ? TOLL_NEST_NONE : (uint32_t)all_side;
	nc.c = cx;
	nc.rd = rd;
	nc.claims = claims;
	if (p->fixed && p->said == NULL && (p->said = toll_strmap_new()) == NULL)
		goto out;
	if ((nc.said = p->fixed ? p->said : toll_strmap_new()) == NULL)
		goto out;
	for (k = 0; k < a->keys->n; k++) {
		has[0] |= a->kind[k] == K_SIDE;
		has[1] |= a->kind[k] == K_STATUS;
		has[2] |= a->kind[k] == K_CATEGORY;
	}
	/* The first edge of the first event (a binary search: a subset may start anywhere). */
	ei = 0;
	if (nruns > 0) {
		size_t lo = 0, hi = a->nedge, first = a->s[claims[0].rep].event;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (a->order[mid].event < first)
				lo = mid + 1;
			else
				hi = mid;
		}
		ei = lo;
	}
	/* Runs come event by event: within each, the claims of one row are reconciled. */
	for (i = 0; i < nruns; i = j) {
		size_t e = a->s[claims[i].rep].event, r, ej, nm = 0;

		/* Each claim in its row, and in every row that holds its row. */
		for (j = i; j < nruns && a->s[claims[j].rep].event == e; j++) {
			size_t hold[MAX_HOLDERS], nh = 0, h;

			if ((has[0] || has[1] || has[2]) &&
			    holder_rows(cx, &claims[j], groups, p, has, &kbuf, &kcap, hold, &nh) != 0)
				goto out;
			if (toll_reserve((void **)&mem, &memcap, nm + 1 + nh, sizeof *mem) != 0)
				goto out;
			mem[nm].gid = claims[j].gid;
			mem[nm++].claim = j;
			for (h = 0; h < nh; h++) {
				mem[nm].gid = hold[h];
				mem[nm++].claim = j;
			}
		}
		if (toll_reserve((void **)&nest, &nestcap, nm, sizeof *nest) != 0)
			goto out;
		qsort(mem, nm, sizeof *mem, by_member_gid);
		/* The event's sides within sides, undone after it. */
		for (; ei < a->nedge && a->order[ei].event < e; ei++)
			;
		for (ej = ei; ej < a->nedge && a->order[ej].event == e; ej++)
			parent[a->order[ej].side] = a->order[ej].holder;
		for (r = 0; r < nm; ) {
			size_t q = r, gid = mem[r].gid, n, dup[2];
			toll_nest_figure f;
			struct group *gi = &p->g[gid];
			uint64_t chosen = 0;
			uint8_t fresh = 0;

			for (; q < nm && mem[q].gid == gid; q++) {
				const struct claim *cl = &claims[mem[q].claim];
				uint32_t code = a->s[cl->rep].claim;
				toll_nest_claim *nl = &nest[q - r];

				nl->low = cl->low;
				nl->best = cl->best;
				nl->high = cl->high;
				nl->open = cl->open;
				nl->side = code >> 5;
				nl->status = (uint8_t)(code >> 3 & 3);
				nl->category = (uint8_t)(code & 7);
				nl->reported = a->s[cl->rep].reported;
				nl->flags = cl->flags;
				nl->id = mem[q].claim;
				chosen += cl->chosen;
				fresh |= cl->fresh;
			}
			n = q - r;
			switch (toll_nest_reconcile(nest, n, parent, nsides + 1, adversary ? NULL : conflict, &nc,
			                            &f, dup)) {
			case TOLL_OK:
				break;
			case TOLL_EDATA: {
				char name[200], where[96];
				toll_series_key k1, k2;
				char s1[64], s2[64];
				size_t x1 = claims[dup[0]].rep, x2 = claims[dup[1]].rep;

				claim_name(cx, x2, name, sizeof name);
				place(cx, rd, x1, x2, where, sizeof where);
				toll_series_index_key(cx->x, x1, &k1);
				toll_series_index_key(cx->x, x2, &k2);
				toll_diag_quote(s1, sizeof s1, k1.source.s, k1.source.len);
				toll_diag_quote(s2, sizeof s2, k2.source.s, k2.source.len);
				rc = toll_diag_set(d, TOLL_EDATA, toll_reports_file(rd, a->s[x2].fileno),
				                   (long)a->s[x2].line, 0,
				                   "with --combine each, the claims of sources '%s' (%s) and '%s' "
				                   "of %s would be added up in one row: add 'source' to -g, or "
				                   "combine them by another policy", s1, where, s2, name);
				goto out;
			}
			case TOLL_ENOMEM:
				goto out;
			default:
				rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "internal error: claims that "
				                   "no side or category holds in one row");
				goto out;
			}
			if (p->fixed) {
				struct claim fc;

				fc.low = f.low;
				fc.best = f.best;
				fc.high = f.high;
				fc.open = f.open;
				fc.flags = f.flags;
				fc.fresh = fresh;
				if (record(p, e, gid, adversary, &fc, chosen, 0) != 0)
					goto out;
			} else {
				gi->low += f.low;
				gi->best += f.best;
				gi->high += f.high;
				gi->open |= f.open;
				gi->flags |= f.flags;
				gi->any = 1;
				gi->events++;
				gi->series += chosen;
			}
			r = q;
		}
		for (; ei < ej; ei++)
			parent[a->order[ei].side] = (uint32_t)all_side;
	}
	rc = TOLL_OK;
out:
	if (rc == TOLL_ENOMEM)
		toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	free(runs);
	if (!p->fixed)
		free(memo);
	free(members);
	free(w);
	free(tmp);
	free(v);
	free(kbuf);
	free(claims);
	free(mem);
	free(nest);
	free(parent);
	if (!p->fixed)
		toll_strmap_free(nc.said);
	return rc;
}

int
agg_order_edges(toll_agg *a)
{
	/* The sides within sides, by event, for the passes (a copy: edge[] is numbered as edge_keys). */
	free(a->order);
	if ((a->order = malloc((a->nedge ? a->nedge : 1) * sizeof *a->order)) == NULL)
		return -1;
	if (a->nedge > 0)
		memcpy(a->order, a->edge, a->nedge * sizeof *a->order);
	if (a->nedge > 1)
		qsort(a->order, a->nedge, sizeof *a->order, by_event);
	return 0;
}

int
toll_agg_finish(toll_agg *a, const toll_reports *rd, toll_agg_result **out, toll_diag *d)
{
	struct ctx c;
	struct pass own, adv;
	toll_strmap *groups = NULL;
	size_t n, i;
	int rc = TOLL_ENOMEM, any_adv = 0;

	*out = NULL;
	if (a->every != TOLL_BIN_NONE)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "internal error: an aggregation that keeps "
		                     "every revision has a timeline (toll_agg_timeline()), not one result");
	memset(&own, 0, sizeof own);
	memset(&adv, 0, sizeof adv);
	c.a = a;
	c.x = toll_reports_index(rd);
	if (a->ns > UINT32_MAX || (groups = toll_strmap_new()) == NULL) {
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if (mark_adversaries(a) != 0) {
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	for (i = 0; i < a->ns; i++)
		any_adv |= in_pass(&a->s[i], 1);
	if (agg_order_edges(a) != 0) {
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if ((rc = agg_group_pass(a, rd, &c, 0, groups, &own, d)) != TOLL_OK ||
	    (any_adv && (rc = agg_group_pass(a, rd, &c, 1, groups, &adv, d)) != TOLL_OK))
		goto out;
	/* Both have a group for every row. */
	n = toll_strmap_count(groups);
	if ((n > 0 && agg_pass_room(&own, n - 1) != 0) || (any_adv && n > 0 && agg_pass_room(&adv, n - 1) != 0)) {
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	if ((rc = result_of(a, groups, own.g, any_adv ? adv.g : NULL, out, d)) == TOLL_OK)
		groups = NULL;   /* the result's now */
out:
	free(own.g);
	free(own.mask);
	free(adv.g);
	free(adv.mask);
	toll_strmap_free(groups);
	return rc;
}

int
toll_agg_write(toll_agg *a, const toll_reports *rd, toll_out *o, toll_diag *d)
{
	toll_agg_result *res;
	int rc = toll_agg_finish(a, rd, &res, d);

	if (rc != TOLL_OK)
		return rc;
	toll_agg_result_write(res, o);
	toll_agg_result_free(res);
	return TOLL_OK;
}
