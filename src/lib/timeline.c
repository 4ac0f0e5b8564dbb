/* timeline.c: tolls period by period; see timeline.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agg_int.h"
#include "hashtab.h"
#include "toll/timeline.h"

/* A row's state at the end of a period in which something of it was reported. */
struct snap {
	toll_agg_figure own, adv;
	i128 best;               /* the own best in halves (0 when empty), for the change */
	uint64_t events, series;
	uint32_t pidx;           /* the period's number */
	uint32_t updated;        /* events of the row reported in it */
	uint32_t gid;
	uint32_t fall_file, fall_line, prev_file, prev_line;   /* what made it fall, if it did */
	int known;               /* and it was a correction, known: no warning */
	int exists;              /* it has a claim of its own (else, as in toll-agg, no row) */
};

struct toll_timeline {
	const toll_keys *keys;
	toll_strmap *groups;     /* owns the key values */
	int unit;
	int64_t *period;         /* the periods' first instants */
	size_t nperiod;
	int64_t last_day;        /* the last period's as-of day: its last, or the as-of date's */
	struct snap *snap;       /* by group (in key order), then by period */
	size_t nsnap;
	size_t *live;            /* the snaps that exist: each has rows, to the group's next snap */
	size_t *lrow;            /* and the first of them; [nlive]: the number of rows */
	size_t nlive;
};

/* A row's running sums: the own claims' [0] and the adversaries' [1]. */
struct acc {
	i128 low[2], best[2], high[2];
	uint64_t events, series, claims;
	uint32_t open[2], any[2], flag[2][3];
	uint32_t stamp;          /* period number + 1 when last touched */
	uint32_t updated;
	int live;                /* its last snap exists */
	i128 drop;               /* the largest fall of one event's best in it this period */
	uint32_t fall_file, fall_line, prev_file, prev_line;
	int known;
};

/* An event's claims as of now: what they put in each row (in the pool), and this period's report. */
struct evstate {
	size_t off;
	uint32_t n;
	uint32_t stamp;          /* period number + 1 when last reported */
	uint32_t file, line, prev_file, prev_line;
	int fell;                /* a series of it fell in the period */
	int known;               /* the fall was a known correction ([correction] in its note) */
};

static const uint8_t flag_bits[3] = { TOLL_BEST_APPROX, TOLL_BEST_VAGUE, TOLL_BEST_SUPPLIED };

/* Adds (sign 1) or takes back (sign -1) what an event puts in a row. */
static void
acc_apply(struct acc *g, const struct contrib *c, int sign)
{
	int k = c->adversary ? 1 : 0, b;

	g->claims += (uint64_t)(int64_t)sign * c->claims;
	if (!c->fig)
		return;
	g->low[k] += sign * c->low;
	g->best[k] += sign * c->best;
	g->high[k] += sign * c->high;
	g->open[k] += (uint32_t)(sign * c->open);
	g->any[k] += (uint32_t)sign;
	for (b = 0; b < 3; b++)
		g->flag[k][b] += (uint32_t)(sign * ((c->flags & flag_bits[b]) != 0));
	if (k == 0) {
		g->events += (uint64_t)(int64_t)sign;
		g->series += (uint64_t)(int64_t)sign * c->series;
	}
}

static toll_agg_figure
acc_figure(const struct acc *g, int k)
{
	toll_agg_figure f;
	int b;

	memset(&f, 0, sizeof f);
	if (g->any[k] == 0)
		return f;
	f.any = 1;
	f.low = agg_half_of(g->low[k]);
	f.best = agg_half_of(g->best[k]);
	f.open = g->open[k] > 0;
	if (!f.open)
		f.high = agg_half_of(g->high[k]);
	for (b = 0; b < 3; b++)
		if (g->flag[k][b] > 0)
			f.flags |= flag_bits[b];
	return f;
}

/* Orders contributions by event, row and pass. */
static int
by_event_row(const void *x, const void *y)
{
	const struct contrib *a = x, *b = y;

	if (a->event != b->event)
		return a->event < b->event ? -1 : 1;
	if (a->gid != b->gid)
		return a->gid < b->gid ? -1 : 1;
	return (a->adversary > b->adversary) - (a->adversary < b->adversary);
}

/* Merges the contributions of one (event, row, pass) into one; returns how many are left. */
static size_t
merge_contribs(struct contrib *c, size_t n)
{
	size_t i, k = 0;

	qsort(c, n, sizeof *c, by_event_row);
	for (i = 0; i < n; i++) {
		struct contrib *o;

		if (k > 0 && by_event_row(&c[k - 1], &c[i]) == 0) {
			o = &c[k - 1];
			o->claims += c[i].claims;
			if (c[i].fig) {
				o->low += c[i].low;
				o->best += c[i].best;
				o->high += c[i].high;
				o->open |= c[i].open;
				o->flags |= c[i].flags;
				o->series += c[i].series;
				o->fresh |= c[i].fresh;
				o->fig = 1;
			}
			continue;
		}
		c[k++] = c[i];
	}
	return k;
}

struct order {
	int64_t period;
	size_t i;
};

static int
by_period(const void *x, const void *y)
{
	const struct order *a = x, *b = y;

	if (a->period != b->period)
		return a->period < b->period ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

static int
by_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return (a > b) - (a < b);
}

void
toll_timeline_free(toll_timeline *t)
{
	if (t == NULL)
		return;
	toll_strmap_free(t->groups);
	free(t->period);
	free(t->snap);
	free(t->live);
	free(t->lrow);
	free(t);
}

/* What the sweep works with. */
struct sweep {
	toll_agg *a;
	const toll_reports *rd;
	struct ctx c;
	toll_strmap *groups;
	struct pass pass[2];
	struct acc *acc;
	struct evstate *ev;
	size_t *evstart, *evser;
	struct contrib *pool;
	size_t npool, poolcap;
	uint32_t *stamp;            /* per series: the period it was last reported in, + 1 */
	uint32_t *touched, *rows;   /* the events reported, the rows touched, in a period */
	size_t ntouched, touchedcap, nrows, rowscap;
	size_t *sel;
	struct contrib *rec;
	size_t reccap;
	struct snap *snap;
	size_t nsnap, snapcap;
};

/*
 * The rows every claim may ever have, with their categories (in both
 * passes' masks): from each revision of each series, as the latest of
 * its claim, of whichever pass its claimant puts it in.  Rows that hold
 * another are then known from the start: a row's sums hold every part,
 * and a row is written from when it has a claim of its own.
 */
static int
all_rows(struct sweep *w, toll_diag *d)
{
	toll_agg *a = w->a;
	toll_strmap *parties = agg_parties(a);
	size_t r, all = agg_side_all(a), gid, klen, event;
	char *kbuf = NULL;
	size_t kcap = 0;
	int added, rc = TOLL_ENOMEM;

	if (parties == NULL)
		goto out;
	for (r = 0; r < a->nrev; r++) {
		const struct arev *v = &a->rev[r];
		int k;

		a->s[v->series] = v->v;
		if (a->nstored > 0)
			a->stored[v->series] = v->stored;
		k = agg_adversary(a, parties, all, &v->v);
		if (agg_claim_key(&w->c, v->series, &kbuf, &kcap, &klen, &event) != 0 ||
		    toll_strmap_intern(w->groups, kbuf ? kbuf : "", klen, &gid, &added) != TOLL_OK ||
		    agg_pass_room(&w->pass[k], gid) != 0)
			goto out;
		w->pass[k].mask[gid] |= 1u << (v->v.claim & 7);
	}
	rc = TOLL_OK;
	for (r = 0; r < 2 && rc == TOLL_OK; r++)
		rc = agg_check_categories(a, w->groups, w->pass[r].mask, w->pass[r].mcap, d);
	if (rc != TOLL_OK)
		goto done;
	for (r = 0; r < 2; r++) {
		w->pass[r].fixed = 1;
		w->pass[r].nested = agg_nested(a, (int)r, 1);
	}
out:
	if (rc == TOLL_ENOMEM)
		toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
done:
	free(kbuf);
	toll_strmap_free(parties);
	return rc;
}

/* Series by event: evser[evstart[e] .. evstart[e + 1]). */
static int
series_by_event(struct sweep *w, size_t nev)
{
	toll_agg *a = w->a;
	size_t i, e;

	if ((w->evstart = calloc(nev + 1, sizeof *w->evstart)) == NULL ||
	    (w->evser = malloc((a->ns ? a->ns : 1) * sizeof *w->evser)) == NULL)
		return -1;
	for (i = 0; i < a->ns; i++)
		w->evstart[a->s[i].event + 1]++;
	for (e = 0; e < nev; e++)
		w->evstart[e + 1] += w->evstart[e];
	for (i = 0; i < a->ns; i++)
		w->evser[w->evstart[a->s[i].event]++] = i;
	for (e = nev; e > 0; e--)
		w->evstart[e] = w->evstart[e - 1];
	w->evstart[0] = 0;
	return 0;
}

/* Marks row gid touched in period pidx (its updated count starts anew). */
static int
touch_row(struct sweep *w, uint32_t gid, uint32_t pidx)
{
	struct acc *g = &w->acc[gid];

	if (g->stamp == pidx + 1)
		return 0;
	g->stamp = pidx + 1;
	g->updated = 0;
	g->drop = 0;
	if (toll_reserve((void **)&w->rows, &w->rowscap, w->nrows + 1, sizeof *w->rows) != 0)
		return -1;
	w->rows[w->nrows++] = gid;
	return 0;
}

/*
 * Takes back what event e put in the rows (old[0..nold)) and adds what it
 * puts now (neu[0..nnew)), both sorted by row: each row it is in is
 * touched, and an own best that falls is noted with the revision that
 * made it fall.
 */
static int
replace_event(struct sweep *w, const struct evstate *ev, const struct contrib *old, size_t nold,
              const struct contrib *neu, size_t nnew, uint32_t pidx)
{
	size_t i = 0, j = 0;

	while (i < nold || j < nnew) {
		uint32_t gid = i < nold && (j == nnew || old[i].gid <= neu[j].gid) ? old[i].gid : neu[j].gid;
		i128 before = 0, after = 0;
		struct acc *g = &w->acc[gid];
		int fresh = 0;

		if (touch_row(w, gid, pidx) != 0)
			return -1;
		for (; i < nold && old[i].gid == gid; i++) {
			acc_apply(g, &old[i], -1);
			if (!old[i].adversary && old[i].fig)
				before = old[i].best;
		}
		for (; j < nnew && neu[j].gid == gid; j++) {
			acc_apply(g, &neu[j], 1);
			fresh |= neu[j].fresh;
			if (!neu[j].adversary && neu[j].fig)
				after = neu[j].best;
		}
		g->updated += fresh;
		if (after < before && before - after > g->drop) {
			g->drop = before - after;
			g->fall_file = ev->file;
			g->fall_line = ev->line;
			g->prev_file = ev->fell ? ev->prev_file : 0;
			g->prev_line = ev->fell ? ev->prev_line : 0;
			g->known = ev->fell && ev->known;
		}
	}
	return 0;
}

/* Notes the state of each row touched in period pidx. */
static int
take_snaps(struct sweep *w, uint32_t pidx, toll_diag *d)
{
	size_t i;

	for (i = 0; i < w->nrows; i++) {
		uint32_t gid = w->rows[i];
		struct acc *g = &w->acc[gid];
		struct snap *s;
		toll_str key = toll_strmap_key(w->groups, gid);

		if (g->claims == 0 && !g->live)
			continue;   /* no row, and none before it to end */
		g->live = g->claims > 0;
		if (agg_check_sum(w->a, "low", g->low[0], key, d) != TOLL_OK ||
		    agg_check_sum(w->a, "best", g->best[0], key, d) != TOLL_OK ||
		    (g->open[0] == 0 && agg_check_sum(w->a, "high", g->high[0], key, d) != TOLL_OK) ||
		    agg_check_sum(w->a, "low", g->low[1], key, d) != TOLL_OK ||
		    (g->open[1] == 0 && agg_check_sum(w->a, "high", g->high[1], key, d) != TOLL_OK))
			return TOLL_EDATA;
		if (toll_reserve((void **)&w->snap, &w->snapcap, w->nsnap + 1, sizeof *w->snap) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		s = &w->snap[w->nsnap++];
		s->own = acc_figure(g, 0);
		s->adv = acc_figure(g, 1);
		s->exists = g->claims > 0;
		s->best = g->any[0] > 0 && s->exists ? g->best[0] : 0;
		s->events = g->events;
		s->series = g->series;
		s->pidx = pidx;
		s->updated = g->updated;
		s->gid = gid;
		s->fall_file = g->fall_file;
		s->fall_line = g->fall_line;
		s->prev_file = g->prev_file;
		s->prev_line = g->prev_line;
		s->known = g->known;
	}
	w->nrows = 0;
	return TOLL_OK;
}

/*
 * The revisions of period pidx (ord[*k..] while of that period) made the
 * latest of their series where they are later, and their events touched.
 */
static int
apply_period(struct sweep *w, const struct order *ord, size_t *k, uint32_t pidx,
             const toll_strmap *parties, size_t all)
{
	toll_agg *a = w->a;
	int64_t period = ord[*k].period;

	w->ntouched = 0;
	for (; *k < a->nrev && ord[*k].period == period; (*k)++) {
		const struct arev *r = &a->rev[ord[*k].i];
		struct aseries *s = &a->s[r->series];
		struct evstate *ev = &w->ev[r->v.event];
		int newer = s->reported == INT64_MIN || r->v.reported > s->reported;

		w->stamp[r->series] = pidx + 1;
		if (ev->stamp != pidx + 1) {
			ev->stamp = pidx + 1;
			ev->fell = 0;
			ev->file = r->v.fileno;
			ev->line = r->v.line;
			if (toll_reserve((void **)&w->touched, &w->touchedcap, w->ntouched + 1,
			                 sizeof *w->touched) != 0)
				return -1;
			w->touched[w->ntouched++] = r->v.event;
		}
		if (!newer)
			continue;
		if (s->reported != INT64_MIN && r->v.best < s->best && !ev->fell) {
			ev->fell = 1;
			ev->known = (r->v.flags & CORRECTION) != 0;
			ev->file = r->v.fileno;
			ev->line = r->v.line;
			ev->prev_file = s->fileno;
			ev->prev_line = s->line;
		} else if (!ev->fell) {
			ev->file = r->v.fileno;
			ev->line = r->v.line;
		}
		*s = r->v;
		if (a->nstored > 0)
			a->stored[r->series] = r->stored;
		if (agg_adversary(a, parties, all, s))
			s->flags |= ADVERSARY;
	}
	return 0;
}

/*
 * Combines again the claims of the events reported in period pidx, and
 * puts what each now puts in each row in place of what it put before.
 */
static int
recombine(struct sweep *w, uint32_t pidx, toll_diag *d)
{
	toll_agg *a = w->a;
	size_t i, j, nsel = 0, nrec = 0, k;
	int rc, any_adv = 0;

	qsort(w->touched, w->ntouched, sizeof *w->touched, by_u32);
	for (i = 0; i < w->ntouched; i++) {
		uint32_t e = w->touched[i];

		for (j = w->evstart[e]; j < w->evstart[e + 1]; j++) {
			w->sel[nsel++] = w->evser[j];
			any_adv |= (a->s[w->evser[j]].flags & ADVERSARY) != 0;
		}
	}
	for (k = 0; k < 2; k++) {
		struct pass *p = &w->pass[k];

		p->sel = w->sel;
		p->nsel = nsel;
		p->stamp = w->stamp;
		p->now = pidx + 1;
		p->nrec = 0;
		if ((k == 0 || any_adv) &&
		    (rc = agg_group_pass(a, w->rd, &w->c, (int)k, w->groups, p, d)) != TOLL_OK)
			return rc;
		if (toll_reserve((void **)&w->rec, &w->reccap, nrec + p->nrec, sizeof *w->rec) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (p->nrec > 0)
			memcpy(w->rec + nrec, p->rec, p->nrec * sizeof *p->rec);
		nrec += p->nrec;
	}
	nrec = merge_contribs(w->rec, nrec);
	/* Event by event (both sorted): what it put before is taken back, what it puts now added. */
	for (i = 0, j = 0; i < w->ntouched; i++) {
		uint32_t e = w->touched[i];
		struct evstate *ev = &w->ev[e];
		size_t from = j;

		for (; j < nrec && w->rec[j].event == e; j++)
			;
		if (toll_reserve((void **)&w->pool, &w->poolcap, w->npool + (j - from), sizeof *w->pool) != 0 ||
		    replace_event(w, ev, w->pool + ev->off, ev->n, w->rec + from, j - from, pidx) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (j > from)
			memcpy(w->pool + w->npool, w->rec + from, (j - from) * sizeof *w->pool);
		ev->off = w->npool;
		ev->n = (uint32_t)(j - from);
		w->npool += j - from;
	}
	return take_snaps(w, pidx, d);
}

/* The day of instant t, in days since 1970. */
static int64_t
day_of(int64_t t)
{
	return t / 86400 - (t % 86400 < 0);
}

/* The periods from the first revision's to the last's, or to the as-of date's. */
static int
periods(const toll_agg *a, const struct order *ord, toll_timeline *t)
{
	int64_t last = ord[a->nrev - 1].period, p;
	size_t n = 0, cap = 0;

	if (toll_as_of_limits(&a->as_of)) {
		int64_t end = toll_bin_start(a->every, (a->as_of.by_day ? a->as_of.day : day_of(a->as_of.t)) * 86400);

		if (end > last)
			last = end;
	}
	for (p = ord[0].period; p <= last; p = toll_bin_next(a->every, p)) {
		if (toll_reserve((void **)&t->period, &cap, n + 1, sizeof *t->period) != 0)
			return -1;
		t->period[n++] = p;
	}
	t->nperiod = n;
	t->last_day = day_of(toll_bin_next(a->every, t->period[n - 1])) - 1;
	if (toll_as_of_limits(&a->as_of)) {
		int64_t d = a->as_of.by_day ? a->as_of.day : day_of(a->as_of.t);

		if (d < t->last_day)
			t->last_day = d;
	}
	return 0;
}

/* The snaps by group in key order (a stable counting sort), and the rows of each that exists. */
static int
by_group(toll_timeline *t, struct snap *snap, size_t nsnap)
{
	size_t ng = toll_strmap_count(t->groups), *order, *rank = NULL, *count = NULL, i;

	if ((order = toll_strmap_sorted(t->groups)) == NULL ||
	    (rank = malloc((ng ? ng : 1) * sizeof *rank)) == NULL ||
	    (count = calloc(ng + 1, sizeof *count)) == NULL ||
	    (t->snap = malloc((nsnap ? nsnap : 1) * sizeof *t->snap)) == NULL ||
	    (t->live = malloc((nsnap ? nsnap : 1) * sizeof *t->live)) == NULL ||
	    (t->lrow = malloc((nsnap + 1) * sizeof *t->lrow)) == NULL) {
		free(order);
		free(rank);
		free(count);
		return -1;
	}
	for (i = 0; i < ng; i++)
		rank[order[i]] = i;
	for (i = 0; i < nsnap; i++)
		count[rank[snap[i].gid] + 1]++;
	for (i = 0; i < ng; i++)
		count[i + 1] += count[i];
	for (i = 0; i < nsnap; i++)
		t->snap[count[rank[snap[i].gid]]++] = snap[i];
	t->nsnap = nsnap;
	/* A snap that exists has rows from its period to its group's next snap, or to the end. */
	t->nlive = 0;
	t->lrow[0] = 0;
	for (i = 0; i < nsnap; i++) {
		size_t until = i + 1 < nsnap && t->snap[i + 1].gid == t->snap[i].gid ? t->snap[i + 1].pidx
		                                                                     : t->nperiod;

		if (!t->snap[i].exists)
			continue;
		t->live[t->nlive] = i;
		t->lrow[t->nlive + 1] = t->lrow[t->nlive] + (until - t->snap[i].pidx);
		t->nlive++;
	}
	free(order);
	free(rank);
	free(count);
	return 0;
}

/* "2022-09" of period p, into buf. */
static void
period_label(const toll_timeline *t, size_t p, char buf[TOLL_BIN_LABEL])
{
	toll_bin_label(t->unit, t->period[p], buf);
}

/* A change in halves as text: "-2", "0.5", "-0.5". */
static void
change_text(i128 v, char *buf, size_t sz)
{
	i128 m = v < 0 ? -v : v;
	char n[TOLL_INT_TEXT];

	toll_int_text((int64_t)(m / 2), n);
	snprintf(buf, sz, "%s%s%s", v < 0 ? "-" : "", n, m % 2 ? ".5" : "");
}

/* Warns of each fall of a row's own best from one period to the next, in the rows' order. */
static void
warn_falls(const toll_agg *a, const toll_reports *rd, const toll_timeline *t)
{
	size_t i;

	if (a->warn == NULL)
		return;
	for (i = 1; i < t->nsnap; i++) {
		const struct snap *s = &t->snap[i], *b = &t->snap[i - 1];
		char where[TOLL_DIAG_MSG / 2], from[48], to[48], p0[TOLL_BIN_LABEL], p1[TOLL_BIN_LABEL];
		char why[96];
		toll_diag d;

		if (b->gid != s->gid || !b->exists || !s->exists || s->best >= b->best || s->fall_line == 0 ||
		    s->known)
			continue;
		agg_describe(a->keys, toll_strmap_key(t->groups, s->gid), where, sizeof where);
		change_text(b->best, from, sizeof from);
		change_text(s->best, to, sizeof to);
		period_label(t, b->pidx, p0);
		period_label(t, s->pidx, p1);
		if (s->prev_line == 0)
			snprintf(why, sizeof why, "this claim changed how the claims combine");
		else if (s->prev_file == s->fall_file)
			snprintf(why, sizeof why, "this revision is below its series' one before (line %lu)",
			         (unsigned long)s->prev_line);
		else
			snprintf(why, sizeof why, "this revision is below its series' one before (%s:%lu)",
			         toll_reports_file(rd, s->prev_file), (unsigned long)s->prev_line);
		toll_diag_set(&d, TOLL_EDATA, toll_reports_file(rd, s->fall_file), (long)s->fall_line, 0,
		              "the toll of %s fell from %s in %s to %s in %s: %s%s", where, from, p0, to, p1,
		              why, s->prev_line != 0 ? " (if known, say " TOLL_TAG_CORRECTION " in its note)" : "");
		a->warn(a->warn_ctx, &d);
	}
}

static void
sweep_free(struct sweep *w)
{
	size_t k;

	for (k = 0; k < 2; k++) {
		free(w->pass[k].g);
		free(w->pass[k].mask);
		free(w->pass[k].rec);
		free(w->pass[k].memo);
		toll_strmap_free(w->pass[k].said);
	}
	free(w->acc);
	free(w->ev);
	free(w->evstart);
	free(w->evser);
	free(w->pool);
	free(w->stamp);
	free(w->touched);
	free(w->rows);
	free(w->sel);
	free(w->rec);
	free(w->snap);
	toll_strmap_free(w->groups);
}

int
toll_agg_timeline(toll_agg *a, const toll_reports *rd, toll_timeline **out, toll_diag *d)
{
	struct sweep w;
	toll_timeline *t = NULL;
	struct order *ord = NULL;
	toll_strmap *parties = NULL;
	size_t nev, i, k = 0, all;
	uint32_t pidx;
	int rc = TOLL_ENOMEM;

	*out = NULL;
	if (a->every == TOLL_BIN_NONE)
		return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "internal error: no period unit was set");
	memset(&w, 0, sizeof w);
	w.a = a;
	w.rd = rd;
	w.c.a = a;
	w.c.x = toll_reports_index(rd);
	nev = toll_series_index_events(w.c.x);
	if (a->ns > UINT32_MAX || nev > UINT32_MAX || (t = calloc(1, sizeof *t)) == NULL ||
	    (w.groups = toll_strmap_new()) == NULL ||
	    (ord = malloc((a->nrev ? a->nrev : 1) * sizeof *ord)) == NULL)
		goto out;
	t->keys = a->keys;
	t->unit = a->every;
	for (i = 0; i < a->nrev; i++) {
		ord[i].period = toll_bin_start(a->every, a->rev[i].day * 86400);
		ord[i].i = i;
	}
	qsort(ord, a->nrev, sizeof *ord, by_period);
	if (a->nrev > 0 && periods(a, ord, t) != 0)
		goto out;
	if (t->nperiod > UINT32_MAX - 1)
		goto out;
	if ((rc = all_rows(&w, d)) != TOLL_OK)
		goto fail;
	rc = TOLL_ENOMEM;
	for (i = 0; i < a->ns; i++)
		a->s[i].reported = INT64_MIN;
	if (agg_order_edges(a) != 0 || series_by_event(&w, nev) != 0 ||
	    (parties = agg_parties(a)) == NULL ||
	    (w.acc = calloc(toll_strmap_count(w.groups) + 1, sizeof *w.acc)) == NULL ||
	    (w.ev = calloc(nev + 1, sizeof *w.ev)) == NULL ||
	    (w.sel = malloc((a->ns ? a->ns : 1) * sizeof *w.sel)) == NULL ||
	    (w.stamp = calloc(a->ns + 1, sizeof *w.stamp)) == NULL)
		goto out;
	all = agg_side_all(a);
	for (pidx = 0; pidx < t->nperiod && k < a->nrev; pidx++) {
		if (ord[k].period != t->period[pidx])
			continue;
		if (apply_period(&w, ord, &k, pidx, parties, all) != 0)
			goto out;
		if ((rc = recombine(&w, pidx, d)) != TOLL_OK)
			goto fail;
		rc = TOLL_ENOMEM;
	}
	t->groups = w.groups;
	w.groups = NULL;
	if (by_group(t, w.snap, w.nsnap) != 0)
		goto out;
	warn_falls(a, rd, t);
	*out = t;
	t = NULL;
	rc = TOLL_OK;
out:
	if (rc == TOLL_ENOMEM)
		toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
fail:
	toll_strmap_free(parties);
	free(ord);
	sweep_free(&w);
	toll_timeline_free(t);
	return rc;
}

size_t
toll_timeline_rows(const toll_timeline *t)
{
	return t->lrow != NULL ? t->lrow[t->nlive] : 0;
}

void
toll_timeline_row_at(const toll_timeline *t, size_t i, toll_timeline_row *r)
{
	size_t lo = 0, hi = t->nlive, s, p;
	const struct snap *sn;

	/* The snap: the last that exists whose first row is at or before i. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->lrow[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	s = t->live[lo];
	sn = &t->snap[s];
	p = sn->pidx + (i - t->lrow[lo]);
	memset(r, 0, sizeof *r);
	r->agg.keys = toll_strmap_key(t->groups, sn->gid).s;
	r->agg.own = sn->own;
	r->agg.adversary = sn->adv;
	r->agg.events = sn->events;
	r->agg.series = sn->series;
	r->period = t->period[p];
	period_label(t, p, r->label);
	r->as_of = p + 1 < t->nperiod ? day_of(t->period[p + 1]) - 1 : t->last_day;
	if (sn->pidx == p) {
		r->updated = sn->updated;
		r->change = sn->best - (s > 0 && t->snap[s - 1].gid == sn->gid ? t->snap[s - 1].best : 0);
	}
}

/* The columns after the keys: period, then toll-agg's with change after high and updated last. */
static const struct {
	const char *name;
	int agg;                 /* agg_row_text()'s column; -1: period, -2: change, -3: updated, -4: as_of */
} tl_columns[] = {
	{ "period", -1 }, { "as_of", -4 }, { "low", 0 }, { "best", 1 }, { "high", 2 }, { "change", -2 }, { "events", 3 },
	{ "series", 4 }, { "qualifier", 5 }, { "best_by", 6 }, { "adversary", 7 }, { "updated", -3 }
};
#define NTL_COLUMNS (sizeof tl_columns / sizeof tl_columns[0])

size_t
toll_timeline_columns(const toll_timeline *t)
{
	return t->keys->n + NTL_COLUMNS;
}

const char *
toll_timeline_column(const toll_timeline *t, size_t col)
{
	return col < t->keys->n ? t->keys->k[col].spec : tl_columns[col - t->keys->n].name;
}

/* The text of cell col of row r. */
static const char *
row_text(const toll_timeline *t, const toll_timeline_row *r, size_t col, char buf[TOLL_AGG_TEXT])
{
	if (col < t->keys->n) {
		const char *p = r->agg.keys;

		while (col-- > 0)
			p += strlen(p) + 1;
		return p;
	}
	switch (tl_columns[col - t->keys->n].agg) {
	case -1:
		snprintf(buf, TOLL_AGG_TEXT, "%s", r->label);
		return buf;
	case -2:
		change_text(r->change, buf, TOLL_AGG_TEXT);
		return buf;
	case -3:
		toll_int_text((int64_t)r->updated, buf);
		return buf;
	case -4: {
		int64_t y;
		int m, d;

		toll_civil_from_days(r->as_of, &y, &m, &d);
		snprintf(buf, TOLL_AGG_TEXT, "%04d-%02d-%02d", (int)y, m, d);
		return buf;
	}
	default:
		return agg_row_text(&r->agg, (size_t)tl_columns[col - t->keys->n].agg, buf);
	}
}

const char *
toll_timeline_text(const toll_timeline *t, size_t row, size_t col, char buf[TOLL_AGG_TEXT])
{
	toll_timeline_row r;

	toll_timeline_row_at(t, row, &r);
	return row_text(t, &r, col, buf);
}

void
toll_timeline_write(const toll_timeline *t, toll_out *o)
{
	size_t i, c, nc = toll_timeline_columns(t), n = toll_timeline_rows(t);
	char buf[TOLL_AGG_TEXT];
	toll_timeline_row r;

	for (c = 0; c < nc; c++) {
		if (c > 0)
			toll_out_tab(o);
		toll_out_str(o, toll_timeline_column(t, c));
	}
	toll_out_eol(o);
	for (i = 0; i < n; i++) {
		toll_timeline_row_at(t, i, &r);
		for (c = 0; c < nc; c++) {
			const char *s = row_text(t, &r, c, buf);

			if (c > 0)
				toll_out_tab(o);
			toll_out_field(o, s, strlen(s));
		}
		toll_out_eol(o);
	}
}
